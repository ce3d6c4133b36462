// The answers a store's journal holds, as events: what tests check after driving a screen.
import type { AnswerEvent } from '../../src/progress/events.js';
import { scanJournal } from '../../src/progress/journal.js';
import type { ProgressStore } from '../../src/progress/store.js';

export function answersIn(store: ProgressStore): AnswerEvent[] {
  const answers: AnswerEvent[] = [];
  scanJournal(store.journalPath, (event) => {
    if (event.kind === 'answer') answers.push(event);
  });
  return answers;
}
