// Child process for the kill -9 test: answers questions without end (a snapshot rewrite
// every few answers, so kills land in those too), printing each answer's id on stdout once
// recordAnswer has returned with it saved: from then on the answer is confirmed.
import { writeSync } from 'node:fs';
import { ProgressStore } from '../../src/progress/store.js';
import { recordAnswer } from '../../src/quiz/record.js';

const [dir, prefix] = process.argv.slice(2);
const store = ProgressStore.open({ dir, checkpointBytes: 600 });
for (let i = 0; ; i++) {
  const recorded = recordAnswer(
    store,
    { question: `${prefix}-q${i % 5}`, chosen: [i % 4], correct: i % 2 === 0, ms: i, source: 'quiz' },
    new Date(),
  );
  if (recorded.saved) writeSync(1, `${recorded.answerId}\n`);
}
