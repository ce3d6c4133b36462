// Ink's output step (ink/build/output.js, see manifest.ts) tokenizes each new line with
// @alcalzone/ansi-tokenize, which runs Intl.Segmenter over each character. For text whose
// characters are each their own grapheme (printable ASCII, Latin, punctuation, arrows, box
// drawing, symbols: no combining marks, joiners, variation selectors or astral characters),
// the tokens are simply one per character: this wrapper builds them directly, and the SGR
// codes' tokens with the library's own rules (splitCompoundSGR, endCodeOf below, copied
// from its tokenize.js and ansiCodes.js 0.2.5), so a frame of ASCII and colours never
// starts the Intl.Segmenter (ICU's break iterator costs milliseconds on the first frame).
// Any other text goes to the real tokenizer whole.
//
// Each new row of a frame is then turned back into a string, diffing the styles of each
// cell against the previous one (three Sets per cell). Neighbouring cells almost always
// share their styles, and an equal pair has an empty diff: styledCharsToString skips those,
// and styledCharsFromTokens lets a run of equally styled cells share one styles array so
// the check is usually a pointer comparison. Output is identical
// (tests/patch-equivalence.test.ts).
import ansiStyles from 'ansi-styles';
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

const ansi = (code: number) => ansiStyles.color.ansi(code);
const END_CODES = new Set<string>();
const END_CODE_OF = new Map<string, string>();
for (const [start, end] of ansiStyles.codes) {
  END_CODES.add(ansi(end));
  END_CODE_OF.set(ansi(start), ansi(end));
}

/** The code that ends an SGR code (the library's getEndCode, without its OSC 8 links). */
function endCodeOf(code: string): string {
  if (END_CODES.has(code)) return code;
  const known = END_CODE_OF.get(code);
  if (known) return known;
  const body = code.slice(2);
  if (body.startsWith('38')) return ansiStyles.color.close;
  if (body.startsWith('48')) return ansiStyles.bgColor.close;
  const end = ansiStyles.codes.get(parseInt(body, 10));
  return end ? ansi(end) : ansiStyles.reset.open;
}

/** `\x1b[1;38;5;9m` → `\x1b[1m`, `\x1b[38;5;9m`: 8- and 24-bit colours stay whole. */
function splitCompoundSGR(code: string): string[] {
  if (!code.includes(';')) return [code];
  const parts = code.slice(2, -1).split(';');
  const codes: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if ((part === '38' || part === '48') && i + 2 < parts.length && parts[i + 1] === '5') {
      codes.push(parts.slice(i, i + 3).join(';'));
      i += 2;
    } else if ((part === '38' || part === '48') && i + 4 < parts.length && parts[i + 1] === '2') {
      codes.push(parts.slice(i, i + 5).join(';'));
      i += 4;
    } else codes.push(part);
  }
  return codes.map((part) => `\x1b[${part}m`);
}

const sgrCache = new Map<string, Token[]>();
/** The tokens of one SGR sequence: a frame repeats a handful of them thousands of times. */
function sgrTokens(sequence: string): Token[] {
  let tokens = sgrCache.get(sequence);
  if (!tokens) {
    tokens = splitCompoundSGR(sequence).map((code) => ({ type: 'ansi', code, endCode: endCodeOf(code) }) as Token);
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
      // The library spreads the token; a literal with the same keys is several times faster.
      chars.push({ type: 'char', value: token.value, fullWidth: token.fullWidth, styles });
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
