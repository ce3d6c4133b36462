// How an answered question reads, in the app, the exam review and the plain quiz alike
// (src/quiz/view.ts): what the learner picked, what was right, and what they missed.
import { describe, expect, it } from 'vitest';
import { questions } from '../src/content/bundle.js';
import type { Question } from '../src/content/types.js';
import type { Presented } from '../src/quiz/attempt.js';
import { lineText } from '../src/render/lines.js';
import { answerLines, questionLines } from '../src/quiz/view.js';

/** A "choose two" question with its options in bank order: A and B right, C, D (and E) wrong. */
const chooseTwo = (): Presented => {
  const question = questions().find(
    (q): q is Question => q.kind === 'multiple' && q.options.filter((o) => o.correct).length === 2 && q.options.length >= 4,
  )!;
  const right = question.options.flatMap((o, i) => (o.correct ? [i] : []));
  const wrong = question.options.flatMap((o, i) => (o.correct ? [] : [i]));
  return { question, order: [...right, ...wrong] };
};

const text = (presented: Presented, picked: number[], revealed = true) => questionLines(presented, 200, { picked, revealed }).map(lineText);
/** The line of the option shown with `letter`. */
const option = (lines: string[], letter: string) => lines.find((l) => new RegExp(`^\\[.\\] ${letter}\\. `).test(l))!;

describe('an answered question', () => {
  it('tells the four fates of an option apart without colour: picked and right, picked and wrong, missed, left alone', () => {
    const presented = chooseTwo();
    const [a, , c] = presented.order;
    // Picked A (right) and C (wrong): B was right and missed, D was wrong and left alone.
    const lines = text(presented, [a!, c!]);
    expect(option(lines, 'A')).toMatch(/^\[✓\] A\. /);
    expect(option(lines, 'B')).toMatch(/^\[!\] B\. missed: /);
    expect(option(lines, 'C')).toMatch(/^\[✗\] C\. /);
    expect(option(lines, 'D')).toMatch(/^\[ \] D\. /);
    expect(new Set(['A', 'B', 'C', 'D'].map((l) => option(lines, l).slice(0, 3))).size).toBe(4);
    expect(lines).toContain('✗ Wrong. The answer is A, B.');
    expect(lines).toContain('Your answer: A, C · missed: B · wrong: C.');
  });

  it('says what the learner answered when right too, and nothing is marked missed', () => {
    const presented = chooseTwo();
    const lines = text(presented, presented.order.slice(0, 2));
    expect(lines).toContain('✓ Correct. The answer is A, B.');
    expect(lines).toContain('Your answer: A, B.');
    expect(lines.join('\n')).not.toContain('missed');
  });

  it('an unanswered question (in the exam review) says "Not answered", not "Wrong", and every right option is missed', () => {
    const presented = chooseTwo();
    const lines = text(presented, []);
    expect(lines).toContain('○ Not answered. The answer is A, B.');
    expect(lines.join('\n')).not.toMatch(/Wrong|Your answer/);
    expect(option(lines, 'A')).toMatch(/^\[!\] A\. missed: /);
    expect(option(lines, 'B')).toMatch(/^\[!\] B\. missed: /);
  });

  it('before the verdict, the picks only: no mark of right or wrong', () => {
    const presented = chooseTwo();
    const lines = text(presented, [presented.order[0]!], false);
    expect(option(lines, 'A')).toMatch(/^\[x\] A\. /);
    expect(option(lines, 'B')).toMatch(/^\[ \] B\. /);
    expect(lines.join('\n')).not.toMatch(/missed|✓|✗/);
  });

  it('answerLines (the plain quiz) repeats the options with the same marks, then the verdict', () => {
    const presented = chooseTwo();
    const [a, , c] = presented.order;
    const lines = answerLines(presented, 200, [a!, c!]).map(lineText);
    expect(option(lines, 'B')).toMatch(/^\[!\] B\. missed: /);
    expect(lines.indexOf('Your answer: A, C · missed: B · wrong: C.')).toBeGreaterThan(lines.indexOf(option(lines, 'D')));
    expect(lines.join('\n')).not.toContain(presented.question.question.trim().slice(0, 40));
  });
});
