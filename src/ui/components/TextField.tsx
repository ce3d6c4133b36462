import { type Key, Text } from 'ink';
import { useRef, useState } from 'react';
import { editLine, type LineEvent, type LineState, lineOf, splitAtCursor } from '../../edit/line.js';
import { useKeys } from '../input.js';
import { isKey, type KeyId } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';

/** The editing keys of the key table, and what each does to the line. */
const EDITS: [KeyId, (key: Key) => LineEvent][] = [
  ['text.move', (key) => ({ type: key.leftArrow ? 'left' : 'right' })],
  ['text.start', () => ({ type: 'start' })],
  ['text.end', () => ({ type: 'end' })],
  ['text.delete-back', () => ({ type: 'delete-back' })],
  ['text.delete-forward', () => ({ type: 'delete-forward' })],
  ['text.kill-to-start', () => ({ type: 'kill-to-start' })],
  ['text.kill-to-end', () => ({ type: 'kill-to-end' })],
  ['text.kill-word', () => ({ type: 'kill-word' })],
];

/**
 * What a key does to a line: an edit, a character typed, or nothing (a chord such as
 * Ctrl+N, an arrow up, Tab or Esc, which belong to the screen).
 */
export function lineEvent(input: string, key: Key): LineEvent | null {
  for (const [id, event] of EDITS) if (isKey(id, input, key)) return event(key);
  if (key.ctrl || key.meta || key.tab || key.return || key.escape) return null;
  // The router hands keys one at a time: `input` is one printable character, or nothing.
  return input && [...input].every((c) => c >= ' ' && c !== '\x7f') ? { type: 'insert', text: input } : null;
}

/**
 * A one-line text box that edits like a shell's line (src/edit/line.ts): ←/→, Home/End,
 * Ctrl+A/E, Backspace, Delete, Ctrl+U/K/W, with the cursor always where the next character
 * goes. The owner holds the value; the field holds the cursor. When the owner replaces the
 * value (Esc clears the search), the cursor goes to its end. With `example`, the value
 * shown is an example: selected, and replaced by the first character typed.
 *
 * Keys come through the app's input router one at a time (a paste, or keys typed ahead
 * before the field had focus, included), so no key is typed against a stale value and an
 * Enter among them submits what came before it.
 */
export function TextField(props: {
  value: string;
  focus: boolean;
  placeholder?: string;
  example?: boolean;
  onChange(value: string): void;
  onSubmit?(value: string): void;
}) {
  const line = useRef<LineState>(lineOf(props.value, props.example));
  if (line.current.text !== props.value) line.current = lineOf(props.value);
  // The cursor moving changes no value: this redraws the field.
  const [, redraw] = useState(0);

  useKeys(
    (input, key) => {
      if (key.return) {
        props.onSubmit?.(line.current.text);
        return;
      }
      const event = lineEvent(input, key);
      if (!event) return;
      const before = line.current;
      const after = editLine(before, event);
      if (after === before) return;
      line.current = after;
      if (after.text !== before.text) props.onChange(after.text);
      else redraw((n) => n + 1);
    },
    { isActive: props.focus },
  );

  const state = line.current;
  const placeholder = props.placeholder ?? '';
  if (!state.text && placeholder) {
    // The cursor on the placeholder's first letter, as the box stays put when typing starts.
    const [first, ...rest] = [...placeholder];
    return (
      <Text {...ROLE_STYLE.muted}>
        <Text inverse={props.focus}>{first}</Text>
        {rest.join('')}
      </Text>
    );
  }
  if (!props.focus) return <Text>{state.text}</Text>;
  if (state.selected) return <Text inverse>{state.text}</Text>;
  const [before, under, after] = splitAtCursor(state);
  return (
    <Text>
      {before}
      <Text inverse>{under || ' '}</Text>
      {after}
    </Text>
  );
}
