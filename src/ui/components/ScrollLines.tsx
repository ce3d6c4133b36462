import { Box } from 'ink';
import type { Line } from '../../render/lines.js';
import { truncateLine } from '../../render/lines.js';
import { StyledLine } from './StyledLine.js';

/** A window of pre-wrapped lines, `height` tall, starting at `top` (clamped). */
export function ScrollLines({ lines, top, height, width }: { lines: Line[]; top: number; height: number; width: number }) {
  const start = clampTop(top, lines.length, height);
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(start, start + height).map((line, i) => (
        <StyledLine key={start + i} line={truncateLine(line, width)} />
      ))}
    </Box>
  );
}

export function clampTop(top: number, total: number, height: number): number {
  return Math.max(0, Math.min(top, total - height));
}
