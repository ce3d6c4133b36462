// In-process measurements for `npm run bench`, bundled like awsnotes:
//   search   — latency of every prefix of 20 queries, shipped content and a 10× corpus;
//   keys     — keystroke-to-frame in the menu and the note reader, with the app rendered
//              by Ink exactly as `awsnotes` renders it, on a fake terminal;
//   keysCpu  — the CPU time those keys cost, per key (bench:compare reads it).
// Prints one JSON object on stdout. Usage: node harness.js <content dir> <progress dir>
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { searchData, setContentDir } from '../../src/content/bundle.js';
import type { SearchRecord } from '../../src/content/types.js';
import { ProgressStore } from '../../src/progress/store.js';
import { recordArray } from '../../src/search/pack.js';
import { createSearcher, search } from '../../src/search/search.js';
import { App } from '../../src/ui/App.js';
import { INK_OPTIONS } from '../../src/ui/run.js';

export const QUERIES = [
  'dynamodb',
  'sqs fifo',
  'lambda layers',
  'kinesis shards',
  'iam role',
  'cognito user pool',
  'kms key',
  'api gateway stage',
  'cloudformation',
  'codedeploy appspec',
  'elastic beanstalk',
  'xray',
  'parameter store',
  'long polling',
  'rcu',
  'visibility timeout',
  'cors',
  'ddb',
  'presigned url',
  'dead letter queue',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
/**
 * Keys after which nothing on screen changed (a space at the end of a query: Ink writes
 * nothing for an identical frame) are counted apart as `unchanged`, not in the percentiles.
 */
const stats = (all: number[]) => {
  const values = all.filter((v) => Number.isFinite(v));
  return { p50: percentile(values, 50), p95: percentile(values, 95), n: values.length, unchanged: all.length - values.length };
};

function prefixes(): string[] {
  return QUERIES.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
}

function timeSearch(run: (q: string) => unknown): number[] {
  const times: number[] = [];
  for (const q of prefixes()) run(q); // warm-up
  for (let round = 0; round < 5; round++) {
    for (const q of prefixes()) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  return times;
}

/** Ten times the shipped records: each service copied with other ids and shuffled lines. */
function syntheticRecords(records: SearchRecord[]): SearchRecord[] {
  const out: SearchRecord[] = [];
  for (let copy = 0; copy < 10; copy++) {
    for (const r of records) {
      const twist = (text: string | undefined) =>
        text === undefined || copy === 0
          ? text
          : text
              .split(' ')
              .map((w, j) => (j % (copy + 1) === 0 ? w : w.split('').reverse().join('')))
              .join(' ');
      const clone: SearchRecord = { ...r, service: `${r.service}-${copy}` };
      for (const key of ['title', 'alias', 'heading', 'line'] as const) if (r[key] !== undefined) clone[key] = twist(r[key])!;
      out.push(clone);
    }
  }
  return out;
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  lastWrite = 0;
  frame = '';
  write(chunk: string) {
    this.lastWrite = performance.now();
    this.frame = chunk;
    this.emit('frame');
    return true;
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  setRawMode() {}
  setEncoding() {}
  ref() {}
  unref() {}
  read() {
    return this.queue.shift() ?? null;
  }
  press(data: string) {
    this.queue.push(data);
    this.emit('readable');
  }
}

/** CPU time (user + system, ms) spent since `since`, a process.cpuUsage() reading. */
const cpuSince = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

async function keyTimings(): Promise<{ menu: number[]; reader: number[]; cpuPerKey: { menu: number; reader: number } }> {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const store = ProgressStore.open({ dir: process.argv[3]! });
  const instance = render(<App store={store} color onExit={() => {}} />, {
    ...INK_OPTIONS,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: stdout as unknown as NodeJS.WriteStream,
    patchConsole: false,
  });
  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const nextFrame = () =>
    new Promise<boolean>((resolve) => {
      const done = (drawn: boolean) => {
        clearTimeout(timer);
        stdout.off('frame', onFrame);
        resolve(drawn);
      };
      const onFrame = () => done(true);
      const timer = setTimeout(() => done(false), 1000);
      stdout.on('frame', onFrame);
    });
  await settle(200);

  // Each key after the previous frame and a pause a person would leave (>= 1/maxFps).
  const press = async (data: string): Promise<number> => {
    await settle(40);
    const frame = nextFrame();
    const t = performance.now();
    stdin.press(data);
    return (await frame) ? stdout.lastWrite - t : Number.NaN;
  };
  // The CPU time of the keys, spread over them: between keys the process idles, so this is
  // the work each frame costs, which a loaded machine's scheduling does not blur as it
  // blurs the keystroke-to-frame times.
  const menuStart = process.cpuUsage();
  const menu: number[] = [];
  for (const query of QUERIES) {
    for (const char of query) menu.push(await press(char));
    await press('\x1b'); // Esc clears the query (its frame is not counted)
    await settle(60);
  }
  const menuCpu = cpuSince(menuStart);
  const menuKeys = menu.length + QUERIES.length;
  await press('d');
  await press('y');
  await press('\r');
  const readerStart = process.cpuUsage();
  const reader: number[] = [];
  for (let i = 0; i < 60; i++) reader.push(await press(i % 2 === 0 ? 'j' : 'k'));
  const readerCpu = cpuSince(readerStart);
  instance.unmount();
  return { menu, reader, cpuPerKey: { menu: menuCpu / menuKeys, reader: readerCpu / reader.length } };
}

// The shipped content (dist/content/) and a progress directory, passed by run.ts.
setContentDir(process.argv[2]!);
// Keys first: the app's heap, without the 10× corpus the search figures build (its garbage
// would be collected during the keystrokes and count against the app).
const keys = await keyTimings();
const shipped = recordArray(searchData().records);
const synthetic = syntheticRecords(shipped);
const big = createSearcher(synthetic);
console.log(
  JSON.stringify({
    records: { shipped: shipped.length, synthetic: synthetic.length },
    search: {
      shipped: stats(timeSearch((q) => search(q))),
      synthetic: stats(timeSearch((q) => search(q, { searcher: big }))),
    },
    keys: { menu: stats(keys.menu), reader: stats(keys.reader) },
    keysCpu: keys.cpuPerKey,
  }),
);
process.exit(0);
