// The bundle's fast paths for Ink's text handling and conf's store check must give exactly
// what the real libraries give, for any input.
import { styledCharsFromTokens as realFromTokens, styledCharsToString as realToString, tokenize as realTokenize } from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import realStringWidth from 'string-width';
import assert from 'node:assert';
import { describe, expect, it } from 'vitest';
import { deepEqual } from '../src/stubs/conf-assert.js';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '../src/stubs/ansi-tokenize.js';
import stringWidth from '../src/stubs/string-width.js';

const pieces = fc.oneof(
  fc.string(),
  fc.constantFrom('\u00ad', '⌚', '☀', '⚡', '€', '›', '·', '…', '✓', '✗', '–', '×', '÷', '→', '│', '─', '█', '░', 'é', 'ß', '漢', '🙂', 'e\u0301', '\u200d', '\ufe0f', '\x1b[36m', '\x1b[39m', '\x1b[1;4;33m', '\x1b[7m', '\x1b[38;5;123m', '\x1b]8;;x\x07', '\t', '\r\n', ' '),
);
// Any SGR sequence, compound ones and 8/24-bit colours included, well formed or not.
const sgr = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 110 }).map(String), fc.constantFrom('38', '48', '5', '2', '')), { maxLength: 7 })
  .map((parts) => `\x1b[${parts.join(';')}m`);
const text = fc.array(fc.oneof(pieces, sgr), { maxLength: 12 }).map((parts) => parts.join(''));

describe('fast paths match the real libraries', () => {
  it('tokenize', () => {
    fc.assert(
      fc.property(text, fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), (s, end) => {
        expect(tokenize(s, end)).toEqual(realTokenize(s, end));
      }),
      { numRuns: 2000 },
    );
  });

  it('styled chars from tokens', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(styledCharsFromTokens(realTokenize(s))).toEqual(realFromTokens(realTokenize(s)));
      }),
      { numRuns: 2000 },
    );
  });

  it('styled chars to string, for a row of cells cut from several texts as Ink lays them out', () => {
    const row = fc.array(fc.tuple(text, fc.nat(12), fc.nat(12)), { maxLength: 5 });
    fc.assert(
      fc.property(row, (parts) => {
        const cells = parts.flatMap(([s, from, length]) => styledCharsFromTokens(tokenize(s)).slice(from, from + length));
        expect(styledCharsToString(cells)).toBe(realToString(cells));
      }),
      { numRuns: 2000 },
    );
  });

  it('string-width', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(stringWidth(s)).toBe(realStringWidth(s));
      }),
      { numRuns: 2000 },
    );
  });

  it("conf's assert.deepEqual: throws exactly when node:assert does", () => {
    const throws = (f: () => void) => {
      try {
        f();
        return false;
      } catch {
        return true;
      }
    };
    // What conf compares (a store and a copy with defaults added), and anything else.
    const value = fc.oneof(fc.jsonValue(), fc.constantFrom(0, -0, NaN, '0', undefined, null, [], {}));
    const store = fc.dictionary(fc.string({ maxLength: 3 }), value, { maxKeys: 5 });
    const pair = fc.oneof(
      store.map((a) => [a, { ...a }]),
      store.map((a) => [a, Object.assign(Object.create(null) as object, a)]),
      fc.tuple(store, store).map(([a, defaults]) => [a, { ...defaults, ...a }]),
      fc.tuple(store, fc.string({ maxLength: 3 }), value).map(([a, k, v]) => [a, { ...a, [k]: v }]),
      fc.tuple(value, value),
      fc.tuple(store, fc.constantFrom(new Date(0), [1], new Map())).map(([a, other]) => [a, other]),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(throws(() => deepEqual(a, b))).toBe(throws(() => assert.deepEqual(a, b)));
      }),
      { numRuns: 3000 },
    );
  });
});
