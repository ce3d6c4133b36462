// Child process for the concurrency test: records N distinct reads as fast as it can.
import { ProgressStore } from '../../src/progress/store.js';

const [dir, prefix, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  const store = ProgressStore.open({ dir });
  store.markRead(`${prefix}-${i}`);
}
