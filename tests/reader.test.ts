// The note reader's state machine, without rendering: scrolling, search in the note and
// the outline over a laid-out note of 100 lines shown 20 at a time.
import { describe, expect, it } from 'vitest';
import {
  openReader,
  positionText,
  type ReaderEvent,
  type ReaderState,
  type ReaderView,
  lineOfPlace,
  placeAt,
  reduceReader,
  sectionAt,
} from '../src/browse/reader.js';
import type { Line } from '../src/render/lines.js';

const line = (text: string): Line => ({ segments: [{ text }] });
// Lines 0–99; "shard" on lines 10, 45 and 80 (twice on 45); sections start at 0, 30 and 60.
const lines = Array.from({ length: 100 }, (_, i) =>
  line(i === 45 ? 'a Shard and a shard' : [10, 80].includes(i) ? `line ${i} shard` : `line ${i}`),
);
const view: ReaderView = { lines, height: 20, sections: [0, 30, 60] };

const run = (state: ReaderState, ...events: ReaderEvent[]) => events.reduce((s, e) => reduceReader(s, e, view), state);

describe('the note reader', () => {
  it('opens at a section line, clamped so the last page stays full', () => {
    expect(openReader(view).top).toBe(0);
    expect(openReader(view, 30).top).toBe(30);
    expect(openReader(view, 95).top).toBe(80);
    expect(openReader({ ...view, lines: lines.slice(0, 10) }, 5).top).toBe(0);
  });

  it('scrolls by line and by page (a page keeps one line of context), never past either end', () => {
    const start = openReader(view);
    expect(run(start, { type: 'scroll', by: 1 }).top).toBe(1);
    expect(run(start, { type: 'scroll', by: -1 }).top).toBe(0);
    expect(run(start, { type: 'page', by: 1 }).top).toBe(19);
    expect(run(start, { type: 'page', by: 1 }, { type: 'page', by: 1 }, { type: 'page', by: 1 }, { type: 'page', by: 1 }).top).toBe(76);
    expect(run(start, { type: 'page', by: 5 }).top).toBe(80);
    expect(run(start, { type: 'bottom' }).top).toBe(80);
    expect(run(start, { type: 'bottom' }, { type: 'scroll', by: 3 }).top).toBe(80);
    expect(run(start, { type: 'bottom' }, { type: 'top' }).top).toBe(0);
  });

  it('/ then a query finds every hit, starting at the first on or below the page, like less', () => {
    const atTop = run(openReader(view), { type: 'open-find' });
    expect(atTop.mode).toBe('find');
    const found = run(atTop, { type: 'draft', text: ' shard ' }, { type: 'submit-find' });
    expect(found.mode).toBe('read');
    expect(found.find).toEqual({
      query: 'shard',
      current: 0,
      hits: [
        { line: 10, ranges: [[8, 12]] },
        {
          line: 45,
          ranges: [
            [2, 6],
            [14, 18],
          ],
        },
        { line: 80, ranges: [[8, 12]] },
      ],
    });
    // The hit is shown a third of a page down, so its context shows (here: the top).
    expect(found.top).toBe(4);
    const lower = run(openReader(view, 40), { type: 'open-find' }, { type: 'draft', text: 'shard' }, { type: 'submit-find' });
    expect(lower.find?.current).toBe(1);
    expect(lower.top).toBe(45 - 6);
  });

  it('n and N walk the hits and wrap at both ends', () => {
    const found = run(openReader(view), { type: 'open-find' }, { type: 'draft', text: 'shard' }, { type: 'submit-find' });
    const walk = (by: 1 | -1, times: number) =>
      Array.from({ length: times }).reduce<ReaderState>((s) => run(s, { type: 'next-hit', by }), found);
    expect(walk(1, 1).find?.current).toBe(1);
    expect(walk(1, 1).top).toBe(39);
    expect(walk(1, 2).top).toBe(74);
    expect(walk(1, 3).find?.current).toBe(0);
    expect(walk(-1, 1).find?.current).toBe(2);
  });

  it('a query with no hit says so and keeps the page; an empty one clears the search; n does nothing then', () => {
    const start = run(openReader(view), { type: 'scroll', by: 7 });
    const missing = run(start, { type: 'open-find' }, { type: 'draft', text: 'kinesis' }, { type: 'submit-find' });
    expect(missing).toMatchObject({ mode: 'read', top: 7, find: { query: 'kinesis', hits: [], current: -1 } });
    expect(run(missing, { type: 'next-hit', by: 1 })).toBe(missing);
    const cleared = run(missing, { type: 'open-find' }, { type: 'draft', text: '  ' }, { type: 'submit-find' });
    expect(cleared.find).toBeNull();
  });

  it('/ again starts from the last query; Esc cancels the draft and keeps the search', () => {
    const found = run(openReader(view), { type: 'open-find' }, { type: 'draft', text: 'shard' }, { type: 'submit-find' });
    const again = run(found, { type: 'open-find' });
    expect(again.draft).toBe('shard');
    const cancelled = run(again, { type: 'draft', text: 'shardx' }, { type: 'cancel' });
    expect(cancelled).toMatchObject({ mode: 'read', draft: '', top: found.top, find: found.find });
  });

  it('the outline opens on the section being read, moves within its bounds, and jumps to a section', () => {
    const inSecond = openReader(view, 35);
    expect(sectionAt(view, 35)).toBe(1);
    const outline = run(inSecond, { type: 'open-outline' });
    expect(outline).toMatchObject({ mode: 'outline', outlineIndex: 1, top: 35 });
    expect(run(outline, { type: 'outline-move', by: -5 }).outlineIndex).toBe(0);
    expect(run(outline, { type: 'outline-move', by: 5 }).outlineIndex).toBe(2);
    expect(run(outline, { type: 'outline-move', by: 1 }, { type: 'outline-jump' })).toMatchObject({ mode: 'read', top: 60 });
    expect(run(outline, { type: 'cancel' })).toMatchObject({ mode: 'read', top: 35 });
  });

  it('above the first section the outline opens on the first', () => {
    const late = { ...view, sections: [5, 30] };
    expect(sectionAt(late, 2)).toBe(-1);
    expect(reduceReader(openReader(late), { type: 'open-outline' }, late).outlineIndex).toBe(0);
  });

  it('says where the page ends and how far through the note it is', () => {
    expect(positionText(openReader(view), view)).toBe('20/100 0%');
    expect(positionText(openReader(view, 40), view)).toBe('60/100 50%');
    expect(positionText(openReader(view, 99), view)).toBe('100/100 100%');
    const short = { ...view, lines: lines.slice(0, 5) };
    expect(positionText(openReader(short), short)).toBe('5/5 100%');
  });
});

describe('moving by half pages and sections; the place to come back to', () => {
  it('Ctrl+D and Ctrl+U move half a page, never past either end', () => {
    const start = openReader(view);
    expect(run(start, { type: 'half-page', by: 1 }).top).toBe(10);
    expect(run(start, { type: 'half-page', by: 1 }, { type: 'half-page', by: 1 }, { type: 'half-page', by: -1 }).top).toBe(10);
    expect(run(start, { type: 'half-page', by: -1 }).top).toBe(0);
    expect(run(start, ...Array.from({ length: 20 }, () => ({ type: 'half-page', by: 1 }) as const)).top).toBe(80);
  });

  it('] and [ go to the next and previous section; a last section the page cannot reach does not stop them', () => {
    const near = { ...view, sections: [0, 30, 60, 90, 95] };
    const walk = (state: ReaderState, event: ReaderEvent) => reduceReader(state, event, near);
    let state = openReader(near);
    const tops: number[] = [];
    for (let i = 0; i < 5; i++) {
      state = walk(state, { type: 'section', by: 1 });
      tops.push(state.top);
    }
    // 90 and 95 both show from 80 (the last page): one stop, then ] stays there.
    expect(tops).toEqual([30, 60, 80, 80, 80]);
    const back: number[] = [];
    for (let i = 0; i < 4; i++) {
      state = walk(state, { type: 'section', by: -1 });
      back.push(state.top);
    }
    expect(back).toEqual([60, 30, 0, 0]);
    // From inside a section, [ goes to its own start first.
    expect(run(openReader(view, 40), { type: 'section', by: -1 }).top).toBe(30);
  });

  it('a place is the section and the lines into it, and comes back to the same line', () => {
    const slugs = ['intro', 'middle', 'end'];
    expect(placeAt(view, slugs, 45)).toEqual({ section: 'middle', line: 15 });
    expect(placeAt({ ...view, sections: [10, 30, 60] }, slugs, 4)).toEqual({ section: null, line: 4 });
    for (const top of [0, 12, 45, 80]) expect(lineOfPlace(view, slugs, placeAt(view, slugs, top))).toBe(top);
    // Another layout (another width): the same section, the line kept inside it.
    const wider: ReaderView = { lines: lines.slice(0, 70), height: 20, sections: [0, 20, 40] };
    expect(lineOfPlace(wider, slugs, { section: 'middle', line: 15 })).toBe(35);
    expect(lineOfPlace(wider, slugs, { section: 'middle', line: 30 })).toBe(39);
    expect(lineOfPlace(view, slugs, { section: 'gone', line: 3 })).toBe(0);
  });
});
