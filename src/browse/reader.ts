// The note reader's state: scroll position, in-note search and the outline, as a reducer
// over a laid-out note. Pure: tests/reader.test.ts drives it without rendering.
import { findAll, lineText, type Line } from '../render/lines.js';

export interface ReaderState {
  /** Index of the first visible line. */
  top: number;
  /** Committed in-note search, with the line index of every hit in order. */
  find: { query: string; hits: { line: number; ranges: [number, number][] }[]; current: number } | null;
  mode: 'read' | 'find' | 'outline';
  /** What is being typed after `/`. */
  draft: string;
  /** The section highlighted in the outline. */
  outlineIndex: number;
}

export type ReaderEvent =
  | { type: 'scroll'; by: number }
  | { type: 'page'; by: number }
  /** Ctrl+D / Ctrl+U: half a page, as in less and vi. */
  | { type: 'half-page'; by: 1 | -1 }
  /** ] / [: the next or previous section's heading to the top. */
  | { type: 'section'; by: 1 | -1 }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'jump'; line: number }
  | { type: 'open-find' }
  | { type: 'draft'; text: string }
  | { type: 'submit-find' }
  | { type: 'cancel' }
  | { type: 'next-hit'; by: 1 | -1 }
  | { type: 'open-outline' }
  | { type: 'outline-move'; by: number }
  | { type: 'outline-jump' };

export interface ReaderView {
  lines: Line[];
  /** Lines visible at once. */
  height: number;
  /** The first line of each section of the outline, in outline order. */
  sections: number[];
}

/** The reader opened at `line` (a section's first line, or 0). */
export function openReader(view: ReaderView, line = 0): ReaderState {
  return reduceReader({ top: 0, find: null, mode: 'read', draft: '', outlineIndex: 0 }, { type: 'jump', line }, view);
}

export function maxTop(view: ReaderView): number {
  return Math.max(0, view.lines.length - view.height);
}

const clamp = (value: number, view: ReaderView) => Math.min(Math.max(0, value), maxTop(view));

/** Puts line `line` near the top third of the page so its context shows. */
function reveal(line: number, view: ReaderView): number {
  return clamp(line - Math.floor(view.height / 3), view);
}

/** The outline index of the section that line `top` is in, or -1 above the first section. */
export function sectionAt(view: ReaderView, top: number): number {
  for (let i = view.sections.length - 1; i >= 0; i--) if (view.sections[i]! <= top) return i;
  return -1;
}

export function findHits(lines: Line[], query: string): { line: number; ranges: [number, number][] }[] {
  const q = query.trim();
  if (!q) return [];
  return lines.flatMap((line, index) => {
    const ranges = findAll(lineText(line), q);
    return ranges.length ? [{ line: index, ranges }] : [];
  });
}

export function reduceReader(state: ReaderState, event: ReaderEvent, view: ReaderView): ReaderState {
  switch (event.type) {
    case 'scroll':
      return { ...state, top: clamp(state.top + event.by, view) };
    case 'page':
      return { ...state, top: clamp(state.top + event.by * Math.max(1, view.height - 1), view) };
    case 'half-page':
      return { ...state, top: clamp(state.top + event.by * Math.max(1, Math.floor(view.height / 2)), view) };
    case 'section': {
      // Where each section's heading would put the page: one near the end cannot reach the
      // top, and must not stop ] (or [) from moving past it.
      const tops = [...new Set(view.sections.map((line) => clamp(line, view)))].sort((a, b) => a - b);
      const next = event.by > 0 ? tops.find((t) => t > state.top) : tops.filter((t) => t < state.top).at(-1);
      return { ...state, top: next ?? (event.by > 0 ? state.top : 0) };
    }
    case 'top':
      return { ...state, top: 0 };
    case 'bottom':
      return { ...state, top: maxTop(view) };
    case 'jump':
      return { ...state, top: clamp(event.line, view), mode: 'read' };
    case 'open-find':
      return { ...state, mode: 'find', draft: state.find?.query ?? '' };
    case 'draft':
      return { ...state, draft: event.text };
    case 'submit-find': {
      const hits = findHits(view.lines, state.draft);
      if (hits.length === 0)
        return { ...state, mode: 'read', find: state.draft.trim() ? { query: state.draft.trim(), hits, current: -1 } : null };
      // Start at the first hit at or below the current position, like less(1).
      const current = Math.max(
        0,
        hits.findIndex((h) => h.line >= state.top),
      );
      return { ...state, mode: 'read', find: { query: state.draft.trim(), hits, current }, top: reveal(hits[current]!.line, view) };
    }
    case 'cancel':
      return { ...state, mode: 'read', draft: '' };
    case 'next-hit': {
      if (!state.find || state.find.hits.length === 0) return state;
      const count = state.find.hits.length;
      const current = (state.find.current + event.by + count) % count;
      return { ...state, find: { ...state.find, current }, top: reveal(state.find.hits[current]!.line, view) };
    }
    case 'open-outline':
      return { ...state, mode: 'outline', outlineIndex: Math.max(0, sectionAt(view, clamp(state.top, view))) };
    case 'outline-move':
      return { ...state, outlineIndex: Math.min(Math.max(0, state.outlineIndex + event.by), Math.max(0, view.sections.length - 1)) };
    case 'outline-jump':
      return reduceReader(state, { type: 'jump', line: view.sections[state.outlineIndex] ?? 0 }, view);
  }
}

/** "34/120 28%": the last visible line over the total, and how far through the note. */
export function positionText(state: ReaderState, view: ReaderView): string {
  const total = view.lines.length;
  const last = Math.min(total, state.top + view.height);
  const percent = maxTop(view) === 0 ? 100 : Math.round((state.top / maxTop(view)) * 100);
  return `${last}/${total} ${percent}%`;
}

/** Where the page is: the section of its first line and how far into it (see store places). */
export interface ReaderPlace {
  /** The section's slug, or null above the first section. */
  section: string | null;
  /** Lines from the section's first line (or the note's) to the page's first line. */
  line: number;
}

/** The place of `top`; `slugs` are the sections' slugs in outline order, as `view.sections`. */
export function placeAt(view: ReaderView, slugs: readonly string[], top: number): ReaderPlace {
  const index = sectionAt(view, top);
  const slug = index >= 0 ? slugs[index] : undefined;
  return slug === undefined ? { section: null, line: top } : { section: slug, line: top - view.sections[index]! };
}

/** The first line of a place, in this layout (another width moves it by a few lines at most). */
export function lineOfPlace(view: ReaderView, slugs: readonly string[], place: ReaderPlace): number {
  const index = place.section === null ? -1 : slugs.indexOf(place.section);
  if (place.section !== null && index < 0) return 0; // a section this note no longer has
  const start = index < 0 ? 0 : view.sections[index]!;
  const end = view.sections[index + 1] ?? view.lines.length;
  return clamp(start + Math.min(place.line, Math.max(0, end - start - 1)), view);
}
