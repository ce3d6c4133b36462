// The line editor of every text field: a shell's keys, the cursor always in step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editLine, type LineEvent, type LineState, lineOf, splitAtCursor } from '../src/edit/line.js';

const run = (state: LineState, ...events: LineEvent[]) => events.reduce(editLine, state);
const type = (text: string): LineEvent[] => [...text].map((c) => ({ type: 'insert', text: c }));
const K = {
  back: { type: 'delete-back' },
  del: { type: 'delete-forward' },
  left: { type: 'left' },
  right: { type: 'right' },
  home: { type: 'start' },
  end: { type: 'end' },
  ctrlU: { type: 'kill-to-start' },
  ctrlK: { type: 'kill-to-end' },
  ctrlW: { type: 'kill-word' },
} as const satisfies Record<string, LineEvent>;

describe('the line editor', () => {
  it('Ctrl+U clears what is before the cursor and puts the cursor at the start: "6KB" then 4KB is "4KB"', () => {
    expect(run(lineOf('6KB'), K.ctrlU)).toEqual({ text: '', cursor: 0, selected: false });
    expect(run(lineOf('6KB'), K.ctrlU, ...type('4KB')).text).toBe('4KB');
    expect(run(lineOf('300/30s'), K.left, K.left, K.left, K.ctrlU)).toEqual({ text: '30s', cursor: 0, selected: false });
  });

  it('Delete deletes forward, Backspace backward', () => {
    const atOne = run(lineOf('abc'), K.home, K.right);
    expect(run(atOne, K.del)).toEqual({ text: 'ac', cursor: 1, selected: false });
    expect(run(atOne, K.back)).toEqual({ text: 'bc', cursor: 0, selected: false });
    expect(run(lineOf('abc'), K.del)).toEqual(lineOf('abc')); // nothing under the cursor at the end
    expect(run(lineOf('abc'), K.home, K.back)).toEqual({ text: 'abc', cursor: 0, selected: false });
  });

  it('Home/Ctrl+A and End/Ctrl+E move to the ends; typing lands at the cursor', () => {
    expect(run(lineOf('KB'), K.home, ...type('6'))).toEqual({ text: '6KB', cursor: 1, selected: false });
    expect(run(lineOf('6KB'), K.home, K.end, ...type('!'))).toEqual({ text: '6KB!', cursor: 4, selected: false });
  });

  it('Ctrl+W deletes the word before the cursor and the spaces after it; Ctrl+K to the end', () => {
    expect(run(lineOf('sqs fifo queue  '), K.ctrlW)).toEqual({ text: 'sqs fifo ', cursor: 9, selected: false });
    expect(run(lineOf('1.5KB, 6.5KB'), K.ctrlW, K.ctrlW).text).toBe('');
    expect(run(lineOf('300/30s'), K.home, K.right, K.right, K.right, K.ctrlK)).toEqual({ text: '300', cursor: 3, selected: false });
  });

  it('an example (the whole text selected) is replaced by the first character typed', () => {
    const example = lineOf('6KB', true);
    expect(run(example, ...type('10KB'))).toEqual({ text: '10KB', cursor: 4, selected: false });
    expect(run(example, K.back)).toEqual({ text: '', cursor: 0, selected: false });
    expect(run(example, K.del)).toEqual({ text: '', cursor: 0, selected: false });
    // Moving keeps it, from where the cursor went.
    expect(run(example, K.end, ...type('x')).text).toBe('6KBx');
    expect(run(example, K.left, ...type('x')).text).toBe('x6KB');
    expect(lineOf('', true).selected).toBe(false);
  });

  it('counts code points: an emoji is one step', () => {
    expect(run(lineOf('a😀b'), K.left, K.back)).toEqual({ text: 'ab', cursor: 1, selected: false });
    expect(splitAtCursor(run(lineOf('a😀b'), K.left, K.left))).toEqual(['a', '😀', 'b']);
  });

  it('behaves as text before and after the cursor, for any keys (the cursor always in step)', () => {
    const event = fc.oneof(
      fc.constantFrom<LineEvent>(...Object.values(K)),
      fc.stringMatching(/^[a-z ]{1,2}$/).map((text): LineEvent => ({ type: 'insert', text })),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z ]{0,6}$/), fc.boolean(), fc.array(event, { maxLength: 30 }), (start, selected, events) => {
        // The model: the characters before and after the cursor.
        let before = selected ? '' : start;
        let after = '';
        let example = selected && start.length > 0;
        if (example) before = start;
        let state = lineOf(start, selected);
        for (const e of events) {
          state = editLine(state, e);
          if (example && e.type !== 'left' && e.type !== 'start' && e.type !== 'right' && e.type !== 'end') {
            before = e.type === 'insert' ? e.text : '';
            after = '';
          } else if (example && (e.type === 'left' || e.type === 'start')) {
            after = before + after;
            before = '';
          } else if (e.type === 'insert') before += e.text;
          else if (e.type === 'delete-back') before = before.slice(0, -1);
          else if (e.type === 'delete-forward') after = after.slice(1);
          else if (e.type === 'left' && before) [before, after] = [before.slice(0, -1), before.slice(-1) + after];
          else if (e.type === 'right' && after) [before, after] = [before + after[0], after.slice(1)];
          else if (e.type === 'start') [before, after] = ['', before + after];
          else if (e.type === 'end') [before, after] = [before + after, ''];
          else if (e.type === 'kill-to-start') before = '';
          else if (e.type === 'kill-to-end') after = '';
          else if (e.type === 'kill-word') before = before.replace(/\S*\s*$/, '');
          if (e.type !== 'insert' || !example || e.text) example = false;
          expect(state).toEqual({ text: before + after, cursor: before.length, selected: false });
        }
      }),
      { numRuns: 2000 },
    );
  });
});
