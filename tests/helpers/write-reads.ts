// Child process for the concurrency tests: records N distinct reads as fast as it can,
// through the store or (with "quick") as `awsnotes show` does, falling back to the store.
import { markReadQuickly } from '../../src/progress/quick-read.js';
import { ProgressStore } from '../../src/progress/store.js';

const [dir, prefix, count, how] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  const id = `${prefix}-${i}`;
  if (how === 'quick' && markReadQuickly(dir!, id, new Date())) continue;
  ProgressStore.open({ dir }).markRead(id);
}
