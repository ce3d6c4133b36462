// Ranking: what a learner types should put the right note first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packPostings, PackedPostings } from '../src/search/pack.js';
import { findService } from '../src/content/lookup.js';
import { serviceMeta } from '../src/content/bundle.js';
import { boundedDistance, matchWord } from '../src/search/index.js';
import { createSearcher, search, shippedRecords, thresholdFor } from '../src/search/search.js';
import type { SearchRecord } from '../src/content/types.js';
import { menuRows } from '../src/browse/menu.js';
import { NOTE_COUNT } from './helpers/content.js';

const top = (query: string) => search(query, { limit: 5 })[0];

describe('search ranking', () => {
  it.each([
    ['ddb', 'dynamodb'],
    ['dynamo', 'dynamodb'],
    ['kinessis', 'kinesis'],
    ['lamda', 'lambda'],
    // Two letters swapped, the commonest typo: one edit, even in a short word.
    ['lmabda', 'lambda'],
    ['dyanmo', 'dynamodb'],
    ['cognitio', 'cognito'],
    ['cloudfromation', 'cloudformation'],
    ['SSM', 'parameter-store'],
    ['firehose', 'kinesis'],
    ['cdn', 'cloudfront'],
    ['queue', 'sqs'],
    ['appspec', 'codedeploy'],
    ['buildspec', 'codebuild'],
  ])('%s → %s first', (query, service) => {
    expect(top(query)?.service).toBe(service);
  });

  it('fifo finds the SQS section on FIFO queues', () => {
    const hits = search('fifo', { limit: 5 });
    expect(hits[0]?.service).toBe('sqs');
    expect(hits.some((h) => h.service === 'sqs' && h.section === 'standard-vs-fifo-queues')).toBe(true);
  });

  it.each([
    ['sqs fifo', 'sqs'],
    ['dynamodb capacity', 'dynamodb'],
    ['long polling', 'sqs'],
    ['lambda layers', 'lambda'],
    ['s3 cors', 's3'],
  ])('two words "%s" → %s', (query, service) => {
    const hits = search(query, { limit: 5 });
    expect(hits[0]?.service).toBe(service);
    expect(
      hits.every(
        (h) =>
          h.service === service || query.split(' ').every((w) => h.text.toLowerCase().includes(w.toLowerCase()) || h.service.includes(w)),
      ),
    ).toBe(true);
  });

  it('short queries need exact letters: "ddb" does not match "Adding"', () => {
    expect(search('ddb', { limit: 50 }).some((h) => /adding/i.test(h.text))).toBe(false);
    expect(thresholdFor('ddb')).toBeLessThan(thresholdFor('kinessis'));
  });

  it('highlight ranges point at the matched text', () => {
    const hit = search('polling', { limit: 1 })[0]!;
    const [start, end] = hit.ranges[0]!;
    expect(hit.text.slice(start, end + 1).toLowerCase()).toBe('polling');
  });

  it('scattered letters are not a match: "lambda" is not highlighted as "am" and "da" of "downstream database"', () => {
    const hits = search('lambda concurrency reserved', { limit: 10 });
    expect(hits.length).toBeGreaterThan(0);
    // Every highlight is a run of at least half of some query word: 3 letters here.
    for (const hit of hits) for (const [start, end] of hit.ranges) expect(end - start + 1, hit.text).toBeGreaterThanOrEqual(3);
    // A typo still matches: it keeps a run of at least half the word.
    expect(top('lamda')?.service).toBe('lambda');
  });

  it('nonsense finds nothing; blank finds nothing', () => {
    expect(search('qqqqzzzz')).toEqual([]);
    expect(search('   ')).toEqual([]);
  });
});

describe('findService', () => {
  it('ties and misses give candidates, not a guess', async () => {
    expect(await findService('xyzzyplugh')).toEqual({ candidates: [] });
    expect((await findService('code')).found).toBeUndefined();
  });
  it('ids, titles and aliases win outright; a misspelling finds its service', async () => {
    expect((await findService('route-53')).found?.id).toBe('route-53');
    expect((await findService('AWS Lambda')).found?.id).toBe('lambda');
    expect((await findService('ALB')).found?.id).toBe('elb');
    expect((await findService('kinessis')).found?.id).toBe('kinesis');
  });
});

describe('menu rows', () => {
  it('empty query: every service once, under its category, marked read', () => {
    const rows = menuRows('', new Set(['sqs']));
    const serviceRows = rows.filter((r) => r.kind === 'service');
    expect(serviceRows).toHaveLength(NOTE_COUNT);
    expect(rows[0]?.kind).toBe('category');
    expect(serviceRows.find((r) => r.service.id === 'sqs')).toMatchObject({ read: true });
    expect(serviceRows.find((r) => r.service.id === 'sns')).toMatchObject({ read: false });
  });
  const firstService = (query: string) => menuRows(query, new Set()).find((r) => r.kind === 'service');

  it("a service's id or title opens its note at the top, not at a section: the service first, no target", () => {
    const names = serviceMeta().flatMap((s) => [s.id, s.title].map((name) => [s.id, name] as const));
    const wrong = names.filter(([id, name]) => {
      const first = firstService(name);
      return first?.kind !== 'service' || first.service.id !== id || first.target !== null;
    });
    expect(wrong).toEqual([]);
  });

  it('so does an alias, unless it is also the heading of one of its sections ("dead-letter queue")', () => {
    const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const wrong = serviceMeta().flatMap((s) =>
      s.aliases.flatMap((alias) => {
        const first = firstService(alias);
        if (first?.kind !== 'service' || first.service.id !== s.id) return [alias];
        if (first.target === null) return [];
        // A heading with the alias's words (plurals allowed): "Dead-letter queues", "Event buses".
        const heading = words(s.sections.find((section) => section.slug === first.target)?.title ?? '');
        return words(alias).every((w) => heading.some((h) => h === w || h === `${w}s` || h === `${w}es`))
          ? []
          : [`${alias} → ${first.target}`];
      }),
    );
    expect(wrong).toEqual([]);
    expect(firstService('dead-letter queue')).toMatchObject({ service: { id: 'sqs' }, target: 'dead-letter-queues' });
  });

  it.each([
    ['sqs', 'sqs'],
    ['dynamodb', 'dynamodb'],
    ['parameter store', 'parameter-store'],
    ['kinessis', 'kinesis'],
    ['dynamo', 'dynamodb'],
    ['Amazon Simple Queue Service', 'sqs'],
    // The start of a name being typed.
    ['secrets', 'secrets-manager'],
    ['step', 'step-functions'],
    ['simple queue', 'sqs'],
  ])('"%s" names %s: its note opens at the top', (query, id) => {
    expect(firstService(query)).toMatchObject({ kind: 'service', service: { id }, target: null });
  });

  it.each([
    ['fifo', 'sqs', 'standard-vs-fifo-queues'],
    ['sqs fifo', 'sqs', 'standard-vs-fifo-queues'],
    ['sqs lambda', 'sqs', 'using-sqs-with-lambda'],
    ['sqs visibility timeout', 'sqs', 'visibility-timeout-and-message-lifecycle'],
    ['user pool', 'cognito', 'user-pools'],
  ])('"%s" goes beyond the name: %s opens at %s', (query, id, target) => {
    expect(firstService(query)).toMatchObject({ kind: 'service', service: { id }, target });
  });

  it('a query: services with their section hits beneath, opening at the matched section', () => {
    const rows = menuRows('fifo', new Set());
    expect(rows[0]).toMatchObject({ kind: 'service', service: { id: 'sqs' } });
    expect(rows.some((r) => r.kind === 'hit' && r.service.id === 'sqs' && r.section === 'standard-vs-fifo-queues')).toBe(true);
  });
});

describe('packed postings', () => {
  it('decode to the lists they were made from, empty lists and any order of access included', () => {
    const lists = fc.array(
      fc.uniqueArray(fc.nat({ max: 100_000 })).map((l) => l.sort((a, b) => a - b)),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(lists, fc.array(fc.integer({ min: -2, max: 45 })), (original, order) => {
        const packed = new PackedPostings(JSON.parse(JSON.stringify(packPostings(original))) as string, original.length);
        for (const i of order) expect(packed.at(i)).toEqual(original.at(i) === undefined || i < 0 ? undefined : original[i]);
        expect(Array.from({ length: packed.length }, (_, i) => packed.at(i))).toEqual(original);
      }),
      { numRuns: 1000 },
    );
  });

  it('a damaged string is an error, not wrong results', () => {
    expect(() => new PackedPostings('1,2 3', 3).at(0)).toThrow(/2 posting lists where 3 were expected/);
  });
});

describe('matchWord', () => {
  it('finds exactly the words that equal, start with or contain the typed word', () => {
    const vocabulary = fc.uniqueArray(fc.stringMatching(/^[a-e0-2]{1,8}$/), { maxLength: 60 }).map((words) => [...words].sort());
    fc.assert(
      fc.property(vocabulary, fc.stringMatching(/^[a-e0-2]{1,5}$/), (vocab, word) => {
        const found = matchWord({ vocab, postings: { at: () => [], length: vocab.length }, owners: {} }, word);
        // The definition: 1 for the word itself, 0.8 for a longer word it begins, 0.6 for a
        // longer word holding it elsewhere (three letters or more), typos only if none.
        const expected = new Map<number, number>();
        vocab.forEach((v, i) => {
          if (v === word) expected.set(i, 1);
          else if (v.startsWith(word)) expected.set(i, 0.8);
        });
        if (word.length >= 3)
          vocab.forEach((v, i) => {
            if (v.length > word.length && v.includes(word) && !expected.has(i)) expected.set(i, 0.6);
          });
        if (expected.size > 0 || word.length < 4)
          expect([...found].sort((a, b) => a[0] - b[0])).toEqual([...expected].sort((a, b) => a[0] - b[0]));
        else for (const [i] of found) expect(vocab[i]).not.toContain(word);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('words of a query spread over one section', () => {
  const records = shippedRecords();
  const textOf = (r: SearchRecord) => (r.title ?? r.alias ?? r.heading ?? r.line ?? '').toLowerCase();
  /** Whether `text` has a word starting with each of `words` (what the index matches first). */
  const holdsAll = (text: string, words: string[]) => words.every((w) => new RegExp(`\\b${w}`, 'i').test(text));

  it("a table's header row is a search record: gsi lsi finds the DynamoDB comparison table", () => {
    expect(records).toContainEqual({
      service: 'dynamodb',
      section: 'secondary-indexes',
      line: 'Local secondary index (LSI) | Global secondary index (GSI)',
    });
    const hit = search('gsi lsi', { limit: 5 })[0];
    expect(hit).toMatchObject({ service: 'dynamodb', section: 'secondary-indexes' });
    expect(hit!.text).toMatch(/LSI.*GSI/);
  });

  it('fifo deduplication throughput: no line holds the three words, the SQS section on FIFO queues does', () => {
    const words = ['fifo', 'deduplication', 'throughput'];
    expect(records.some((r) => holdsAll(textOf(r), words))).toBe(false);
    const section = records.filter((r) => r.service === 'sqs' && r.section === 'standard-vs-fifo-queues');
    expect(words.every((w) => section.some((r) => holdsAll(textOf(r), [w])))).toBe(true);
    const hits = search(words.join(' '));
    expect(hits[0]).toMatchObject({ service: 'sqs', section: 'standard-vs-fifo-queues' });
    // The line shown is highlighted where it holds the query's words.
    const [start, end] = hits[0]!.ranges[0]!;
    expect(words).toContain(hits[0]!.text.slice(start, end + 1).toLowerCase());
  });

  it('the menu opens such a section', () => {
    const rows = menuRows('sqs dlq redrive visibility', new Set());
    expect(rows[0]).toMatchObject({ kind: 'service', service: { id: 'sqs' } });
    expect(rows.some((r) => r.kind === 'hit' && r.service.id === 'sqs')).toBe(true);
  });

  it('ranks every hit on one line before the sections that hold the words only between lines', () => {
    const line = (service: string, section: string, text: string): SearchRecord => ({ service, section, line: text });
    const searcher = createSearcher([
      { service: 'spread', section: null, title: 'Spread Service' },
      line('spread', 'short', 'rotation'),
      line('spread', 'short', 'envelope'),
      { service: 'long', section: null, title: 'Long Service' },
      // One line with both words, long enough that Fuse scores it worse than either short line.
      line('long', 'far', `${'padding words that say nothing '.repeat(6)}rotation of the key and envelope encryption`),
      line('other', 'only', 'rotation alone'),
    ]);
    const hits = search('envelope rotation', { searcher });
    expect(hits.map((h) => `${h.service}#${h.section}`)).toEqual(['long#far', 'spread#short']);
    expect(hits[1]!.score).toBeGreaterThan(hits[0]!.score);
    expect(hits[1]!.score).toBeLessThan(1);
    expect(hits[1]!.text.slice(hits[1]!.ranges[0]![0], hits[1]!.ranges[0]![1] + 1)).toMatch(/^(rotation|envelope)$/);
  });

  it('one word never matches across lines', () => {
    const hits = search('visibility', { limit: 60 });
    expect(hits.every((h) => /visibility/i.test(h.text))).toBe(true);
  });
});

/** Optimal string alignment distance, the plain way: the reference for boundedDistance. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('typo distance', () => {
  it('counts two letters swapped as one edit, like one letter added, dropped or changed', () => {
    expect(boundedDistance('lmabda', 'lambda', 1)).toBe(1);
    expect(boundedDistance('dyanmo', 'dynamo', 1)).toBe(1);
    expect(boundedDistance('lamda', 'lambda', 1)).toBe(1);
    expect(boundedDistance('lmbada', 'lambda', 1)).toBe(2); // two swaps: beyond 1
  });

  it('is the optimal string alignment distance, or max + 1 past max, for any words', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const exact = osa(a, b);
        expect(boundedDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
