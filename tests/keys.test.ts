// The key table: ids are a type made from it, so a screen cannot ask for a key it lacks.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
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
});
