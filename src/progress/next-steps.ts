// The dashboard's suggestions, best first. Pure.
import { DOMAIN_INFO, type Domain, type QuestionRef, shortTitle } from '../content/types.js';
import { ascending, weakest } from './readiness.js';
import type { DomainProgress, NextStep, ServiceProgress } from './report.js';
import type { Progress } from './schema.js';

const MAX_NEXT_STEPS = 5;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (value: number) => `${Math.round(value * 100)}%`;

/** What is due now: the reviews, then today's new questions (quiz/sources.ts). */
export interface DueNow {
  reviews: readonly QuestionRef[];
  fresh: readonly QuestionRef[];
}

function dueText(due: DueNow, titles: ReadonlyMap<string, string>, byOrder: (a: string, b: string) => number): string | undefined {
  const { reviews, fresh } = due;
  const newPart = fresh.length ? `${plural(fresh.length, 'new question')} for today` : '';
  if (reviews.length === 0) return newPart || undefined;
  const perService = new Map<string, number>();
  for (const q of reviews) perService.set(q.service, (perService.get(q.service) ?? 0) + 1);
  const [topService, topCount] = [...perService].sort((a, b) => b[1] - a[1] || byOrder(a[0], b[0]))[0]!;
  const title = titles.get(topService) ?? topService;
  const reviewPart =
    perService.size === 1
      ? `${plural(reviews.length, `${title} card`)} due for review`
      : `${plural(reviews.length, 'card')} due for review (${topCount} ${title})`;
  return newPart ? `${reviewPart}, then ${newPart}` : reviewPart;
}

/**
 * Suggestions, best first (at most 5): review what is due now; read the unread note of the
 * weakest service in the weakest domain; practise services never practised (biggest share
 * of the exam first); retry the questions missed last time; practise the weakest domain.
 * Every tie is broken by a fixed order (the services' order, then domain weight).
 */
export function nextSteps(
  progress: Progress,
  bank: readonly QuestionRef[],
  services: ServiceProgress[],
  domains: DomainProgress[],
  due: DueNow,
): NextStep[] {
  const first: NextStep[] = [];
  const later: NextStep[] = [];
  const titles = new Map(services.map((s) => [s.id, shortTitle(s.title)]));
  const order = new Map(services.map((s, i) => [s.id, i]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? Number.POSITIVE_INFINITY) - (order.get(b) ?? Number.POSITIVE_INFINITY);

  // 1. What `quiz --due` asks now.
  const text = dueText(due, titles, byOrder);
  if (text) first.push({ text, action: { kind: 'quiz', source: { kind: 'due' } } });

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
  const practised = new Set(bank.filter((q) => progress.stats[q.id] !== undefined).map((q) => q.service));
  const never = services
    .filter((s) => s.questions > 0 && s.id !== toRead?.id && !practised.has(s.id))
    .sort((a, b) => examShare.get(b.id)! - examShare.get(a.id)! || byOrder(a.id, b.id))
    .map(
      (s): NextStep => ({
        text: `${shortTitle(s.title)} never practised (${plural(s.questions, 'question')})`,
        action: { kind: 'quiz', source: { kind: 'service', service: s.id } },
      }),
    );
  first.push(...never.slice(0, 2));
  later.push(...never.slice(2));

  // 4. Questions whose latest answer was wrong.
  const missed = bank.filter((q) => progress.stats[q.id]?.lastRight === false).length;
  if (missed > 0)
    first.push({ text: `${plural(missed, 'question')} missed last time`, action: { kind: 'quiz', source: { kind: 'missed' } } });

  // 5. The weakest domain, when there is still room.
  later.push({
    text: `Practise ${DOMAIN_INFO[weakDomain].title} (mastery ${percent(mastery.get(weakDomain)!)})`,
    action: { kind: 'quiz', source: { kind: 'domain', domain: weakDomain } },
  });

  return [...first, ...later].slice(0, MAX_NEXT_STEPS);
}
