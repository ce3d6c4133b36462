// Ink measures every piece of text on every frame with string-width, which segments
// graphemes and tests emoji properties for each character. For text whose characters are
// each their own grapheme (as in ansi-tokenize.ts; soft hyphen excluded, it has no width)
// the width is the sum of 1 or 2 per character: this wrapper answers that case directly
// and hands everything else to the real string-width. The importers it stands in for are
// in manifest.ts; tests/patch-equivalence.test.ts checks both give the same widths.
import isFullwidthCodePoint from 'is-fullwidth-code-point';
import realStringWidth from 'string-width';

const SGR = /\x1b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ONE_CHAR_GRAPHEMES = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u2bff]*$/;

export default function stringWidth(text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  if (!options?.countAnsiEscapeCodes) {
    const plain = text.includes('\x1b') ? text.replace(SGR, '') : text;
    if (PRINTABLE_ASCII.test(plain)) return plain.length;
    if (options?.ambiguousIsNarrow !== false && ONE_CHAR_GRAPHEMES.test(plain)) {
      let width = 0;
      for (let i = 0; i < plain.length; i++) width += isFullwidthCodePoint(plain.charCodeAt(i)) ? 2 : 1;
      return width;
    }
  }
  return realStringWidth(text, options);
}
