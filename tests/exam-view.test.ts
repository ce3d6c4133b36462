// The exam simulation's screens as text (src/quiz/exam-view.ts): laid out for the width
// they have, the clock never cut, unanswered questions unmistakable without colour.
import { describe, expect, it } from 'vitest';
import { questions, services } from '../src/content/bundle.js';
import { present } from '../src/quiz/attempt.js';
import { drawExam, EXAM_MINUTES } from '../src/quiz/exam.js';
import type { ExamState } from '../src/quiz/exam-save.js';
import { type ExamEvent, type ExamMachine, reduceExam, startExam } from '../src/quiz/exam-state.js';
import { examStatus, fitStatus, gridLines, resultLines, resultsStatus } from '../src/quiz/exam-view.js';
import { createRng } from '../src/quiz/random.js';
import { charLength, lineText } from '../src/render/lines.js';

const START = 1_000_000;

function newExam(): ExamMachine {
  const rng = createRng(11);
  const exam: ExamState = {
    presented: drawExam(questions(), services(), rng).map((q) => present(q, rng)),
    startedAt: START,
    deadline: START + EXAM_MINUTES * 60_000,
    answers: new Map(),
    marked: new Set(),
    current: 0,
    spent: new Map(),
  };
  return startExam(exam, START);
}
const run = (m: ExamMachine, ...events: ExamEvent[]) => events.reduce((s, e) => reduceExam(s, e, { lines: 30, height: 10, columns: 6 }), m);

describe('the exam on screen', () => {
  it('the status line keeps the clock whole at any width, leaving out the counts first', () => {
    const m = run(newExam(), { type: 'pick', display: 0 }, { type: 'mark' }, { type: 'next' }, { type: 'mark' });
    expect(examStatus(m, 100)).toBe('Q 2/65 ? marked · answered 1 · marked 2 · ⏱ 130:00 left');
    for (const width of [40, 30, 20]) {
      const status = examStatus(m, width);
      expect(charLength(status), status).toBeLessThan(width);
      expect(status).toMatch(/⏱ 130:00/);
      expect(status).toMatch(/^Q 2\/65/);
    }
    expect(examStatus(m, 40)).toBe('Q 2/65 ? marked · ⏱ 130:00 left');
    expect(fitStatus([['never left out', 0]], 5)).toBe('never left out');
  });

  it('the review grid: answered ✓, not answered ○, marked ? — marked-and-answered and marked-and-unanswered differ', () => {
    const m = run(newExam(), { type: 'pick', display: 0 }, { type: 'mark' }, { type: 'next' }, { type: 'mark' }, { type: 'open-grid' });
    const lines = gridLines(m, 40).map(lineText);
    expect(lines[0]).toBe('Review grid: ✓ answered · ○ not answered');
    expect(lines).toContain('1 answered · 64 not answered · 2 marked');
    const firstRow = lines.find((l) => l.includes(' 1✓'))!;
    expect(firstRow.startsWith('  1✓? [ 2○?]  3○ ')).toBe(true);
    for (const line of lines) expect(charLength(line)).toBeLessThanOrEqual(40);
  });

  it('the results fit 80 and 40 columns without cutting a line, and say how the review is filtered', () => {
    const done = run(
      newExam(),
      { type: 'tick', now: START + 90_000 },
      { type: 'pick', display: 0 },
      { type: 'ask-submit' },
      {
        type: 'confirm',
        now: START + 90_000,
      },
    );
    for (const width of [80, 40]) {
      const lines = resultLines(done, done.result!, width).map(lineText);
      for (const line of lines) expect(charLength(line), line).toBeLessThanOrEqual(width);
      const text = lines.join('\n');
      expect(text).toMatch(/Development with AWS Services/);
      expect(lines.join(' ')).toContain('AWS does not publish its mapping.');
    }
    const text = resultLines(done, done.result!, 80).map(lineText).join('\n');
    expect(text).toContain('Time spent 1:30, 1:30 a question answered on average');
    expect(text).toMatch(/Review: \[all 65\] · wrong \d · marked 0 · not answered 64/);
  });

  it('the results status says the text scrolls, and where the walk is', () => {
    const done = run(newExam(), { type: 'ask-submit' }, { type: 'confirm', now: START }, { type: 'next' });
    expect(resultsStatus(done, { top: 0, lines: 30, height: 20 }, 80)).toBe(
      'Question 1/65 · ○ not answered · ↓ more 20/30 · 0:00 on it · all 1/65',
    );
    expect(resultsStatus(done, { top: 0, lines: 10, height: 20 }, 80)).not.toContain('more');
    const narrow = resultsStatus(done, { top: 0, lines: 30, height: 20 }, 40);
    expect(charLength(narrow)).toBeLessThanOrEqual(40);
    expect(narrow).toContain('20/30');
  });
});
