// The Progress dashboard's figures: notes read, answers, cards due, streak, exams, mastery
// per service and per domain, an exam-readiness estimate and suggested next steps.
// Pure: everything comes from the arguments; `now` is the only clock, and "today",
// "tomorrow" and streak days are local calendar days.
import { DRILL_TEMPLATES } from '../capacity/drills.js';
import { DOMAIN_INFO, DOMAINS, shortTitle, type Domain, type Question, type Service } from '../content/types.js';
import { domainCounts, MAX_SCORE, MIN_SCORE, PASS_SCORE } from '../quiz/exam.js';
import type { Source } from '../quiz/sources.js';
import { isDue, recall } from '../quiz/srs.js';
import type { Progress } from './schema.js';

export interface ServiceProgress {
  id: string;
  title: string;
  /** The note was opened at least once. */
  read: boolean;
  /** Answers to the service's questions and drills, each attempt counted. */
  answered: number;
  correct: number;
  /** correct / answered, or null when never answered. */
  share: number | null;
  /** Cards of the service (bank questions and drill templates) due now. */
  due: number;
  /** Bank questions about the service. */
  questions: number;
  /** Mean recall probability now over the service's bank questions (never answered = 0). */
  mastery: number;
}

export interface DomainProgress {
  domain: Domain;
  title: string;
  weight: number;
  questions: number;
  answered: number;
  correct: number;
  mastery: number;
}

export interface ExamSummary {
  id: string;
  finishedAt: string;
  scaled: number;
  passed: boolean;
  correct: number;
  questions: number;
}

export type QuizAction = Extract<Source, { kind: 'due' } | { kind: 'missed' } | { kind: 'service' } | { kind: 'domain' }>;

export type NextAction = { kind: 'quiz'; source: QuizAction } | { kind: 'read'; service: string };

export interface NextStep {
  text: string;
  action: NextAction;
}

export interface DomainReadiness {
  domain: Domain;
  /** Mean recall probability at `at` over the domain's bank questions (never answered = 0). */
  expectedRecall: number;
}

export interface Readiness {
  /** When the estimate applies (ISO): the exam date if set and in the future, else now. */
  at: string;
  /** The exam date used, as local 'YYYY-MM-DD', or null. */
  examDate: string | null;
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

export interface ProgressReport {
  notesRead: string[];
  notesTotal: number;
  answered: number;
  correct: number;
  due: number;
  dueToday: number;
  dueTomorrow: number;
  streakDays: number;
  exams: ExamSummary[];
  services: ServiceProgress[];
  domains: DomainProgress[];
  readiness: Readiness;
  nextSteps: NextStep[];
}

const MAX_NEXT_STEPS = 5;

// ---- local calendar days ------------------------------------------------------------------

/** Local midnight of `date`'s day, shifted by `days` (DST-safe: built from calendar fields). */
export function startOfLocalDay(date: Date, days = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** 'YYYY-MM-DD' of `date` in local time. */
export function localDayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a 'YYYY-MM-DD' date, or undefined when it is not one. */
export function parseLocalDate(text: string | undefined): Date | undefined {
  const match = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/**
 * Consecutive local days with any activity (an answer, a note read first or last, an exam
 * finished), ending today, or ending yesterday when nothing happened yet today.
 */
export function streakDays(progress: Progress, now: Date): number {
  const days = new Set<string>();
  const add = (iso: string) => {
    const time = Date.parse(iso);
    if (!Number.isNaN(time)) days.add(localDayKey(new Date(time)));
  };
  for (const answer of progress.answers) add(answer.at);
  for (const entry of Object.values(progress.notesRead)) {
    add(entry.first);
    add(entry.last);
  }
  for (const exam of progress.exams) add(exam.finishedAt);

  let cursor = startOfLocalDay(now);
  if (!days.has(localDayKey(cursor))) cursor = startOfLocalDay(now, -1);
  let streak = 0;
  while (days.has(localDayKey(cursor))) {
    streak++;
    cursor = startOfLocalDay(cursor, -1);
  }
  return streak;
}

// ---- mastery and readiness ----------------------------------------------------------------

function meanRecall(questions: readonly Question[], cards: Progress['cards'], at: Date): number {
  if (questions.length === 0) return 0;
  let sum = 0;
  for (const q of questions) sum += recall(cards[q.id], at);
  return sum / questions.length;
}

const toScaled = (share: number) => MIN_SCORE + (MAX_SCORE - MIN_SCORE) * share;
const clampScore = (score: number) => Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(score)));

/** Lowest value first; ties (within rounding noise) go to the heavier exam domain. */
function weakest(values: ReadonlyMap<Domain, number>): Domain {
  return [...DOMAINS].sort((a, b) => ascending(values.get(a)!, values.get(b)!) || DOMAIN_INFO[b].weight - DOMAIN_INFO[a].weight)[0]!;
}

/** Compares two means, treating floating-point noise as a tie. */
function ascending(a: number, b: number): number {
  return Math.abs(a - b) < 1e-9 ? 0 : a - b;
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
export function readiness(progress: Progress, bank: readonly Question[], now: Date, examDate?: Date): Readiness {
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
  const expected = clampScore(toScaled(share));
  const low = clampScore(toScaled(share - 1.96 * sd));
  const high = clampScore(toScaled(share + 1.96 * sd));
  return {
    at: at.toISOString(),
    examDate: exam ? localDayKey(exam) : null,
    expectedShare: share,
    expected,
    low,
    high,
    passLine: PASS_SCORE,
    likelyPass: low >= PASS_SCORE,
    weakestDomain: weakest(recalls),
    domains: DOMAINS.map((domain) => ({ domain, expectedRecall: recalls.get(domain)! })),
  };
}

// ---- the report -----------------------------------------------------------------------------

/** Which service and domain each card id belongs to: bank questions and drill templates. */
function cardOwners(bank: readonly Question[]): Map<string, { service: string; domain: Domain }> {
  const owners = new Map<string, { service: string; domain: Domain }>();
  for (const template of DRILL_TEMPLATES) {
    // 'drill-dynamodb-read' → dynamodb, 'drill-kinesis-shards' → kinesis; all are development.
    owners.set(template, { service: template.split('-')[1]!, domain: 'development' });
  }
  for (const q of bank) owners.set(q.id, { service: q.service, domain: q.domain });
  return owners;
}

function bump<K>(tallies: Map<K, { answered: number; correct: number }>, key: K, correct: boolean): void {
  const tally = tallies.get(key) ?? { answered: 0, correct: 0 };
  tally.answered++;
  if (correct) tally.correct++;
  tallies.set(key, tally);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (value: number) => `${Math.round(value * 100)}%`;

export function progressReport(progress: Progress, bank: Question[], services: Service[], now: Date): ProgressReport {
  const owners = cardOwners(bank);
  const endOfToday = startOfLocalDay(now, 1).getTime();
  const endOfTomorrow = startOfLocalDay(now, 2).getTime();

  // Cards: due now / by the end of today / during tomorrow, for known questions and drills.
  let due = 0;
  let dueToday = 0;
  let dueTomorrow = 0;
  const dueByService = new Map<string, number>();
  for (const [id, card] of Object.entries(progress.cards)) {
    const owner = owners.get(id);
    if (!owner) continue;
    const time = Date.parse(card.due);
    if (isDue(card, now)) {
      due++;
      dueByService.set(owner.service, (dueByService.get(owner.service) ?? 0) + 1);
    }
    if (time < endOfToday) dueToday++;
    else if (time < endOfTomorrow) dueTomorrow++;
  }

  // Answers, each attempt counted.
  const byService = new Map<string, { answered: number; correct: number }>();
  const byDomain = new Map<Domain, { answered: number; correct: number }>();
  let correct = 0;
  for (const answer of progress.answers) {
    if (answer.correct) correct++;
    const owner = owners.get(answer.question);
    if (!owner) continue;
    bump(byService, owner.service, answer.correct);
    bump(byDomain, owner.domain, answer.correct);
  }

  const serviceRows: ServiceProgress[] = services.map((s) => {
    const questions = bank.filter((q) => q.service === s.id);
    const tally = byService.get(s.id) ?? { answered: 0, correct: 0 };
    return {
      id: s.id,
      title: s.title,
      read: progress.notesRead[s.id] !== undefined,
      answered: tally.answered,
      correct: tally.correct,
      share: tally.answered > 0 ? tally.correct / tally.answered : null,
      due: dueByService.get(s.id) ?? 0,
      questions: questions.length,
      mastery: meanRecall(questions, progress.cards, now),
    };
  });

  const domainRows: DomainProgress[] = DOMAINS.map((d) => {
    const questions = bank.filter((q) => q.domain === d);
    const tally = byDomain.get(d) ?? { answered: 0, correct: 0 };
    return {
      domain: d,
      title: DOMAIN_INFO[d].title,
      weight: DOMAIN_INFO[d].weight,
      questions: questions.length,
      answered: tally.answered,
      correct: tally.correct,
      mastery: meanRecall(questions, progress.cards, now),
    };
  });

  const exams: ExamSummary[] = [...progress.exams]
    .sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, finishedAt, scaled, passed, correct: right, questions }) => ({
      id,
      finishedAt,
      scaled,
      passed,
      correct: right,
      questions,
    }));

  return {
    notesRead: services.filter((s) => progress.notesRead[s.id] !== undefined).map((s) => s.id),
    notesTotal: services.length,
    answered: progress.answers.length,
    correct,
    due,
    dueToday,
    dueTomorrow,
    streakDays: streakDays(progress, now),
    exams,
    services: serviceRows,
    domains: domainRows,
    readiness: readiness(progress, bank, now),
    nextSteps: nextSteps(progress, bank, serviceRows, domainRows, now),
  };
}

/**
 * Suggestions, best first (at most 5): review the cards due now; read the unread note of
 * the weakest service in the weakest domain; practise services never practised (biggest
 * share of the exam first); retry the questions missed last time; practise the weakest
 * domain. Every tie is broken by a fixed order (the services' order, then domain weight).
 */
function nextSteps(
  progress: Progress,
  bank: readonly Question[],
  services: ServiceProgress[],
  domains: DomainProgress[],
  now: Date,
): NextStep[] {
  const first: NextStep[] = [];
  const later: NextStep[] = [];
  const titles = new Map(services.map((s) => [s.id, shortTitle(s.title)]));
  const order = new Map(services.map((s, i) => [s.id, i]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity);

  // 1. Bank cards due now (the 'due' quiz source asks bank questions only).
  const dueQuestions = bank.filter((q) => isDue(progress.cards[q.id], now));
  if (dueQuestions.length > 0) {
    const perService = new Map<string, number>();
    for (const q of dueQuestions) perService.set(q.service, (perService.get(q.service) ?? 0) + 1);
    const [topService, topCount] = [...perService].sort((a, b) => b[1] - a[1] || byOrder(a[0], b[0]))[0]!;
    const title = titles.get(topService) ?? topService;
    const text =
      perService.size === 1
        ? `${plural(dueQuestions.length, `${title} card`)} due for review`
        : `${plural(dueQuestions.length, 'card')} due for review (${topCount} ${title})`;
    first.push({ text, action: { kind: 'quiz', source: { kind: 'due' } } });
  }

  // 2. The weakest domain's weakest service whose note was never read.
  const mastery = new Map(domains.map((d) => [d.domain, d.mastery]));
  const weakDomain = weakest(mastery);
  const inDomain = new Map<string, number>();
  for (const q of bank) if (q.domain === weakDomain) inDomain.set(q.service, (inDomain.get(q.service) ?? 0) + 1);
  const unread = services
    .filter((s) => inDomain.has(s.id) && !s.read)
    .sort((a, b) => ascending(a.mastery, b.mastery) || inDomain.get(b.id)! - inDomain.get(a.id)! || byOrder(a.id, b.id));
  const toRead = unread[0];
  if (toRead) {
    first.push({
      text: `${shortTitle(toRead.title)} note never read (${DOMAIN_INFO[weakDomain].title})`,
      action: { kind: 'read', service: toRead.id },
    });
  }

  // 3. Services never practised, by their expected share of the exam.
  const perDomain = new Map<Domain, number>();
  for (const q of bank) perDomain.set(q.domain, (perDomain.get(q.domain) ?? 0) + 1);
  const examShare = new Map<string, number>();
  for (const q of bank) examShare.set(q.service, (examShare.get(q.service) ?? 0) + DOMAIN_INFO[q.domain].weight / perDomain.get(q.domain)!);
  const practised = new Set(progress.answers.map((a) => a.question));
  const never = services
    .filter((s) => s.questions > 0 && s.id !== toRead?.id && !bank.some((q) => q.service === s.id && practised.has(q.id)))
    .sort((a, b) => examShare.get(b.id)! - examShare.get(a.id)! || byOrder(a.id, b.id))
    .map(
      (s) =>
        ({
          text: `${shortTitle(s.title)} never practised (${plural(s.questions, 'question')})`,
          action: { kind: 'quiz', source: { kind: 'service', service: s.id } },
        }) satisfies NextStep,
    );
  first.push(...never.slice(0, 2));
  later.push(...never.slice(2));

  // 4. Questions whose latest answer was wrong.
  const latest = new Map<string, { at: number; correct: boolean }>();
  for (const a of progress.answers) {
    const at = Date.parse(a.at);
    const seen = latest.get(a.question);
    if (!seen || seen.at <= at) latest.set(a.question, { at, correct: a.correct });
  }
  const missed = bank.filter((q) => latest.get(q.id)?.correct === false).length;
  if (missed > 0)
    first.push({ text: `${plural(missed, 'question')} missed last time`, action: { kind: 'quiz', source: { kind: 'missed' } } });

  // 5. The weakest domain, when there is still room.
  later.push({
    text: `Practise ${DOMAIN_INFO[weakDomain].title} (mastery ${percent(mastery.get(weakDomain)!)})`,
    action: { kind: 'quiz', source: { kind: 'domain', domain: weakDomain } },
  });

  return [...first, ...later].slice(0, MAX_NEXT_STEPS);
}
