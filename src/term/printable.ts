// Text from outside (a file's bytes, a path, an argument) quoted in a message must not
// drive the terminal: `printf '\x1b]0;PWNED\x07' > f.json; awsnotes import f.json` would
// otherwise set the window title through the error that quotes it. Every message that
// quotes such text passes it through printable(), which writes control characters as
// visible escapes instead.

// C0 controls (newline and tab included: a quoted value stays on one line), DEL, C1
// controls, the line and paragraph separators, and the bidirectional overrides and
// isolates that can make a terminal show text in another order than it was written.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escaped(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every control character written as a visible escape (`\x1B`, `\u202E`). */
export function printable(text: string): string {
  return text.replace(CONTROL, escaped);
}

const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Like printable(), for text shown over several lines (a learner's note or question):
 * newlines are kept, a tab becomes four spaces, every other control character an escape.
 */
export function printableLines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(CONTROL_BUT_NEWLINE, escaped);
}
