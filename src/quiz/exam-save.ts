// An exam in progress, saved beside the progress file after every change, so that a
// closed terminal, a crash or a killed process loses no answer. The next exam screen
// resumes it, its clock having run on meanwhile (as a real exam's would), and if the time
// ran out meanwhile the screen submits it as it stood. Submitting or abandoning the exam
// deletes the file; a file that cannot be resumed is moved aside and reported.
//
// One exam at a time per config: the process running it holds `exam.lock` (a lock that is
// never taken from a live process, progress/lock.ts). A second one is refused, naming the
// process that runs the first: by `awsnotes exam` before the app opens, and by the exam
// screen when the app's Quiz screen asks for one.
import { mkdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { progressChecks } from '../progress/checks-loader.js';
import type { SavedExamFile } from '../progress/checks.js';
import { acquireLock, type LockHolder, type LockProblem } from '../progress/lock.js';
import { asidePath, errorCode } from '../progress/paths.js';
import { removeLeftovers, writeFileAtomic } from '../progress/safe-file.js';
import { printable } from '../term/printable.js';
import type { Question } from '../content/types.js';
import type { Presented } from './attempt.js';
import { EXAM_MINUTES } from './exam.js';

export const EXAM_FILE = 'exam-in-progress.json';
export const EXAM_LOCK = 'exam.lock';

/** Whether this process holds the exam lock of `dir` (taken by claimExam, never released before exit or discard). */
const claimed = new Map<string, { release(): void }>();

/**
 * Takes the exam lock of `dir` for this process (again, if it already has it). Refused with
 * the holder when another live awsnotes runs an exam on this config; a lock that cannot be
 * made at all (a read-only directory) lets the exam run, unsaved.
 */
export function claimExam(dir: string): { ok: true } | { ok: false; problem: LockProblem } {
  if (claimed.has(dir)) return { ok: true };
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    // Reported by the lock below, which cannot be made there either.
  }
  const taken = acquireLock(path.join(dir, EXAM_LOCK), { waitMs: 0, reentrant: true });
  if (!taken.ok) return taken;
  claimed.set(dir, taken.lock);
  return { ok: true };
}

function releaseExam(dir: string): void {
  claimed.get(dir)?.release();
  claimed.delete(dir);
}

/** Who runs the exam when it is another process, in words. */
export function describeExamHolder(holder: LockHolder): string {
  const taken = Date.parse(holder.since);
  const since = Number.isNaN(taken) ? '' : ` since ${new Date(taken).toTimeString().slice(0, 5)}`;
  return `awsnotes process ${holder.pid}${since}`;
}

export interface ExamState {
  presented: Presented[];
  /** Epoch milliseconds. */
  startedAt: number;
  deadline: number;
  /** Question id → chosen option indexes, in the bank's order. */
  answers: Map<string, number[]>;
  marked: Set<string>;
  /** Index of the question on screen. */
  current: number;
  /** Question id → milliseconds spent on its screen. */
  spent: Map<string, number>;
}

export function saveExam(dir: string, state: ExamState): void {
  if (!claimed.has(dir)) throw new Error(`another awsnotes runs an exam on this config and keeps ${EXAM_FILE}`);
  const saved: SavedExamFile = {
    version: 1,
    startedAt: state.startedAt,
    deadline: state.deadline,
    questions: state.presented.map((p) => ({ id: p.question.id, order: p.order })),
    answers: Object.fromEntries(state.answers),
    marked: [...state.marked],
    current: state.current,
    spent: Object.fromEntries(state.spent),
  };
  const file = path.join(dir, EXAM_FILE);
  // Only the holder of the exam lock writes this file: what is left beside it is a killed writer's.
  removeLeftovers(file);
  writeFileAtomic(file, `${JSON.stringify(saved)}\n`);
}

/** Deletes the saved exam, if any, and gives up the exam lock. Another process's saved exam is left alone. */
export function discardExam(dir: string): void {
  if (!claimed.has(dir)) return;
  releaseExam(dir);
  try {
    unlinkSync(path.join(dir, EXAM_FILE));
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

export type SavedExam = { state: ExamState } | { problem: string } | undefined;

/** The saved exam rebuilt against the question bank; undefined when there is none. */
export function loadExam(dir: string, bank: readonly Question[]): SavedExam {
  let text: string;
  try {
    text = readFileSync(path.join(dir, EXAM_FILE), 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    return { problem: (error as Error).message };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  const parsed = progressChecks().checkSavedExam(raw);
  if (!parsed.ok) return { problem: 'it does not have the expected fields' };
  const saved = parsed.value;
  const byId = new Map(bank.map((q) => [q.id, q]));
  const presented: Presented[] = [];
  for (const { id, order } of saved.questions) {
    const question = byId.get(id);
    if (!question) return { problem: `question ${id} is no longer in the bank` };
    const sorted = [...order].sort((a, b) => a - b);
    if (sorted.length !== question.options.length || sorted.some((n, i) => n !== i))
      return { problem: `the options of ${id} have changed` };
    presented.push({ question, order });
  }
  const inExam = new Map(presented.map((p) => [p.question.id, p.question]));
  for (const [id, chosen] of Object.entries(saved.answers)) {
    const question = inExam.get(id);
    if (!question || chosen.some((n) => n >= question.options.length)) return { problem: `an answer to ${id} does not fit the exam` };
  }
  if (presented.length === 0 || saved.current >= presented.length) return { problem: 'it holds no question to resume' };
  return {
    state: {
      presented,
      startedAt: saved.startedAt,
      deadline: saved.deadline,
      answers: new Map(Object.entries(saved.answers)),
      marked: new Set(saved.marked.filter((id) => inExam.has(id))),
      current: saved.current,
      spent: new Map(Object.entries(saved.spent ?? {}).filter(([id]) => inExam.has(id))),
    },
  };
}

/** Moves a saved exam that cannot be resumed aside; returns where it went. */
export function setExamAside(dir: string, now: Date): string {
  const file = path.join(dir, EXAM_FILE);
  const aside = asidePath(file, now);
  renameSync(file, aside);
  return aside;
}

export interface OpenedExam {
  state: ExamState;
  /** What the learner must be told: an exam resumed, or one that could not be. */
  notice?: string;
}

/** Another awsnotes runs an exam on this config: why this one does not start. */
export interface RefusedExam {
  refused: string;
}

/**
 * The exam to show: the saved one, resumed, or a new one from `draw`. `recorded` holds the
 * start times (ISO) of the exams already in the progress file: a save left behind by an
 * exam that was recorded just before the process died is deleted, not resumed.
 */
export function openExam(
  dir: string,
  bank: readonly Question[],
  now: number,
  recorded: ReadonlySet<string>,
  draw: () => Presented[],
): OpenedExam | RefusedExam {
  const fresh = (): ExamState => ({
    presented: draw(),
    startedAt: now,
    deadline: now + EXAM_MINUTES * 60_000,
    answers: new Map(),
    marked: new Set(),
    current: 0,
    spent: new Map(),
  });
  const claim = claimExam(dir);
  if (!claim.ok) {
    const { problem } = claim;
    if (problem.kind === 'busy') {
      return {
        refused: printable(
          `${describeExamHolder(problem.holder)} is already running an exam on this config: finish or quit it there first.`,
        ),
      };
    }
    // No lock can be made here (a read-only directory): the exam runs, but cannot be saved.
    return {
      state: fresh(),
      notice: printable(`The exam lock ${problem.path} cannot be used (${problem.reason}): this exam is not saved as you go.`),
    };
  }
  const saved = loadExam(dir, bank);
  if (!saved) return { state: fresh() };
  if ('problem' in saved) {
    let kept: string;
    try {
      kept = `it was kept as ${setExamAside(dir, new Date(now))}`;
    } catch (error) {
      kept = `nor could it be moved aside (${(error as Error).message})`;
    }
    // The problem quotes the file (a question id): never let it drive the terminal.
    return {
      state: fresh(),
      notice: printable(`The exam in progress could not be resumed (${saved.problem}); ${kept}. A new exam starts.`),
    };
  }
  const { state } = saved;
  if (recorded.has(new Date(state.startedAt).toISOString())) {
    try {
      discardExam(dir);
      return { state: fresh() };
    } catch (error) {
      return {
        state: fresh(),
        notice: printable(
          `An exam already recorded is still saved in ${path.join(dir, EXAM_FILE)} and could not be deleted (${(error as Error).message}).`,
        ),
      };
    }
  }
  // Short enough for one line of an 80-column terminal.
  const since = new Date(state.startedAt).toTimeString().slice(0, 5);
  if (state.deadline <= now)
    return { state, notice: `Time ran out on your exam from ${since} while awsnotes was closed: submitted as it stood.` };
  const answered = state.presented.filter((p) => (state.answers.get(p.question.id) ?? []).length > 0).length;
  return { state, notice: `Resumed your exam from ${since} (${answered}/${state.presented.length} answered); its clock kept running.` };
}
