// Styled text as plain data, shared by the terminal printer (`show`) and the Ink reader,
// so both draw a note the same way. Roles are semantic; each front end maps them to colours.

export type Role = 'accent' | 'muted' | 'success' | 'error' | 'warning' | 'code' | 'match';

export interface Segment {
  text: string;
  role?: Role;
  bold?: boolean;
}

export interface Line {
  segments: Segment[];
}

export function lineText(line: Line): string {
  return line.segments.map((s) => s.text).join('');
}

/** True when `text` holds a surrogate, so code points and UTF-16 units differ. */
export const hasSurrogates = (text: string) => /[\ud800-\udfff]/.test(text);

/** Text indexable by code point: the string itself when it holds no surrogate, else its code points. */
export type CodePoints = string | string[];

export function codePoints(text: string, surrogates = hasSurrogates(text)): CodePoints {
  return surrogates ? [...text] : text;
}

/** Code points [from, to) of `units` as a string. */
export function sliceCodePoints(units: CodePoints, from: number, to: number): string {
  return typeof units === 'string' ? units.slice(from, to) : units.slice(from, to).join('');
}

/** Length in code points, as the terminal counts them (one regex test for most text). */
export function charLength(text: string): number {
  if (!hasSurrogates(text)) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Cuts a line to `width` characters, ending with … when something was cut. */
export function truncateLine(line: Line, width: number): Line {
  if (width <= 0) return { segments: [] };
  if (charLength(lineText(line)) <= width) return line;
  const segments: Segment[] = [];
  let room = width - 1;
  for (const segment of line.segments) {
    if (room <= 0) break;
    const chars = [...segment.text];
    segments.push({ ...segment, text: chars.slice(0, room).join('') });
    room -= Math.min(room, chars.length);
  }
  segments.push({ text: '…', role: 'muted' });
  return { segments };
}

/**
 * truncateLine() for plain text: `line` if it has at most `width` characters (code
 * points), else its first `width` − 1 and an ellipsis. Counted in place: spreading each
 * line into an array of characters (twice) was most of what `awsnotes questions` cost.
 */
export function truncateText(line: string, width: number): string {
  // A line has at least as many UTF-16 units as characters.
  if (line.length <= width) return line;
  let characters = 0;
  let keep = 0;
  for (let end = 0; end < line.length; ) {
    const unit = line.charCodeAt(end);
    const pair = unit >= 0xd800 && unit <= 0xdbff && (line.charCodeAt(end + 1) & 0xfc00) === 0xdc00;
    end += pair ? 2 : 1;
    characters++;
    if (characters === width - 1) keep = end;
    if (characters > width) return `${line.slice(0, keep)}…`;
  }
  return line;
}

/**
 * Re-styles the character ranges [start, end] (inclusive, over the line's plain text) with
 * `role`, splitting segments where needed. Used for search-match highlighting: the menu and
 * the reader call it on each frame, so it cuts each segment at the range edges rather than
 * walking it character by character.
 */
export function highlight(line: Line, ranges: readonly (readonly [number, number])[], role: Role = 'match'): Line {
  if (ranges.length === 0) return line;
  const marks = mergedRanges(ranges);
  const out: Segment[] = [];
  let offset = 0;
  for (const segment of line.segments) {
    const units = codePoints(segment.text);
    const piece = (from: number, to: number, marked: boolean) => {
      if (from >= to) return;
      const text = sliceCodePoints(units, from, to);
      out.push(marked ? { ...segment, text, role } : { ...segment, text });
    };
    let at = 0;
    for (const [start, end] of marks) {
      const from = Math.max(start - offset, at);
      const to = Math.min(end - offset + 1, units.length);
      if (from >= to) continue;
      piece(at, from, false);
      piece(from, to, true);
      at = to;
    }
    piece(at, units.length, false);
    offset += units.length;
  }
  return { segments: out };
}

/** Valid ranges sorted, with overlapping and touching ones joined. */
function mergedRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = ranges.filter(([start, end]) => start <= end).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Every occurrence of `needle` in `haystack`, case-insensitive, as inclusive ranges. */
export function findAll(haystack: string, needle: string): [number, number][] {
  if (!needle) return [];
  const hay = [...haystack.toLowerCase()];
  const pin = [...needle.toLowerCase()];
  const ranges: [number, number][] = [];
  for (let i = 0; i + pin.length <= hay.length; i++) {
    if (pin.every((c, j) => hay[i + j] === c)) {
      ranges.push([i, i + pin.length - 1]);
      i += pin.length - 1;
    }
  }
  return ranges;
}

/**
 * A one-line excerpt of `text` that fits `width`, shifted so the first matched range is
 * visible, with the ranges highlighted.
 */
export function excerpt(text: string, ranges: [number, number][], width: number, style: Omit<Segment, 'text'> = {}): Line {
  const chars = [...text];
  let start = 0;
  const firstMatch = ranges[0]?.[0] ?? 0;
  if (chars.length > width && firstMatch > width / 2) start = Math.min(firstMatch - Math.floor(width / 3), chars.length - width + 1);
  start = Math.max(0, start);
  const shifted = ranges.map(([a, b]) => [a - start + (start > 0 ? 1 : 0), b - start + (start > 0 ? 1 : 0)] as [number, number]);
  const body = (start > 0 ? '…' : '') + chars.slice(start).join('');
  return truncateLine(highlight({ segments: [{ text: body, ...style }] }, shifted), width);
}
