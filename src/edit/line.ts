// One line of text being edited, as a shell edits it: the text, the cursor, and whether the
// whole text is selected (a field showing an example value: the first character typed
// replaces it). Pure: every text field of the app (src/ui/components/TextField.tsx) maps
// its keys to these events, and tests/line-editor.test.ts drives it without rendering.
//
// The cursor counts code points, so an emoji or an accented letter is one step.

export interface LineState {
  text: string;
  /** 0 … the number of code points of `text`. */
  cursor: number;
  /** The whole text is selected: typing replaces it, deleting clears it. */
  selected: boolean;
}

export type LineEvent =
  | { type: 'insert'; text: string }
  /** Backspace: the character before the cursor. */
  | { type: 'delete-back' }
  /** Delete: the character under the cursor. */
  | { type: 'delete-forward' }
  | { type: 'left' }
  | { type: 'right' }
  /** Home, Ctrl+A. */
  | { type: 'start' }
  /** End, Ctrl+E. */
  | { type: 'end' }
  /** Ctrl+U: from the start of the line to the cursor. */
  | { type: 'kill-to-start' }
  /** Ctrl+K: from the cursor to the end of the line. */
  | { type: 'kill-to-end' }
  /** Ctrl+W: the word before the cursor, and the spaces after it (as a shell does). */
  | { type: 'kill-word' };

const chars = (text: string) => [...text];

/** A line holding `text`, the cursor at its end; `selected` for an example value. */
export function lineOf(text: string, selected = false): LineState {
  return { text, cursor: chars(text).length, selected: selected && text.length > 0 };
}

/** `text` with the code points from `from` to `to` replaced by `by`, the cursor after `by`. */
function splice(text: string, from: number, to: number, by = ''): LineState {
  const all = chars(text);
  const inserted = chars(by);
  return { text: [...all.slice(0, from), ...inserted, ...all.slice(to)].join(''), cursor: from + inserted.length, selected: false };
}

export function editLine(state: LineState, event: LineEvent): LineState {
  const length = chars(state.text).length;
  const cursor = Math.min(Math.max(0, state.cursor), length);
  if (state.selected) {
    switch (event.type) {
      case 'insert':
        return splice('', 0, 0, event.text);
      case 'left':
      case 'start':
        return { ...state, cursor: 0, selected: false };
      case 'right':
      case 'end':
        return { ...state, cursor: length, selected: false };
      default:
        // Every deletion takes the selection: the example goes.
        return lineOf('');
    }
  }
  switch (event.type) {
    case 'insert':
      return event.text ? splice(state.text, cursor, cursor, event.text) : state;
    case 'delete-back':
      return cursor === 0 ? state : splice(state.text, cursor - 1, cursor);
    case 'delete-forward':
      return cursor === length ? state : { ...splice(state.text, cursor, cursor + 1), cursor };
    case 'left':
      return cursor === 0 ? state : { ...state, cursor: cursor - 1 };
    case 'right':
      return cursor === length ? state : { ...state, cursor: cursor + 1 };
    case 'start':
      return cursor === 0 ? state : { ...state, cursor: 0 };
    case 'end':
      return cursor === length ? state : { ...state, cursor: length };
    case 'kill-to-start':
      return cursor === 0 ? state : splice(state.text, 0, cursor);
    case 'kill-to-end':
      return cursor === length ? state : { ...splice(state.text, cursor, length), cursor };
    case 'kill-word': {
      const before = chars(state.text).slice(0, cursor);
      let from = cursor;
      while (from > 0 && /\s/.test(before[from - 1]!)) from--;
      while (from > 0 && !/\s/.test(before[from - 1]!)) from--;
      return from === cursor ? state : splice(state.text, from, cursor);
    }
  }
}

/** The text split at the cursor, for drawing it: before, the character under it (or ''), after. */
export function splitAtCursor(state: LineState): [string, string, string] {
  const all = chars(state.text);
  const cursor = Math.min(Math.max(0, state.cursor), all.length);
  return [all.slice(0, cursor).join(''), all[cursor] ?? '', all.slice(cursor + 1).join('')];
}
