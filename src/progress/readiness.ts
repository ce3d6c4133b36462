// Mastery and the exam-readiness estimate. Pure.
import { DOMAIN_INFO, DOMAINS, type Domain, type QuestionRef } from '../content/types.js';
import { domainCounts, MAX_SCORE, MIN_SCORE, PASS_SCORE } from '../quiz/exam.js';
import { mastery, recall } from '../quiz/srs.js';
import { examDatePassed, localDayKey, parseLocalDate } from './calendar.js';
import type { Progress } from './schema.js';

export interface DomainReadiness {
  domain: Domain;
  /** Mean recall probability at `at` over the domain's bank questions (never answered = 0). */
  expectedRecall: number;
}

export interface Readiness {
  /** When the estimate applies (ISO): the exam date if set and in the future, else now. */
  at: string;
  /** The exam date set, as local 'YYYY-MM-DD', or null. */
  examDate: string | null;
  /** The exam date set is before today: the estimate is for today. */
  examDatePassed: boolean;
  /** Expected share of the exam answered right, 0..1. */
  expectedShare: number;
  /** Expected scaled score (100..1000) and its 95% band. */
  expected: number;
  low: number;
  high: number;
  passLine: number;
  likelyPass: boolean;
  weakestDomain: Domain;
  domains: DomainReadiness[];
}

/** Mean recall at `at` over `questions` (never answered = 0). */
function meanRecall(questions: readonly QuestionRef[], cards: Progress['cards'], at: Date): number {
  if (questions.length === 0) return 0;
  let sum = 0;
  for (const q of questions) sum += recall(cards[q.id], at);
  return sum / questions.length;
}

/** Each question's mastery at `now` (srs.ts: recall 30 days ahead; never answered = 0), by id. */
export function masteries(questions: readonly QuestionRef[], cards: Progress['cards'], now: Date): Map<string, number> {
  const values = new Map<string, number>();
  for (const q of questions) values.set(q.id, mastery(cards[q.id], now));
  return values;
}

/** Mean mastery over `questions`, each read from `values` (masteries()). */
export function meanMastery(questions: readonly QuestionRef[], values: ReadonlyMap<string, number>): number {
  if (questions.length === 0) return 0;
  let sum = 0;
  for (const q of questions) sum += values.get(q.id) ?? 0;
  return sum / questions.length;
}

const toScaled = (share: number) => MIN_SCORE + (MAX_SCORE - MIN_SCORE) * share;
const clampScore = (score: number) => Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(score)));

/** Compares two means, treating floating-point noise as a tie. */
export function ascending(a: number, b: number): number {
  return Math.abs(a - b) < 1e-9 ? 0 : a - b;
}

/** Lowest value first; ties (within rounding noise) go to the heavier exam domain. */
export function weakest(values: ReadonlyMap<Domain, number>): Domain {
  return [...DOMAINS].sort((a, b) => ascending(values.get(a)!, values.get(b)!) || DOMAIN_INFO[b].weight - DOMAIN_INFO[a].weight)[0]!;
}

/**
 * An estimate of the exam score, at the exam date when one is set and still ahead, else now.
 *
 * For each domain d, p_d is the mean FSRS recall probability at that moment over the
 * domain's bank questions (never answered = 0). The expected share right is Σ w_d·p_d and
 * the expected score 100 + 900 × share. The band models the real exam (n_d questions per
 * domain, by domainCounts()) as independent Bernoulli answers drawn at random from each
 * domain, so each answer has variance p_d(1 − p_d); the share's variance is
 * Σ w_d² · p_d(1 − p_d) / n_d and the band is the expected share ± 1.96 sd, scaled and
 * clamped to [100, 1000].
 */
export function readiness(progress: Progress, bank: readonly QuestionRef[], now: Date, examDate?: Date): Readiness {
  const exam = examDate ?? parseLocalDate(progress.settings.examDate);
  const at = exam && exam.getTime() > now.getTime() ? exam : now;
  const counts = domainCounts();
  const recalls = new Map<Domain, number>();
  let share = 0;
  let variance = 0;
  for (const d of DOMAINS) {
    const p = meanRecall(
      bank.filter((q) => q.domain === d),
      progress.cards,
      at,
    );
    recalls.set(d, p);
    const w = DOMAIN_INFO[d].weight;
    share += w * p;
    if (counts[d] > 0) variance += (w * w * p * (1 - p)) / counts[d];
  }
  const sd = Math.sqrt(variance);
  const low = clampScore(toScaled(share - 1.96 * sd));
  const day = exam ? localDayKey(exam) : null;
  return {
    at: at.toISOString(),
    examDate: day,
    examDatePassed: day !== null && examDatePassed(day, now),
    expectedShare: share,
    expected: clampScore(toScaled(share)),
    low,
    high: clampScore(toScaled(share + 1.96 * sd)),
    passLine: PASS_SCORE,
    likelyPass: low >= PASS_SCORE,
    weakestDomain: weakest(recalls),
    domains: DOMAINS.map((domain) => ({ domain, expectedRecall: recalls.get(domain)! })),
  };
}
