// The journal's lines: small, checked, appended whole, and readable after any crash.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { questions } from '../src/content/bundle.js';
import { decodeLine, encodeEvent, type Event, JOURNAL_VERSION } from '../src/progress/events.js';
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
});
