// A progress file of an older awsnotes (versions 1 and 2 kept the whole history in one JSON
// file) as journal events. Used on the first run of this version, and to import old backups.
//
// Ids are stable (an answer keeps its own; notes read and flags get ids made from what they
// are about), so converting the same file twice yields the same events and a migration cut
// short can simply run again. Version 2's cards are not carried over: the cards are what
// replaying the answers gives (progress/state.ts), and for a history recorded by awsnotes
// that is the same card (the same reviews, in the same order). Its settings (the exam date)
// are not events: the caller moves them into settings.json (progress/settings-file.ts).
import { defaultRating, type Event } from './events.js';
import type { LegacyProgress } from './schema.js';

export function legacyEvents(legacy: LegacyProgress): Event[] {
  const events: Event[] = [];
  for (const answer of legacy.answers) {
    events.push({
      kind: 'answer',
      id: answer.id,
      at: Date.parse(answer.at),
      question: answer.question,
      chosen: answer.chosen,
      correct: answer.correct,
      ms: answer.ms,
      source: answer.source,
      rating: (answer.rating ?? defaultRating(answer.correct)) as 1 | 2 | 3 | 4,
    });
  }
  for (const [service, read] of Object.entries(legacy.notesRead)) {
    events.push({
      kind: 'read',
      id: `v2-read-${service}`,
      at: Date.parse(read.last),
      service,
      first: Date.parse(read.first),
      count: read.count,
    });
  }
  for (const [question, at] of Object.entries(legacy.flags)) {
    events.push({ kind: 'flag', id: `v2-flag-${question}`, at: Date.parse(at), question, on: true });
  }
  for (const exam of legacy.exams) {
    events.push({
      kind: 'exam',
      id: exam.id,
      at: Date.parse(exam.finishedAt),
      startedAt: Date.parse(exam.startedAt),
      questions: exam.questions,
      correct: exam.correct,
      scaled: exam.scaled,
      passed: exam.passed,
      timedOut: exam.timedOut,
      domains: exam.domains,
    });
  }
  return events;
}
