// Where a quiz takes its questions from: the whole bank, a service, a domain, the cards
// due for review, the questions missed last time, the flagged ones, or one exam-guide task
// statement.
import { DOMAINS, type Domain, type Question } from '../content/types.js';
import type { Progress } from '../progress/schema.js';
import { isDue } from './srs.js';
import { shuffle } from './random.js';

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

/** Each question's latest answer, by question id. */
export function latestAnswers(progress: Progress): Map<string, Progress['answers'][number]> {
  const latest = new Map<string, Progress['answers'][number]>();
  for (const answer of progress.answers) {
    const seen = latest.get(answer.question);
    if (!seen || seen.at <= answer.at) latest.set(answer.question, answer);
  }
  return latest;
}

/** The questions of a source, in the order to ask them (due ones soonest-due first). */
export function selectQuestions(bank: readonly Question[], source: Source, progress: Progress, now: Date, rng: () => number): Question[] {
  switch (source.kind) {
    case 'all':
      return shuffle(bank, rng);
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
    case 'due':
      return bank
        .filter((q) => isDue(progress.cards[q.id], now))
        .sort((a, b) => Date.parse(progress.cards[a.id]!.due) - Date.parse(progress.cards[b.id]!.due));
    case 'missed': {
      const latest = latestAnswers(progress);
      return shuffle(
        bank.filter((q) => latest.get(q.id)?.correct === false),
        rng,
      );
    }
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
