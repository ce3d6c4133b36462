// Lays a compiled note out as styled lines for a given width: word-wrapped paragraphs,
// bullets with hanging indents, code blocks, and tables that fit or fold into lists.
import { plainText, type Block, type Service, type Span } from '../content/types.js';
import { charLength, codePoints, hasSurrogates, sliceCodePoints, type Line, type Segment } from './lines.js';

export interface NoteLayout {
  lines: Line[];
  /** Section slug → index of its heading line. */
  anchors: Map<string, number>;
}

const BULLETS = ['•', '◦', '▪'];
const MIN_WIDTH = 10;

function spanSegments(spans: Span[]): Segment[] {
  return spans.map((span) => {
    if (span.strong && /^(correction|update):?$/i.test(span.text.trim())) return { text: span.text, role: 'warning', bold: true };
    const segment: Segment = { text: span.text };
    if (span.code) segment.role = 'code';
    if (span.strong) segment.bold = true;
    return segment;
  });
}

/** Runs of whitespace: where a segment's text may break. */
const SPACES = /\s+/;
const UNSTYLED: Omit<Segment, 'text'> = {};

const prefixWidth = (prefix: Segment[]) => prefix.reduce((sum, s) => sum + charLength(s.text), 0);

/**
 * Greedy word wrap. `first` prefixes the first line and `rest` the others; both are
 * counted in `width`. Words longer than a line are split.
 *
 * A word is the text between spaces, even across segments: the ")" after
 * "`SendMessageBatch`" moves to the next line with its word instead of starting a line.
 * Each segment's text is split once and its words measured in place, with no per-word
 * objects: `awsnotes show` lays out a whole note in code that runs once, uncompiled.
 */
export function wrap(segments: Segment[], width: number, first: Segment[] = [], rest: Segment[] = []): Line[] {
  const restWidth = prefixWidth(rest);
  const lines: Line[] = [];
  // Prefix segments are shared between lines and never merged into, so never changed.
  let current: Segment[] = [...first];
  let fixed = current.length;
  let used = prefixWidth(first);
  let empty = true;
  const newLine = () => {
    lines.push({ segments: current });
    current = [...rest];
    fixed = current.length;
    used = restWidth;
    empty = true;
  };
  const append = (text: string, style: Omit<Segment, 'text'>) => {
    const last = current.length > fixed ? current[current.length - 1]! : undefined;
    if (last && last.role === style.role && last.bold === style.bold) {
      last.text += text;
      return;
    }
    const segment: Segment = { text };
    if (style.role) segment.role = style.role;
    if (style.bold) segment.bold = true;
    current.push(segment);
  };
  /** Puts `text` on the line, cut where the line is full (only a word longer than a line is). */
  const place = (text: string, style: Segment, surrogates: boolean) => {
    const units = codePoints(text, surrogates);
    for (let at = 0; at < units.length; ) {
      if (!empty && used >= width) newLine();
      const take = Math.min(units.length - at, Math.max(1, width - used));
      append(at === 0 && take === units.length ? text : sliceCodePoints(units, at, at + take), style);
      at += take;
      used += take;
      empty = false;
    }
  };
  const pieces = segments.map((segment) => segment.text.split(SPACES));
  const surrogates = segments.map((segment) => hasSurrogates(segment.text));
  const measure = (text: string, k: number) => (surrogates[k] ? charLength(text) : text.length);
  /** Width of the text glued after the last piece of segment `k` (no space between). */
  const gluedAfter = (k: number) => {
    let length = 0;
    for (let m = k + 1; m < segments.length; m++) {
      const next = pieces[m]!;
      if (next[0] === '') {
        if (next.length > 1) break; // starts with a space
        continue; // empty segment
      }
      length += measure(next[0]!, m);
      if (next.length > 1) break;
    }
    return length;
  };
  let pendingSpace = false;
  let started = false;
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k]!;
    const split = pieces[k]!;
    for (let j = 0; j < split.length; j++) {
      const text = split[j]!;
      if (text === '') continue; // before the first space or after the last
      const spaced = j > 0 || pendingSpace;
      if (spaced || !started) {
        // A new word: break before it if it (and what is glued to it) does not fit.
        const length = measure(text, k) + (j === split.length - 1 ? gluedAfter(k) : 0);
        if (!empty && length + (spaced ? 1 : 0) > width - used) newLine();
        if (spaced && !empty) {
          append(' ', UNSTYLED);
          used += 1;
        }
      }
      place(text, segment, surrogates[k]!);
      started = true;
      pendingSpace = false;
    }
    if (split.length > 1 && split[split.length - 1] === '') pendingSpace = true;
  }
  if (!empty || lines.length === 0) lines.push({ segments: current });
  return lines;
}

function tableLines(header: Span[][], rows: Span[][][], width: number, indent: string): Line[] {
  const columns = header.length;
  const cellText = (spans: Span[] | undefined) => (spans ? plainText(spans) : '');
  const natural = header.map((_, c) => Math.max(charLength(cellText(header[c])), ...rows.map((r) => charLength(cellText(r[c])))));
  const available = width - charLength(indent) - (columns - 1) * 3;
  const minColumn = 6;
  if (available < columns * minColumn) return foldedTable(header, rows, width, indent);

  // Shrink the widest columns until the table fits.
  const widths = [...natural];
  while (widths.reduce((a, b) => a + b, 0) > available) {
    const widest = widths.indexOf(Math.max(...widths));
    if ((widths[widest] ?? 0) <= minColumn) return foldedTable(header, rows, width, indent);
    widths[widest] = (widths[widest] ?? 0) - 1;
  }

  const renderRow = (cells: Span[][], bold: boolean): Line[] => {
    const wrapped = widths.map((w, c) => {
      const segments = spanSegments(cells[c] ?? []).map((s) => (bold ? { ...s, bold: true } : s));
      return wrap(segments, w);
    });
    const height = Math.max(...wrapped.map((w) => w.length));
    const out: Line[] = [];
    for (let i = 0; i < height; i++) {
      const segments: Segment[] = [{ text: indent }];
      widths.forEach((w, c) => {
        const cell = wrapped[c]?.[i] ?? { segments: [] };
        const text = charLength(cell.segments.map((s) => s.text).join(''));
        segments.push(...cell.segments, { text: ' '.repeat(Math.max(0, w - text)) });
        if (c < columns - 1) segments.push({ text: ' │ ', role: 'muted' });
      });
      out.push({ segments: trimEnd(segments) });
    }
    return out;
  };

  const rule: Line = { segments: [{ text: indent }, { text: widths.map((w) => '─'.repeat(w)).join('─┼─'), role: 'muted' }] };
  return [...renderRow(header, true), rule, ...rows.flatMap((row) => renderRow(row, false))];
}

function trimEnd(segments: Segment[]): Segment[] {
  const out = segments.filter((s) => s.text !== '');
  while (out.length > 0 && /^\s*$/.test(out.at(-1)!.text)) out.pop();
  return out;
}

/** Too narrow for columns: each row becomes a small list of "Header: value". */
function foldedTable(header: Span[][], rows: Span[][][], width: number, indent: string): Line[] {
  const out: Line[] = [];
  rows.forEach((row, r) => {
    if (r > 0) out.push({ segments: [] });
    row.forEach((cell, c) => {
      const label: Segment = { text: `${plainText(header[c] ?? [])}: `, bold: true };
      const first: Segment[] = [{ text: c === 0 ? `${indent}▸ ` : `${indent}  ` }, label];
      out.push(...wrap(spanSegments(cell), width, first, [{ text: `${indent}    ` }]));
    });
  });
  return out;
}

function blockLines(block: Block, width: number, depth: number): Line[] {
  const indent = '  '.repeat(depth);
  switch (block.type) {
    case 'heading': {
      const text = plainText(block.spans);
      const heading: Line[] = wrap(
        spanSegments(block.spans).map((s) => ({ ...s, role: 'accent' as const, bold: true })),
        width,
      );
      if (block.level === 2) heading.push({ segments: [{ text: '─'.repeat(Math.min(width, charLength(text))), role: 'accent' }] });
      return heading;
    }
    case 'paragraph':
      return wrap(spanSegments(block.spans), width, [{ text: indent }], [{ text: indent }]);
    case 'list': {
      const out: Line[] = [];
      block.items.forEach((item, i) => {
        const marker = block.ordered ? `${block.start + i}. ` : `${BULLETS[depth % BULLETS.length]} `;
        const hang = ' '.repeat(charLength(marker));
        if (item.spans.length > 0) {
          out.push(
            ...wrap(spanSegments(item.spans), width, [{ text: indent }, { text: marker, role: 'muted' }], [{ text: indent + hang }]),
          );
        }
        for (const child of item.children) out.push(...blockLines(child, width, depth + 1));
      });
      return out;
    }
    case 'code': {
      const out: Line[] = [];
      for (const raw of block.text.split('\n')) {
        const chars = [...raw];
        const room = Math.max(1, width - charLength(indent) - 4);
        do {
          out.push({
            segments: [{ text: `${indent}  ` }, { text: '│ ', role: 'muted' }, { text: chars.splice(0, room).join(''), role: 'code' }],
          });
        } while (chars.length > 0);
      }
      return out;
    }
    case 'table':
      return tableLines(block.header, block.rows, width, indent);
  }
}

/**
 * The mark at the left of every line the learner wrote (their "My notes" section, or the
 * whole note of a service of their own): text, so it shows without colour too.
 */
export const MINE_GUTTER = '┃ ';
/** Under the title of a service of the learner's own. */
export const MINE_LABEL = '✎ your own note';

/** Lays out a whole note at `width` columns (at least 10). */
export function layoutNote(service: Service, width: number): NoteLayout {
  const w = Math.max(MIN_WIDTH, Math.floor(width));
  const lines: Line[] = [];
  const anchors = new Map<string, number>();
  lines.push(...wrap([{ text: service.title, bold: true, role: 'accent' }], w));
  const names = service.aliases.join(' · ');
  if (service.own)
    lines.push(...wrap([{ text: MINE_LABEL, role: 'accent' }, ...(names ? [{ text: ` · ${names}`, role: 'muted' as const }] : [])], w));
  else lines.push(...wrap([{ text: names, role: 'muted' }], w));
  layoutBlocks(service.blocks, w, lines, anchors);
  if (service.mine?.length) {
    // Laid out two columns narrower, then marked: the mark is never wrapped away from its line.
    const mine: Line[] = [];
    const mineAnchors = new Map<string, number>();
    layoutBlocks(service.mine, Math.max(MIN_WIDTH, w - charLength(MINE_GUTTER)), mine, mineAnchors);
    if (lines.at(-1)!.segments.length > 0) lines.push({ segments: [] });
    const start = lines.length;
    for (const line of mine) lines.push({ segments: [{ text: MINE_GUTTER, role: 'accent' }, ...line.segments] });
    for (const [slug, at] of mineAnchors) anchors.set(slug, start + at);
  }
  return { lines, anchors };
}

function layoutBlocks(blocks: readonly Block[], w: number, lines: Line[], anchors: Map<string, number>): void {
  const spacer = () => {
    if (lines.length > 0 && lines.at(-1)!.segments.length > 0) lines.push({ segments: [] });
  };
  for (const block of blocks) {
    // Lists stay tight under their heading; other blocks get a blank line before them.
    if (block.type !== 'list') spacer();
    if (block.type === 'heading') anchors.set(block.slug, lines.length);
    lines.push(...blockLines(block, w, 0));
  }
}
