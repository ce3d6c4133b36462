// Where a quiz takes its questions from: the whole bank, a service, a domain, the cards
// due for review, the questions missed last time, the flagged ones, or one exam-guide task
// statement.
//
// New questions are rationed: "due" asks the reviews whose time has come, then at most
// today's remaining new questions (the `new-per-day` setting, 20 by default), so that
// studying "all" one evening does not make the whole bank due the next morning. Today's new
// questions are picked in an order fixed for the day, so the count the Progress screen
// shows is what the quiz then asks. A service or a domain picked on purpose asks all of
// its questions; the new ones among them still count toward the day's ration.
import { DOMAINS, type Domain, type Question, type QuestionRef } from '../content/types.js';
import { localDayKey, startOfLocalDay } from '../progress/calendar.js';
import type { Progress } from '../progress/schema.js';
import { shuffle } from './random.js';
import { isDue } from './srs.js';

export type Source =
  | { kind: 'all' }
  | { kind: 'service'; service: string }
  | { kind: 'domain'; domain: Domain }
  /** An exam-guide task statement, "1.1" … "4.3". */
  | { kind: 'task'; task: string }
  | { kind: 'due' }
  | { kind: 'missed' }
  | { kind: 'flagged' }
  | { kind: 'drills' };

export const DEFAULT_NEW_PER_DAY = 20;

export function sourceLabel(source: Source, titles: ReadonlyMap<string, string> = new Map()): string {
  switch (source.kind) {
    case 'all':
      return 'All questions';
    case 'service':
      return titles.get(source.service) ?? source.service;
    case 'domain':
      return `Domain: ${source.domain}`;
    case 'task':
      return `Task ${source.task}`;
    case 'due':
      return 'Due for review';
    case 'missed':
      return 'Missed last time';
    case 'flagged':
      return 'Flagged';
    case 'drills':
      return 'Capacity drills';
  }
}

/** Never answered (and no card carried over from elsewhere). */
const isNew = (progress: Progress, id: string) => progress.stats[id] === undefined && progress.cards[id] === undefined;

/** How many questions were answered for the first time today (local day). */
export function newAnsweredToday(progress: Progress, now: Date): number {
  const start = startOfLocalDay(now).getTime();
  let count = 0;
  for (const stats of Object.values(progress.stats)) if (Date.parse(stats.first) >= start) count++;
  return count;
}

/** FNV-1a: a stable order for the day, the same in every process. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The new questions today's ration still allows, in the day's order. */
export function todaysNew<Q extends QuestionRef>(bank: readonly Q[], progress: Progress, now: Date): Q[] {
  const ration = progress.settings.newPerDay ?? DEFAULT_NEW_PER_DAY;
  const left = Math.max(0, ration - newAnsweredToday(progress, now));
  if (left === 0) return [];
  const day = localDayKey(now);
  return bank
    .filter((q) => isNew(progress, q.id))
    .map((q) => ({ q, key: hash(`${day}:${q.id}`) }))
    .sort((a, b) => a.key - b.key || (a.q.id < b.q.id ? -1 : 1))
    .slice(0, left)
    .map(({ q }) => q);
}

/** Questions whose card is due now (srs.ts isDue), soonest due first. */
export function dueReviews<Q extends QuestionRef>(bank: readonly Q[], progress: Progress, now: Date): Q[] {
  // Each card's time read once, not at every comparison of the sort.
  const due: { q: Q; at: number }[] = [];
  for (const q of bank) {
    const card = progress.cards[q.id];
    if (card === undefined) continue;
    const at = Date.parse(card.due);
    if (at <= now.getTime()) due.push({ q, at });
  }
  return due.sort((a, b) => a.at - b.at).map(({ q }) => q);
}

/** The questions of a source, in the order to ask them. */
export function selectQuestions(bank: readonly Question[], source: Source, progress: Progress, now: Date, rng: () => number): Question[] {
  switch (source.kind) {
    case 'due':
      return [...dueReviews(bank, progress, now), ...todaysNew(bank, progress, now)];
    case 'all': {
      // Then the questions seen before and not due yet, the nearest due first: practice ahead.
      const ahead = bank
        .filter((q) => progress.cards[q.id] !== undefined && !isDue(progress.cards[q.id], now))
        .sort((a, b) => Date.parse(progress.cards[a.id]!.due) - Date.parse(progress.cards[b.id]!.due));
      return [...dueReviews(bank, progress, now), ...todaysNew(bank, progress, now), ...ahead];
    }
    case 'service':
      return shuffle(
        bank.filter((q) => q.service === source.service),
        rng,
      );
    case 'domain':
      return shuffle(
        bank.filter((q) => q.domain === source.domain),
        rng,
      );
    case 'task':
      return shuffle(
        bank.filter((q) => q.tasks.includes(source.task)),
        rng,
      );
    case 'missed':
      return shuffle(
        bank.filter((q) => progress.stats[q.id]?.lastRight === false),
        rng,
      );
    case 'flagged':
      return shuffle(
        bank.filter((q) => progress.flags[q.id] !== undefined),
        rng,
      );
    case 'drills':
      return [];
  }
}

export function isDomain(value: string): value is Domain {
  return (DOMAINS as readonly string[]).includes(value);
}
