// The exam simulation: 65 questions drawn by the DVA-C02 domain weights, 130 minutes,
// all-or-nothing scoring, and a scaled score with 720 to pass.
import { DOMAIN_INFO, DOMAINS, isExamService, type Domain, type Question, type Service } from '../content/types.js';
import { isCorrect } from './attempt.js';
import { shuffle } from './random.js';

export const EXAM_QUESTIONS = 65;
export const EXAM_MINUTES = 130;
export const PASS_SCORE = 720;
export const MIN_SCORE = 100;
export const MAX_SCORE = 1000;

/** Questions per domain for `total`, by the exam weights (largest remainder). */
export function domainCounts(total = EXAM_QUESTIONS): Record<Domain, number> {
  const exact = DOMAINS.map((d) => ({ d, value: total * DOMAIN_INFO[d].weight }));
  const counts = Object.fromEntries(exact.map(({ d, value }) => [d, Math.floor(value)])) as Record<Domain, number>;
  let left = total - Object.values(counts).reduce((a, b) => a + b, 0);
  for (const { d } of [...exact].sort((a, b) => (b.value % 1) - (a.value % 1))) {
    if (left-- <= 0) break;
    counts[d]++;
  }
  return counts;
}

/**
 * The questions an exam may ask, as the real exam would: multiple choice and multiple
 * response only (no true/false), on services that are current and in the exam guide's
 * scope (not retired, not out of scope), and none of the learner's own (the exam is
 * AWS's, not theirs; and a service of their own is not in its scope).
 */
export function examPool(bank: readonly Question[], services: readonly Pick<Service, 'id' | 'status' | 'own'>[]): Question[] {
  const current = new Set(services.filter((s) => !s.own && isExamService(s)).map((s) => s.id));
  return bank.filter((q) => !q.own && q.kind !== 'boolean' && current.has(q.service));
}

/**
 * Draws distinct questions of the exam pool (examPool) by domain weight. If a domain has
 * too few questions the rest come from the other domains, so the exam always has `total`
 * questions when the pool does.
 */
export function drawExam(
  bank: readonly Question[],
  services: readonly Pick<Service, 'id' | 'status' | 'own'>[],
  rng: () => number,
  total = EXAM_QUESTIONS,
): Question[] {
  const pool = examPool(bank, services);
  const counts = domainCounts(Math.min(total, pool.length));
  const chosen: Question[] = [];
  const rest: Question[] = [];
  for (const domain of DOMAINS) {
    const inDomain = shuffle(
      pool.filter((q) => q.domain === domain),
      rng,
    );
    chosen.push(...inDomain.slice(0, counts[domain]));
    rest.push(...inDomain.slice(counts[domain]));
  }
  const missing = Math.min(total, pool.length) - chosen.length;
  if (missing > 0) chosen.push(...shuffle(rest, rng).slice(0, missing));
  return shuffle(chosen, rng);
}

/**
 * AWS reports a scaled score from 100 to 1,000 and does not publish the mapping; awsnotes
 * scales linearly (100 + 900 × share correct), so 720 needs about 69% right.
 */
export function scaledScore(correct: number, total: number): number {
  if (total <= 0) return MIN_SCORE;
  return Math.round(MIN_SCORE + (MAX_SCORE - MIN_SCORE) * (correct / total));
}

export interface ExamScore {
  questions: number;
  correct: number;
  scaled: number;
  passed: boolean;
  domains: Record<Domain, { questions: number; correct: number }>;
}

/** Scores answers (bank option indexes per question id); unanswered counts as wrong. */
export function scoreExam(questions: readonly Question[], answers: ReadonlyMap<string, readonly number[]>): ExamScore {
  const domains = Object.fromEntries(DOMAINS.map((d) => [d, { questions: 0, correct: 0 }])) as ExamScore['domains'];
  let correct = 0;
  for (const q of questions) {
    const right = isCorrect(q, answers.get(q.id) ?? []);
    domains[q.domain].questions++;
    if (right) {
      domains[q.domain].correct++;
      correct++;
    }
  }
  const scaled = scaledScore(correct, questions.length);
  return { questions: questions.length, correct, scaled, passed: scaled >= PASS_SCORE, domains };
}

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
