// The journal's lines: small, checked, appended whole, and readable after any crash.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questions } from '../src/content/bundle.js';
import { answerAt, decodeLine, encodeEvent, type Event, JOURNAL_VERSION, parseLine } from '../src/progress/events.js';
import { appendEvents, appendToKnownJournal, createJournal, scanJournal } from '../src/progress/journal.js';
import { tempDir } from './helpers/cli.js';

const NOW = new Date(Date.UTC(2026, 4, 1, 10));

function answer(id: string, question: string, correct = true): Event {
  return { kind: 'answer', id, at: NOW.getTime(), question, chosen: [0, 2], correct, ms: 12_345, source: 'plain', rating: correct ? 4 : 2 };
}

function journal(): string {
  const file = path.join(tempDir(), 'journal.jsonl');
  createJournal(file, NOW);
  return file;
}

function events(file: string): Event[] {
  const out: Event[] = [];
  scanJournal(file, (event) => out.push(event));
  return out.filter((e) => e.kind !== 'journal');
}

describe('journal lines', () => {
  it('an answer takes at most 150 bytes, even for the longest question id with every optional field', () => {
    const longest = questions().reduce((a, b) => (b.id.length > a.id.length ? b : a)).id;
    const line = encodeEvent({ ...answer('AbCdEfGhIjKl', longest), chosen: [0, 1, 2], ms: 3_599_999 } as Event);
    expect(Buffer.byteLength(`${line}\n`)).toBeLessThanOrEqual(150);
    // Defaults are not written: a plain right answer in the app is shorter still.
    expect(
      encodeEvent({
        kind: 'answer',
        id: 'AbCdEfGhIjKl',
        at: NOW.getTime(),
        question: 'q',
        chosen: [1],
        correct: true,
        ms: 0,
        source: 'quiz',
        rating: 3,
      }),
    ).toBe(`{"i":"AbCdEfGhIjKl","e":"a","q":"q","c":[1],"ok":1,"at":${NOW.getTime()}}`);
  });

  it('every event reads back as it was written', () => {
    const all: Event[] = [
      answer('a1', 'sqs-1'),
      answer('a2', 'sqs-1', false),
      { kind: 'rerate', id: 'r1', at: 5, question: 'sqs-1', answer: 'a1', rating: 2 },
      { kind: 'undo', id: 'u1', at: 6, question: 'sqs-1', answer: 'a2' },
      { kind: 'flag', id: 'f1', at: 7, question: 'sqs-1', on: true },
      { kind: 'flag', id: 'f2', at: 8, question: 'sqs-1', on: false },
      { kind: 'read', id: 'n1', at: 9, service: 'sqs' },
      { kind: 'read', id: 'n2', at: 9, service: 'sqs', first: 1, count: 4 },
      {
        kind: 'exam',
        id: 'x1',
        at: 10,
        startedAt: 1,
        questions: 65,
        correct: 50,
        scaled: 792,
        passed: true,
        timedOut: false,
        domains: { development: { questions: 21, correct: 17 } },
      },
      { kind: 'setting', id: 's1', at: 11, key: 'examDate', value: '2027-03-15' },
      { kind: 'setting', id: 's2', at: 12, key: 'newPerDay', value: null },
      { kind: 'journal', id: 'h', at: 13, version: JOURNAL_VERSION },
    ];
    for (const event of all) expect(decodeLine(encodeEvent(event))).toEqual(event);
  });

  it.each([
    ['not JSON', '{"i":"x","e":"a"'],
    ['no id', '{"e":"a","q":"q","c":[0],"at":1}'],
    ['an id with a control character', '{"i":"a\\u001b","e":"n","sv":"sqs","at":1}'],
    ['a time a Date cannot hold', '{"i":"x","e":"n","sv":"sqs","at":1e300}'],
    ['an option index out of range', '{"i":"x","e":"a","q":"q","c":[99],"at":1}'],
    ['a rating of 7', '{"i":"x","e":"a","q":"q","c":[0],"at":1,"r":7}'],
    ['an exam date that is not a day', '{"i":"x","e":"s","k":"examDate","v":"2025-13-45","at":1}'],
    ['a score below 100', '{"i":"x","e":"x","at":2,"st":1,"n":65,"ok":0,"sc":12,"pass":0,"to":0,"d":{}}'],
  ])('a line with %s is not an event', (_what, line) => {
    expect(decodeLine(line)).toBeUndefined();
  });

  it('an answer line is read without JSON.parse exactly as JSON.parse and the checks read it, whatever is changed in it', () => {
    const name = fc.string({
      unit: fc.constantFrom('a', 'q', '-', '9', 'é', '"', '\\', '\u0001', '\u007f', '}', ','),
      minLength: 0,
      maxLength: 8,
    });
    const answers = fc.record({
      kind: fc.constant('answer' as const),
      id: fc.oneof(name, fc.constant('AbCdEfGhIjKl')),
      at: fc.oneof(fc.integer({ min: 0, max: 8.64e15 }), fc.constantFrom(8.64e15 + 1, 2 ** 53, 0)),
      question: fc.oneof(name, fc.constantFrom('sqs-visibility-timeout', 'x'.repeat(200), 'x'.repeat(201))),
      chosen: fc.oneof(
        fc.array(fc.integer({ min: 0, max: 25 }), { maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
        fc.integer({ min: 25, max: 28 }).map((n) => Array.from({ length: n }, (_, i) => i % 26)),
      ),
      correct: fc.boolean(),
      ms: fc.oneof(fc.integer({ min: 0, max: 1e9 + 5 }), fc.constant(0)),
      source: fc.constantFrom('quiz', 'exam', 'drill', 'plain'),
      rating: fc.constantFrom(1, 2, 3, 4),
    }) as fc.Arbitrary<Event>;
    // Edits that make a line another valid line, or not a line of the journal: both must agree.
    const edit = fc.record({
      at: fc.nat(),
      /** After which of the line's `:`, `[` and `,` the edit is (most edits that matter are there), or anywhere. */
      after: fc.option(fc.nat()),
      remove: fc.integer({ min: 0, max: 3 }),
      insert: fc.string({
        unit: fc.constantFrom('0', '1', '5', '-', '.', 'e', ' ', '"', '\\', ',', ':', '[', ']', '{', '}', 'ok', '"r":2'),
        maxLength: 3,
      }),
    });
    // A number of the line written otherwise: the limits, and what JSON reads but awsnotes never writes.
    const numeral = fc.record({
      which: fc.nat(),
      text: fc.constantFrom(
        '0',
        '00',
        '05',
        '-0',
        '-1',
        '1e2',
        '1.0',
        '25',
        '26',
        '1000000000',
        '1000000001',
        '8640000000000000',
        '8640000000000001',
        '9007199254740993',
        '99999999999999999',
      ),
    });
    fc.assert(
      fc.property(answers, fc.array(edit, { maxLength: 3 }), fc.option(numeral), (answer, edits, renumber) => {
        let line = encodeEvent(answer);
        if (renumber) {
          const numbers = [...line.matchAll(/(?<=[:[,])\d+/g)];
          const number = numbers[renumber.which % numbers.length]!;
          line = line.slice(0, number.index) + renumber.text + line.slice(number.index + number[0].length);
        }
        for (const { at, after, remove, insert } of edits) {
          const marks = [...line.matchAll(/[:[,]/g)].map((m) => m.index + 1);
          const cut = after !== null && marks.length ? marks[after % marks.length]! : at % (line.length + 1);
          line = line.slice(0, cut) + insert + line.slice(cut + remove);
        }
        expect(decodeLine(line)).toEqual(parseLine(line));
        // And in place, inside a chunk of lines.
        const chunk = `{"i":"x","e":"n","sv":"sqs","at":1}\n${line}\n${line}`;
        const fast = answerAt(chunk, chunk.indexOf('\n') + 1, chunk.lastIndexOf('\n'));
        if (fast) expect(fast).toEqual(parseLine(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('an answer as awsnotes writes it takes the fast path', () => {
    const line = encodeEvent(answer('AbCdEfGhIjKl', 'sqs-visibility-timeout', false));
    expect(answerAt(line, 0, line.length)).toEqual(answer('AbCdEfGhIjKl', 'sqs-visibility-timeout', false));
  });

  it('an event of a newer awsnotes is kept as unknown, not refused', () => {
    expect(decodeLine('{"i":"x","e":"z","at":1,"new":true}')).toEqual({ kind: 'unknown', id: 'x', at: 1, type: 'z' });
  });
});

describe('appending and reading', () => {
  it('appends after the header and reads the events back in order', () => {
    const file = journal();
    expect(appendEvents(file, [answer('a1', 'q1'), answer('a2', 'q2')])).toEqual({ ok: true });
    expect(appendEvents(file, [answer('a3', 'q3')])).toEqual({ ok: true });
    expect(events(file).map((e) => e.id)).toEqual(['a1', 'a2', 'a3']);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^\{"i":"[\w-]{12}","e":"h","v":1,/);
  });

  it('a line cut off by a crash is skipped and reported; the next save starts a line of its own and the cut one stays skipped', () => {
    const file = journal();
    appendEvents(file, [answer('a1', 'q1')]);
    // A complete event whose newline never made it: it was reported as not saved, and must stay so.
    appendFileSync(file, encodeEvent(answer('lost', 'q2')));
    const before = scanJournal(file, () => {});
    expect(before.bad).toEqual([expect.objectContaining({ kind: 'cut' })]);
    appendEvents(file, [answer('a3', 'q3')]);
    const after: string[] = [];
    const scan = scanJournal(file, (e) => after.push(e.id));
    expect(after).toEqual([expect.any(String), 'a1', 'a3']);
    expect(scan.bad).toEqual([expect.objectContaining({ kind: 'unreadable' })]);
  });

  it('a whole event glued after a torn one is recovered', () => {
    const file = journal();
    appendFileSync(file, `{"i":"torn","e":"a","q":"q1","c":[${encodeEvent(answer('whole', 'q2'))}\n`);
    expect(events(file).map((e) => e.id)).toEqual(['whole']);
  });

  it('text beyond ASCII reads back whole, at the right byte offsets', () => {
    const file = journal();
    appendEvents(file, [{ kind: 'read', id: 'n-é', at: 1, service: 'sqs-ünïcode-✓' }, answer('a1', 'q1')]);
    const seen: { id: string; start: number; end: number }[] = [];
    scanJournal(file, (event, _text, start, end) => seen.push({ id: event.id, start, end }));
    const bytes = readFileSync(file);
    for (const { id, start, end } of seen.slice(1)) expect(JSON.parse(bytes.toString('utf8', start, end)).i).toBe(id);
    expect(events(file)).toMatchObject([{ service: 'sqs-ünïcode-✓' }, { id: 'a1' }]);
  });

  it('show appends only to a journal this awsnotes writes', () => {
    const dir = tempDir();
    const file = path.join(dir, 'journal.jsonl');
    expect(appendToKnownJournal(file, [answer('a1', 'q1')])).toBe(false); // none yet: the store makes it
    writeFileSync(file, `${encodeEvent({ kind: 'journal', id: 'h', at: 1, version: JOURNAL_VERSION + 1 })}\n`);
    expect(appendToKnownJournal(file, [answer('a1', 'q1')])).toBe(false);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(2);
    const current = journal();
    expect(appendToKnownJournal(current, [answer('a1', 'q1')])).toBe(true);
    expect(events(current).map((e) => e.id)).toEqual(['a1']);
  });

  it('two journals created at once end as one, with one header', () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    const first = createJournal(file, NOW);
    const second = createJournal(file, NOW);
    expect(second).toEqual(first);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('a journal of many chunks reads as its lines one by one: lines across chunk ends, longer than a chunk, beyond ASCII, unreadable, cut', () => {
    // Chunks are 1 MiB: enough lines for three, in a random order of kinds and lengths.
    const kinds = fc.constantFrom('answer', 'unicode', 'rerate', 'undo', 'read', 'garbage', 'blank');
    fc.assert(
      fc.property(fc.array(kinds, { minLength: 200, maxLength: 200 }), fc.integer({ min: 0, max: 199 }), (layout, longAt) => {
        const file = journal();
        const lines: string[] = [];
        let n = 0;
        while (lines.join('\n').length < 3.2 * 1024 * 1024) {
          for (const [i, kind] of layout.entries()) {
            const id = `l${n++}`;
            if (i === longAt && n < 400) {
              // A baseline longer than a chunk (its state is checked only when applied).
              lines.push(encodeEvent({ kind: 'baseline', id, at: 1, state: { pad: 'p'.repeat(1.5 * 1024 * 1024) } }));
              continue;
            }
            if (kind === 'answer') lines.push(encodeEvent(answer(id, `q-${n % 7}`)));
            if (kind === 'unicode') lines.push(encodeEvent(answer(id, `q-ü✓-${'é'.repeat(n % 300)}`.slice(0, 200))));
            if (kind === 'rerate') lines.push(encodeEvent({ kind: 'rerate', id, at: 5, question: 'q-1', answer: `l${n - 2}`, rating: 2 }));
            if (kind === 'undo') lines.push(encodeEvent({ kind: 'undo', id, at: 6, question: 'q-1', answer: `l${n - 3}` }));
            if (kind === 'read') lines.push(encodeEvent({ kind: 'read', id, at: 9, service: 'sqs' }));
            if (kind === 'garbage') lines.push(`{"i":"${id}","e":"a","q":`);
            if (kind === 'blank') lines.push('');
          }
        }
        appendFileSync(file, `${lines.join('\n')}\n${encodeEvent(answer('cut', 'q-1')).slice(0, 20)}`);
        // What each line holds, read on its own.
        const bytes = readFileSync(file);
        const expected: { id: string; start: number; end: number }[] = [];
        const unreadable: number[] = [];
        for (let start = 0, end = bytes.indexOf(10); end !== -1; start = end + 1, end = bytes.indexOf(10, start)) {
          const text = bytes.toString('utf8', start, end);
          if (text === '') continue;
          const event = decodeLine(text);
          if (event) expected.push({ id: event.id, start, end: end + 1 });
          else unreadable.push(start);
        }
        const seen: { id: string; start: number; end: number }[] = [];
        const scan = scanJournal(file, (event, text, start, end) => {
          expect(text).toBe(bytes.toString('utf8', start, end - 1));
          seen.push({ id: event.id, start, end });
        });
        expect(seen).toEqual(expected);
        expect(scan.bad.filter((b) => b.kind === 'unreadable').map((b) => b.start)).toEqual(unreadable);
        const cutStart = bytes.lastIndexOf(10) + 1;
        expect(scan.bad.filter((b) => b.kind === 'cut')).toEqual([{ start: cutStart, length: bytes.length - cutStart, kind: 'cut' }]);
        expect(scan.end).toBe(cutStart);
        // A replay's first pass finds the same re-ratings and undos as reading every line.
        const some: string[] = [];
        scanJournal(file, (event) => some.push(event.id), { only: ['rerate', 'undo'] });
        const wanted = new Set(['rerate', 'undo']);
        expect(some).toEqual(
          expected.filter((e) => wanted.has(decodeLine(bytes.toString('utf8', e.start, e.end - 1))!.kind)).map((e) => e.id),
        );
      }),
      { numRuns: 4 },
    );
  });
});
