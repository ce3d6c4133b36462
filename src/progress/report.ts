// The Progress dashboard's figures: notes read, answers, what is due, streak, exams,
// mastery per service and per domain, readiness and the next steps. Pure: everything comes
// from the arguments; `now` is the only clock, and "today", "tomorrow" and streak days are
// local calendar days.
//
// "Due" has one meaning everywhere: what `awsnotes quiz --due` asks now (the reviews whose
// time has come, then today's remaining new questions; quiz/sources.ts). Cards in learning
// steps, minutes away, are counted as such, not as due.
import { DRILL_TEMPLATES } from '../capacity/drills.js';
import { DOMAIN_INFO, DOMAINS, type Domain, type QuestionRef, type Service } from '../content/types.js';

/** What the report needs of a service (the notes' text is not read for it). */
export type ServiceTitle = Pick<Service, 'id' | 'title'>;
import { DEFAULT_NEW_PER_DAY, dueReviews, newAnsweredToday, type Source, todaysNew } from '../quiz/sources.js';
import { inLearningSteps, isDue } from '../quiz/srs.js';
import { startOfLocalDay, streakFromDays } from './calendar.js';
import { nextSteps } from './next-steps.js';
import { masteries, meanMastery, type Readiness, readiness } from './readiness.js';
import type { Progress } from './schema.js';

export type { DomainReadiness, Readiness } from './readiness.js';
export { readiness } from './readiness.js';

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
  /** Questions of the service that `quiz --due` asks now. */
  due: number;
  /** Bank questions about the service. */
  questions: number;
  /** Mean mastery over the service's bank questions (srs.ts: recall 30 days ahead; never answered = 0). */
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

export type QuizAction = Extract<
  Source,
  { kind: 'due' } | { kind: 'missed' } | { kind: 'service' } | { kind: 'domain' } | { kind: 'task' }
>;

export type NextAction = { kind: 'quiz'; source: QuizAction } | { kind: 'read'; service: string };

export interface NextStep {
  text: string;
  action: NextAction;
}

export interface ProgressReport {
  notesRead: string[];
  notesTotal: number;
  answered: number;
  correct: number;
  /** What `quiz --due` asks now: dueReviews + dueNew. */
  due: number;
  /** Reviews whose time has come. */
  dueReviews: number;
  /** New questions today's ration still allows. */
  dueNew: number;
  /** The daily ration of new questions, and how many were answered for the first time today. */
  newPerDay: number;
  newToday: number;
  /** Cards in learning steps, due again within minutes or hours (not due yet). */
  learning: number;
  /** Reviews due later today (not in learning steps), and during tomorrow. */
  laterToday: number;
  dueTomorrow: number;
  streakDays: number;
  exams: ExamSummary[];
  services: ServiceProgress[];
  domains: DomainProgress[];
  readiness: Readiness;
  nextSteps: NextStep[];
}

/** Which service and domain each card id belongs to: bank questions and drill templates. */
function cardOwners(bank: readonly QuestionRef[]): Map<string, { service: string; domain: Domain }> {
  const owners = new Map<string, { service: string; domain: Domain }>();
  for (const template of DRILL_TEMPLATES) {
    // 'drill-dynamodb-read' → dynamodb, 'drill-kinesis-shards' → kinesis; all are development.
    owners.set(template, { service: template.split('-')[1]!, domain: 'development' });
  }
  for (const q of bank) owners.set(q.id, { service: q.service, domain: q.domain });
  return owners;
}

interface Tally {
  answered: number;
  correct: number;
}

function add<K>(tallies: Map<K, Tally>, key: K, answered: number, correct: number): void {
  const tally = tallies.get(key) ?? { answered: 0, correct: 0 };
  tally.answered += answered;
  tally.correct += correct;
  tallies.set(key, tally);
}

export function progressReport(
  progress: Progress,
  bank: readonly QuestionRef[],
  services: readonly ServiceTitle[],
  now: Date,
): ProgressReport {
  const owners = cardOwners(bank);
  const endOfToday = startOfLocalDay(now, 1).getTime();
  const endOfTomorrow = startOfLocalDay(now, 2).getTime();

  // What is due now, as `quiz --due` would ask it, and what comes later.
  const reviews = dueReviews(bank, progress, now);
  const fresh = todaysNew(bank, progress, now);
  const dueByService = new Map<string, number>();
  for (const q of [...reviews, ...fresh]) dueByService.set(q.service, (dueByService.get(q.service) ?? 0) + 1);
  let learning = 0;
  let laterToday = 0;
  let dueTomorrow = 0;
  for (const q of bank) {
    const card = progress.cards[q.id];
    if (!card || isDue(card, now)) continue;
    const time = Date.parse(card.due);
    if (inLearningSteps(card) && time < endOfToday) learning++;
    else if (time < endOfToday) laterToday++;
    else if (time < endOfTomorrow) dueTomorrow++;
  }

  // Answers, each attempt counted; answers to questions no longer in the bank count in the totals only.
  const byService = new Map<string, Tally>();
  const byDomain = new Map<Domain, Tally>();
  let answered = 0;
  let correct = 0;
  for (const [id, stats] of Object.entries(progress.stats)) {
    answered += stats.answers;
    correct += stats.right;
    const owner = owners.get(id);
    if (!owner) continue;
    add(byService, owner.service, stats.answers, stats.right);
    add(byDomain, owner.domain, stats.answers, stats.right);
  }

  // Grouped once: a filter per service is services × questions, which the learner's own grow.
  const byServiceQuestions = new Map<string, QuestionRef[]>();
  for (const q of bank) {
    const list = byServiceQuestions.get(q.service);
    if (list) list.push(q);
    else byServiceQuestions.set(q.service, [q]);
  }
  // Each card's mastery once: the services' rows and the domains' rows both average it.
  const mastery = masteries(bank, progress.cards, now);
  const serviceRows: ServiceProgress[] = services.map((s) => {
    const questions = byServiceQuestions.get(s.id) ?? [];
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
      mastery: meanMastery(questions, mastery),
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
      mastery: meanMastery(questions, mastery),
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
    answered,
    correct,
    due: reviews.length + fresh.length,
    dueReviews: reviews.length,
    dueNew: fresh.length,
    newPerDay: progress.settings.newPerDay ?? DEFAULT_NEW_PER_DAY,
    newToday: newAnsweredToday(progress, now),
    learning,
    laterToday,
    dueTomorrow,
    streakDays: streakFromDays(progress.days, now),
    exams,
    services: serviceRows,
    domains: domainRows,
    // A prediction of the exam's score: the learner's own questions are not in the exam.
    readiness: readiness(
      progress,
      bank.filter((q) => !q.own),
      now,
    ),
    nextSteps: nextSteps(progress, bank, serviceRows, domainRows, { reviews, fresh }),
  };
}
