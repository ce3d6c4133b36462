import { Text } from 'ink';
import { memo } from 'react';
import { lineToAnsi } from '../../render/ansi.js';
import type { Line } from '../../render/lines.js';
import { useColor } from '../theme.js';

/**
 * One pre-wrapped line, drawn as a single pre-styled <Text> (never wrapped again). One node
 * per line instead of one per segment keeps Ink's layout and output work per keystroke
 * small; memo skips lines whose content did not change.
 */
export const StyledLine = memo(function StyledLine({ line, inverse = false }: { line: Line; inverse?: boolean }) {
  const color = useColor();
  const text = lineToAnsi(line, color, { inverse });
  return <Text wrap="truncate">{text === '' ? ' ' : text}</Text>;
});
