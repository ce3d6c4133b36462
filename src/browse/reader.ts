// The note reader's state: scroll position, in-note search and the outline, as a reducer
// over a laid-out note. Pure, so scrolling and search are tested without rendering.
import { findAll, lineText, type Line } from '../render/lines.js';

export interface ReaderState {
  /** Index of the first visible line. */
  top: number;
  /** Committed in-note search, with the line index of every hit in order. */
  find: { query: string; hits: { line: number; ranges: [number, number][] }[]; current: number } | null;
  mode: 'read' | 'find' | 'outline';
  /** What is being typed after `/`. */
  draft: string;
  outlineIndex: number;
}

export type ReaderAction =
  | { type: 'scroll'; by: number }
  | { type: 'page'; by: number }
  | { type: 'top' }
  | { type: 'bottom' }
  | { type: 'jump'; line: number }
  | { type: 'open-find' }
  | { type: 'draft'; text: string }
  | { type: 'submit-find' }
  | { type: 'cancel' }
  | { type: 'next-hit'; by: 1 | -1 }
  | { type: 'open-outline'; index: number }
  | { type: 'outline-move'; by: number; count: number };

export interface ReaderView {
  lines: Line[];
  /** Lines visible at once. */
  height: number;
}

export function initialReader(top = 0): ReaderState {
  return { top, find: null, mode: 'read', draft: '', outlineIndex: 0 };
}

export function maxTop(view: ReaderView): number {
  return Math.max(0, view.lines.length - view.height);
}

const clamp = (value: number, view: ReaderView) => Math.min(Math.max(0, value), maxTop(view));

/** Puts line `line` near the top third of the page so its context shows. */
function reveal(line: number, view: ReaderView): number {
  return clamp(line - Math.floor(view.height / 3), view);
}

export function findHits(lines: Line[], query: string): { line: number; ranges: [number, number][] }[] {
  const q = query.trim();
  if (!q) return [];
  return lines.flatMap((line, index) => {
    const ranges = findAll(lineText(line), q);
    return ranges.length ? [{ line: index, ranges }] : [];
  });
}

export function reduceReader(state: ReaderState, action: ReaderAction, view: ReaderView): ReaderState {
  switch (action.type) {
    case 'scroll':
      return { ...state, top: clamp(state.top + action.by, view) };
    case 'page':
      return { ...state, top: clamp(state.top + action.by * Math.max(1, view.height - 1), view) };
    case 'top':
      return { ...state, top: 0 };
    case 'bottom':
      return { ...state, top: maxTop(view) };
    case 'jump':
      return { ...state, top: clamp(action.line, view), mode: 'read' };
    case 'open-find':
      return { ...state, mode: 'find', draft: state.find?.query ?? '' };
    case 'draft':
      return { ...state, draft: action.text };
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
      const current = (state.find.current + action.by + count) % count;
      return { ...state, find: { ...state.find, current }, top: reveal(state.find.hits[current]!.line, view) };
    }
    case 'open-outline':
      return { ...state, mode: 'outline', outlineIndex: action.index };
    case 'outline-move':
      return { ...state, outlineIndex: Math.min(Math.max(0, state.outlineIndex + action.by), Math.max(0, action.count - 1)) };
  }
}

/** "34/120 28%": the last visible line over the total, and how far through the note. */
export function positionText(state: ReaderState, view: ReaderView): string {
  const total = view.lines.length;
  const last = Math.min(total, state.top + view.height);
  const percent = maxTop(view) === 0 ? 100 : Math.round((state.top / maxTop(view)) * 100);
  return `${last}/${total} ${percent}%`;
}
