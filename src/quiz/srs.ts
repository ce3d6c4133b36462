// Spaced repetition with ts-fsrs: every question (and every drill template) is a card.
// Cards are stored as plain JSON in the snapshot; this module converts both ways.
//
// Clocks go wrong: a clock corrected backwards, or a history from a machine whose clock ran
// ahead, leaves cards reviewed "in the future". ts-fsrs refuses to review a card before its
// last review ("Invalid delta_t"), so a review happens at the later of the two times: it
// never throws, and the card moves on as if the answer came right after the last review.
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { CardState } from '../progress/schema.js';

export const RATINGS = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;
export type RatingValue = 1 | 2 | 3 | 4;

const scheduler = fsrs();

export type FsrsCard = Card;

/** The ts-fsrs card of a stored state (dates as Date objects). */
export function cardFromState(state: CardState): Card {
  return {
    ...state,
    due: new Date(state.due),
    ...(state.last_review ? { last_review: new Date(state.last_review) } : { last_review: undefined }),
  } as Card;
}

function toCard(state: CardState | undefined, now: Date): Card {
  return state ? cardFromState(state) : createEmptyCard(now);
}

/** The stored state of a ts-fsrs card (dates as ISO strings). */
export function stateFromCard(card: Card): CardState {
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

/** When a review at `now` happens: never before the card's last review. */
export function reviewTime(state: CardState | undefined, now: Date): Date {
  const last = state?.last_review ? Date.parse(state.last_review) : Number.NEGATIVE_INFINITY;
  return last > now.getTime() ? new Date(last) : now;
}

/** The card after reviewing it at `now` (or its last review, if later) with `rating` (a new card when there is none yet). */
export function review(state: CardState | undefined, rating: RatingValue, now: Date): CardState {
  const at = reviewTime(state, now);
  return stateFromCard(scheduler.next(toCard(state, at), at, rating as Grade).card);
}

/**
 * review() on ts-fsrs cards, for replaying a long history without converting dates to
 * text and back at every step: the same card, step for step.
 */
export function reviewCard(card: Card | undefined, rating: RatingValue, now: number): Card {
  const last = card?.last_review ? card.last_review.getTime() : Number.NEGATIVE_INFINITY;
  const at = new Date(Math.max(last, now));
  return scheduler.next(card ?? createEmptyCard(at), at, rating as Grade).card;
}

export function isDue(state: CardState | undefined, now: Date): boolean {
  return state !== undefined && Date.parse(state.due) <= now.getTime();
}

/** In learning or relearning steps: minutes apart, before the card graduates to days. */
export function inLearningSteps(state: CardState | undefined): boolean {
  return state?.state === State.Learning || state?.state === State.Relearning;
}

const DAY_MS = 86_400_000;

/** Probability of recalling the card at `at` (0 for a card never reviewed; `at` before the last review counts as it). */
export function recall(state: CardState | undefined, at: Date): number {
  if (!state || state.reps === 0) return 0;
  // What get_retrievability computes for a reviewed card, without the two copies of the
  // card and the Date objects it makes on the way: `awsnotes progress` asks this twice of
  // every card, in code V8 runs cold. Anything else takes ts-fsrs's own path
  // (tests/srs-recall.test.ts checks that both give the same).
  const last = state.last_review === undefined ? Number.NaN : Date.parse(state.last_review);
  if (state.state !== State.New && Number.isFinite(last)) {
    const days = Math.max(Math.floor((Math.max(last, at.getTime()) - last) / DAY_MS), 0);
    return scheduler.forgetting_curve(days, +state.stability.toFixed(8));
  }
  const when = reviewTime(state, at);
  return scheduler.get_retrievability(toCard(state, when), when, false);
}

/** How far ahead mastery looks: see mastery(). */
export const MASTERY_HORIZON_DAYS = 30;

/**
 * How well a question is known: the predicted chance of still answering it right 30 days
 * from now without reviewing it (0 for a question never answered). Right after a review,
 * recall "now" is 100% whatever the answer was; a month ahead it separates a question
 * failed today (low stability) from one known for weeks.
 */
export function mastery(state: CardState | undefined, now: Date): number {
  return recall(state, new Date(now.getTime() + MASTERY_HORIZON_DAYS * 86_400_000));
}

/** The default rating for an answer: wrong = Again, right = Good. */
export const defaultRating = (correct: boolean): RatingValue => (correct ? 3 : 1);

/** The ratings a right answer can be given (2 Hard, 3 Good, 4 Easy), each with the wait it schedules. */
export type RatingPreview = Record<2 | 3 | 4, number>;

/**
 * How long each rating of a right answer would put the card away (milliseconds): the card
 * `before` the answer reviewed at `at`, as ts-fsrs's preview of it (what a re-rating then
 * schedules, see record.ts rerate).
 */
export function previewRatings(before: CardState | undefined, at: Date): RatingPreview {
  const when = reviewTime(before, at);
  const preview = scheduler.repeat(toCard(before, when), when);
  const wait = (rating: Grade) => preview[rating].card.due.getTime() - when.getTime();
  return { 2: wait(Rating.Hard), 3: wait(Rating.Good), 4: wait(Rating.Easy) };
}

/** A wait as a learner reads it: "10m", "5h", "3d", "2mo", "1.5y". */
export function formatInterval(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days}d`;
  if (days < 365) return `${Math.round(days / 30)}mo`;
  const years = Math.round((days / 365) * 10) / 10;
  return `${years}y`;
}
