import { useInput } from 'ink';
import TextInput from 'ink-text-input';
import { useRef } from 'react';

/**
 * ink-text-input, minus one trap: it inserts the letter of Ctrl/Meta chords (Ctrl+N would
 * type "n"). A sibling that subscribes first records the modifier so the change is dropped.
 */
export function TextField(props: { value: string; focus: boolean; placeholder?: string; onChange(value: string): void; onSubmit?(value: string): void }) {
  const chord = useRef(false);
  return (
    <>
      <ChordSpy active={props.focus} onKey={(isChord) => (chord.current = isChord)} />
      <TextInput
        value={props.value}
        focus={props.focus}
        placeholder={props.placeholder ?? ''}
        onChange={(value) => {
          if (!chord.current) props.onChange(value);
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
