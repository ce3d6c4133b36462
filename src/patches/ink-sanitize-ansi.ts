// Ink sanitizes the text of every text node on every render, and first asks whether the
// text holds any escape or C1 control character by walking it code point by code point
// through a function call each (ink/build/ansi-tokenizer.js, hasAnsiControlCharacters).
// One regular expression answers the same question: an escape, or a UTF-16 unit in
// U+0080–U+009F (surrogates, and so astral characters, are outside that range). Text with
// such a character still goes to Ink's sanitizer (see manifest.ts);
// tests/patch-equivalence.test.ts compares the two.
import sanitizeAnsi from '../../node_modules/ink/build/sanitize-ansi.js';

const CONTROL = /[\u001b\u0080-\u009f]/;

export default function sanitize(text: string): string {
  return CONTROL.test(text) ? sanitizeAnsi(text) : text;
}
