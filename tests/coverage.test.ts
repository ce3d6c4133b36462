// Coverage of the exam guide (per task statement) and quizzes on one task statement.
import { describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from '../src/progress/schema.js';
import { type TaskCoverage, taskCoverage, weakestTasks } from '../src/quiz/coverage.js';
import { createRng } from '../src/quiz/random.js';
import { selectQuestions, sourceLabel } from '../src/quiz/sources.js';
import { mastery, review } from '../src/quiz/srs.js';
import { fixtureGuide, fixtureQuestion, fixtureService } from './helpers/bank-fixture.js';

const now = new Date('2026-05-01T10:00:00Z');

function fixture() {
  const alpha = fixtureService('alpha', {
    sections: [
      { slug: 'overview', title: 'Overview', level: 2, tasks: ['1.1'] },
      // Inherits 1.1 from its ## section: not listed again; its own 2.1 is.
      { slug: 'detail', title: 'Detail', level: 3, tasks: ['1.1', '2.1'] },
      { slug: 'limits', title: 'Limits', level: 2, tasks: ['2.1'] },
    ],
  });
  const beta = fixtureService('beta', { sections: [{ slug: 'overview', title: 'Overview', level: 2, tasks: ['1.1'] }] });
  // Odd n serve 1.1, even n 2.1 (fixtureQuestion).
  const bank = [1, 2, 3, 4, 5].map((n) => fixtureQuestion(n, n < 4 ? 'alpha' : 'beta'));
  return { guide: fixtureGuide(), services: [alpha, beta], bank };
}

function answer(progress: Progress, question: string, correct: boolean, at: Date): void {
  const seen = progress.stats[question];
  const iso = at.toISOString();
  progress.stats[question] = {
    answers: (seen?.answers ?? 0) + 1,
    right: (seen?.right ?? 0) + (correct ? 1 : 0),
    first: seen?.first ?? iso,
    last: iso,
    lastRight: correct,
  };
  progress.cards[question] = review(progress.cards[question], correct ? 3 : 1, at);
}

describe('taskCoverage', () => {
  it('lists each task with its sections, questions, answered questions and mastery', () => {
    const { guide, services, bank } = fixture();
    const progress = emptyProgress();
    const yesterday = new Date(now.getTime() - 86_400_000);
    answer(progress, 'alpha-q0001', true, yesterday);
    answer(progress, 'alpha-q0001', true, new Date(yesterday.getTime() + 60_000));
    answer(progress, 'beta-q0005', false, yesterday);

    const rows = taskCoverage(guide, services, bank, progress, now);
    expect(rows.map(({ mastery: _, ...row }) => row)).toEqual([
      {
        domain: 'development',
        task: '1.1',
        title: 'Develop code',
        sections: ['alpha#overview', 'beta#overview'],
        questions: 3,
        answered: 2,
      },
      {
        domain: 'security',
        task: '2.1',
        title: 'Implement authorization',
        sections: ['alpha#detail', 'alpha#limits'],
        questions: 2,
        answered: 0,
      },
    ]);
    // 1.1: q1 and q5 answered, q3 never (0): the mean of their mastery, as the Progress screen defines it.
    const expected = (mastery(progress.cards['alpha-q0001'], now) + mastery(progress.cards['beta-q0005'], now)) / 3;
    expect(rows[0]!.mastery).toBeCloseTo(expected, 10);
    expect(rows[0]!.mastery).toBeGreaterThan(0);
    expect(rows[1]!.mastery).toBe(0);
  });

  it('gives a task no question or section an empty row, not an error', () => {
    const { guide, services } = fixture();
    const rows = taskCoverage(guide, services, [], emptyProgress(), now);
    expect(rows[1]).toEqual({
      domain: 'security',
      task: '2.1',
      title: 'Implement authorization',
      sections: ['alpha#detail', 'alpha#limits'],
      questions: 0,
      answered: 0,
      mastery: 0,
    });
  });
});

describe('the weakest task statements (the Progress screen)', () => {
  const row = (task: string, domain: TaskCoverage['domain'], mastery: number, answered: number, questions = 5): TaskCoverage => ({
    domain,
    task,
    title: `Task ${task}`,
    sections: [],
    questions,
    answered,
    mastery,
  });
  const weights = { development: 0.32, security: 0.26, deployment: 0.24, troubleshooting: 0.18 };

  it('lowest mastery first, then fewest answered, then the heavier domain, then the guide order; never a task without questions', () => {
    const rows = [
      row('1.1', 'development', 0.4, 9),
      row('2.1', 'security', 0, 0),
      row('3.1', 'deployment', 0, 3),
      row('4.1', 'troubleshooting', 0, 0),
      row('1.2', 'development', 0, 0, 0),
      row('1.3', 'development', 0, 0),
    ];
    expect(weakestTasks(rows, weights, 4).map((r) => r.task)).toEqual(['1.3', '2.1', '4.1', '3.1']);
    expect(weakestTasks(rows, weights, 2)).toHaveLength(2);
  });
});

describe('a quiz on one task statement', () => {
  it('asks exactly the questions that name the task, shuffled', () => {
    const bank = Array.from({ length: 40 }, (_, n) => fixtureQuestion(n, 'alpha'));
    const asked = selectQuestions(bank, { kind: 'task', task: '1.1' }, emptyProgress(), now, createRng(3));
    expect(asked.map((q) => q.id).sort()).toEqual(
      bank
        .filter((q) => q.tasks.includes('1.1'))
        .map((q) => q.id)
        .sort(),
    );
    expect(asked.map((q) => q.id)).not.toEqual(bank.filter((q) => q.tasks.includes('1.1')).map((q) => q.id));
    expect(sourceLabel({ kind: 'task', task: '1.1' })).toBe('Task 1.1');
  });
});
