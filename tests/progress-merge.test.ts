// Merging two progress files: each rule, idempotence, purity, commutativity of answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../src/progress/merge.js';
import { emptyProgress, progressSchema, type Answer, type CardState, type ExamResult, type Progress } from '../src/progress/schema.js';
import { review } from '../src/quiz/srs.js';

const day = (d: number, h = 12) => new Date(2026, 2, d, h).toISOString();

function answer(id: string, at: string, question = 'q1', correct = true): Answer {
  return { id, question, chosen: [0], correct, at, ms: 500, source: 'quiz', rating: correct ? 3 : 1 };
}

function exam(id: string, finishedAt: string): ExamResult {
  return {
    id,
    startedAt: finishedAt,
    finishedAt,
    questions: 65,
    correct: 50,
    scaled: 792,
    passed: true,
    timedOut: false,
    domains: { development: { questions: 21, correct: 17 } },
  };
}

function progress(fill: (p: Progress) => void): Progress {
  const p = emptyProgress();
  fill(p);
  return p;
}

function sample(): [Progress, Progress] {
  const a = progress((p) => {
    p.answers = [answer('a1', day(1)), answer('a3', day(3)), answer('shared', day(2))];
    p.cards.q1 = review(undefined, 3, new Date(day(1)));
    p.cards.q2 = review(undefined, 3, new Date(day(5)));
    p.notesRead.sqs = { first: day(2), last: day(4), count: 3 };
    p.notesRead.kms = { first: day(1), last: day(1), count: 1 };
    p.flags.q1 = day(3);
    p.flags.q2 = day(1);
    p.exams = [exam('e2', day(4))];
    p.settings.examDate = '2026-06-01';
  });
  const b = progress((p) => {
    p.answers = [answer('b1', day(0)), answer('shared', day(2)), answer('b4', day(4))];
    p.cards.q1 = review(undefined, 1, new Date(day(2)));
    p.cards.q2 = review(undefined, 1, new Date(day(4)));
    p.cards.q3 = review(undefined, 4, new Date(day(4)));
    p.notesRead.sqs = { first: day(1), last: day(3), count: 5 };
    p.notesRead.lambda = { first: day(6), last: day(7), count: 2 };
    p.flags.q1 = day(2);
    p.flags.q3 = day(6);
    p.exams = [exam('e1', day(1)), exam('e2', day(4))];
  });
  return [a, b];
}

describe('merging progress', () => {
  it('unites answers by id, each once, sorted by time', () => {
    const [a, b] = sample();
    expect(mergeProgress(a, b).answers.map((x) => x.id)).toEqual(['b1', 'a1', 'shared', 'a3', 'b4']);
  });

  it('keeps the newer card per question: later last review, then more reviews', () => {
    const [a, b] = sample();
    const merged = mergeProgress(a, b);
    expect(merged.cards.q1).toEqual(b.cards.q1); // reviewed on the 2nd, after a's 1st
    expect(merged.cards.q2).toEqual(a.cards.q2); // reviewed on the 5th, after b's 4th
    expect(merged.cards.q3).toEqual(b.cards.q3); // only in b
    const once: CardState = review(undefined, 3, new Date(day(1)));
    const twice: CardState = { ...once, reps: 2 };
    expect(
      mergeProgress(
        progress((p) => (p.cards.q = once)),
        progress((p) => (p.cards.q = twice)),
      ).cards.q,
    ).toEqual(twice);
    expect(
      mergeProgress(
        progress((p) => (p.cards.q = twice)),
        progress((p) => (p.cards.q = once)),
      ).cards.q,
    ).toEqual(twice);
    // A card never reviewed loses to one that was.
    const { last_review: _, ...never } = once;
    expect(
      mergeProgress(
        progress((p) => (p.cards.q = { ...never, reps: 5 })),
        progress((p) => (p.cards.q = once)),
      ).cards.q,
    ).toEqual(once);
  });

  it('keeps the earliest first read, the latest last read and the larger count', () => {
    const [a, b] = sample();
    const merged = mergeProgress(a, b);
    expect(merged.notesRead).toEqual({
      sqs: { first: day(1), last: day(4), count: 5 },
      kms: { first: day(1), last: day(1), count: 1 },
      lambda: { first: day(6), last: day(7), count: 2 },
    });
  });

  it('unites flags, keeping the earliest time', () => {
    const [a, b] = sample();
    expect(mergeProgress(a, b).flags).toEqual({ q1: day(2), q2: day(1), q3: day(6) });
  });

  it('unites exams by id, oldest first', () => {
    const [a, b] = sample();
    expect(mergeProgress(a, b).exams.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(mergeProgress(b, a).exams.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('keeps current settings and fills missing ones from incoming', () => {
    const [a, b] = sample();
    expect(mergeProgress(a, b).settings).toEqual({ examDate: '2026-06-01' });
    expect(mergeProgress(b, a).settings).toEqual({ examDate: '2026-06-01' });
    const other = progress((p) => (p.settings.examDate = '2027-01-01'));
    expect(mergeProgress(a, other).settings).toEqual({ examDate: '2026-06-01' });
    expect(mergeProgress(other, a).settings).toEqual({ examDate: '2027-01-01' });
  });

  it('produces valid progress', () => {
    const [a, b] = sample();
    expect(progressSchema.safeParse(mergeProgress(a, b)).success).toBe(true);
  });

  it('is idempotent', () => {
    const [a, b] = sample();
    // a's answers are not in time order; merging orders them, then nothing changes.
    const sorted = { ...a, answers: [...a.answers].sort((x, y) => x.at.localeCompare(y.at)) };
    expect(mergeProgress(a, a)).toEqual(sorted);
    const merged = mergeProgress(a, b);
    expect(mergeProgress(merged, merged)).toEqual(merged);
    expect(mergeProgress(merged, b)).toEqual(merged);
    expect(mergeProgress(merged, a)).toEqual(merged);
    expect(mergeProgress(emptyProgress(), emptyProgress())).toEqual(emptyProgress());
  });

  it('never mutates its inputs nor shares objects with them', () => {
    const [a, b] = sample();
    const [a0, b0] = [structuredClone(a), structuredClone(b)];
    const merged = mergeProgress(a, b);
    expect(a).toEqual(a0);
    expect(b).toEqual(b0);
    merged.answers[0]!.correct = false;
    merged.cards.q1!.reps = 99;
    merged.notesRead.sqs!.count = 99;
    merged.exams[0]!.domains.development!.correct = 0;
    merged.settings.examDate = '2030-01-01';
    expect(a).toEqual(a0);
    expect(b).toEqual(b0);
  });

  it('gives the same answer set in either order (random answer lists)', () => {
    const answerArb = fc
      .record({ id: fc.integer({ min: 0, max: 30 }), day: fc.integer({ min: 1, max: 28 }), hour: fc.integer({ min: 0, max: 23 }) })
      .map(({ id, day: d, hour }) => answer(`id-${id}`, new Date(Date.UTC(2026, 0, d, hour)).toISOString(), `q${id % 5}`, id % 2 === 0));
    // Answers with one id are one event: the same content on both sides.
    const list = fc.array(answerArb, { maxLength: 25 }).map((xs) => [...new Map(xs.map((x) => [x.id, x])).values()]);
    fc.assert(
      fc.property(list, list, (xs, ys) => {
        const same = new Map([...xs, ...ys].map((x) => [x.id, x]));
        const ys2 = ys.map((y) => same.get(y.id)!);
        const xs2 = xs.map((x) => same.get(x.id)!);
        const a = progress((p) => (p.answers = xs2));
        const b = progress((p) => (p.answers = ys2));
        const ab = mergeProgress(a, b).answers;
        const ba = mergeProgress(b, a).answers;
        expect(ab).toEqual(ba);
        expect(new Set(ab.map((x) => x.id))).toEqual(new Set([...xs2, ...ys2].map((x) => x.id)));
        expect(ab.length).toBe(same.size);
        for (let i = 1; i < ab.length; i++) expect(ab[i - 1]!.at <= ab[i]!.at).toBe(true);
        expect(mergeProgress(a, a).answers).toEqual(mergeProgress(mergeProgress(a, a), a).answers);
      }),
      { numRuns: 200 },
    );
  });
});
