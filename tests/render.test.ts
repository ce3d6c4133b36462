// Notes laid out for a terminal: nothing wider than the width, nothing lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { services } from '../src/content/bundle.js';
import { plainText } from '../src/content/types.js';
import { charLength, excerpt, findAll, highlight, lineText, truncateLine, type Line, type Segment } from '../src/render/lines.js';
import { layoutNote, wrap } from '../src/render/note.js';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('layoutNote', () => {
  it.each([40, 60, 80, 100, 200])('every note fits %i columns', (width) => {
    for (const service of services()) {
      for (const line of layoutNote(service, width).lines)
        expect(charLength(lineText(line)), `${service.id}: ${lineText(line)}`).toBeLessThanOrEqual(width);
    }
  });

  it('keeps every word of every bullet, and anchors every section', () => {
    const service = services().find((s) => s.id === 'sqs')!;
    const layout = layoutNote(service, 40);
    // Long words may be split across lines: compare without white space.
    const text = layout.lines.map(lineText).join('').replace(/\s/g, '');
    for (const block of service.blocks) {
      if (block.type === 'list') for (const item of block.items) for (const w of words(plainText(item.spans))) expect(text).toContain(w);
    }
    for (const section of service.sections) {
      const at = layout.anchors.get(section.slug);
      expect(at).toBeDefined();
      expect(lineText(layout.lines[at!]!)).toContain(section.title.split(' ')[0]);
    }
  });

  it('folds a table that cannot fit into "Header: value" rows', () => {
    const eb = services().find((s) => s.id === 'elastic-beanstalk')!;
    const narrow = layoutNote(eb, 40).lines.map(lineText).join('\n');
    expect(narrow).toMatch(/Method: All at once/);
    const wide = layoutNote(eb, 200).lines.map(lineText).join('\n');
    expect(wide).toMatch(/All at once +│/);
  });

  it('marks corrections with the warning role', () => {
    const s3 = services().find((s) => s.id === 's3')!;
    const line = layoutNote(s3, 80).lines.find((l) => lineText(l).includes('Correction:'))!;
    expect(line.segments.find((s) => s.text.includes('Correction:'))?.role).toBe('warning');
  });
});

describe('wrap', () => {
  it('keeps punctuation with the word it follows: ")" after code never starts a line', () => {
    const segments = [
      { text: 'batch actions (' },
      { text: 'ChangeMessageVisibilityBatch', role: 'code' as const },
      { text: ') take up to ten' },
    ];
    // "(ChangeMessageVisibilityBatch)" is 30 characters: from 30 columns it is never cut.
    for (let width = 30; width <= 60; width++) {
      const lines = wrap(segments, width).map(lineText);
      expect(
        lines.some((l) => l.startsWith(')')),
        `width ${width}: ${JSON.stringify(lines)}`,
      ).toBe(false);
      expect(
        lines.some((l) => l.endsWith('(')),
        `width ${width}: ${JSON.stringify(lines)}`,
      ).toBe(false);
    }
  });

  it('never exceeds the width and keeps every character, across styled segments and prefixes', () => {
    const segment = fc.record({
      text: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 20, unit: 'grapheme' }),
        fc.string({ maxLength: 10, unit: 'binary' }),
      ),
      role: fc.constantFrom(undefined, 'code' as const),
    });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.integer({ min: 1, max: 60 }), fc.nat({ max: 6 }), (segments, width, indent) => {
        const prefix = [{ text: ' '.repeat(Math.min(indent, width - 1)) }];
        const lines = wrap(segments, width, prefix, prefix);
        for (const line of lines) expect(charLength(lineText(line))).toBeLessThanOrEqual(width);
        const text = segments.map((s) => s.text).join('');
        expect(lines.map(lineText).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });

  it('never exceeds the width and keeps every character of the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 120 }), (text, width) => {
        const lines = wrap([{ text }], width);
        for (const line of lines) expect(charLength(lineText(line))).toBeLessThanOrEqual(width);
        expect(lines.map(lineText).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});

it('never breaks a word that fits a line, even one spread over several styled segments', () => {
  // Few letters, many spaces and empty segments: words glued across segment edges are common.
  const text = fc.string({ unit: fc.constantFrom('a', 'b', '.', ')', ' ', '\u00a0', '😀'), maxLength: 12 });
  const segment = fc.record({ text, role: fc.constantFrom(undefined, 'code' as const) });
  fc.assert(
    fc.property(fc.array(segment, { maxLength: 8 }), fc.integer({ min: 1, max: 20 }), (segments, width) => {
      const expected = words(segments.map((s) => s.text).join(''));
      fc.pre(expected.every((word) => charLength(word) <= width));
      expect(wrap(segments, width).flatMap((line) => words(lineText(line)))).toEqual(expected);
    }),
    { numRuns: 2000 },
  );
});
describe('line helpers', () => {
  it('charLength counts code points, astral characters and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        expect(charLength(text)).toBe([...text].length);
      }),
    );
  });

  it('truncateLine ends with … and fits', () => {
    expect(lineText(truncateLine({ segments: [{ text: 'abcdefghij' }] }, 5))).toBe('abcd…');
    expect(lineText(truncateLine({ segments: [{ text: 'abc' }] }, 5))).toBe('abc');
  });
  it('highlight splits segments at the ranges', () => {
    const line = highlight({ segments: [{ text: 'long polling' }] }, [[5, 11]]);
    expect(line.segments).toEqual([{ text: 'long ' }, { text: 'polling', role: 'match' }]);
  });
  it('highlight marks exactly the characters inside the ranges, whatever the ranges and segments', () => {
    // The plain definition: walk the characters, start a new segment where marked-ness changes.
    const reference = (line: Line, ranges: [number, number][]): Segment[] => {
      const out: Segment[] = [];
      let offset = 0;
      for (const segment of line.segments) {
        const chars = [...segment.text];
        let run = '';
        let runMarked = false;
        chars.forEach((char, i) => {
          const marked = ranges.some(([start, end]) => offset + i >= start && offset + i <= end);
          if (run && marked !== runMarked) {
            out.push(runMarked ? { ...segment, text: run, role: 'match' } : { ...segment, text: run });
            run = '';
          }
          run += char;
          runMarked = marked;
        });
        if (run) out.push(runMarked ? { ...segment, text: run, role: 'match' } : { ...segment, text: run });
        offset += chars.length;
      }
      return out;
    };
    const segment = fc.record(
      {
        text: fc.oneof(fc.string({ maxLength: 12 }), fc.string({ maxLength: 6, unit: 'grapheme' })),
        role: fc.constantFrom(undefined, 'code' as const),
        bold: fc.constantFrom(undefined, true),
      },
      { requiredKeys: ['text'] },
    );
    const range = fc.tuple(fc.integer({ min: -3, max: 40 }), fc.integer({ min: -3, max: 40 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.array(range, { minLength: 1, maxLength: 4 }), (segments, ranges) => {
        expect(highlight({ segments }, ranges).segments).toEqual(reference({ segments }, ranges));
      }),
      { numRuns: 3000 },
    );
  });
  it('findAll is case-insensitive and does not overlap', () => {
    expect(findAll('FIFO fifo', 'fifo')).toEqual([
      [0, 3],
      [5, 8],
    ]);
    expect(findAll('aaaa', 'aa')).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
  it('excerpt shifts a far match into view', () => {
    const text = `${'x '.repeat(60)}needle here`;
    const start = text.indexOf('needle');
    const line = excerpt(text, [[start, start + 5]], 30);
    expect(lineText(line).length).toBeLessThanOrEqual(30);
    expect(line.segments.find((s) => s.role === 'match')?.text).toBe('needle');
  });
});
