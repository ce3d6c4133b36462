// Writing quiz events to the progress store the moment they happen: a killed process
// loses at most the question on screen.
import { randomUUID } from 'node:crypto';
import type { Answer, CardState, ExamResult } from '../progress/schema.js';
import type { ProgressStore } from '../progress/store.js';
import { defaultRating, review, type RatingValue } from './srs.js';

export interface AnswerInput {
  question: string;
  chosen: number[];
  correct: boolean;
  ms: number;
  source: Answer['source'];
}

export interface Recorded {
  answerId: string;
  /** The card before this answer, to re-rate it (Hard/Easy) without counting twice. */
  before: CardState | undefined;
  rating: RatingValue;
}

/** Records answers in one write (an exam submits all of its answers at once). */
export function recordAnswers(store: ProgressStore, inputs: AnswerInput[], now: Date): Recorded[] {
  const recorded: Recorded[] = [];
  store.update((progress) => {
    for (const input of inputs) {
      const rating = defaultRating(input.correct);
      const before = progress.cards[input.question];
      const answer: Answer = {
        id: randomUUID(),
        question: input.question,
        chosen: input.chosen,
        correct: input.correct,
        at: now.toISOString(),
        ms: Math.max(0, Math.round(input.ms)),
        source: input.source,
        rating,
      };
      progress.cards[input.question] = review(before, rating, now);
      progress.answers.push(answer);
      recorded.push({ answerId: answer.id, before, rating });
    }
  });
  return recorded;
}

export function recordAnswer(store: ProgressStore, input: AnswerInput, now: Date): Recorded {
  return recordAnswers(store, [input], now)[0]!;
}

/** Replaces the rating of a right answer (2 Hard, 3 Good, 4 Easy), rescheduling from the card before it. */
export function rerate(store: ProgressStore, question: string, recorded: Recorded, rating: RatingValue, now: Date): void {
  store.update((progress) => {
    const answer = progress.answers.find((a) => a.id === recorded.answerId);
    if (!answer?.correct) return;
    answer.rating = rating;
    progress.cards[question] = review(recorded.before, rating, new Date(answer.at ?? now));
  });
}

/** Flags or unflags a question; returns whether it is now flagged. */
export function toggleFlag(store: ProgressStore, question: string, now: Date): boolean {
  let flagged = false;
  store.update((progress) => {
    if (progress.flags[question]) delete progress.flags[question];
    else progress.flags[question] = now.toISOString();
    flagged = progress.flags[question] !== undefined;
  });
  return flagged;
}

export function recordExam(store: ProgressStore, result: Omit<ExamResult, 'id'>): ExamResult {
  const exam: ExamResult = { id: randomUUID(), ...result };
  store.update((progress) => {
    progress.exams.push(exam);
  });
  return exam;
}
