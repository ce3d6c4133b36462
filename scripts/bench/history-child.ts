// In-process measurements of the study history for `npm run bench`, bundled like awsnotes.
// Prints one JSON object on stdout. Usage:
//   node history-child.js build DIR          open the store on a journal without a snapshot
//                                             (it replays it) and write the snapshot
//   node history-child.js save DIR N Q…      save N answers one by one, as the quiz does
import { statSync } from 'node:fs';
import path from 'node:path';
import { ProgressStore } from '../../src/progress/store.js';
import { recordAnswer } from '../../src/quiz/record.js';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const [mode, dir, count, ...questions] = process.argv.slice(2);
if (mode === 'build') {
  const started = performance.now();
  const store = ProgressStore.open({ dir: dir! });
  store.checkpoint(true);
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, notices: store.notices }));
} else if (mode === 'save') {
  const store = ProgressStore.open({ dir: dir! });
  const journal = path.join(dir!, 'journal.jsonl');
  const before = statSync(journal).size;
  const times: number[] = [];
  const n = Number(count);
  for (let i = 0; i < n; i++) {
    const correct = i % 3 !== 0;
    const question = questions[i % questions.length]!;
    const t = performance.now();
    recordAnswer(
      store,
      { question, chosen: correct ? [0] : [1, 2], correct, ms: 4000 + ((i * 7919) % 80_000), source: 'quiz' },
      new Date(),
    );
    times.push(performance.now() - t);
  }
  const bytesPerAnswer = (statSync(journal).size - before) / n;
  process.stdout.write(
    JSON.stringify({
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: Math.max(...times),
      bytesPerAnswer,
      notices: store.notices,
    }),
  );
} else {
  process.stderr.write('usage: history-child.js build DIR | save DIR N QUESTION…\n');
  process.exit(2);
}
