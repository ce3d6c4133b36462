// `awsnotes questions` cuts each line to the terminal's width by counting characters in
// place (render/lines.ts truncateText): for any text and width, what spreading the line
// into its characters gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncateText } from '../src/render/lines.js';

const spread = (line: string, width: number) => ([...line].length > width ? `${[...line].slice(0, width - 1).join('')}…` : line);

describe('truncateText', () => {
  it('gives what the characters spread gave, surrogate pairs and lone halves included', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: fc.constantFrom('a', ' ', '✎', '🙂', '\ud83d', '\ude42', 'é', '漢'), maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 220 }), (line, width) => {
        expect(truncateText(line, width)).toBe(spread(line, width));
      }),
      { numRuns: 5000 },
    );
  });
});
