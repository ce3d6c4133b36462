// recall() computes a reviewed card's retrievability itself (srs.ts) rather than through
// ts-fsrs's get_retrievability: for any card and any time, it must give exactly what
// ts-fsrs gives, and fail where ts-fsrs fails.
import fc from 'fast-check';
import { fsrs } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { CardState } from '../src/progress/schema.js';
import { cardFromState, type RatingValue, recall, review, reviewTime } from '../src/quiz/srs.js';

const scheduler = fsrs();

/** What recall() gave before it computed the common case itself. */
function recallThroughTsFsrs(state: CardState | undefined, at: Date): number {
  if (!state || state.reps === 0) return 0;
  const when = reviewTime(state, at);
  return scheduler.get_retrievability(cardFromState(state), when, false);
}

function outcome(run: () => number): { value: number } | { error: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const START = Date.parse('2020-01-01T00:00:00.000Z');
const YEARS = 8 * 365 * 86_400_000;
const time = fc.integer({ min: START, max: START + YEARS });
const iso = time.map((t) => new Date(t).toISOString());

/** Cards as a learner's answers make them. */
const reviewed = fc
  .tuple(
    time,
    fc.array(fc.tuple(fc.constantFrom<RatingValue>(1, 2, 3, 4), fc.integer({ min: 0, max: 90 * 86_400_000 })), {
      minLength: 1,
      maxLength: 12,
    }),
  )
  .map(([start, steps]) => {
    let state: CardState | undefined;
    let at = start;
    for (const [rating, wait] of steps) {
      state = review(state, rating, new Date(at));
      at += wait;
    }
    return state!;
  });

/** Cards as a hand-edited or odd file might hold them: every field free within the schema. */
const arbitrary = fc.record(
  {
    due: iso,
    stability: fc.oneof(fc.double({ min: 0, max: 40_000, noNaN: true }), fc.constantFrom(0, 1e-9, 0.1234567891234)),
    difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
    elapsed_days: fc.nat(1000),
    scheduled_days: fc.nat(1000),
    learning_steps: fc.nat(3),
    reps: fc.nat(50),
    lapses: fc.nat(20),
    state: fc.integer({ min: 0, max: 3 }),
    last_review: fc.option(iso, { nil: undefined }),
  },
  { requiredKeys: ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] },
) as fc.Arbitrary<CardState>;

describe('recall', () => {
  it('gives what ts-fsrs gives for cards made by reviews, at any time before or after the last review', () => {
    fc.assert(
      fc.property(reviewed, fc.integer({ min: -30 * 86_400_000, max: 3 * 365 * 86_400_000 }), (state, offset) => {
        const at = new Date(Date.parse(state.last_review!) + offset);
        expect(recall(state, at)).toBe(recallThroughTsFsrs(state, at));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives what ts-fsrs gives, or fails as it fails, for any card the schema lets through', () => {
    fc.assert(
      fc.property(arbitrary, time, (state, at) => {
        expect(outcome(() => recall(state, new Date(at)))).toEqual(outcome(() => recallThroughTsFsrs(state, new Date(at))));
      }),
      { numRuns: 3000 },
    );
  });
});
