// The snapshot's checksum is taken over its bytes, four at a time (random.ts wordChecksum):
// a snapshot as written is trusted, ASCII or not; one with a byte changed is checked
// against the schema; and one written before, carrying the checksum of its text, is still
// trusted as it is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum, wordChecksum } from '../src/progress/random.js';
import { emptyState } from '../src/progress/schema.js';
import { parseSnapshotBytes, snapshotText } from '../src/progress/snapshot.js';

const state = () => ({
  ...emptyState(),
  notesRead: { sqs: { first: '2026-05-01T10:00:00.000Z', last: '2026-05-01T10:00:00.000Z', count: 1 } },
});
const pointer = { id: 'journal-1', offset: 120 };

describe('wordChecksum', () => {
  it('is the same wherever the bytes sit in memory, and changes with any one byte', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 300 }),
        fc.nat(3),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (data, shift, at, flip) => {
          const sum = wordChecksum(data);
          const moved = new Uint8Array(data.length + shift);
          moved.set(data, shift);
          expect(wordChecksum(moved.subarray(shift))).toBe(sum);
          const changed = Uint8Array.from(data);
          changed[at % data.length]! ^= flip;
          expect(wordChecksum(changed)).not.toBe(sum);
          // Trailing bytes count: a prefix is not the whole.
          expect(wordChecksum(data, data.length - 1)).not.toBe(sum);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("the snapshot's checksum", () => {
  it('holds for a snapshot as written, ASCII or not, and not once a byte of it changed', () => {
    for (const extras of [{}, { note: 'Queues → decoupling — 漢字 🙂' }]) {
      const text = snapshotText(state(), pointer, extras);
      expect(text).toMatch(/"checksum":"w1-[0-9a-f]{16}"\n}\n$/);
      expect(parseSnapshotBytes(Buffer.from(text))).toMatchObject({ kind: 'current', checked: false, extras });
      expect(parseSnapshotBytes(Buffer.from(text.replace('"count":1', '"count":2')))).toMatchObject({ kind: 'current', checked: true });
    }
  });

  it('of a snapshot written before, over its text, still holds; edited, it does not', () => {
    const head = snapshotText(state(), pointer, {}).replace(/,\n"checksum":.*$/s, '');
    const old = `${head},\n"checksum":"${checksum(`${head}\n}`)}"\n}\n`;
    expect(parseSnapshotBytes(Buffer.from(old))).toMatchObject({ kind: 'current', checked: false });
    expect(parseSnapshotBytes(Buffer.from(old.replace('"count":1', '"count":3')))).toMatchObject({ kind: 'current', checked: true });
  });
});
