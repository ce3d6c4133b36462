// Ink's output step tokenizes every line of every frame with @alcalzone/ansi-tokenize,
// which runs Intl.Segmenter over each character. For text whose characters are each their
// own grapheme (printable ASCII, Latin, punctuation, arrows, box drawing, symbols: no
// combining marks, joiners, variation selectors or astral characters), the tokens are
// simply one per character: this wrapper builds them directly, asks the real tokenizer only
// for the SGR codes (once per distinct code), and hands any other text to the real
// tokenizer whole.
//
// Ink then turns every row of every frame back into a string, diffing the styles of each
// cell against the previous one (three Sets per cell). Neighbouring cells almost always
// share their styles, and an equal pair has an empty diff: styledCharsToString skips those,
// and styledCharsFromTokens lets a run of equally styled cells share one styles array so
// the check is usually a pointer comparison. Output is identical (tests/stubs.test.ts).
import isFullwidthCodePoint from 'is-fullwidth-code-point';
import {
  ansiCodesToString,
  diffAnsiCodes,
  reduceAnsiCodesIncremental,
  tokenize as realTokenize,
  type AnsiCode,
  type StyledChar,
} from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

const SGR = /\x1b\[[0-9;]*m/g;
const ONE_CHAR_GRAPHEMES = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u2bff]*$/;

type Token = ReturnType<typeof realTokenize>[number];

const sgrCache = new Map<string, Token[]>();
/** The tokens of one SGR sequence: a frame repeats a handful of them thousands of times. */
function sgrTokens(sequence: string): Token[] {
  let tokens = sgrCache.get(sequence);
  if (!tokens) {
    tokens = realTokenize(sequence);
    if (sgrCache.size < 256) sgrCache.set(sequence, tokens);
  }
  return tokens.map((t) => ({ ...t }));
}

export function tokenize(str: string, endChar = Number.POSITIVE_INFINITY): Token[] {
  const plain = str.includes('\x1b') ? str.replace(SGR, '') : str;
  if (!ONE_CHAR_GRAPHEMES.test(plain)) return realTokenize(str, endChar);
  const tokens: Token[] = [];
  let visible = 0;
  let index = 0;
  const pushChars = (text: string): boolean => {
    for (let i = 0; i < text.length; i++) {
      const fullWidth = isFullwidthCodePoint(text.charCodeAt(i));
      tokens.push({ type: 'char', value: text[i]!, fullWidth } as Token);
      visible += fullWidth ? 2 : 1;
      if (visible >= endChar) return false;
    }
    return true;
  };
  for (const match of str.matchAll(SGR)) {
    if (!pushChars(str.slice(index, match.index))) return tokens;
    tokens.push(...sgrTokens(match[0]));
    index = match.index + match[0].length;
  }
  pushChars(str.slice(index));
  return tokens;
}

export function styledCharsFromTokens(tokens: Token[]): StyledChar[] {
  let codes: AnsiCode[] = [];
  let styles: AnsiCode[] | undefined;
  const chars: StyledChar[] = [];
  for (const token of tokens) {
    if (token.type === 'ansi') {
      codes = reduceAnsiCodesIncremental(codes, [token]);
      styles = undefined;
    } else if (token.type === 'char') {
      styles ??= [...codes];
      chars.push({ ...token, styles });
    }
  }
  return chars;
}

function sameCodes(a: AnsiCode[], b: AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
  return true;
}

export function styledCharsToString(chars: StyledChar[]): string {
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (i === 0) out += ansiCodesToString(char.styles);
    else if (!sameCodes(chars[i - 1]!.styles, char.styles)) out += ansiCodesToString(diffAnsiCodes(chars[i - 1]!.styles, char.styles));
    out += char.value;
    if (i === chars.length - 1 && char.styles.length > 0) out += ansiCodesToString(diffAnsiCodes(char.styles, []));
  }
  return out;
}
