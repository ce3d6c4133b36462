// Ink's output step tokenizes every line of every frame with @alcalzone/ansi-tokenize,
// which runs Intl.Segmenter over each character. For text whose characters are each their
// own grapheme (printable ASCII, Latin, punctuation, arrows, box drawing, symbols: no
// combining marks, joiners, variation selectors or astral characters), the tokens are
// simply one per character: this wrapper builds them directly, asks the real tokenizer only
// for the SGR codes, and hands any other text to the real tokenizer whole.
import isFullwidthCodePoint from 'is-fullwidth-code-point';
import { tokenize as realTokenize } from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

const SGR = /\x1b\[[0-9;]*m/g;
const ONE_CHAR_GRAPHEMES = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u2bff]*$/;

type Token = ReturnType<typeof realTokenize>[number];

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
    tokens.push(...realTokenize(match[0]));
    index = match.index + match[0].length;
  }
  pushChars(str.slice(index));
  return tokens;
}
