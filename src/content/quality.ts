// Build-time checks that a question bank cannot be gamed: answer length must not give the
// answer away, and no two stems may be near-duplicates. Pure: questions in, findings out.
import type { Question } from './types.js';

/** The correct option may be the strictly longest in at most this share of single-answer questions. */
export const MAX_LONGEST_SHARE = 0.3;
/** Mean lengths of correct and wrong options may differ by at most this share of the larger. */
export const MAX_MEAN_GAP = 0.15;
/** Stems whose word-bigram Jaccard similarity reaches this are near-duplicates. */
export const NEAR_DUPLICATE = 0.5;

export interface LengthStats {
  single: number;
  /** Single-answer questions whose correct option is longer than every other option. */
  longest: string[];
  longestShare: number;
  meanCorrect: number;
  meanWrong: number;
  /** |meanCorrect − meanWrong| ÷ max(meanCorrect, meanWrong). */
  meanGap: number;
}

const optionLength = (text: string) => text.trim().replace(/\s+/g, ' ').length;

/** Is the correct option of this single-answer question strictly the longest? */
export function correctIsLongest(q: Question): boolean {
  const lengths = q.options.map((o) => optionLength(o.text));
  const right = q.options.findIndex((o) => o.correct);
  return lengths.every((length, i) => i === right || length < lengths[right]!);
}

export function lengthStats(questions: readonly Question[]): LengthStats {
  const single = questions.filter((q) => q.kind === 'single');
  const longest = single.filter(correctIsLongest).map((q) => q.id);
  let correct = 0;
  let correctCount = 0;
  let wrong = 0;
  let wrongCount = 0;
  for (const q of questions) {
    if (q.kind === 'boolean') continue;
    for (const o of q.options) {
      if (o.correct) {
        correct += optionLength(o.text);
        correctCount++;
      } else {
        wrong += optionLength(o.text);
        wrongCount++;
      }
    }
  }
  const meanCorrect = correctCount ? correct / correctCount : 0;
  const meanWrong = wrongCount ? wrong / wrongCount : 0;
  const larger = Math.max(meanCorrect, meanWrong);
  return {
    single: single.length,
    longest,
    longestShare: single.length ? longest.length / single.length : 0,
    meanCorrect,
    meanWrong,
    meanGap: larger ? Math.abs(meanCorrect - meanWrong) / larger : 0,
  };
}

/**
 * The similarity of two stems: the Jaccard index (shared ÷ all) of their sets of word
 * bigrams, after lower-casing, keeping runs of letters and digits as words, and dropping the
 * "(Choose two.)" tail. Two stems that share their scenario and ask the same thing score
 * 0.5 or more; two different scenarios written in the exam's style ("A developer …, which
 * solution meets these requirements?") share only their boilerplate, well under 0.3.
 */
export function stemSimilarity(a: string, b: string): number {
  return jaccard(bigrams(a), bigrams(b));
}

function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const pair of x) if (y.has(pair)) shared++;
  return shared / (x.size + y.size - shared);
}

export function bigrams(stem: string): Set<string> {
  const words =
    stem
      .toLowerCase()
      .replace(/\(choose (two|three)\.?\)\s*$/, '')
      .match(/[a-z0-9]+/g) ?? [];
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

export interface NearDuplicate {
  a: Question;
  b: Question;
  similarity: number;
}

/** Every pair of stems at or above the threshold, within a file or across files. */
export function nearDuplicates(questions: readonly Question[], threshold = NEAR_DUPLICATE): NearDuplicate[] {
  const sets = questions.map((q) => bigrams(q.question));
  const found: NearDuplicate[] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const similarity = jaccard(sets[i]!, sets[j]!);
      if (similarity >= threshold) found.push({ a: questions[i]!, b: questions[j]!, similarity });
    }
  }
  return found;
}
