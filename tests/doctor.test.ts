// doctor on a long history: cards rescheduled only with --full, everything else compared.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/registry.js';
import { questions } from '../src/content/bundle.js';
import { FULL_REPLAY_BYTES, runDoctor } from '../src/progress/doctor.js';
import { ProgressStore } from '../src/progress/store.js';
import { recordAnswer } from '../src/quiz/record.js';
import { tempDir } from './helpers/cli.js';

const NOW = new Date('2026-05-01T10:00:00.000Z');

function history(): string {
  const dir = tempDir();
  const store = ProgressStore.open({ dir, now: () => NOW });
  for (let i = 0; i < 40; i++)
    recordAnswer(
      store,
      { question: `q${i % 4}`, chosen: [0], correct: i % 3 > 0, ms: 1, source: 'quiz' },
      new Date(NOW.getTime() + i * 3_600_000),
    );
  store.checkpoint(true);
  return dir;
}

/** Edits the snapshot as a bug or a bad disk might, keeping it valid. */
function edit(dir: string, change: (snapshot: { cards: Record<string, { due: string; reps: number }> }) => void): void {
  const file = path.join(dir, 'progress.json');
  const snapshot = JSON.parse(readFileSync(file, 'utf8'));
  change(snapshot);
  delete snapshot.checksum;
  writeFileSync(file, JSON.stringify(snapshot));
}

const run = (dir: string, options: { full?: boolean } = {}) =>
  runDoctor({ dir, now: NOW, bank: questions(), fullReplayBytes: 0, ...options }).findings.find((f) => f.what === 'progress.json')!;

describe('doctor on a long journal', () => {
  it('compares reviews and last reviews without rescheduling, and says so', () => {
    const dir = history();
    expect(run(dir)).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/cards were not rescheduled for 40 answers: awsnotes doctor --full does it/),
    });
    edit(dir, (s) => {
      s.cards.q1!.reps += 1;
    });
    expect(run(dir)).toMatchObject({
      status: 'repaired',
      detail: 'cards of 1 question differed from the journal replayed: rewritten from it',
    });
  });

  it('--full reschedules every card, and finds a card whose schedule alone is wrong', () => {
    const dir = history();
    edit(dir, (s) => {
      s.cards.q2!.due = '2030-01-01T00:00:00.000Z';
    });
    expect(run(dir).status).toBe('ok');
    expect(run(dir, { full: true })).toMatchObject({
      status: 'repaired',
      detail: 'cards of 1 question differed from the journal replayed: rewritten from it',
    });
    expect(ProgressStore.open({ dir }).read().cards.q2!.due).not.toBe('2030-01-01T00:00:00.000Z');
  });

  it('--full says past what size of journal it is needed', () => {
    const doctor = COMMANDS.find((c) => c.name === 'doctor')!;
    expect(doctor.details?.join(' ')).toContain(`a journal over ${FULL_REPLAY_BYTES / 1024 / 1024} MiB is otherwise checked without it`);
    expect(readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8')).toContain(
      `Past ${FULL_REPLAY_BYTES / 1024 / 1024} MiB of journal`,
    );
  });

  it('removes a lock left by a process that is gone, and says so', () => {
    const dir = history();
    // A pid no process has (the kernel's limit is lower), on this host.
    writeFileSync(
      path.join(dir, 'progress.json.lock'),
      JSON.stringify({ pid: 2 ** 30, host: hostname(), since: NOW.toISOString(), token: 't' }),
    );
    const report = runDoctor({ dir, now: NOW, bank: questions() });
    expect(report.findings[0]).toEqual({ what: 'lock', status: 'repaired', detail: 'a lock left by a process that is gone was removed' });
    expect(report.ok).toBe(true);
    expect(existsSync(path.join(dir, 'progress.json.lock'))).toBe(false);
  });
});
