// What the journal adds up to: applying events one by one (what every reader does with the
// journal's tail) and replaying the whole journal (what a rebuild and doctor do) must give
// the same progress, whatever the history; and no history, however its clocks ran, throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event, Rating } from '../src/progress/events.js';
import { emptyState, type ProgressState } from '../src/progress/schema.js';
import { applyEvent, differences, replay } from '../src/progress/state.js';
import { review } from '../src/quiz/srs.js';

const QUESTIONS = ['q1', 'q2', 'q3'];
const T0 = Date.UTC(2026, 2, 1, 9);
const HOUR = 3_600_000;

/** A history as a learner (and clocks) make it: answers, re-ratings and undos of the latest answer, flags, reads, exams, settings. */
const history = fc
  .array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('answer'),
          q: fc.constantFrom(...QUESTIONS),
          correct: fc.boolean(),
          dt: fc.integer({ min: -48, max: 72 }),
        }),
      },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('rerate'), rating: fc.constantFrom(2, 3, 4) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo') }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('flag'), q: fc.constantFrom(...QUESTIONS), on: fc.boolean() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('read'), service: fc.constantFrom('sqs', 'kms') }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('exam') }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('setting'), value: fc.option(fc.integer({ min: 0, max: 50 })) }) },
    ),
    { maxLength: 60 },
  )
  .map((steps) => {
    // Times wander forwards and backwards (a clock corrected, a machine ahead), as they do.
    let time = T0;
    let n = 0;
    const events: Event[] = [];
    let lastAnswer: { id: string; q: string } | undefined;
    for (const step of steps) {
      const id = `e${++n}`;
      switch (step.kind) {
        case 'answer':
          time += step.dt * HOUR;
          events.push({
            kind: 'answer',
            id,
            at: time,
            question: step.q,
            chosen: [0],
            correct: step.correct,
            ms: 1000,
            source: 'quiz',
            rating: step.correct ? 3 : 1,
          });
          lastAnswer = { id, q: step.q };
          break;
        case 'rerate':
          if (lastAnswer)
            events.push({ kind: 'rerate', id, at: time, question: lastAnswer.q, answer: lastAnswer.id, rating: step.rating as Rating });
          break;
        case 'undo':
          if (lastAnswer) events.push({ kind: 'undo', id, at: time, question: lastAnswer.q, answer: lastAnswer.id });
          lastAnswer = undefined;
          break;
        case 'flag':
          events.push({ kind: 'flag', id, at: time, question: step.q, on: step.on });
          break;
        case 'read':
          events.push({ kind: 'read', id, at: time, service: step.service });
          break;
        case 'exam':
          events.push({
            kind: 'exam',
            id,
            at: time,
            startedAt: time - 2 * HOUR,
            questions: 65,
            correct: 40,
            scaled: 654,
            passed: false,
            timedOut: false,
            domains: {},
          });
          break;
        case 'setting':
          events.push({ kind: 'setting', id, at: time, key: 'newPerDay', value: step.value });
          break;
      }
    }
    return events;
  });

/** What a reader of the journal's tail gets: each event applied in turn, a full replay when one cannot be. */
function stepByStep(events: readonly Event[]): ProgressState {
  let progress = emptyState();
  events.forEach((event, i) => {
    if (applyEvent(progress, event) === 'rebuild') progress = replay((visit) => events.slice(0, i + 1).forEach(visit)).progress;
  });
  return progress;
}

describe('journal state', () => {
  it('applying events one by one gives what replaying the journal gives, for any history', () => {
    fc.assert(
      fc.property(history, (events) => {
        const replayed = replay((visit) => events.forEach(visit)).progress;
        const stepped = stepByStep(events);
        expect(differences(stepped, replayed)).toEqual([]);
        // Also through JSON, as the snapshot stores it.
        expect(differences(JSON.parse(JSON.stringify(stepped)), replayed)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the quick replay (no scheduling) counts the same reviews and last reviews as the full one', () => {
    fc.assert(
      fc.property(history, (events) => {
        const full = replay((visit) => events.forEach(visit)).progress;
        const quick = replay((visit) => events.forEach(visit), { cards: false }).progress;
        expect(differences(full, quick, 'reviews')).toEqual([]);
        // The quick replay looks re-ratings up only for each question's latest answer.
        const latest = (p: ProgressState) =>
          Object.fromEntries(Object.entries(p.latest).map(([q, l]) => [q, [l.answer, l.correct, l.rating, l.day]]));
        expect(latest(quick)).toEqual(latest(full));
      }),
      { numRuns: 100 },
    );
  });

  it('an undo takes the answer back: card, counts and study day as before it', () => {
    const progress = emptyState();
    applyEvent(progress, {
      kind: 'answer',
      id: 'a1',
      at: T0,
      question: 'q1',
      chosen: [0],
      correct: true,
      ms: 1,
      source: 'quiz',
      rating: 3,
    });
    const before = structuredClone(progress);
    applyEvent(progress, {
      kind: 'answer',
      id: 'a2',
      at: T0 + 24 * HOUR,
      question: 'q1',
      chosen: [1],
      correct: false,
      ms: 1,
      source: 'quiz',
      rating: 1,
    });
    expect(progress.stats.q1).toMatchObject({ answers: 2, right: 1, lastRight: false });
    expect(applyEvent(progress, { kind: 'undo', id: 'u1', at: T0 + 25 * HOUR, question: 'q1', answer: 'a2' })).toBe('applied');
    expect(differences(progress, before)).toEqual([]);
    // An earlier answer is not the latest: it takes the whole journal to undo it.
    expect(applyEvent(progress, { kind: 'undo', id: 'u2', at: T0 + 26 * HOUR, question: 'q1', answer: 'a0' })).toBe('rebuild');
  });

  it('a re-rating reschedules from the card before the answer, counting it once', () => {
    const progress = emptyState();
    applyEvent(progress, {
      kind: 'answer',
      id: 'a1',
      at: T0,
      question: 'q1',
      chosen: [0],
      correct: true,
      ms: 1,
      source: 'quiz',
      rating: 3,
    });
    const good = progress.cards.q1!;
    applyEvent(progress, { kind: 'rerate', id: 'r1', at: T0, question: 'q1', answer: 'a1', rating: 4 });
    expect(Date.parse(progress.cards.q1!.due)).toBeGreaterThan(Date.parse(good.due));
    expect(progress.cards.q1).toEqual(review(undefined, 4, new Date(T0)));
    expect(progress.stats.q1!.answers).toBe(1);
  });

  it('a card last reviewed in the future is reviewed at that time, never throwing ("Invalid delta_t")', () => {
    const future = review(undefined, 3, new Date(T0 + 400 * 24 * HOUR));
    const progress = emptyState();
    progress.cards.q1 = future;
    expect(() =>
      applyEvent(progress, {
        kind: 'answer',
        id: 'a1',
        at: T0,
        question: 'q1',
        chosen: [0],
        correct: false,
        ms: 1,
        source: 'quiz',
        rating: 1,
      }),
    ).not.toThrow();
    expect(progress.cards.q1!.last_review).toBe(future.last_review);
    expect(progress.cards.q1!.reps).toBe(future.reps + 1);
  });

  it('a journal holding an event twice (joined by hand) counts it twice, step by step as in a replay: the two never disagree', () => {
    const answer: Event = {
      kind: 'answer',
      id: 'same',
      at: T0,
      question: 'q1',
      chosen: [0],
      correct: true,
      ms: 1,
      source: 'quiz',
      rating: 3,
    };
    const events = [answer, answer];
    expect(replay((visit) => events.forEach(visit)).progress.stats.q1!.answers).toBe(2);
    expect(differences(stepByStep(events), replay((visit) => events.forEach(visit)).progress)).toEqual([]);
  });
});
