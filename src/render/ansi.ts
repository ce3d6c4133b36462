// Styled lines as terminal text: SGR colours by role, or plain text. Used by the plain
// commands and by the app, which draws each line as one pre-styled Ink <Text> (far fewer
// nodes for Ink to lay out than a <Text> per segment).
import type { Line, Role, Segment } from './lines.js';

/** Opening and closing SGR codes. Closing codes are specific (not a full reset), so a
 * styled segment inside an inverse (selected) row leaves the inverse on. */
const ROLE_SGR: Record<Role, [string, string]> = {
  accent: ['36', '39'],
  muted: ['90', '39'],
  success: ['32', '39'],
  error: ['31', '39'],
  warning: ['33', '39'],
  code: ['35', '39'],
  match: ['30;43', '39;49'],
};

function styleSegment(segment: Segment, color: boolean): string {
  if (!color) return segment.role === 'match' ? `«${segment.text}»` : segment.text;
  let text = segment.text;
  if (segment.role) text = `\x1b[${ROLE_SGR[segment.role][0]}m${text}\x1b[${ROLE_SGR[segment.role][1]}m`;
  if (segment.bold) text = `\x1b[1m${text}\x1b[22m`;
  return text;
}

export function lineToAnsi(line: Line, color: boolean, options: { inverse?: boolean } = {}): string {
  const text = line.segments.map((s) => styleSegment(s, color)).join('');
  return options.inverse && color ? `\x1b[7m${text}\x1b[27m` : text;
}

export function linesToAnsi(lines: Line[], color: boolean): string {
  return lines.map((l) => lineToAnsi(l, color).trimEnd()).join('\n');
}
