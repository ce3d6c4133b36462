// Prints styled lines for a plain terminal: SGR colours by role, or plain text.
import type { Line, Role, Segment } from './lines.js';

const ROLE_SGR: Record<Role, string> = {
  accent: '36',
  muted: '90',
  success: '32',
  error: '31',
  warning: '33',
  code: '35',
  match: '1;4;33',
};

function styleSegment(segment: Segment, color: boolean): string {
  if (!color) return segment.role === 'match' ? `«${segment.text}»` : segment.text;
  const codes = [segment.bold ? '1' : '', segment.role ? ROLE_SGR[segment.role] : ''].filter(Boolean);
  return codes.length ? `\x1b[${codes.join(';')}m${segment.text}\x1b[0m` : segment.text;
}

export function lineToAnsi(line: Line, color: boolean): string {
  return line.segments.map((s) => styleSegment(s, color)).join('');
}

export function linesToAnsi(lines: Line[], color: boolean): string {
  return lines.map((l) => lineToAnsi(l, color).replace(/\s+$/, '')).join('\n');
}
