import { Text } from 'ink';
import type { Line } from '../../render/lines.js';
import { ROLE_STYLE, useColor } from '../theme.js';

/** One pre-wrapped line of styled segments; never wraps again (wrap="truncate"). */
export function StyledLine({ line, inverse = false }: { line: Line; inverse?: boolean }) {
  const color = useColor();
  return (
    <Text wrap="truncate" inverse={inverse}>
      {line.segments.length === 0
        ? ' '
        : line.segments.map((segment, i) => {
            const style = segment.role ? ROLE_STYLE[segment.role] : {};
            const text = !color && segment.role === 'match' ? `«${segment.text}»` : segment.text;
            return (
              <Text key={i} {...style} bold={segment.bold || style.bold}>
                {text}
              </Text>
            );
          })}
    </Text>
  );
}
