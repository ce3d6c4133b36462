// Keys that arrive together. Ink splits escape sequences (arrows, PgDn) into events of their
// own, but hands a run of plain characters, "jj" from key repeat or "1\r" from type-ahead
// over SSH or a paste, to every input hook as one string, which matches no binding: the keys
// were lost. splitKeys turns such a run into the keys Ink would have reported had each
// character come alone.
import type { Key } from 'ink';

export interface KeyPress {
  input: string;
  key: Key;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** A key Ink reports with a flag, which a run of characters never has. */
const NAMED: (keyof Key)[] = [
  'upArrow',
  'downArrow',
  'leftArrow',
  'rightArrow',
  'pageDown',
  'pageUp',
  'home',
  'end',
  'return',
  'escape',
  'ctrl',
  'tab',
  'backspace',
  'delete',
  'meta',
];

/** What Ink's useInput reports for `char` written alone (ink 6.8, parse-keypress.js). */
export function keyOf(char: string): KeyPress {
  const key: Key = { ...NO_KEY };
  switch (char) {
    case '\r':
      return { input: '\r', key: { ...key, return: true } };
    case '\t':
      return { input: '', key: { ...key, tab: true } };
    case '\n':
      // Ink names it "enter" but reports neither Return nor Ctrl+J.
      return { input: '\n', key };
    case '\b':
      return { input: '', key: { ...key, backspace: true } };
    case '\x7f':
      // Ink names the Backspace key's byte "delete", as it names the Delete key (splitKeys
      // tells them apart).
      return { input: '', key: { ...key, delete: true } };
  }
  const code = char.codePointAt(0) ?? 0;
  // Ctrl+letter (Ctrl+Space is NUL, read as Ctrl+`), except the bytes named above.
  if (code <= 26) return { input: String.fromCharCode(code + 96), key: { ...key, ctrl: true } };
  return { input: char, key: { ...key, shift: /^[A-Z]$/.test(char) } };
}

/**
 * The keys in what one input event brought: itself when it is one key, else one key per
 * character of the run, in order. Ink reports the Backspace key (DEL, 0x7f) and the Delete
 * key (ESC [3~) alike, as `delete`; `raw`, the bytes of the event, tells them apart: the
 * Backspace key comes out as `backspace`, Delete stays `delete`; two ESC bytes are two Escapes.
 */
export function splitKeys(input: string, key: Key, raw?: string): KeyPress[] {
  // Esc pressed twice in one write (a quick double press over SSH) reads as one Esc: it is
  // two, each as Ink reports Esc alone (with \`meta\`, as Ink sets it).
  if (raw !== undefined && raw.length > 1 && /^\x1b+$/.test(raw))
    return [...raw].map(() => ({ input: '', key: { ...NO_KEY, escape: true, meta: true } }));
  const chars = [...input];
  if (chars.length <= 1 || NAMED.some((name) => key[name] === true)) {
    const backspace = key.delete && raw !== undefined && !raw.startsWith('\x1b');
    return [{ input, key: backspace ? { ...key, delete: false, backspace: true } : key }];
  }
  return chars.map((char) => {
    const press = keyOf(char);
    return press.key.delete ? { input: '', key: { ...press.key, delete: false, backspace: true } } : press;
  });
}
