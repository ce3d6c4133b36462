// The progress store: never crashes on a bad file, never loses history, never loses a
// parallel writer's update.
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyProgress, parseProgress, PROGRESS_VERSION, ProgressFileError } from '../src/progress/schema.js';
import { ProgressStore } from '../src/progress/store.js';
import { runScript, tempDir } from './helpers/cli.js';

const fileIn = (dir: string) => path.join(dir, 'progress.json');
const isRoot = process.getuid?.() === 0;

describe('ProgressStore', () => {
  it('starts empty, records reads, and keeps them across opens', () => {
    const dir = tempDir();
    const times = ['2026-01-01T10:00:00.000Z', '2026-01-02T10:00:00.000Z'];
    const store = ProgressStore.open({ dir, now: () => new Date(times.shift() ?? '2026-01-03T00:00:00Z') });
    expect(store.read().notesRead).toEqual({});
    store.markRead('sqs');
    store.markRead('sqs');
    const again = ProgressStore.open({ dir });
    expect(again.read().notesRead.sqs).toEqual({ first: '2026-01-01T10:00:00.000Z', last: '2026-01-02T10:00:00.000Z', count: 2 });
    expect(JSON.parse(readFileSync(fileIn(dir), 'utf8')).version).toBe(PROGRESS_VERSION);
    expect(store.notices).toEqual([]);
  });

  it('AWSNOTES_CONFIG_DIR chooses the directory', () => {
    const dir = tempDir();
    const store = ProgressStore.open({ env: { AWSNOTES_CONFIG_DIR: dir } });
    store.markRead('iam');
    expect(store.path).toBe(fileIn(dir));
    expect(existsSync(fileIn(dir))).toBe(true);
  });

  it.each([
    ['truncated JSON', '{"version": 1, "notesRead": {"sqs": {"fir'],
    ['random bytes', '\u0000\u00ff\u0013garbage\u0007'],
    ['hand-edited, wrong shape', '{"version": 2, "notesRead": {"sqs": "yesterday"}}'],
    ['no version', '{"notesRead": {}}'],
    ['an array', '[1, 2, 3]'],
  ])('a %s file is moved aside with its content intact, reported, and replaced by fresh progress', (_name, content) => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), content);
    const store = ProgressStore.open({ dir, now: () => new Date('2026-03-04T05:06:07.000Z') });
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatch(/could not be read .* kept as .*progress\.corrupt-2026-03-04T05-06-07-000Z\.json/);
    expect(readFileSync(path.join(dir, 'progress.corrupt-2026-03-04T05-06-07-000Z.json'), 'utf8')).toBe(content);
    expect(store.writable).toBe(true);
    store.markRead('kms');
    expect(Object.keys(ProgressStore.open({ dir }).read().notesRead)).toEqual(['kms']);
  });

  it('a file spoiled after opening is caught by the next save: moved aside, reported, not written over', () => {
    const dir = tempDir();
    const store = ProgressStore.open({ dir, now: () => new Date('2026-03-04T05:06:07.000Z') });
    store.markRead('sqs');
    // Hand-edited while the session runs: valid JSON, wrong shape.
    const spoiled = '{"version": 2, "notesRead": {"sqs": "yesterday"}}';
    writeFileSync(fileIn(dir), spoiled);
    store.markRead('kms');
    expect(store.notices).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'progress.corrupt-2026-03-04T05-06-07-000Z.json'), 'utf8')).toBe(spoiled);
    expect(Object.keys(ProgressStore.open({ dir }).read().notesRead)).toEqual(['kms']);
  });

  it('sees every change another writer made between two of its saves, valid or not', () => {
    const dir = tempDir();
    const mine = ProgressStore.open({ dir });
    const other = ProgressStore.open({ dir });
    mine.markRead('sqs');
    other.markRead('kms');
    mine.markRead('iam');
    expect(Object.keys(mine.read().notesRead).sort()).toEqual(['iam', 'kms', 'sqs']);
    // Rewritten by hand with the same text length, one count changed: read, not assumed.
    const edited = readFileSync(fileIn(dir), 'utf8').replace('"count": 1', '"count": 7');
    writeFileSync(fileIn(dir), edited);
    expect(mine.read().notesRead.sqs?.count).toBe(7);
    mine.markRead('sqs');
    expect(ProgressStore.open({ dir }).read().notesRead.sqs?.count).toBe(8);
    expect(mine.notices).toEqual([]);
  });

  it('a file from a newer version is left untouched and the session does not save', () => {
    const dir = tempDir();
    const future = JSON.stringify({ version: PROGRESS_VERSION + 1, notesRead: {}, somethingNew: true });
    writeFileSync(fileIn(dir), future);
    const store = ProgressStore.open({ dir });
    expect(store.writable).toBe(false);
    expect(store.notices.join()).toMatch(/not be saved this session: .*newer awsnotes.*left as it is/);
    store.markRead('sqs');
    expect(store.read().notesRead).toHaveProperty('sqs'); // kept for this session
    expect(readFileSync(fileIn(dir), 'utf8')).toBe(future);
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it.skipIf(isRoot)('an unreadable file is reported and kept, and the session runs without saving', () => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), JSON.stringify(emptyProgress()));
    chmodSync(fileIn(dir), 0o000);
    const store = ProgressStore.open({ dir });
    expect(store.writable).toBe(false);
    expect(store.notices.join()).toMatch(/permission denied/);
    chmodSync(fileIn(dir), 0o600);
  });

  it('a directory that cannot be written is reported and the session runs in memory', () => {
    const parent = tempDir();
    // A file where the directory should be: no user, root included, can create files in it.
    const dir = path.join(parent, 'not-a-dir');
    writeFileSync(dir, 'in the way');
    const store = ProgressStore.open({ dir });
    store.markRead('sqs');
    expect(store.writable).toBe(false);
    expect(store.notices.join()).toMatch(/will not be saved/);
    expect(store.read().notesRead).toHaveProperty('sqs');
    expect(readFileSync(dir, 'utf8')).toBe('in the way');
  });

  it('two processes writing at the same time keep every update', async () => {
    const dir = tempDir();
    const script = path.resolve(import.meta.dirname, 'helpers/write-reads.ts');
    await Promise.all(['a', 'b'].map((prefix) => runScript(script, [dir, prefix, '40'])));
    const read = ProgressStore.open({ dir }).read().notesRead;
    expect(Object.keys(read)).toHaveLength(80);
    expect(existsSync(`${fileIn(dir)}.lock`)).toBe(false);
  });
});

describe('parseProgress', () => {
  it('accepts the current version and rejects the rest with a reason', () => {
    expect(parseProgress(JSON.stringify(emptyProgress()))).toEqual(emptyProgress());
    expect(() => parseProgress('nope')).toThrow(ProgressFileError);
    expect(() => parseProgress('{"version":0,"notesRead":{}}')).toThrow(/no valid "version"/);
    expect(() => parseProgress(JSON.stringify({ ...emptyProgress(), notesRead: { a: { first: 'x', last: 'x', count: 1 } } }))).toThrow(
      /notesRead.a.first/,
    );
    expect(() => parseProgress(JSON.stringify({ ...emptyProgress(), answers: [{ id: 'x' }] }))).toThrow(/answers.0/);
  });
});
