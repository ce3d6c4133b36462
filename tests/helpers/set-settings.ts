// Child process for the settings concurrency test: sets one setting `count` times, each
// time with a store of its own (as that many `awsnotes config set` would). Only this
// process writes its setting, so before each write the file must still hold the value it
// wrote last: anything else means another process's write lost it ("lost" on stdout).
import { ProgressStore } from '../../src/progress/store.js';

const [dir, key, count] = process.argv.slice(2) as [string, 'examDate' | 'newPerDay', string];
const settingValue = (i: number) => (key === 'newPerDay' ? i : `2040-01-${String(1 + (i % 28)).padStart(2, '0')}`);
let last: string | number | undefined;
for (let i = 0; i < Number(count); i++) {
  const store = ProgressStore.open({ dir });
  const found = store.read().settings[key];
  if (last !== undefined && found !== last) process.stdout.write(`lost ${last}: found ${found}\n`);
  const saved = store.setSetting(key, settingValue(i));
  if (!saved.ok) process.stdout.write(`failed ${saved.reason}\n`);
  last = settingValue(i);
}
process.stdout.write(`done ${last}\n`);
