// `awsnotes doctor`: checks the progress files and repairs what can be repaired, saying
// which. Under the lock (a live holder is waited for, then reported):
// - the lock itself: one left by a process that is gone is removed;
// - the files, as the store opens them: an older file converted, a damaged or unmatched
//   snapshot set aside, a lost journal started again from the snapshot (its notices);
// - the journal, line by line: lines that are not events (skipped), a last line cut off
//   (closed off, so the next save starts cleanly), events saved twice (reported: awsnotes
//   never writes an event twice, a journal joined by hand might);
// - the snapshot against a replay of the whole journal, in the same read: cards rescheduled
//   with ts-fsrs (about 10 µs an answer; past 8 MiB of journal, only with --full, the rest
//   compared in full); when they differ it is rewritten from the full replay;
// - settings.json: one that is not valid is set aside (the settings start from their
//   defaults), one that cannot be read or was written by a newer awsnotes is reported;
// - temporary files killed writers left behind (removed), a reset that did not finish, and
//   a saved exam that cannot be resumed (set aside).
import { existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Question } from '../content/types.js';
import { EXAM_FILE, EXAM_LOCK, loadExam, setExamAside } from '../quiz/exam-save.js';
import { appendLines } from './journal.js';
import { plural } from '../render/plural.js';
import { acquireLock, describeLockProblem, inspectLock, type LockHolder, removeLockLeftovers } from './lock.js';
import { LOCK_FILE, SETTINGS_FILE } from './paths.js';
import { leftovers, removeLeftovers } from './safe-file.js';
import { differences } from './state.js';
import { ProgressStore } from './store.js';

export interface Finding {
  /** What was looked at. */
  what: string;
  status: 'ok' | 'repaired' | 'problem';
  detail: string;
}

export interface DoctorReport {
  dir: string;
  /** No problem remains. */
  ok: boolean;
  findings: Finding[];
}

export interface DoctorOptions {
  dir: string;
  now: Date;
  bank: readonly Question[];
  lockWaitMs?: number;
  onWait?: (holder: LockHolder) => void;
  /** Reschedule every card with ts-fsrs however long the journal (a million answers: about 10 s). */
  full?: boolean;
  /** The journal size up to which cards are rescheduled without `full` (default FULL_REPLAY_BYTES). */
  fullReplayBytes?: number;
  /** Told before a long replay of the journal (a lost snapshot rebuilt): see StoreOptions. */
  onLongReplay?: (journalBytes: number) => void;
}

/**
 * Up to this size (about 75,000 answers, a second of rescheduling) doctor reschedules every
 * card; beyond, with --full. Past it the quick check costs less at any length than the full
 * replay does here (`npm run bench` times doctor at this size and at a million answers).
 */
export const FULL_REPLAY_BYTES = 8 * 1024 * 1024;

export function runDoctor(options: DoctorOptions): DoctorReport {
  const { dir, now } = options;
  const findings: Finding[] = [];
  const done = () => ({ dir, ok: findings.every((f) => f.status !== 'problem'), findings });
  if (!existsSync(dir)) {
    findings.push({ what: 'progress', status: 'ok', detail: 'nothing saved yet (the directory does not exist)' });
    return done();
  }

  const lockPath = path.join(dir, LOCK_FILE);
  const before = inspectLock(lockPath);
  const taken = acquireLock(lockPath, {
    waitMs: options.lockWaitMs ?? 5000,
    reentrant: true,
    ...(options.onWait ? { onWait: options.onWait } : {}),
  });
  if (!taken.ok) {
    findings.push({ what: 'lock', status: 'problem', detail: `${describeLockProblem(taken.problem)}; nothing was checked` });
    return done();
  }
  try {
    const stale = (before.state === 'held' && before.alive === false) || before.state === 'invalid';
    findings.push(
      stale
        ? { what: 'lock', status: 'repaired', detail: 'a lock left by a process that is gone was removed' }
        : {
            what: 'lock',
            status: 'ok',
            detail: before.state === 'held' ? `free once awsnotes process ${before.holder.pid} was done` : 'free',
          },
    );
    const leftBehind = countLeftovers(dir);
    const store = ProgressStore.open({
      dir,
      now: () => now,
      ...(options.lockWaitMs !== undefined ? { lockWaitMs: options.lockWaitMs } : {}),
      ...(options.onLongReplay ? { onLongReplay: options.onLongReplay } : {}),
    });
    // Read now, so that a file set aside is among the notices below.
    const settings = store.settingsStatus();
    // Skipped journal lines are reported below with the rest of the journal's check.
    for (const notice of store.notices.splice(0))
      if (!store.lineNotices.has(notice))
        findings.push({ what: 'progress files', status: store.writable ? 'repaired' : 'problem', detail: notice });
    findings.push({ what: SETTINGS_FILE, status: settings.ok ? 'ok' : 'problem', detail: settings.detail });
    if (!store.writable) return done();
    checkHistory(store, options.full === true || journalBytes(store) <= (options.fullReplayBytes ?? FULL_REPLAY_BYTES), findings);
    checkLeftovers(dir, leftBehind, findings);
    checkExam(dir, options.bank, now, findings);
  } finally {
    taken.lock.release();
  }
  return done();
}

/**
 * The journal, line by line, and the snapshot against a replay of it, in one read of the
 * journal. Cards are rescheduled with ts-fsrs `withCards`; otherwise (a long journal) their
 * reviews and last reviews are compared, and a difference anywhere still leads to the full
 * replay that repairs it.
 */
function checkHistory(store: ProgressStore, withCards: boolean, findings: Finding[]): void {
  const kinds = new Map<string, number>();
  let header = false;
  // Imports and conversions never save an event twice; a journal joined by hand might. Looked
  // for when the cards are replayed too (a set of every id is most of a long journal's check).
  const ids = new Set<string>();
  let duplicates = 0;
  const loaded = store.read();
  const replayed = store.replayJournal({
    cards: withCards,
    observe: (event, start) => {
      if (start === 0 && event.kind === 'journal') header = true;
      kinds.set(event.kind, (kinds.get(event.kind) ?? 0) + 1);
      if (!withCards) return;
      if (ids.has(event.id)) duplicates++;
      else ids.add(event.id);
    },
  });
  const events = [...kinds.values()].reduce((a, b) => a + b, 0) - (header ? 1 : 0);
  const answers = kinds.get('answer') ?? 0;
  const notes: string[] = [];
  if (!header) notes.push('its first line is not a journal header');
  if (duplicates) notes.push(`${plural(duplicates, 'event')} saved more than once (as copied by hand: each copy counts)`);
  if (kinds.get('unknown')) notes.push(`${plural(kinds.get('unknown')!, 'event')} of a newer awsnotes, kept and not applied`);
  const unreadable = replayed.bad.filter((b) => b.kind === 'unreadable');
  if (unreadable.length) {
    const where = unreadable
      .slice(0, 5)
      .map((b) => b.start)
      .join(', ');
    notes.push(
      `${plural(unreadable.length, 'line')} that ${unreadable.length === 1 ? 'is' : 'are'} not an event skipped (at byte ${where}${unreadable.length > 5 ? ', …' : ''}: saves cut off by a crash; what they held is lost)`,
    );
  }
  findings.push({
    what: 'journal.jsonl',
    status: 'ok',
    detail: `${plural(events, 'event')} (${plural(answers, 'answer')})${notes.length ? `; ${notes.join('; ')}` : replayed.bad.length ? '' : ', every line readable'}`,
  });
  const cut = replayed.bad.find((b) => b.kind === 'cut');
  if (cut) {
    const closed = appendLines(store.journalPath, []);
    findings.push(
      closed.ok
        ? {
            what: 'journal.jsonl',
            status: 'repaired',
            detail: `its last line was cut off (${cut.length} bytes at byte ${cut.start}); it is closed off and stays skipped`,
          }
        : { what: 'journal.jsonl', status: 'problem', detail: `its last line was cut off and cannot be closed off (${closed.reason})` },
    );
  }

  const differing = differences(loaded, replayed.progress, withCards ? 'whole' : 'reviews');
  const questions = plural(Object.keys(replayed.progress.stats).length, 'question');
  if (differing.length === 0) {
    store.checkpoint(true);
    findings.push({
      what: 'progress.json',
      status: 'ok',
      detail: withCards
        ? `matches the journal replayed (cards and counts of ${questions}, notes read, flags, exams)`
        : `matches the journal replayed (counts, reviews and last reviews of ${questions}, notes read, flags, exams; cards were not rescheduled for ${plural(answers, 'answer')}: awsnotes doctor --full does it)`,
    });
    return;
  }
  findings.push(
    store.rebuildSnapshot()
      ? {
          what: 'progress.json',
          status: 'repaired',
          detail: `${differing.join(', ')} differed from the journal replayed: rewritten from it`,
        }
      : {
          what: 'progress.json',
          status: 'problem',
          detail: `${differing.join(', ')} differ from the journal replayed, and it cannot be rewritten`,
        },
  );
}

function journalBytes(store: ProgressStore): number {
  try {
    return statSync(store.journalPath).size;
  } catch {
    return 0;
  }
}

/** The files of `dir` that killed writers left: temporary files and stale locks set aside. */
function leftoverTargets(dir: string): string[] {
  const targets = ['progress.json', 'journal.jsonl', SETTINGS_FILE];
  // The exam's temporary files belong to the process running it, if one is.
  const exam = inspectLock(path.join(dir, EXAM_LOCK));
  if (!(exam.state === 'held' && exam.alive !== false)) targets.push(EXAM_FILE, EXAM_LOCK);
  return targets.map((t) => path.join(dir, t));
}

const staleLocks = (dir: string) =>
  readdirSync(dir).filter((n) => n.startsWith(`${LOCK_FILE}.stale-`) || n.startsWith(`${LOCK_FILE}.tmp-`));

function countLeftovers(dir: string): number {
  return leftoverTargets(dir).reduce((sum, file) => sum + leftovers(file).length, 0) + staleLocks(dir).length;
}

function checkLeftovers(dir: string, before: number, findings: Finding[]): void {
  for (const file of leftoverTargets(dir)) removeLeftovers(file);
  removeLockLeftovers(path.join(dir, LOCK_FILE));
  // Stale locks renamed aside by a process that died before removing them.
  for (const name of staleLocks(dir).filter((n) => n.includes('.stale-'))) {
    try {
      unlinkSync(path.join(dir, name));
    } catch {
      // Counted below as left.
    }
  }
  const left = countLeftovers(dir);
  const removed = Math.max(0, before - left);
  if (before === 0 && left === 0) findings.push({ what: 'temporary files', status: 'ok', detail: 'none left behind' });
  if (removed > 0)
    findings.push({ what: 'temporary files', status: 'repaired', detail: `${plural(removed, 'file')} left by killed writers removed` });
  if (left > 0)
    findings.push({
      what: 'temporary files',
      status: 'problem',
      detail: `${plural(left, 'file')} left by killed writers cannot be removed`,
    });
  const resets = readdirSync(dir).filter((name) => /^journal\.reset-.*\.jsonl$/.test(name));
  for (const name of resets)
    findings.push({
      what: name,
      status: 'problem',
      detail: `left by a reset that did not finish; it holds history: awsnotes import ${JSON.stringify(path.join(dir, name))} merges it back, or delete it`,
    });
}

function checkExam(dir: string, bank: readonly Question[], now: Date, findings: Finding[]): void {
  const saved = loadExam(dir, bank);
  if (!saved) {
    findings.push({ what: EXAM_FILE, status: 'ok', detail: 'no exam in progress' });
    return;
  }
  if ('state' in saved) {
    findings.push({ what: EXAM_FILE, status: 'ok', detail: 'an exam in progress, ready to resume (awsnotes exam)' });
    return;
  }
  const exam = inspectLock(path.join(dir, EXAM_LOCK));
  if (exam.state === 'held' && exam.alive !== false) {
    findings.push({ what: EXAM_FILE, status: 'ok', detail: `being written by the exam running in awsnotes process ${exam.holder.pid}` });
    return;
  }
  try {
    findings.push({
      what: EXAM_FILE,
      status: 'repaired',
      detail: `it cannot be resumed (${saved.problem}): kept as ${setExamAside(dir, now)}`,
    });
  } catch (error) {
    findings.push({
      what: EXAM_FILE,
      status: 'problem',
      detail: `it cannot be resumed (${saved.problem}) nor moved aside (${(error as Error).message})`,
    });
  }
}
