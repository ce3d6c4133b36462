// The bundle's patches (src/patches/manifest.ts) that stand in for Ink's text handling and
// conf's store check must give exactly what the real libraries give, for any input.
import {
  styledCharsFromTokens as realFromTokens,
  styledCharsToString as realToString,
  tokenize as realTokenize,
} from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import realStringWidth from 'string-width';
import assert from 'node:assert';
import { describe, expect, it } from 'vitest';
import InkOutput from '../node_modules/ink/build/output.js';
import { deepEqual } from '../src/patches/conf-assert.js';
import Output from '../src/patches/ink-output.js';
import { styledCharsFromTokens, styledCharsToString, tokenize } from '../src/patches/ansi-tokenize.js';
import stringWidth from '../src/patches/string-width.js';

const pieces = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '\u00ad',
    '⌚',
    '☀',
    '⚡',
    '€',
    '›',
    '·',
    '…',
    '✓',
    '✗',
    '–',
    '×',
    '÷',
    '→',
    '│',
    '─',
    '█',
    '░',
    'é',
    'ß',
    '漢',
    '🙂',
    'e\u0301',
    '\u200d',
    '\ufe0f',
    '\x1b[36m',
    '\x1b[39m',
    '\x1b[1;4;33m',
    '\x1b[7m',
    '\x1b[38;5;123m',
    '\x1b]8;;x\x07',
    '\t',
    '\r\n',
    ' ',
  ),
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

describe("the bundle's Ink Output", () => {
  // A small pool of lines, so frames repeat lines and rows as a real session does.
  const line = fc.oneof(
    fc.constantFrom(
      'Amazon SQS',
      '› dynamo',
      '✓ Lambda  aka λ',
      '漢字 wide',
      '\x1b[36mcyan\x1b[39m plain',
      '\x1b[7m inverse \x1b[27m',
      '  indented',
      'e\u0301 combining',
      '🙂 emoji',
      '',
    ),
    text,
  );
  const transformer = fc.constantFrom<((s: string, i: number) => string)[]>(
    [],
    [(s) => s.toUpperCase()],
    [(s, i) => `\x1b[1m${s}\x1b[22m${i}`],
  );
  const operation = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('write' as const),
        x: fc.integer({ min: -3, max: 30 }),
        y: fc.integer({ min: -2, max: 9 }),
        lines: fc.array(line, { minLength: 1, maxLength: 3 }),
        transformers: transformer,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('clip' as const),
        clip: fc.record({
          x1: fc.option(fc.integer({ min: -2, max: 20 }), { nil: undefined }),
          x2: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
          y1: fc.option(fc.integer({ min: -1, max: 6 }), { nil: undefined }),
          y2: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
        }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'unclip' as const }) },
  );
  const frame = fc.record({
    width: fc.integer({ min: 1, max: 24 }),
    height: fc.integer({ min: 1, max: 7 }),
    operations: fc.array(operation, { maxLength: 10 }),
  });

  type Target = {
    write(x: number, y: number, text: string, o: { transformers: ((s: string, i: number) => string)[] }): void;
    clip(c: object): void;
    unclip(): void;
    get(): { output: string; height: number };
  };
  const draw = (target: Target, operations: { type: string; [k: string]: unknown }[]) => {
    for (const op of operations) {
      if (op.type === 'write')
        target.write(op.x as number, op.y as number, (op.lines as string[]).join('\n'), { transformers: op.transformers as never });
      else if (op.type === 'clip') target.clip(op.clip as object);
      else target.unclip();
    }
    return target.get();
  };

  it('draws every frame of a session exactly as Ink does', () => {
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 6 }), (frames) => {
        for (const { width, height, operations } of frames) {
          expect(draw(new Output({ width, height }), operations)).toEqual(
            draw(new InkOutput({ width, height }) as unknown as Target, operations),
          );
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('importing the app without fetch', () => {
  const g = globalThis as { __awsnotesImportApp?: () => Promise<unknown> };
  const realFetch = globalThis.fetch;

  it('hides fetch while the app evaluates and puts it back after, even when the import fails', async () => {
    const { importApp } = await import('../src/app-import.js');
    let seen: unknown = 'not called';
    g.__awsnotesImportApp = async () => {
      seen = globalThis.fetch;
      return { runApp: async () => 0 };
    };
    await importApp();
    expect(seen).toBeUndefined();
    expect(globalThis.fetch).toBe(realFetch);

    g.__awsnotesImportApp = async () => {
      throw new Error('broken bundle');
    };
    await expect(importApp()).rejects.toThrow('broken bundle');
    expect(globalThis.fetch).toBe(realFetch);
    delete g.__awsnotesImportApp;
  });
});
