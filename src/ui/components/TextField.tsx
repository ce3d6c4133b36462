import { useInput } from 'ink';
import TextInput from 'ink-text-input';
import { useRef } from 'react';
import { useKeys, useTextFocus } from '../input.js';

/**
 * Ink hands a chunk of several keys that arrive together ("\x7f\x7f" from a held
 * Backspace, a paste with a tab) to ink-text-input as typed text: apply the deletions and
 * drop the other control characters.
 */
export function applyControlChars(value: string): string {
  let out = '';
  for (const char of value) {
    if (char === '\x7f' || char === '\b') out = [...out].slice(0, -1).join('');
    else if (char >= ' ') out += char;
  }
  return out;
}

/**
 * ink-text-input, minus four traps:
 * - it types the letter of Ctrl/Meta chords (Ctrl+N would type "n"): a sibling that
 *   subscribes first records the modifier so that change is dropped;
 * - control characters typed in one chunk (see applyControlChars);
 * - when the owner replaces the value (Esc clears it), its cursor keeps the old offset
 *   until an effect clamps it, and a key typed in between lands in the wrong place: the
 *   input is remounted on every outside change, so its cursor starts at the end;
 * - keys that came in one write with others (see ../input.tsx): ink-text-input takes such a
 *   write as text, so an Enter in it is submitted here; and the keys of a write that came
 *   before the field had focus (`/` then a query, typed ahead) are typed here.
 */
export function TextField(props: {
  value: string;
  focus: boolean;
  placeholder?: string;
  onChange(value: string): void;
  onSubmit?(value: string): void;
}) {
  const chord = useRef(false);
  const emitted = useRef(props.value);
  const generation = useRef(0);
  if (props.value !== emitted.current) {
    generation.current++;
    emitted.current = props.value;
  }
  useTextFocus(props.focus);
  useKeys(
    (input, key, arrival) => {
      if (arrival === 'alone') return;
      if (key.return) props.onSubmit?.(props.value);
      else if (arrival === 'typed' || key.ctrl || key.meta) return;
      else if (key.backspace || key.delete) props.onChange([...props.value].slice(0, -1).join(''));
      else if (input >= ' ') props.onChange(props.value + input);
    },
    { isActive: props.focus },
  );
  return (
    <>
      <ChordSpy active={props.focus} onKey={(isChord) => (chord.current = isChord)} />
      <TextInput
        key={generation.current}
        value={props.value}
        focus={props.focus}
        placeholder={props.placeholder ?? ''}
        onChange={(value) => {
          if (chord.current) return;
          const clean = applyControlChars(value);
          // A cleaned value differs from what the input holds: remount it (below) to resync.
          emitted.current = clean === value ? value : `${clean}\u0000`;
          props.onChange(clean);
        }}
        onSubmit={props.onSubmit}
      />
    </>
  );
}

function ChordSpy({ active, onKey }: { active: boolean; onKey(isChord: boolean): void }) {
  useInput((_input, key) => onKey(key.ctrl || key.meta), { isActive: active });
  return null;
}
