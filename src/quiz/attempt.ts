// One question as shown: options in a shuffled order, the learner's picks, and scoring.
import type { Question } from '../content/types.js';
import { shuffle } from './random.js';

export const LETTERS = 'ABCDEF';

export interface Presented {
  question: Question;
  /** order[displayIndex] = index of the option in the bank. */
  order: number[];
}

/** Shuffles the options, except True/False, which keep their order. */
export function present(question: Question, rng: () => number): Presented {
  const indexes = question.options.map((_, i) => i);
  return { question, order: question.kind === 'boolean' ? indexes : shuffle(indexes, rng) };
}

export function correctIndexes(question: Question): number[] {
  return question.options.flatMap((o, i) => (o.correct ? [i] : []));
}

export function requiredPicks(question: Question): number {
  return correctIndexes(question).length;
}

/** All or nothing, as on the exam: exactly the right options, no more, no fewer. */
export function isCorrect(question: Question, chosen: readonly number[]): boolean {
  const right = correctIndexes(question);
  const picked = [...new Set(chosen)].sort((a, b) => a - b);
  return picked.length === right.length && picked.every((v, i) => v === right[i]);
}

/**
 * The picks after pressing the key for display position `display`: single-answer
 * questions replace the pick, multiple-response ones toggle it.
 */
export function toggle(presented: Presented, picked: readonly number[], display: number): number[] {
  const option = presented.order[display];
  if (option === undefined) return [...picked];
  if (presented.question.kind !== 'multiple') return [option];
  return picked.includes(option) ? picked.filter((p) => p !== option) : [...picked, option];
}

/** Letters ("B", "AC") → bank indexes, or an error for unknown letters. */
export function parseLetters(presented: Presented, text: string): { ok: true; chosen: number[] } | { ok: false; error: string } {
  const letters = text.toUpperCase().replace(/[\s,]+/g, '');
  if (!letters) return { ok: false, error: 'no answer given' };
  const chosen: number[] = [];
  for (const letter of letters) {
    const display = LETTERS.indexOf(letter);
    const option = presented.order[display];
    if (display === -1 || option === undefined) {
      return { ok: false, error: `'${letter}' is not an option (${LETTERS.slice(0, presented.order.length).split('').join(', ')})` };
    }
    if (!chosen.includes(option)) chosen.push(option);
  }
  if (presented.question.kind !== 'multiple' && chosen.length > 1) return { ok: false, error: 'choose one answer' };
  return { ok: true, chosen };
}

/** Display letters of bank indexes, in display order: [2, 0] → "AC". */
export function lettersOf(presented: Presented, options: readonly number[]): string {
  return presented.order.map((option, display) => (options.includes(option) ? LETTERS[display] : '')).join('');
}
