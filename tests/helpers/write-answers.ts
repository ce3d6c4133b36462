// Child process for the concurrency tests: records N answers as fast as it can, each with
// a store of its own (as N separate awsnotes commands would), and prints each answer's id
// once it is confirmed (recordAnswer returned: saved and synced).
import { ProgressStore } from '../../src/progress/store.js';
import { recordAnswer } from '../../src/quiz/record.js';

const [dir, prefix, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  const store = ProgressStore.open({ dir });
  const recorded = recordAnswer(
    store,
    { question: `${prefix}-q${i % 7}`, chosen: [i % 4], correct: i % 3 === 0, ms: i, source: 'quiz' },
    new Date(),
  );
  if (recorded.saved) process.stdout.write(`${recorded.answerId}\n`);
}
