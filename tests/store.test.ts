// The progress store: a journal of events and a snapshot of what they add up to. It never
// crashes on a bad file, never loses history, and rebuilds what it can from the journal.
import { appendFileSync, chmodSync, existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_VERSION } from '../src/progress/events.js';
import { PROGRESS_VERSION } from '../src/progress/schema.js';
import { ProgressStore } from '../src/progress/store.js';
import { recordAnswer, toggleFlag } from '../src/quiz/record.js';
import { tempDir } from './helpers/cli.js';
import { runHelper, startHelper } from './helpers/processes.js';

const progressFile = (dir: string) => path.join(dir, 'progress.json');
const journalFile = (dir: string) => path.join(dir, 'journal.jsonl');
const isRoot = process.getuid?.() === 0;
const NOW = new Date('2026-05-01T10:00:00.000Z');

function answer(store: ProgressStore, question: string, correct = true, at = NOW) {
  return recordAnswer(store, { question, chosen: [0], correct, ms: 1000, source: 'quiz' }, at);
}

/** A directory with a little history: two answers, a read mark, a flag; and a setting (settings.json). */
function studied(options: { checkpointBytes?: number } = {}): string {
  const dir = tempDir();
  const store = ProgressStore.open({ dir, now: () => NOW, ...options });
  answer(store, 'sqs-1');
  answer(store, 'kms-1', false);
  store.markRead('sqs');
  toggleFlag(store, 'kms-1', NOW);
  store.setSetting('examDate', '2027-03-15');
  return dir;
}

function expectStudied(store: ProgressStore): void {
  const p = store.read();
  expect(p.stats['sqs-1']).toMatchObject({ answers: 1, right: 1 });
  expect(p.stats['kms-1']).toMatchObject({ answers: 1, right: 0, lastRight: false });
  expect(Object.keys(p.cards)).toEqual(expect.arrayContaining(['kms-1', 'sqs-1']));
  expect(p.notesRead.sqs?.count).toBe(1);
  expect(Object.keys(p.flags)).toEqual(['kms-1']);
  expect(p.settings.examDate).toBe('2027-03-15');
}

describe('ProgressStore', () => {
  it('saves every event as a journal line and keeps it across opens', () => {
    const dir = studied();
    const lines = readFileSync(journalFile(dir), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(5); // the header and four events: the setting is in settings.json
    expect(JSON.parse(lines[0]!)).toMatchObject({ e: 'h', v: JOURNAL_VERSION });
    const again = ProgressStore.open({ dir });
    expectStudied(again);
    expect(again.notices).toEqual([]);
  });

  it('AWSNOTES_CONFIG_DIR chooses the directory', () => {
    const dir = tempDir();
    const store = ProgressStore.open({ env: { AWSNOTES_CONFIG_DIR: dir } });
    store.markRead('iam');
    expect(store.path).toBe(progressFile(dir));
    expect(existsSync(journalFile(dir))).toBe(true);
    expect(existsSync(progressFile(dir))).toBe(true);
  });

  it('rewrites the snapshot once the journal has grown past it, and reads only the tail after it', () => {
    const dir = tempDir();
    const store = ProgressStore.open({ dir, now: () => NOW, checkpointBytes: 1000 });
    for (let i = 0; i < 30; i++) answer(store, `q${i % 5}`);
    const snapshot = JSON.parse(readFileSync(progressFile(dir), 'utf8'));
    expect(snapshot.version).toBe(PROGRESS_VERSION);
    expect(snapshot.journal.offset).toBeGreaterThan(1000);
    expect(statSync(journalFile(dir)).size - snapshot.journal.offset).toBeLessThan(1000);
    // The journal before the snapshot's offset is not read again: spoiling it changes nothing.
    const text = readFileSync(journalFile(dir), 'utf8');
    const spoiled = `${text.slice(0, 200).replace(/"q":"q\d"/g, '"q":"zz"')}${text.slice(200)}`;
    writeFileSync(journalFile(dir), spoiled);
    expect(Object.keys(ProgressStore.open({ dir }).read().stats).sort()).toEqual(['q0', 'q1', 'q2', 'q3', 'q4']);
  });

  it('sees every event another process saved, at once', () => {
    const dir = tempDir();
    const mine = ProgressStore.open({ dir });
    const other = ProgressStore.open({ dir });
    answer(mine, 'q1');
    answer(other, 'q2');
    other.markRead('kms');
    expect(Object.keys(mine.read().stats).sort()).toEqual(['q1', 'q2']);
    expect(mine.read().notesRead).toHaveProperty('kms');
  });

  it.each([
    ['truncated JSON', '{"version": 3, "journal": {"id": "'],
    ['random bytes', '\u0000\u00ff\u0013garbage\u0007'],
    ['hand-edited, wrong shape', '{"version": 3, "journal": {"id": "x", "offset": 0}, "cards": "none"}'],
    ['no version', '{"notesRead": {}}'],
    ['an array', '[1, 2, 3]'],
  ])('a %s snapshot is set aside with its content intact, reported, and rebuilt from the journal', (_name, content) => {
    const dir = studied();
    writeFileSync(progressFile(dir), content);
    const store = ProgressStore.open({ dir, now: () => new Date('2026-05-04T05:06:07.000Z') });
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(
      /could not be used .* kept as .*progress\.corrupt-2026-05-04T05-06-07-000Z\.json; your progress was rebuilt/,
    );
    expect(readFileSync(path.join(dir, 'progress.corrupt-2026-05-04T05-06-07-000Z.json'), 'utf8')).toBe(content);
    expectStudied(store);
    expect(ProgressStore.open({ dir }).notices).toEqual([]);
  });

  it('a missing snapshot is rebuilt from the journal, without a word', () => {
    const dir = studied();
    unlinkSync(progressFile(dir));
    const store = ProgressStore.open({ dir });
    expectStudied(store);
    expect(store.notices).toEqual([]);
    expect(existsSync(progressFile(dir))).toBe(true);
  });

  it('a rebuild of a long journal is announced before it starts, once, and only then', () => {
    const dir = studied();
    const told: number[] = [];
    const open = (longReplayBytes: number) => ProgressStore.open({ dir, onLongReplay: (bytes) => told.push(bytes), longReplayBytes });
    const size = statSync(journalFile(dir)).size;
    // A snapshot to read from: no replay, nothing said.
    open(1);
    expect(told).toEqual([]);
    unlinkSync(progressFile(dir));
    open(size + 1);
    expect(told).toEqual([]);
    unlinkSync(progressFile(dir));
    expectStudied(open(size));
    expect(told).toEqual([size]);
  });

  it('a snapshot with a byte-order mark is read, not set aside', () => {
    const dir = studied();
    ProgressStore.open({ dir }).checkpoint(true);
    writeFileSync(progressFile(dir), `\uFEFF${readFileSync(progressFile(dir), 'utf8')}`);
    const store = ProgressStore.open({ dir });
    expect(store.notices).toEqual([]);
    expectStudied(store);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('top-level fields it does not know survive a rewrite of the snapshot', () => {
    const dir = studied();
    ProgressStore.open({ dir }).checkpoint(true);
    const snapshot = JSON.parse(readFileSync(progressFile(dir), 'utf8'));
    writeFileSync(progressFile(dir), JSON.stringify({ ...snapshot, fromTheFuture: { keep: [1, 2] } }));
    const store = ProgressStore.open({ dir });
    answer(store, 'q9');
    expect(store.checkpoint(true)).toBe(true);
    expect(JSON.parse(readFileSync(progressFile(dir), 'utf8')).fromTheFuture).toEqual({ keep: [1, 2] });
  });

  it('a snapshot edited by hand is checked in full, and used when valid', () => {
    const dir = studied();
    ProgressStore.open({ dir }).checkpoint(true);
    const text = readFileSync(progressFile(dir), 'utf8');
    const flagged = '"flags":{"kms-1":"2026-05-01T10:00:00.000Z"}';
    expect(text).toContain(flagged);
    writeFileSync(progressFile(dir), text.replace(flagged, '"flags":{"kms-1":"2026-04-01T10:00:00.000Z"}'));
    expect(ProgressStore.open({ dir }).read().flags['kms-1']).toBe('2026-04-01T10:00:00.000Z');
    writeFileSync(progressFile(dir), text.replace(flagged, '"flags":{"kms-1":"2026-13-45T10:00:00.000Z"}'));
    const store = ProgressStore.open({ dir });
    expect(store.notices.join()).toMatch(/flags\.kms-1.*kept as/);
    expect(store.read().flags['kms-1']).toBe(NOW.toISOString());
  });

  it('a journal that went missing starts again from the snapshot, nothing lost', () => {
    const dir = studied();
    ProgressStore.open({ dir }).checkpoint(true);
    unlinkSync(journalFile(dir));
    const store = ProgressStore.open({ dir });
    expect(store.notices.join()).toMatch(/journal\.jsonl was missing: a new one starts from your progress/);
    expectStudied(store);
    answer(store, 'q9');
    unlinkSync(progressFile(dir));
    // The new journal alone now holds it all (the snapshot came in as a baseline event).
    const rebuilt = ProgressStore.open({ dir });
    expectStudied(rebuilt);
    expect(rebuilt.read().stats.q9?.answers).toBe(1);
  });

  it('a snapshot about another journal is set aside and the journal replayed', () => {
    const dir = studied();
    ProgressStore.open({ dir }).checkpoint(true);
    const other = tempDir();
    answer(ProgressStore.open({ dir: other }), 'other-q');
    renameSync(journalFile(other), journalFile(dir));
    const store = ProgressStore.open({ dir, now: () => new Date('2026-05-04T05:06:07.000Z') });
    expect(store.notices.join()).toMatch(/does not match journal\.jsonl.*progress\.unmatched-2026-05-04T05-06-07-000Z\.json/);
    expect(Object.keys(store.read().stats)).toEqual(['other-q']);
  });

  it('a line cut off by a crash is skipped and reported once; the next answer is saved', () => {
    const dir = studied();
    appendFileSync(journalFile(dir), '{"i":"torn","e":"a","q":"sqs-1","c":[0],"ok":1,"at":17');
    const store = ProgressStore.open({ dir });
    expect(store.notices).toEqual([expect.stringMatching(/ends with a line cut off .* it was skipped/)]);
    expectStudied(store);
    answer(store, 'sqs-1');
    expect(ProgressStore.open({ dir }).read().stats['sqs-1']?.answers).toBe(2);
  });

  it('a snapshot from a newer version is left untouched and the session does not save', () => {
    const dir = tempDir();
    const future = JSON.stringify({ version: PROGRESS_VERSION + 1, notesRead: {}, somethingNew: true });
    writeFileSync(progressFile(dir), future);
    const store = ProgressStore.open({ dir });
    expect(store.writable).toBe(false);
    expect(store.notices.join()).toMatch(/not be saved this session: .*newer awsnotes.*left as they are/);
    expect(store.markRead('sqs').ok).toBe(false);
    expect(store.read().notesRead).toHaveProperty('sqs'); // kept for this session
    expect(readFileSync(progressFile(dir), 'utf8')).toBe(future);
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it.skipIf(isRoot)('an unreadable snapshot is reported and kept, and the session runs without saving', () => {
    const dir = studied();
    chmodSync(progressFile(dir), 0o000);
    const store = ProgressStore.open({ dir });
    expect(store.writable).toBe(false);
    expect(store.notices.join()).toMatch(/permission denied/);
    chmodSync(progressFile(dir), 0o600);
  });

  it('a directory that cannot be made is reported and the session runs in memory', () => {
    const parent = tempDir();
    // A file where the directory should be: no user, root included, can create files in it.
    const dir = path.join(parent, 'not-a-dir');
    writeFileSync(dir, 'in the way');
    const store = ProgressStore.open({ dir });
    expect(store.markRead('sqs')).toMatchObject({ ok: false });
    expect(store.writable).toBe(false);
    expect(store.notices.join()).toMatch(/will not be saved/);
    expect(store.read().notesRead).toHaveProperty('sqs');
    expect(readFileSync(dir, 'utf8')).toBe('in the way');
  });

  it('settings change through update(); anything else through update() is refused, not silently dropped', () => {
    const store = ProgressStore.open({ dir: tempDir() });
    store.update((p) => {
      p.settings.examDate = '2027-01-02';
    });
    expect(store.read().settings.examDate).toBe('2027-01-02');
    expect(() =>
      store.update((p) => {
        p.flags.q1 = NOW.toISOString();
      }),
    ).toThrow(/settings only/);
  });
});

describe('files of older versions', () => {
  const v2 = {
    version: 2,
    notesRead: { sqs: { first: '2026-01-01T00:00:00.000Z', last: '2026-01-02T00:00:00.000Z', count: 3 } },
    answers: [
      { id: 'a1', question: 'sqs-1', chosen: [0], correct: true, at: '2026-01-01T10:00:00.000Z', ms: 900, source: 'quiz', rating: 4 },
      { id: 'a2', question: 'sqs-1', chosen: [1], correct: false, at: '2026-01-02T10:00:00.000Z', ms: 800, source: 'plain' },
    ],
    cards: {},
    flags: { 'kms-1': '2026-01-01T00:00:00.000Z' },
    exams: [],
    settings: { examDate: '2027-01-01' },
    myNote: 'kept',
  };

  it('a version-2 file is converted on first use: its history into the journal, the file kept beside', () => {
    const dir = tempDir();
    writeFileSync(progressFile(dir), JSON.stringify(v2));
    const store = ProgressStore.open({ dir, now: () => new Date('2026-05-04T05:06:07.000Z') });
    expect(store.notices).toEqual([
      expect.stringMatching(
        /converted to the journal format \(2 answers\); the old file is kept as .*progress\.v2-backup-2026-05-04T05-06-07-000Z\.json/,
      ),
    ]);
    expect(JSON.parse(readFileSync(path.join(dir, 'progress.v2-backup-2026-05-04T05-06-07-000Z.json'), 'utf8'))).toEqual(v2);
    const p = store.read();
    expect(p.stats['sqs-1']).toMatchObject({ answers: 2, right: 1, lastRight: false });
    expect(p.notesRead.sqs).toEqual(v2.notesRead.sqs);
    expect(p.flags).toEqual(v2.flags);
    expect(p.settings.examDate).toBe('2027-01-01');
    expect(JSON.parse(readFileSync(progressFile(dir), 'utf8'))).toMatchObject({ version: PROGRESS_VERSION, myNote: 'kept' });
    expect(ProgressStore.open({ dir }).notices).toEqual([]);
  });

  it('a conversion cut short runs again without counting anything twice', () => {
    const dir = tempDir();
    writeFileSync(progressFile(dir), JSON.stringify(v2));
    ProgressStore.open({ dir });
    // As if the process died after writing the journal and before replacing the file.
    writeFileSync(progressFile(dir), JSON.stringify(v2));
    const store = ProgressStore.open({ dir });
    expect(store.read().stats['sqs-1']?.answers).toBe(2);
    expect(store.read().notesRead.sqs?.count).toBe(3);
  });

  it('a version-1 file (notes read only) is converted too', () => {
    const dir = tempDir();
    const v1 = { version: 1, notesRead: { iam: { first: '2026-01-01T00:00:00.000Z', last: '2026-01-01T00:00:00.000Z', count: 1 } } };
    writeFileSync(progressFile(dir), JSON.stringify(v1));
    const store = ProgressStore.open({ dir });
    store.markRead('kms');
    expect(Object.keys(ProgressStore.open({ dir }).read().notesRead).sort()).toEqual(['iam', 'kms']);
  });

  it('while another awsnotes holds the lock, the old file is used as it is and nothing is saved', async () => {
    const dir = tempDir();
    writeFileSync(progressFile(dir), JSON.stringify(v2));
    const { child } = await startHelper('hold-lock', [path.join(dir, 'progress.json.lock')], /^held/);
    try {
      const store = ProgressStore.open({ dir, lockWaitMs: 100 });
      expect(store.writable).toBe(false);
      expect(store.notices.join()).toMatch(/could not be converted .*held by awsnotes process/);
      expect(store.read().stats['sqs-1']?.answers).toBe(2);
      expect(JSON.parse(readFileSync(progressFile(dir), 'utf8'))).toEqual(v2);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('several processes', () => {
  it('that find the same damaged snapshot at once lose nothing and go on saving', async () => {
    const dir = studied();
    writeFileSync(progressFile(dir), '{"version": 3, "broken');
    await Promise.all(['a', 'b', 'c'].map((prefix) => runHelper('write-answers', [dir, prefix, '15'])));
    const store = ProgressStore.open({ dir });
    expect(store.notices).toEqual([]);
    const answers = Object.values(store.read().stats).reduce((sum, s) => sum + s.answers, 0);
    expect(answers).toBe(2 + 45);
    expect(readdirSync(dir).filter((f) => f.startsWith('progress.corrupt-'))).toHaveLength(1);
  });
});

describe('where each note was left in the reader', () => {
  it('is kept in the snapshot across opens, one place a note', () => {
    const dir = studied();
    const journalBefore = readFileSync(journalFile(dir), 'utf8');
    const store = ProgressStore.open({ dir, now: () => NOW });
    expect(store.notePlace('sqs')).toBeUndefined();
    store.saveNotePlace('sqs', { section: 'standard-vs-fifo-queues', line: 3 });
    store.saveNotePlace('kms', { section: null, line: 0 });
    store.saveNotePlace('sqs', { section: 'dead-letter-queues', line: 1 });
    const again = ProgressStore.open({ dir });
    expect(again.notePlace('sqs')).toEqual({ section: 'dead-letter-queues', line: 1 });
    expect(again.notePlace('kms')).toEqual({ section: null, line: 0 });
    expectStudied(again);
    expect(again.notices).toEqual([]);
    // Not history: the journal did not grow.
    expect(readFileSync(journalFile(dir), 'utf8')).toBe(journalBefore);
  });

  it("two sessions keep each other's places, and a snapshot written for answers keeps them too", () => {
    const dir = studied();
    const first = ProgressStore.open({ dir, now: () => NOW, checkpointBytes: 1 });
    const second = ProgressStore.open({ dir, now: () => NOW, checkpointBytes: 1 });
    first.saveNotePlace('sqs', { section: 'dead-letter-queues', line: 2 });
    second.saveNotePlace('kms', { section: 'key-types', line: 0 });
    answer(first, 'sqs-2'); // rewrites the snapshot (checkpointBytes: 1)
    const again = ProgressStore.open({ dir });
    expect(again.notePlace('sqs')).toEqual({ section: 'dead-letter-queues', line: 2 });
    expect(again.notePlace('kms')).toEqual({ section: 'key-types', line: 0 });
    expect(again.read().stats['sqs-2']).toMatchObject({ answers: 1 });
  });

  it('a place that is not one (a hand edit) is dropped, the snapshot kept; reset erases the places', () => {
    const dir = studied();
    ProgressStore.open({ dir, now: () => NOW }).saveNotePlace('sqs', { section: null, line: 4 });
    const text = readFileSync(progressFile(dir), 'utf8').replace(
      /"places":\{.*\},/,
      '"places":{"sqs":{"section":null,"line":4},"kms":{"line":-1},"iam":"top"},',
    );
    writeFileSync(progressFile(dir), text);
    const edited = ProgressStore.open({ dir, now: () => NOW });
    expect(edited.notices).toEqual([]);
    expect(edited.notePlace('sqs')).toEqual({ section: null, line: 4 });
    expect(edited.notePlace('kms')).toBeUndefined();
    expect(edited.notePlace('iam')).toBeUndefined();
    expectStudied(edited);
    expect(edited.resetAll('test').ok).toBe(true);
    expect(ProgressStore.open({ dir }).notePlace('sqs')).toBeUndefined();
  });
});
