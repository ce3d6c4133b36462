// The exam simulation as a state machine: answering and marking the questions, moving
// between them and through the review grid, the countdown, submitting (by the learner or by
// the clock) and walking through the results. Pure: saving the exam as it goes, recording
// the result and deleting the save are the screen's side effects, driven by comparing the
// state before and after an event (see `examSaved`, `examFinished`).
//
// The time spent on each question is counted by the ticks: each second on a question's
// screen goes to that question (the grid and the confirmations count for none), so the
// review can say where the minutes went.
import { isCorrect, type Presented, toggle } from './attempt.js';
import { type ExamScore, scoreExam } from './exam.js';
import type { ExamState as SavedExam } from './exam-save.js';

export type ExamPhase =
  | 'question'
  | 'grid'
  | 'confirm-submit'
  | 'confirm-leave'
  /** Submitted: the score, then each question with its explanation. */
  | 'results'
  /** Abandoned: nothing is recorded. */
  | 'abandoned';

export interface ExamResult extends ExamScore {
  timedOut: boolean;
  /** Epoch milliseconds. */
  finishedAt: number;
}

/** Which questions the walk through the results visits. */
export type ReviewFilter = 'all' | 'wrong' | 'marked' | 'unanswered';
export const REVIEW_FILTERS: readonly ReviewFilter[] = ['all', 'wrong', 'marked', 'unanswered'];

export interface ExamMachine {
  /** The exam as it is saved: questions, answers, marks, the question on screen. */
  exam: SavedExam;
  phase: ExamPhase;
  /** The question highlighted in the review grid. */
  grid: number;
  scroll: number;
  /** The time on the clock (epoch milliseconds). */
  clock: number;
  result: ExamResult | null;
  /** In the results: -1 for the score, else the question being reviewed. */
  review: number;
  filter: ReviewFilter;
}

export type ExamEvent =
  | { type: 'tick'; now: number }
  | { type: 'pick'; display: number }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'mark' }
  | { type: 'open-grid' }
  | { type: 'grid-move'; dx: number; dy: number }
  | { type: 'grid-jump' }
  | { type: 'close-grid' }
  | { type: 'scroll'; by: number }
  | { type: 'page'; by: number }
  | { type: 'ask-submit' }
  | { type: 'ask-leave' }
  | { type: 'confirm'; now: number }
  | { type: 'cancel' }
  /** In the results: the next review filter. */
  | { type: 'filter' };

/** For scrolling and the grid: lines of the text shown, lines that fit, grid cells per row. */
export interface ExamLayout {
  lines: number;
  height: number;
  columns: number;
}

export function startExam(exam: SavedExam, now: number): ExamMachine {
  return { exam, phase: 'question', grid: 0, scroll: 0, clock: now, result: null, review: -1, filter: 'all' };
}

export const examTotal = (m: ExamMachine) => m.exam.presented.length;

export function answeredCount(exam: SavedExam): number {
  return exam.presented.filter((p) => (exam.answers.get(p.question.id) ?? []).length > 0).length;
}

/** A question's fate once submitted: answered right, answered wrong, or not answered. */
export type ExamOutcome = 'right' | 'wrong' | 'unanswered';

export function examOutcome(exam: SavedExam, index: number): ExamOutcome {
  const { question } = exam.presented[index]!;
  const chosen = exam.answers.get(question.id) ?? [];
  if (chosen.length === 0) return 'unanswered';
  return isCorrect(question, chosen) ? 'right' : 'wrong';
}

/** The indexes of the questions a review filter keeps, in exam order. */
export function reviewed(exam: SavedExam, filter: ReviewFilter): number[] {
  return exam.presented.flatMap((p, index) => {
    const keep =
      filter === 'all' ||
      (filter === 'marked' ? exam.marked.has(p.question.id) : examOutcome(exam, index) === (filter === 'wrong' ? 'wrong' : 'unanswered'));
    return keep ? [index] : [];
  });
}

/** The question on screen, or under review in the results (none on the score page). */
export function shownQuestion(m: ExamMachine): Presented | undefined {
  return m.exam.presented[m.phase === 'results' ? m.review : m.exam.current];
}

const clampTop = (top: number, layout: ExamLayout) => Math.max(0, Math.min(top, layout.lines - layout.height));
const within = (index: number, m: ExamMachine) => Math.max(0, Math.min(examTotal(m) - 1, index));

function finish(m: ExamMachine, timedOut: boolean, now: number): ExamMachine {
  const questions = m.exam.presented.map((p) => p.question);
  const result = { ...scoreExam(questions, m.exam.answers), timedOut, finishedAt: now };
  return { ...m, phase: 'results', result, review: -1, scroll: 0 };
}

export function reduceExam(m: ExamMachine, event: ExamEvent, layout: ExamLayout): ExamMachine {
  if (m.phase === 'abandoned') return m;
  const page = Math.max(1, layout.height - 1);
  const scroll = (by: number) => ({ ...m, scroll: by > 0 ? clampTop(m.scroll + by, layout) : Math.max(0, m.scroll + by) });
  if (event.type === 'tick') {
    if (m.phase === 'results') return m;
    const ticked = { ...m, exam: spend(m, Math.min(event.now, m.exam.deadline)), clock: event.now };
    // At zero the exam is submitted as it stands.
    return event.now >= m.exam.deadline ? finish(ticked, true, event.now) : ticked;
  }
  // The text on screen scrolls; the grid and the questions asked at the bottom do not.
  const scrolls = m.phase === 'question' || m.phase === 'results';
  if (event.type === 'scroll') return scrolls ? scroll(event.by) : m;
  if (event.type === 'page') return scrolls ? scroll(event.by * page) : m;

  switch (m.phase) {
    case 'results': {
      // The walk visits the questions the filter keeps; -1 is the score page before them.
      const walk = reviewed(m.exam, m.filter);
      if (event.type === 'next') {
        const following = walk.find((i) => i > m.review);
        return following === undefined ? m : { ...m, review: following, scroll: 0 };
      }
      if (event.type === 'prev') return { ...m, review: walk.filter((i) => i < m.review).pop() ?? -1, scroll: 0 };
      if (event.type === 'filter') {
        const filter = REVIEW_FILTERS[(REVIEW_FILTERS.indexOf(m.filter) + 1) % REVIEW_FILTERS.length]!;
        const kept = reviewed(m.exam, filter);
        // Stay on the question under review if the new filter keeps it, else go to its first.
        const review = m.review >= 0 && kept.includes(m.review) ? m.review : (kept[0] ?? -1);
        return { ...m, filter, review, scroll: review === m.review ? m.scroll : 0 };
      }
      return m;
    }
    case 'confirm-submit':
    case 'confirm-leave':
      if (event.type === 'confirm') return m.phase === 'confirm-submit' ? finish(m, false, event.now) : { ...m, phase: 'abandoned' };
      if (event.type === 'cancel') return { ...m, phase: 'question' };
      return m;
    case 'grid':
      if (event.type === 'grid-move') return { ...m, grid: within(m.grid + event.dx + event.dy * layout.columns, m) };
      if (event.type === 'grid-jump') return { ...m, phase: 'question', exam: { ...m.exam, current: m.grid }, scroll: 0 };
      if (event.type === 'close-grid') return { ...m, phase: 'question' };
      return m;
    case 'question':
      break;
  }
  const { exam } = m;
  const question = exam.presented[exam.current]!;
  const id = question.question.id;
  switch (event.type) {
    case 'pick': {
      if (event.display >= question.order.length) return m;
      const answers = new Map(exam.answers).set(id, toggle(question, exam.answers.get(id) ?? [], event.display));
      return { ...m, exam: { ...exam, answers } };
    }
    case 'next':
    case 'prev': {
      const current = within(exam.current + (event.type === 'next' ? 1 : -1), m);
      return { ...m, exam: { ...exam, current }, scroll: 0 };
    }
    case 'mark': {
      const marked = new Set(exam.marked);
      if (!marked.delete(id)) marked.add(id);
      return { ...m, exam: { ...exam, marked } };
    }
    case 'open-grid':
      return { ...m, phase: 'grid', grid: exam.current };
    case 'ask-submit':
      return { ...m, phase: 'confirm-submit' };
    case 'ask-leave':
      return { ...m, phase: 'confirm-leave' };
    default:
      return m;
  }
}

/** The seconds since the last tick credited to the question on screen (none in the grid or a confirmation). */
function spend(m: ExamMachine, until: number): SavedExam {
  const elapsed = until - m.clock;
  if (m.phase !== 'question' || elapsed <= 0) return m.exam;
  const id = m.exam.presented[m.exam.current]!.question.id;
  return { ...m.exam, spent: new Map(m.exam.spent).set(id, (m.exam.spent.get(id) ?? 0) + elapsed) };
}

/**
 * The exam to save after an event: its answers, marks or question changed while it runs.
 * A tick alone (the time spent) is not worth a write a second: it is saved with the next change.
 */
export function examSaved(before: ExamMachine, after: ExamMachine): SavedExam | null {
  if (after.phase === 'results' || after.phase === 'abandoned') return null;
  const a = before.exam;
  const b = after.exam;
  return a.answers !== b.answers || a.marked !== b.marked || a.current !== b.current || a.presented !== b.presented ? b : null;
}

/** The result to record when this event submitted the exam. */
export function examFinished(before: ExamMachine, after: ExamMachine): ExamResult | null {
  return after.result && !before.result ? after.result : null;
}
