// The read mark `awsnotes show` saves without the store: the same file the store would
// write, or nothing at all (and the store takes over).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markReadQuickly } from '../src/progress/quick-read.js';
import { ProgressStore } from '../src/progress/store.js';
import { runScript, tempDir } from './helpers/cli.js';

const fileIn = (dir: string) => path.join(dir, 'progress.json');
const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute));

/** A directory whose progress file the store wrote: two notes read, one answer, a flag. */
function studied(): string {
  const dir = tempDir();
  const store = ProgressStore.open({ dir, now: () => at(0) });
  store.markRead('sqs');
  store.markRead('kms');
  store.update((p) => {
    p.answers.push({ id: 'a1', question: 'sqs-1', chosen: [0], correct: true, at: at(1).toISOString(), ms: 4000, source: 'quiz' });
    p.flags['sqs-2'] = at(2).toISOString();
  });
  return dir;
}

describe('markReadQuickly', () => {
  it.each([
    ['a note read before', 'sqs'],
    ['a note never read', 'lambda'],
  ])('writes exactly the file the store writes, for %s', (_name, id) => {
    const quick = studied();
    const slow = studied();
    expect(markReadQuickly(quick, id, at(30))).toBe(true);
    ProgressStore.open({ dir: slow, now: () => at(30) }).markRead(id);
    expect(readFileSync(fileIn(quick), 'utf8')).toBe(readFileSync(fileIn(slow), 'utf8'));
    expect(ProgressStore.open({ dir: quick }).read().notesRead[id]?.last).toBe(at(30).toISOString());
    expect(readdirSync(quick)).toEqual(['progress.json']);
  });

  it.each([
    ['there is no file yet', undefined],
    ['the file is not JSON', '{"version": 2, "notesRead": {'],
    ['the file is empty', ''],
    ['the file is from an older version', '{"version": 1, "notesRead": {}}'],
    ['the file is from a newer version', '{"version": 99, "notesRead": {}}'],
    ['notesRead is not an object', '{"version": 2, "notesRead": []}'],
    ['the entry is not a read mark', '{"version": 2, "notesRead": {"sqs": "yesterday"}}'],
    [
      'the entry has no count',
      '{"version": 2, "notesRead": {"sqs": {"first": "2026-01-01T00:00:00.000Z", "last": "2026-01-01T00:00:00.000Z"}}}',
    ],
    [
      'the entry has a date that is not one',
      '{"version": 2, "notesRead": {"sqs": {"first": "yesterday", "last": "2026-01-01T00:00:00.000Z", "count": 1}}}',
    ],
  ])('leaves everything to the store when %s', (_name, content) => {
    const dir = tempDir();
    if (content !== undefined) writeFileSync(fileIn(dir), content);
    expect(markReadQuickly(dir, 'sqs', at(30))).toBe(false);
    if (content === undefined) expect(existsSync(fileIn(dir))).toBe(false);
    else expect(readFileSync(fileIn(dir), 'utf8')).toBe(content);
    expect(existsSync(`${fileIn(dir)}.lock`)).toBe(false);
  });

  it('leaves everything to the store when the directory does not exist', () => {
    const dir = path.join(tempDir(), 'missing');
    expect(markReadQuickly(dir, 'sqs', at(30))).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('loses no update when quick marks and store saves run at the same time', async () => {
    const dir = studied();
    const script = path.resolve(import.meta.dirname, 'helpers/write-reads.ts');
    await Promise.all([
      runScript(script, [dir, 'quick-a', '30', 'quick']),
      runScript(script, [dir, 'quick-b', '30', 'quick']),
      runScript(script, [dir, 'store', '30']),
    ]);
    const read = ProgressStore.open({ dir }).read();
    expect(Object.keys(read.notesRead)).toHaveLength(92);
    expect(read.answers).toHaveLength(1);
    expect(existsSync(`${fileIn(dir)}.lock`)).toBe(false);
  });
});
