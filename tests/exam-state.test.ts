// The exam simulation's state machine, without rendering: answering, marking, the grid, the
// clock, submitting and abandoning, the review, and what the screen must save or record.
import { describe, expect, it } from 'vitest';
import { questions, services } from '../src/content/bundle.js';
import { present } from '../src/quiz/attempt.js';
import { drawExam, EXAM_MINUTES } from '../src/quiz/exam.js';
import type { ExamState } from '../src/quiz/exam-save.js';
import {
  answeredCount,
  type ExamEvent,
  examFinished,
  type ExamLayout,
  type ExamMachine,
  examOutcome,
  examSaved,
  reduceExam,
  reviewed,
  shownQuestion,
  startExam,
} from '../src/quiz/exam-state.js';
import { createRng } from '../src/quiz/random.js';

const START = 1_000_000;
const DEADLINE = START + EXAM_MINUTES * 60_000;
const layout: ExamLayout = { lines: 30, height: 10, columns: 20 };

function newExam(): ExamMachine {
  const rng = createRng(7);
  const exam: ExamState = {
    presented: drawExam(questions(), services(), rng).map((q) => present(q, rng)),
    startedAt: START,
    deadline: DEADLINE,
    answers: new Map(),
    marked: new Set(),
    current: 0,
    spent: new Map(),
  };
  return startExam(exam, START);
}
const run = (m: ExamMachine, ...events: ExamEvent[]) => events.reduce((s, e) => reduceExam(s, e, layout), m);
const idOf = (m: ExamMachine, index: number) => m.exam.presented[index]!.question.id;
/** The display position of a right (or wrong) option of question `index`. */
const option = (m: ExamMachine, index: number, right: boolean) => {
  const p = m.exam.presented[index]!;
  return p.order.findIndex((o) => p.question.options[o]!.correct === right);
};

/** Picks of every right option of question `index` (one for a single answer, all for a multiple response). */
const rightPicks = (m: ExamMachine, index: number): ExamEvent[] => {
  const p = m.exam.presented[index]!;
  return p.order.flatMap((o, display) => (p.question.options[o]!.correct ? [{ type: 'pick', display } as ExamEvent] : []));
};

describe('the exam state', () => {
  it('answers: a single answer is replaced, a multiple response toggled; no verdict is shown', () => {
    const m = newExam();
    const single = m.exam.presented.findIndex((p) => p.question.kind !== 'multiple');
    const onSingle = run(m, ...Array.from({ length: single }, (): ExamEvent => ({ type: 'next' })));
    const picked = run(onSingle, { type: 'pick', display: 0 }, { type: 'pick', display: 1 });
    expect(picked.exam.answers.get(idOf(m, single))).toEqual([picked.exam.presented[single]!.order[1]]);
    const multiple = m.exam.presented.findIndex((p) => p.question.kind === 'multiple');
    const onMultiple = run(m, ...Array.from({ length: multiple }, (): ExamEvent => ({ type: 'next' })));
    const toggled = run(onMultiple, { type: 'pick', display: 0 }, { type: 'pick', display: 1 }, { type: 'pick', display: 0 });
    expect(toggled.exam.answers.get(idOf(m, multiple))).toEqual([toggled.exam.presented[multiple]!.order[1]]);
    expect(answeredCount(toggled.exam)).toBe(1);
    expect(run(m, { type: 'pick', display: 5 + m.exam.presented[0]!.order.length })).toBe(m);
  });

  it('moves between questions within the exam, each shown from its top', () => {
    const m = newExam();
    expect(run(m, { type: 'prev' }).exam.current).toBe(0);
    const second = run(m, { type: 'scroll', by: 3 }, { type: 'next' });
    expect(second.exam.current).toBe(1);
    expect(second.scroll).toBe(0);
    const last = run(m, ...Array.from({ length: 70 }, (): ExamEvent => ({ type: 'next' })));
    expect(last.exam.current).toBe(64);
    expect(shownQuestion(last)).toBe(last.exam.presented[64]);
  });

  it('marks and unmarks the question on screen', () => {
    const m = newExam();
    const marked = run(m, { type: 'mark' });
    expect([...marked.exam.marked]).toEqual([idOf(m, 0)]);
    expect(run(marked, { type: 'mark' }).exam.marked.size).toBe(0);
  });

  it('the grid opens on the question on screen, moves by cells and rows within the exam, and jumps', () => {
    const m = run(newExam(), { type: 'next' }, { type: 'next' });
    const grid = run(m, { type: 'open-grid' });
    expect(grid).toMatchObject({ phase: 'grid', grid: 2 });
    expect(run(grid, { type: 'grid-move', dx: 1, dy: 0 }).grid).toBe(3);
    expect(run(grid, { type: 'grid-move', dx: 0, dy: 1 }).grid).toBe(22);
    expect(run(grid, { type: 'grid-move', dx: 0, dy: -1 }).grid).toBe(0);
    expect(run(grid, { type: 'grid-move', dx: 0, dy: 5 }).grid).toBe(64);
    // In the grid, question keys do nothing.
    expect(run(grid, { type: 'pick', display: 0 }, { type: 'mark' }, { type: 'scroll', by: 2 })).toBe(grid);
    const jumped = run(grid, { type: 'grid-move', dx: 0, dy: 1 }, { type: 'grid-jump' });
    expect(jumped).toMatchObject({ phase: 'question', exam: { current: 22 } });
    expect(run(grid, { type: 'grid-move', dx: 1, dy: 0 }, { type: 'close-grid' })).toMatchObject({
      phase: 'question',
      exam: { current: 2 },
    });
  });

  it('the clock ticks; at the deadline the exam is submitted as it stood, timed out', () => {
    const m = run(newExam(), ...rightPicks(newExam(), 0));
    const later = run(m, { type: 'tick', now: START + 61_000 });
    expect(later).toMatchObject({ phase: 'question', clock: START + 61_000, result: null });
    const timedOut = run(later, { type: 'tick', now: DEADLINE });
    expect(timedOut.phase).toBe('results');
    expect(timedOut.result).toMatchObject({ questions: 65, correct: 1, timedOut: true, finishedAt: DEADLINE, passed: false });
    expect(examFinished(later, timedOut)).toBe(timedOut.result);
    expect(run(timedOut, { type: 'tick', now: DEADLINE + 5_000 })).toBe(timedOut);
  });

  it('S asks first: n goes back, y submits and scores, unanswered counting as wrong', () => {
    const m = run(newExam(), { type: 'pick', display: option(newExam(), 0, false) });
    const asked = run(m, { type: 'ask-submit' });
    expect(asked.phase).toBe('confirm-submit');
    expect(run(asked, { type: 'pick', display: 0 }, { type: 'scroll', by: 1 })).toBe(asked);
    expect(run(asked, { type: 'cancel' }).phase).toBe('question');
    const done = run(asked, { type: 'confirm', now: START + 5_000 });
    expect(done.result).toMatchObject({
      questions: 65,
      correct: 0,
      scaled: 100,
      passed: false,
      timedOut: false,
      finishedAt: START + 5_000,
    });
    expect(examFinished(asked, done)).toBe(done.result);
    expect(examFinished(done, run(done, { type: 'next' }))).toBeNull();
  });

  it('the results walk from the score through each question and back', () => {
    const done = run(newExam(), { type: 'ask-submit' }, { type: 'confirm', now: START });
    expect(done.review).toBe(-1);
    expect(shownQuestion(done)).toBeUndefined();
    const first = run(done, { type: 'scroll', by: 2 }, { type: 'next' });
    expect(first).toMatchObject({ review: 0, scroll: 0 });
    expect(shownQuestion(first)).toBe(done.exam.presented[0]);
    expect(run(first, { type: 'prev' }, { type: 'prev' }).review).toBe(-1);
    expect(run(done, ...Array.from({ length: 70 }, (): ExamEvent => ({ type: 'next' }))).review).toBe(64);
  });

  it('q asks first; y abandons, after which nothing changes', () => {
    const asked = run(newExam(), { type: 'ask-leave' });
    expect(asked.phase).toBe('confirm-leave');
    const left = run(asked, { type: 'confirm', now: START });
    expect(left.phase).toBe('abandoned');
    expect(left.result).toBeNull();
    expect(run(left, { type: 'tick', now: DEADLINE }, { type: 'next' })).toBe(left);
  });

  it('what must be saved: the exam after an answer, a mark or a move, not after a scroll or in the grid, never once it ended', () => {
    const m = newExam();
    const answered = run(m, { type: 'pick', display: 0 });
    expect(examSaved(m, answered)).toBe(answered.exam);
    expect(examSaved(answered, run(answered, { type: 'mark' }))).not.toBeNull();
    expect(examSaved(answered, run(answered, { type: 'next' }))?.current).toBe(1);
    expect(examSaved(answered, run(answered, { type: 'scroll', by: 1 }))).toBeNull();
    expect(examSaved(answered, run(answered, { type: 'open-grid' }, { type: 'grid-move', dx: 1, dy: 0 }))).toBeNull();
    expect(examSaved(answered, run(answered, { type: 'ask-submit' }, { type: 'confirm', now: START }))).toBeNull();
  });

  it('counts the time on each question from the ticks: not the grid, not a confirmation; saved with the next change, not each second', () => {
    const m = newExam();
    const onFirst = run(m, { type: 'tick', now: START + 40_000 });
    expect(onFirst.exam.spent.get(idOf(m, 0))).toBe(40_000);
    // A tick alone is not worth a write.
    expect(examSaved(m, onFirst)).toBeNull();
    const inGrid = run(onFirst, { type: 'open-grid' }, { type: 'tick', now: START + 70_000 }, { type: 'close-grid' });
    expect(inGrid.exam.spent.get(idOf(m, 0))).toBe(40_000);
    const onSecond = run(
      inGrid,
      { type: 'next' },
      { type: 'tick', now: START + 95_000 },
      { type: 'prev' },
      { type: 'tick', now: START + 100_000 },
    );
    expect(onSecond.exam.spent.get(idOf(m, 1))).toBe(25_000);
    expect(onSecond.exam.spent.get(idOf(m, 0))).toBe(45_000);
    const asked = run(onSecond, { type: 'ask-submit' }, { type: 'tick', now: START + 130_000 }, { type: 'cancel' });
    expect(asked.exam.spent.get(idOf(m, 0))).toBe(45_000);
    const answered = run(asked, { type: 'pick', display: 0 });
    expect(examSaved(asked, answered)?.spent.get(idOf(m, 0))).toBe(45_000);
    // Never past the deadline.
    const late = run(newExam(), { type: 'tick', now: DEADLINE + 600_000 });
    expect(late.exam.spent.get(idOf(m, 0))).toBe(DEADLINE - START);
  });

  it('the review walks all, the wrong, the marked or the unanswered questions; f goes through them', () => {
    const m = newExam();
    // 0 right and marked, 1 wrong, 2 unanswered and marked, 3 wrong; the rest unanswered.
    // Every right option of question 0, whatever its kind.
    const p = m.exam.presented[0]!;
    const allRight = p.order.flatMap((o, display): ExamEvent[] => (p.question.options[o]!.correct ? [{ type: 'pick', display }] : []));
    const answered = run(
      m,
      ...allRight,
      { type: 'mark' },
      { type: 'next' },
      { type: 'pick', display: option(m, 1, false) },
      { type: 'next' },
      { type: 'mark' },
      { type: 'next' },
      { type: 'pick', display: option(m, 3, false) },
    );
    const done = run(answered, { type: 'ask-submit' }, { type: 'confirm', now: START });
    expect(done.result?.correct).toBe(1);
    expect(reviewed(done.exam, 'wrong')).toEqual([1, 3]);
    expect(reviewed(done.exam, 'marked')).toEqual([0, 2]);
    expect(reviewed(done.exam, 'unanswered')).toEqual([2, ...Array.from({ length: 61 }, (_, i) => i + 4)]);
    expect([0, 1, 2, 3].map((i) => examOutcome(done.exam, i))).toEqual(['right', 'wrong', 'unanswered', 'wrong']);
    const wrong = run(done, { type: 'filter' });
    expect(wrong).toMatchObject({ filter: 'wrong', review: 1 });
    expect(run(wrong, { type: 'next' }).review).toBe(3);
    expect(run(wrong, { type: 'next' }, { type: 'next' }).review).toBe(3);
    expect(run(wrong, { type: 'next' }, { type: 'prev' }, { type: 'prev' }).review).toBe(-1);
    // The next filter keeps the question under review when it can.
    const marked = run(wrong, { type: 'filter' });
    expect(marked).toMatchObject({ filter: 'marked', review: 0 });
    const unanswered = run(marked, { type: 'next' }, { type: 'filter' });
    expect(unanswered).toMatchObject({ filter: 'unanswered', review: 2 });
    expect(run(unanswered, { type: 'filter' })).toMatchObject({ filter: 'all', review: 2 });
  });
});
