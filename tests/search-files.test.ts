// The search index as the build writes it: search.json, and search.bin holding the
// records' texts and the posting lists as bytes (src/search/pack.ts). Read back, it must
// be exactly the index it was made from, whatever the texts hold; a search.bin that does
// not go with its search.json is refused, not read askew.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchRecord } from '../src/content/types.js';
import { buildWordIndex } from '../src/search/index.js';
import { packSearchFiles, recordArray, unpackSearchFiles } from '../src/search/pack.js';

const text = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', ' ', '-', '→', '—', 'é', '漢', '🙂', '"', '\\', ','), maxLength: 40 });
const record = fc
  .tuple(
    fc.constantFrom('sqs', 'sns', 'my-own'),
    fc.option(fc.constantFrom('overview', 'limits'), { nil: null }),
    fc.constantFrom('title', 'alias', 'heading', 'line'),
    text,
  )
  .map(([service, section, kind, body]): SearchRecord => ({ service, section, [kind]: body }));

function roundTrip(records: SearchRecord[]) {
  const index = buildWordIndex(records);
  const { head, bytes } = packSearchFiles(records, index);
  const read = unpackSearchFiles(JSON.parse(JSON.stringify(head)), Buffer.from(bytes));
  return { records, index, read };
}

describe('search.json and search.bin', () => {
  it('read back to exactly the records and the postings they were made from', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 30 }), (records) => {
        const { index, read } = roundTrip(records);
        expect(recordArray(read.records)).toEqual(records);
        expect(Array.from({ length: read.index.postings.length }, (_, i) => read.index.postings.at(i))).toEqual(
          Array.from({ length: index.postings.length }, (_, i) => index.postings.at(i)),
        );
        expect(read.index.vocab).toEqual(index.vocab);
      }),
      { numRuns: 300 },
    );
  });

  it('refuse a search.bin cut short or grown', () => {
    const records: SearchRecord[] = [
      { service: 'sqs', section: null, title: 'Amazon SQS' },
      { service: 'sqs', section: 'overview', line: 'Queues → decoupling — at scale' },
    ];
    const { head, bytes } = packSearchFiles(records, buildWordIndex(records));
    expect(() => unpackSearchFiles(head, bytes.subarray(0, bytes.length - 1))).toThrow(/search\.bin does not match search\.json/);
    expect(() => unpackSearchFiles(head, Buffer.concat([bytes, Buffer.from('x')]))).toThrow(/search\.bin does not match search\.json/);
    expect(() => unpackSearchFiles(head, bytes.subarray(0, 3))).toThrow(/search\.bin does not match search\.json/);
  });
});
