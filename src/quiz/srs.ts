// Spaced repetition with ts-fsrs: every question (and every drill template) is a card.
// Cards are stored as plain JSON in the progress file; this module converts both ways.
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { CardState } from '../progress/schema.js';

export const RATINGS = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;
export type RatingValue = 1 | 2 | 3 | 4;

const scheduler = fsrs();

function toCard(state: CardState | undefined, now: Date): Card {
  if (!state) return createEmptyCard(now);
  return {
    ...state,
    due: new Date(state.due),
    ...(state.last_review ? { last_review: new Date(state.last_review) } : { last_review: undefined }),
  } as Card;
}

function toState(card: Card): CardState {
  const state: CardState = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.last_review) state.last_review = card.last_review.toISOString();
  return state;
}

/** The card after reviewing it at `now` with `rating` (a new card when there is none yet). */
export function review(state: CardState | undefined, rating: RatingValue, now: Date): CardState {
  return toState(scheduler.next(toCard(state, now), now, rating as Grade).card);
}

export function isDue(state: CardState | undefined, now: Date): boolean {
  return state !== undefined && Date.parse(state.due) <= now.getTime();
}

/** Probability of recalling the card at `at` (0 for a card never reviewed). */
export function recall(state: CardState | undefined, at: Date): number {
  if (!state || state.reps === 0) return 0;
  return scheduler.get_retrievability(toCard(state, at), at, false);
}

/** The default rating for an answer: wrong = Again, right = Good. */
export const defaultRating = (correct: boolean): RatingValue => (correct ? 3 : 1);
