// Child process for the concurrency test: records N answers as fast as it can.
import { ProgressStore } from '../../src/progress/store.js';
import { recordAnswer } from '../../src/quiz/record.js';

const [dir, prefix, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  const store = ProgressStore.open({ dir });
  recordAnswer(store, { question: `${prefix}-q${i % 7}`, chosen: [i % 4], correct: i % 3 === 0, ms: i, source: 'quiz' }, new Date());
}
