// Durability as a learner never sees it: processes killed mid-write, several saving while
// another imports, a read-only directory, a full disk. No confirmed answer is ever lost,
// and a save that fails says so (exit 1, "nothing was saved").
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { questions } from '../src/content/bundle.js';
import { encodeEvent, type Event } from '../src/progress/events.js';
import { scanJournal } from '../src/progress/journal.js';
import { differences } from '../src/progress/state.js';
import { ProgressStore } from '../src/progress/store.js';
import { recordAnswer } from '../src/quiz/record.js';
import { helperScript } from './helpers/bundle.js';
import { CLI, runInProcess, tempDir } from './helpers/cli.js';
import { exited } from './helpers/processes.js';

function journalAnswers(dir: string): string[] {
  const ids: string[] = [];
  scanJournal(path.join(dir, 'journal.jsonl'), (event) => {
    if (event.kind === 'answer') ids.push(event.id);
  });
  return ids;
}

const totalAnswers = (store: ProgressStore) => Object.values(store.read().stats).reduce((sum, s) => sum + s.answers, 0);

/** Starts a child; collects the ids it confirms; `killAfter` kills it with SIGKILL once that many are confirmed. */
function answering(file: string, args: string[], confirmed: Set<string>, killAfter?: number): ChildProcess {
  const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let pending = '';
  let count = 0;
  child.stdout!.on('data', (data) => {
    pending += data;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const id of lines) {
      confirmed.add(id);
      if (killAfter !== undefined && ++count >= killAfter) child.kill('SIGKILL');
    }
  });
  return child;
}

describe('kill -9 at random moments during writes', () => {
  it('loses no confirmed answer in 200 rounds, and leaves nothing the next write does not clean', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const confirmed = new Set<string>();
    const lanes = 4;
    const rounds = 200;
    let started = 0;
    // Four processes at a time on one directory, each killed after a random number of
    // confirmed answers: the kill lands wherever the process is in its next write (the
    // journal line, its sync, or one of the frequent snapshot rewrites).
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        while (started < rounds) {
          started++;
          const child = answering(helperScript('answer-until-killed'), [dir, `lane${lane}`], confirmed, 1 + Math.floor(Math.random() * 6));
          const { signal } = await exited(child);
          expect(signal).toBe('SIGKILL');
        }
      }),
    );
    const inJournal = new Set(journalAnswers(dir));
    const lost = [...confirmed].filter((id) => !inJournal.has(id));
    expect(lost).toEqual([]);
    expect(confirmed.size).toBeGreaterThanOrEqual(rounds);
    const store = ProgressStore.open({ dir });
    // Every answer in the journal counted once, and the snapshot what the journal adds up to.
    expect(totalAnswers(store)).toBe(inJournal.size);
    expect(differences(store.read(), store.replayJournal().progress)).toEqual([]);
    recordAnswer(store, { question: 'after', chosen: [0], correct: true, ms: 1, source: 'quiz' }, new Date());
    expect(store.checkpoint(true)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('four processes answering while a fifth imports', () => {
  it('keeps every answer of all five, each once', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    // A backup of 3,000 answers from another machine.
    const bank = questions().map((q) => q.id);
    const imported: Event[] = Array.from({ length: 3000 }, (_, i) => ({
      kind: 'answer',
      id: `import-${i}`,
      at: Date.UTC(2026, 0, 1) + i * 60_000,
      question: bank[i % bank.length]!,
      chosen: [0],
      correct: i % 2 === 0,
      ms: 1000,
      source: 'quiz',
      rating: i % 2 === 0 ? 3 : 1,
    }));
    const backup = path.join(tempDir(), 'backup.json');
    writeFileSync(
      backup,
      `{"format":"awsnotes-progress","backupVersion":2,"events":[\n${imported.map((e) => encodeEvent(e)).join(',\n')}\n]}\n`,
    );
    ProgressStore.open({ dir }); // the journal exists before they start
    const confirmed = new Set<string>();
    const answerers = ['a', 'b', 'c', 'd'].map((prefix) => answering(helperScript('write-answers'), [dir, prefix, '40'], confirmed));
    const importer = spawn(process.execPath, [CLI, 'import', backup], {
      env: { ...process.env, AWSNOTES_CONFIG_DIR: dir },
      stdio: 'ignore',
    });
    const results = await Promise.all([...answerers, importer].map(exited));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    expect(confirmed.size).toBe(160);
    const ids = journalAnswers(dir);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [...confirmed, ...imported.map((e) => e.id)]) expect(ids).toContain(id);
    expect(totalAnswers(ProgressStore.open({ dir }))).toBe(160 + 3000);
  });
});

// A tiny file system: a read-only one, and a full one. Mounting needs root; a user without
// it gets a directory without write permission instead (root ignores those).
const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
const mounted: string[] = [];
function tinyFileSystem(kilobytes: number): string | undefined {
  const dir = tempDir('awsnotes-tmpfs-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir]);
  if (r.status !== 0) return undefined;
  mounted.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
});

function studiedIn(dir: string): void {
  const store = ProgressStore.open({ dir });
  recordAnswer(store, { question: 'sqs-1', chosen: [0], correct: true, ms: 1, source: 'quiz' }, new Date());
  store.markRead('sqs');
}

describe('a read-only directory', () => {
  it.skipIf(!canMount && process.getuid?.() === 0)(
    'commands say nothing was saved (exit 1), reading still works, nothing is damaged',
    async () => {
      let dir: string;
      if (canMount) {
        const mount = tinyFileSystem(1024);
        if (!mount) return;
        dir = path.join(mount, 'config');
        mkdirSync(dir);
        studiedIn(dir);
        expect(spawnSync('mount', ['-o', 'remount,ro', mount]).status).toBe(0);
      } else {
        dir = tempDir();
        studiedIn(dir);
        spawnSync('chmod', ['-R', 'a-w', dir]);
      }
      const before = readFileSync(path.join(dir, 'journal.jsonl'), 'utf8');
      const backup = path.join(tempDir(), 'b.json');
      writeFileSync(backup, JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, events: [] }));
      for (const args of [
        ['config', 'set', 'exam-date', '2030-01-01'],
        ['config', 'set', 'new-per-day', '5'],
        ['import', backup],
        ['reset', '--yes'],
      ]) {
        const r = await runInProcess(args, { configDir: dir });
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr, args.join(' ')).toMatch(/nothing was (saved|changed)/);
        expect(r.stdout, args.join(' ')).not.toMatch(/set to|Imported|erased/);
      }
      const shown = await runInProcess(['show', 'sqs'], { configDir: dir });
      expect(shown.code).toBe(0);
      expect(shown.stderr).toMatch(/could not be saved|will not be saved/);
      const progress = await runInProcess(['progress', '--json'], { configDir: dir });
      expect(progress.code).toBe(0);
      expect(JSON.parse(progress.stdout)).toMatchObject({ answered: 1, notesRead: ['sqs'] });
      expect(readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')).toBe(before);
    },
  );
});

describe('a full disk', () => {
  it.skipIf(!canMount)('a save that does not fit says so; what was saved before stays; saving resumes with space', async () => {
    const mount = tinyFileSystem(64);
    if (!mount) return;
    const dir = path.join(mount, 'config');
    const store = ProgressStore.open({ dir, checkpointBytes: 1 << 30 });
    const filler = path.join(mount, 'filler');
    // Fill the disk with the journal itself, answer after answer, until one does not fit.
    const saved: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const recorded = recordAnswer(store, { question: `q${i % 9}`, chosen: [0], correct: true, ms: 1, source: 'quiz' }, new Date());
      if (!recorded.saved) break;
      saved.push(recorded.answerId);
    }
    expect(saved.length).toBeGreaterThan(10);
    expect(store.notices.join()).toMatch(/could not be saved .*no space left on the device.*kept in memory/);
    // The commands say the same, with exit 1.
    const r = await runInProcess(['config', 'set', 'exam-date', '2030-01-01'], { configDir: dir });
    expect(r.code).toBe(1);
    // Settings are written under the lock, which cannot be made on a full disk either.
    expect(r.stderr).toMatch(/nothing was saved \(.*no space left on the device/);
    const big = path.join(tempDir(), 'big.json');
    writeFileSync(
      big,
      JSON.stringify({
        format: 'awsnotes-progress',
        backupVersion: 2,
        events: Array.from({ length: 500 }, (_, i) => ({ i: `big-${i}`, e: 'a', q: 'sqs-1', c: [0], at: 1_700_000_000_000 + i })),
      }),
    );
    const imported = await runInProcess(['import', big], { configDir: dir });
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/nothing was saved/);
    // Every confirmed answer is there, counted once.
    const inJournal = journalAnswers(dir);
    for (const id of saved) expect(inJournal).toContain(id);
    expect(totalAnswers(ProgressStore.open({ dir }))).toBe(inJournal.length);
    // Space again: the next answer is saved, and the line the full disk cut stays skipped.
    rmSync(path.join(dir, 'progress.json'), { force: true });
    writeFileSync(filler, '');
    rmSync(filler);
    spawnSync('mount', ['-o', 'remount,size=256k', mount]);
    const after = ProgressStore.open({ dir });
    const next = recordAnswer(after, { question: 'q1', chosen: [0], correct: true, ms: 1, source: 'quiz' }, new Date());
    expect(next.saved).toBe(true);
    expect(totalAnswers(ProgressStore.open({ dir }))).toBe(journalAnswers(dir).length);
    expect(existsSync(path.join(dir, 'journal.jsonl'))).toBe(true);
  });
});
