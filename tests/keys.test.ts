// The key table: ids are a type made from it, so a screen cannot ask for a key it lacks.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { helpLines } from '../src/ui/components/HelpOverlay.js';
import { BINDINGS, footerText, isKey, type KeyId } from '../src/ui/keys.js';

const NONE = { ctrl: false, shift: false, meta: false, return: false, escape: false, tab: false, downArrow: false } as Key;
const key = (extra: Partial<Key> = {}): Key => ({ ...NONE, ...extra });

describe('the key table', () => {
  it('has one row per id', () => {
    const ids = BINDINGS.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('an id that is not in the table does not compile (and throws if forced)', () => {
    // @ts-expect-error: 'reader.dwon' is not a key id; tsc fails on this file if it ever becomes one.
    const typo: KeyId = 'reader.dwon';
    expect(() => isKey(typo, 'j', key())).toThrow('unknown key binding reader.dwon');
  });

  it('matches the keys of a row, with their modifiers', () => {
    expect(isKey('reader.down', 'j', key())).toBe(true);
    expect(isKey('reader.down', '', key({ downArrow: true }))).toBe(true);
    expect(isKey('reader.down', 'k', key())).toBe(false);
    expect(isKey('global.interrupt', 'c', key({ ctrl: true }))).toBe(true);
    expect(isKey('reader.quiz', 't', key({ ctrl: true }))).toBe(false);
  });

  it('writes the footer from the rows of a scope, global keys last', () => {
    expect(footerText(['reader'], 'help')).toBe('↓ scroll · / find · o outline · t quiz · e my notes · q back · ? help');
  });

  it('the ? help lists every key of the daily loop: undo, the quiz length, the filtering lists, the exam review filter', () => {
    const help = helpLines([...new Set(BINDINGS.map((b) => b.scope))])
      .map((l) => l.text)
      .join('\n');
    expect(help).toMatch(/^ {2}u +undo: take the answer back \(the card and the flag as they were\) and answer again$/m);
    expect(help).toMatch(/^ {2}←\/→ +questions per quiz: 10, 20, 40 or all$/m);
    expect(help).toMatch(/^Quiz: a list that filters as you type/m);
    expect(help).toMatch(/^ {2}Esc +back to the list of sources$/m);
    expect(help).toMatch(/^ {2}f +walk through all, the wrong, the marked or the unanswered questions/m);
    expect(help).toMatch(/^ {2}2\/3\/4 +after a right answer: it was Hard \/ Good \/ Easy/m);
  });

  it("the ? help lists the reader's moves and e, your notes, in one list", () => {
    const reader = helpLines(['reader'])
      .map((l) => l.text)
      .join('\n');
    expect(reader).toMatch(/^ {2}Ctrl\+D +half a page down$/m);
    expect(reader).toMatch(/^ {2}\] +to the next section$/m);
    expect(reader).toMatch(/^ {2}\[ +to the previous section/m);
    expect(reader).toMatch(/^ {2}e +edit your own notes on this service/m);
  });

  it('a wrong answer leaves no rating keys in the footer; the verdict offers undo', () => {
    expect(footerText(['quiz-verdict'], 'help')).toBe('Enter next · g note · f flag · u undo · q stop · ? help');
  });
});
