// Hostile input: random command lines, random progress files. Nothing may crash, print a
// stack trace, exit with an undocumented code, or lose the learner's file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../src/progress/store.js';
import { run, runInProcess, STACK_TRACE, tempDir } from './helpers/cli.js';

// Words a command line is built from: real commands and flags, and junk.
const word = fc.oneof(
  fc.constantFrom(
    'list',
    'show',
    'search',
    'quiz',
    'questions',
    'calc',
    'progress',
    'config',
    'import',
    'reset',
    'doctor',
    'export',
    'new-per-day',
    'help',
    'dynamodb',
    'kinesis',
    'read',
    'write',
    'query',
    'batch-get',
    'set',
    'get',
    'exam-date',
  ),
  fc.constantFrom(
    '--json',
    '--limit',
    '--plain',
    '--service',
    '--domain',
    '--due',
    '--count',
    '--size',
    '--rate',
    '--consistency',
    '--mode',
    '--sizes',
    '--total-size',
    '--records',
    '--record-size',
    '--consumers',
    '--fan-out',
    '--transactional',
    '--yes',
    '--format',
    '-h',
    '-v',
    '--',
    '-',
    '--help',
  ),
  fc.constantFrom(
    '6KB',
    '300/30s',
    '0',
    '-1',
    '1e309',
    'NaN',
    '999999999999',
    'eventual',
    'strong',
    'on-demand',
    'sqs',
    'ddb',
    '2027-02-30',
    '🙂',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

describe('random command lines', () => {
  it('always exit 0, 1 or 2, never with a stack trace or an unexpected error (in-process)', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 7 }), async (args) => {
        const r = await runInProcess(args, { configDir: dir });
        expect([0, 1, 2], `${JSON.stringify(args)}: ${r.stderr}`).toContain(r.code);
        expect(r.stderr, JSON.stringify(args)).not.toMatch(STACK_TRACE);
        expect(r.stderr, JSON.stringify(args)).not.toMatch(/unexpected error/);
      }),
      { numRuns: 400 },
    );
  });

  it('the built binary agrees on a sample of them', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), (args) => {
        const r = run(args, { input: '' });
        expect([0, 1, 2], `${JSON.stringify(args)}: ${r.stderr}`).toContain(r.code);
        expect(r.stderr).not.toMatch(STACK_TRACE);
      }),
      { numRuns: 25 },
    );
  });
});

describe('hostile progress files', () => {
  it('random bytes: the store opens, says so, keeps the bytes, and saves fresh progress', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const dir = tempDir();
        const file = path.join(dir, 'progress.json');
        writeFileSync(file, bytes);
        const store = ProgressStore.open({ dir });
        store.markRead('sqs');
        const aside = readdirSync(dir).filter((f) => f.startsWith('progress.corrupt-'));
        if (aside.length) {
          expect(store.notices.join()).toMatch(/could not be used/);
          expect(Buffer.compare(readFileSync(path.join(dir, aside[0]!)), Buffer.from(bytes))).toBe(0);
        }
        expect(ProgressStore.open({ dir }).read().notesRead).toHaveProperty('sqs');
      }),
      { numRuns: 60 },
    );
  });

  it('random bytes in the journal: the store opens, skips what is not an event, and saves', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const dir = tempDir();
        writeFileSync(path.join(dir, 'journal.jsonl'), bytes);
        const store = ProgressStore.open({ dir });
        expect(store.markRead('sqs').ok).toBe(true);
        expect(ProgressStore.open({ dir }).read().notesRead).toHaveProperty('sqs');
      }),
      { numRuns: 60 },
    );
  });

  it('a truncated real file is kept aside whole', () => {
    const dir = tempDir();
    const store = ProgressStore.open({ dir });
    store.markRead('sqs');
    store.markRead('kms');
    const full = readFileSync(path.join(dir, 'progress.json'), 'utf8');
    for (const cut of [1, Math.floor(full.length / 2), full.length - 2]) {
      const d = tempDir();
      writeFileSync(path.join(d, 'progress.json'), full.slice(0, cut));
      const s = ProgressStore.open({ dir: d });
      expect(s.notices.join()).toMatch(/could not be used/);
      const aside = readdirSync(d).find((f) => f.startsWith('progress.corrupt-'))!;
      expect(readFileSync(path.join(d, aside), 'utf8')).toBe(full.slice(0, cut));
    }
  });

  it('a file from the future: the app starts, says so, and never touches it', async () => {
    const dir = tempDir();
    const future = JSON.stringify({ version: 99, everything: 'new' });
    writeFileSync(path.join(dir, 'progress.json'), future);
    const r = await runInProcess(['show', 'sqs'], { configDir: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/newer awsnotes .*will not be saved|not be saved.*newer awsnotes/);
    expect(readFileSync(path.join(dir, 'progress.json'), 'utf8')).toBe(future);
  });

  it('an unwritable location: commands still work and say progress is not saved', async () => {
    const parent = tempDir();
    const blocker = path.join(parent, 'file');
    writeFileSync(blocker, 'not a directory');
    const r = await runInProcess(['show', 'sqs'], { configDir: path.join(blocker, 'config') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Simple Queue Service');
    expect(r.stderr).toMatch(/will not be saved/);
    expect(existsSync(blocker)).toBe(true);
    expect(readFileSync(blocker, 'utf8')).toBe('not a directory');
  });
});
