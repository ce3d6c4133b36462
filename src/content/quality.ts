// Build-time checks that a question bank cannot be gamed: answer length must not give the
// answer away, and no two stems may be near-duplicates. Pure: questions in, findings out.
import type { Question } from './types.js';

/** The correct option may be the strictly longest (or the strictly shortest) in at most this share of single-answer questions. */
export const MAX_LONGEST_SHARE = 0.3;
/** Mean lengths of correct and wrong options may differ by at most this share of the larger. */
export const MAX_MEAN_GAP = 0.15;

export interface LengthStats {
  single: number;
  /** Single-answer questions whose correct option is longer than every other option. */
  longest: string[];
  longestShare: number;
  /** Single-answer questions whose correct option is shorter than every other option. */
  shortest: string[];
  shortestShare: number;
  meanCorrect: number;
  meanWrong: number;
  /** |meanCorrect − meanWrong| ÷ max(meanCorrect, meanWrong). */
  meanGap: number;
}

export const optionLength = (text: string) => text.trim().replace(/\s+/g, ' ').length;

/** Is the correct option of this single-answer question strictly the longest? */
export function correctIsLongest(q: Question): boolean {
  return correctStandsOut(q, (other, right) => other < right);
}

/** Is the correct option of this single-answer question strictly the shortest? */
export function correctIsShortest(q: Question): boolean {
  return correctStandsOut(q, (other, right) => other > right);
}

function correctStandsOut(q: Question, beaten: (other: number, right: number) => boolean): boolean {
  const lengths = q.options.map((o) => optionLength(o.text));
  const right = q.options.findIndex((o) => o.correct);
  return lengths.every((length, i) => i === right || beaten(length, lengths[right]!));
}

export function lengthStats(questions: readonly Question[]): LengthStats {
  const single = questions.filter((q) => q.kind === 'single');
  const longest = single.filter(correctIsLongest).map((q) => q.id);
  const shortest = single.filter(correctIsShortest).map((q) => q.id);
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
    shortest,
    shortestShare: single.length ? shortest.length / single.length : 0,
    meanCorrect,
    meanWrong,
    meanGap: larger ? Math.abs(meanCorrect - meanWrong) / larger : 0,
  };
}

/**
 * Words that say nothing about what a question asks: function words and the exam's own
 * boilerplate ("A developer needs …, which solution meets these requirements?").
 */
const STOP_WORDS = new Set(
  (
    'a an the of to in on for and or is are be by with that this it its as at from which what how should can must will would ' +
    'developer developers application applications company team needs need wants want using use uses used aws amazon most least ' +
    'requirements requirement meet meets solution choose two three when while does do not has have who their they them these ' +
    'those into after before each every all any one only more than so if but also same new'
  ).split(' '),
);

/** The content words of a text: lower-cased runs of letters and digits, minus STOP_WORDS and single letters. */
export function contentWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/\(choose (two|three)\.?\)\s*$/, '')
    .match(/[a-z0-9]+/g);
  return new Set((words ?? []).filter((w) => w.length > 1 && !STOP_WORDS.has(w)));
}

/** Shared ÷ all (Jaccard); 0 when either set is empty. */
export function jaccard(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const word of x) if (y.has(word)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Stems this similar are near-duplicates whatever their answers. */
export const SAME_STEM = 0.3;
/** Stems this similar are near-duplicates when their correct answers are also alike (ANSWER_ALIKE). */
export const RELATED_STEM = 0.2;
export const ANSWER_ALIKE = 0.35;

export interface NearDuplicate {
  a: Question;
  b: Question;
  /** Jaccard of the stems' content words, and of the correct options' content words. */
  stem: number;
  answer: number;
}

/**
 * Pairs of questions that ask the same thing, within a file or across files. Two measures,
 * each the Jaccard index of content words (see contentWords): `stem`, of the two stems, and
 * `answer`, of the texts of their correct options (true/false questions have none: 0). A
 * pair is a near-duplicate when stem ≥ 0.3, or when stem ≥ 0.2 and answer ≥ 0.35: the same
 * scenario told in other words, or a related scenario whose right answer is the same fact.
 * Calibrated on the bank: the pairs found by hand (the EC2 instance role asked under EC2
 * and IAM, the Cognito authorizer under API Gateway and Cognito, DeletionPolicy under
 * CloudFormation and RDS) score 0.24/0.44, 0.43/0.40 and 0.30/0.29; unrelated questions in
 * the exam's style stay under 0.2.
 */
export function nearDuplicates(questions: readonly Question[]): NearDuplicate[] {
  const stems = questions.map((q) => contentWords(q.question));
  const answers = questions.map((q) =>
    q.kind === 'boolean'
      ? new Set<string>()
      : contentWords(
          q.options
            .filter((o) => o.correct)
            .map((o) => o.text)
            .join(' '),
        ),
  );
  const found: NearDuplicate[] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      const stem = jaccard(stems[i]!, stems[j]!);
      if (stem < RELATED_STEM) continue;
      const answer = jaccard(answers[i]!, answers[j]!);
      if (stem >= SAME_STEM || answer >= ANSWER_ALIKE) found.push({ a: questions[i]!, b: questions[j]!, stem, answer });
    }
  }
  return found;
}
