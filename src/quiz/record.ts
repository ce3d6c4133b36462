// Writing quiz events to the journal the moment they happen: a killed process loses at
// most the question on screen. Each function appends events (progress/store.ts) and the
// store applies them; a save that fails is kept in memory and reported in store.notices.
import { type AnswerEvent, type Event, type ExamEvent, newEventId } from '../progress/events.js';
import type { CardState } from '../progress/schema.js';
import type { ProgressStore } from '../progress/store.js';
import { defaultRating, type RatingValue } from './srs.js';

export interface AnswerInput {
  question: string;
  chosen: number[];
  correct: boolean;
  ms: number;
  source: AnswerEvent['source'];
}

export interface Recorded {
  answerId: string;
  question: string;
  /** The card before this answer. */
  before: CardState | undefined;
  rating: RatingValue;
  /** When the question was flagged, if it was when answered: undo puts the flag back so. */
  flaggedAt: string | undefined;
  /** False when the answer is kept in memory only (store.notices says why). */
  saved: boolean;
}

/** A finished exam as the journal keeps it: `at` is when it finished, times in epoch milliseconds. */
export type ExamRecord = Omit<ExamEvent, 'kind' | 'id'>;

/** Records answers in one append (an exam submits all of its answers at once). */
export function recordAnswers(store: ProgressStore, inputs: AnswerInput[], now: Date): Recorded[] {
  const progress = store.read();
  const events: AnswerEvent[] = inputs.map((input) => ({
    kind: 'answer',
    id: newEventId(),
    at: now.getTime(),
    question: input.question,
    chosen: input.chosen,
    correct: input.correct,
    ms: Math.max(0, Math.round(input.ms)),
    source: input.source,
    rating: defaultRating(input.correct),
  }));
  const recorded = events.map(
    (event): Recorded => ({
      answerId: event.id,
      question: event.question,
      before: progress.cards[event.question],
      rating: event.rating,
      flaggedAt: progress.flags[event.question],
      saved: true,
    }),
  );
  const result = store.commit(events);
  if (!result.ok) for (const [i, r] of recorded.entries()) r.saved = i < result.saved;
  return recorded;
}

export function recordAnswer(store: ProgressStore, input: AnswerInput, now: Date): Recorded {
  return recordAnswers(store, [input], now)[0]!;
}

/** Replaces the rating of a right answer (2 Hard, 3 Good, 4 Easy): its card is rescheduled from the card before it. */
export function rerate(store: ProgressStore, question: string, recorded: Recorded, rating: RatingValue, now: Date): void {
  store.commit([{ kind: 'rerate', id: newEventId(), at: now.getTime(), question, answer: recorded.answerId, rating }]);
  recorded.rating = rating;
}

/**
 * Takes an answer back (the `u` key): the answer no longer counts, and its question's card
 * and flag are as they were before it. Returns whether that was saved.
 */
export function undoAnswer(store: ProgressStore, recorded: Recorded): boolean {
  const at = store.now().getTime();
  const events: Event[] = [{ kind: 'undo', id: newEventId(), at, question: recorded.question, answer: recorded.answerId }];
  const flaggedNow = store.read().flags[recorded.question] !== undefined;
  if (flaggedNow !== (recorded.flaggedAt !== undefined)) {
    const flagAt = recorded.flaggedAt === undefined ? at : Date.parse(recorded.flaggedAt);
    events.push({ kind: 'flag', id: newEventId(), at: flagAt, question: recorded.question, on: recorded.flaggedAt !== undefined });
  }
  return store.commit(events).ok;
}

/** Flags or unflags a question; returns whether it is now flagged. */
export function toggleFlag(store: ProgressStore, question: string, now: Date): boolean {
  const flagged = store.read().flags[question] !== undefined;
  store.commit([{ kind: 'flag', id: newEventId(), at: now.getTime(), question, on: !flagged }]);
  return store.read().flags[question] !== undefined;
}

/** Keeps a submitted exam in the history; returns its event id. */
export function recordExam(store: ProgressStore, exam: ExamRecord): string {
  const id = newEventId();
  store.commit([{ kind: 'exam', id, ...exam }]);
  return id;
}
