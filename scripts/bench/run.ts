// `npm run bench`: every figure next to its floor or baseline measured in the same run,
// with its budget. `--json` prints the figures as JSON. Needs tmux (for first frames).
// After the start-up figures, what 50 notes and 200 questions of the learner's add to the
// plain commands and to the first frame (their own budgets, in milliseconds).
// The study history's figures come last: with 50,000 answers (a year of study), then a
// million (however they got there).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newSession } from '../tmux.js';
import { FULL_REPLAY_BYTES } from '../../src/progress/doctor.js';
import { encodeEvent } from '../../src/progress/events.js';
import { bundle, root } from '../bundle.js';
import { writeOwnContent } from '../own-data.js';
import { writeHistory } from './history-data.js';

const RUNS = 21;
const WARMUP = 3;
const FRAME_RUNS = 15;
/** A difference of a few milliseconds between two launches needs more pairs than a ratio. */
const OWN_RUNS = 31;
const json = process.argv.includes('--json');
const log = (text: string) => {
  if (!json) process.stderr.write(`${text}\n`);
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const cli = path.join(root, 'dist', 'cli.cjs');
if (!existsSync(cli)) {
  console.error('bench: dist/cli.cjs is missing; run npm run build first');
  process.exit(2);
}
const benchDir = mkdtempSync(path.join(tmpdir(), 'awsnotes-bench-'));
const configDir = path.join(benchDir, 'config');
// Ink renders only the last frame when it thinks it runs in CI (is-in-ci: CI,
// CONTINUOUS_INTEGRATION or any CI_* variable): none of them reach the measured processes.
const ciKeys = Object.keys(process.env).filter((k) => k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_'));
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !ciKeys.includes(k)));
const env = { ...baseEnv, AWSNOTES_CONFIG_DIR: configDir, NO_COLOR: '1' };

function timeOnce(args: string[], dir = configDir, input?: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    env: { ...env, AWSNOTES_CONFIG_DIR: dir },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'],
    ...(input === undefined ? {} : { input }),
  });
  const elapsed = performance.now() - t;
  if (r.status !== 0 && args[0] !== '-e') throw new Error(`bench: ${args.join(' ')} exited ${r.status}`);
  return elapsed;
}

/** Runs `reference` and `measured` once each: the reference first in even rounds, second in odd ones. */
function pair<T>(round: number, reference: () => T, measured: () => T): [T, T] {
  if (round % 2 === 0) {
    const r = reference();
    return [r, measured()];
  }
  const m = measured();
  return [reference(), m];
}

/**
 * A command's median wall time, the floor's, and their ratio. The two are launched in
 * pairs, in turn first and second, and the ratio is the median of the pairs' ratios: this
 * machine's speed drifts by ±10% within a minute, and a pair shares its moment.
 */
function wallTime(args: string[], dir = configDir): { ms: number; floor: number; ratio: number } {
  const times: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const [f, t] = pair(
      i,
      () => timeOnce(['-e', '0']),
      () => timeOnce(args, dir),
    );
    if (i >= WARMUP) {
      floors.push(f);
      times.push(t);
    }
  }
  return { ms: median(times), floor: median(floors), ratio: median(times.map((t, i) => t / floors[i]!)) };
}

/** Launch-to-first-frame (ms) and RSS at that frame (bytes) of one launch in tmux. */
let launches = 0;
function firstFrameOnce(script: string, run: number, dir = configDir): { ms: number; rss: number } {
  // Each launch logs to a file of its own: one left by an earlier launch would be read as this one's.
  const logFile = path.join(benchDir, `frame-${path.basename(script)}-${run}-${++launches}.log`);
  const session = `awsnotes-bench-${process.pid}-${run}-${path.basename(script).replace(/\W/g, '_')}`;
  // The shell prints the launch time (ns) just before it execs node.
  const command = `date +%s%N > ${logFile}.start; exec env ${ciKeys.map((k) => `-u ${k}`).join(' ')} AWSNOTES_BENCH_FRAME_LOG=${logFile} AWSNOTES_CONFIG_DIR=${dir} ${process.execPath} ${script}`;
  newSession(['-s', session, '-x', '100', '-y', '30', command]);
  const deadline = Date.now() + 10_000;
  while (!existsSync(logFile) || readFileSync(logFile, 'utf8').trim() === '') {
    if (Date.now() > deadline) throw new Error(`bench: no first frame from ${script}`);
    execFileSync('sleep', ['0.01']);
  }
  spawnSync('tmux', ['kill-session', '-t', session]);
  const [frameMs, bytes] = readFileSync(logFile, 'utf8').trim().split(' ').map(Number) as [number, number];
  const startMs = Number(readFileSync(`${logFile}.start`, 'utf8').trim()) / 1e6;
  return { ms: frameMs - startMs, rss: bytes };
}

/** First frames of the baseline and the app, launched in pairs like the plain commands. */
function firstFrames(baselineScript: string, appScript: string, dir = configDir) {
  const baseline: { ms: number; rss: number }[] = [];
  const app: { ms: number; rss: number }[] = [];
  for (let i = 0; i < 2 + FRAME_RUNS; i++) {
    const [b, a] = pair(
      i,
      () => firstFrameOnce(baselineScript, i),
      () => firstFrameOnce(appScript, i, dir),
    );
    if (i >= 2) {
      baseline.push(b);
      app.push(a);
    }
  }
  const summary = (list: { ms: number; rss: number }[]) => ({ ms: median(list.map((r) => r.ms)), rss: median(list.map((r) => r.rss)) });
  const ratio = (key: 'ms' | 'rss') => median(app.map((a, i) => a[key] / baseline[i]![key]));
  return { baseline: summary(baseline), app: summary(app), ratio: { ms: ratio('ms'), rss: ratio('rss') } };
}

async function harness(): Promise<{
  records: { shipped: number; synthetic: number };
  search: Record<'shipped' | 'synthetic', { p50: number; p95: number; n: number }>;
  keys: Record<'menu' | 'reader', { p50: number; p95: number; n: number; unchanged: number }>;
}> {
  return new Promise((resolve, reject) => {
    // stderr ignored: Ink's cursor restore at exit writes there.
    const child = spawn(
      process.execPath,
      [path.join(benchDir, 'harness.js'), path.join(root, 'dist', 'content'), path.join(benchDir, 'harness-progress')],
      { env: { ...env, NO_COLOR: '' }, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`bench: harness exited ${code}`))));
  });
}

log('bundling the baseline and the harness like awsnotes…');
await bundle(
  [
    path.join(root, 'scripts', 'bench', 'hello.tsx'),
    path.join(root, 'scripts', 'bench', 'harness.tsx'),
    path.join(root, 'scripts', 'bench', 'history-child.ts'),
  ],
  benchDir,
);

log(`timing plain commands, each paired with node -e 0 (median of ${RUNS} pairs after ${WARMUP} warm-ups)…`);
const floor = wallTime(['-e', '0']).ms;
const commands: [string, string[]][] = [
  ['awsnotes --version', ['--version']],
  ['awsnotes list', ['list']],
  ['awsnotes search dynamo', ['search', 'dynamo']],
  ['awsnotes show sqs', ['show', 'sqs']],
  ['awsnotes calc dynamodb read --size 6KB --rate 300/30s', ['calc', 'dynamodb', 'read', '--size', '6KB', '--rate', '300/30s']],
];
const plain = commands.map(([name, args]) => ({ name, ...wallTime([cli, ...args]) }));

log(`timing first frames in tmux, baseline and awsnotes in pairs (median of ${FRAME_RUNS})…`);
// A session that outlives the measured ones keeps the tmux server up between them.
const holder = `awsnotes-bench-holder-${process.pid}`;
newSession(['-s', holder, 'sleep 600']);
const { baseline, app, ratio: frameRatio } = firstFrames(path.join(benchDir, 'hello.js'), cli);
spawnSync('tmux', ['kill-session', '-t', holder]);

// ---- the learner's own notes and questions -----------------------------------------------

/**
 * What 50 notes and 200 questions of the learner's add: the same launch on a config without
 * them and on one with them, in pairs (each first in turn) after `warmup` pairs, the median
 * of the pairs' differences. Their caches are warm, as on any start but the first after an
 * edit. `launch` gets the round (a first frame's tmux window) and the config directory.
 */
function ownDelta(
  runs: number,
  warmup: number,
  launch: (round: number, dir: string) => number,
  without: string,
  withOwn: string,
): { ms: number; without: number; delta: number } {
  const times: number[] = [];
  const bases: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const [b, t] = pair(
      i,
      () => launch(i, without),
      () => launch(i, withOwn),
    );
    if (i >= warmup) {
      bases.push(b);
      times.push(t);
    }
  }
  return { ms: median(times), without: median(bases), delta: median(times.map((t, i) => t - bases[i]!)) };
}

log('your own notes and questions: writing 50 notes and 200 questions…');
const noOwnDir = path.join(benchDir, 'no-own');
const ownDir = path.join(benchDir, 'own');
const shippedIds = (JSON.parse(readFileSync(path.join(root, 'dist', 'content', 'meta.json'), 'utf8')) as { id: string }[]).map((s) => s.id);
writeOwnContent(ownDir, shippedIds, { notes: 50, onShipped: 30, questions: 200 });
const ownCommands: [string, string[]][] = [
  ['awsnotes list', ['list']],
  ['awsnotes show sqs', ['show', 'sqs']],
  ['awsnotes search dynamo', ['search', 'dynamo']],
  ['awsnotes questions', ['questions']],
  ['awsnotes progress', ['progress']],
];
// The first start compiles the files and the first search makes their index: cached after.
for (const [, args] of ownCommands) timeOnce([cli, ...args], ownDir);
log(`your own notes and questions: commands without and with them, in pairs (median of ${OWN_RUNS})…`);
const ownPlain = ownCommands.map(([name, args]) => ({
  name,
  ...ownDelta(OWN_RUNS, WARMUP, (_, dir) => timeOnce([cli, ...args], dir), noOwnDir, ownDir),
}));
log(`your own notes and questions: first frames without and with them, in pairs (median of ${FRAME_RUNS})…`);
newSession(['-s', holder, 'sleep 600']);
const ownFrame = ownDelta(FRAME_RUNS, 2, (round, dir) => firstFrameOnce(cli, 200 + round, dir).ms, noOwnDir, ownDir);
spawnSync('tmux', ['kill-session', '-t', holder]);

log('timing search and keystrokes in-process…');
const inner = await harness();

// ---- the study history ------------------------------------------------------------------

const content = JSON.parse(readFileSync(path.join(root, 'dist', 'content', 'questions.json'), 'utf8')) as { id: string }[];
const bankIds = content.map((q) => q.id);
const serviceIds = (JSON.parse(readFileSync(path.join(root, 'dist', 'content', 'meta.json'), 'utf8')) as { id: string }[]).map((s) => s.id);

/** Runs the bundled history child; its JSON answer. */
function historyChild(args: string[]): {
  ms?: number;
  p50?: number;
  p95?: number;
  max?: number;
  bytesPerAnswer?: number;
  notices: string[];
} {
  const r = spawnSync(process.execPath, [path.join(benchDir, 'history-child.js'), ...args], { env, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench: history-child ${args[0]} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

log('history: writing 50,000 answers and their snapshot…');
const dir50k = path.join(benchDir, 'history-50k');
writeHistory(dir50k, 50_000, bankIds, serviceIds, Date.now());
historyChild(['build', dir50k]);
log(`history: commands with 50,000 answers, each paired with node -e 0 (median of ${RUNS} pairs)…`);
const history50k = [
  { name: 'awsnotes show sqs, 50,000 answers', budget: 1.3, ...wallTime([cli, 'show', 'sqs'], dir50k) },
  { name: 'awsnotes progress, 50,000 answers', budget: 1.5, ...wallTime([cli, 'progress'], dir50k) },
];
log(`history: first frames with 50,000 answers (median of ${FRAME_RUNS} pairs)…`);
newSession(['-s', holder, 'sleep 600']);
const frames50k = firstFrames(path.join(benchDir, 'hello.js'), cli, dir50k);
log('history: saving answers one by one…');
const saving = historyChild(['save', dir50k, '400', ...bankIds]);
const longest = bankIds.reduce((a, b) => (b.length > a.length ? b : a));
const worstLine = Buffer.byteLength(
  `${encodeEvent({ kind: 'answer', id: 'AbCdEfGhIjKl', at: Date.now(), question: longest, chosen: [0, 1, 2], correct: true, ms: 3_599_999, source: 'plain', rating: 4 })}\n`,
);

log('history: writing 1,000,000 answers…');
const dir1m = path.join(benchDir, 'history-1m');
const bytes1m = writeHistory(dir1m, 1_000_000, bankIds, serviceIds, Date.now());
log('history: replaying them into a snapshot (what a missing snapshot costs once)…');
const rebuild1m = historyChild(['build', dir1m]).ms!;
log('history: every command with 1,000,000 answers (median of 3)…');
const small = path.join(benchDir, 'small-backup.json');
let importRound = 0;
const median3 = (run: () => number) => median([run(), run(), run()]);
const commands1m: [string, () => number][] = [
  ['awsnotes progress', () => timeOnce([cli, 'progress'], dir1m)],
  ['awsnotes show sqs', () => timeOnce([cli, 'show', 'sqs'], dir1m)],
  ['awsnotes quiz --plain (one answer)', () => timeOnce([cli, 'quiz', '--plain', '--count', '1'], dir1m, 'A\n')],
  ['awsnotes config set new-per-day 20', () => timeOnce([cli, 'config', 'set', 'new-per-day', '20'], dir1m)],
  ['awsnotes export --out FILE', () => timeOnce([cli, 'export', '--out', path.join(benchDir, 'export-1m.json')], dir1m)],
  [
    'awsnotes import (10 new answers)',
    () => {
      importRound++;
      writeFileSync(
        small,
        JSON.stringify({
          format: 'awsnotes-progress',
          backupVersion: 2,
          events: Array.from({ length: 10 }, (_, i) => ({
            i: `import-${importRound}-${i}`,
            e: 'a',
            q: bankIds[i]!,
            c: [0],
            ok: 1,
            at: Date.now() - 1000,
          })),
        }),
      );
      return timeOnce([cli, 'import', small], dir1m);
    },
  ],
  ['awsnotes doctor', () => timeOnce([cli, 'doctor'], dir1m)],
  ['awsnotes search dynamo', () => timeOnce([cli, 'search', 'dynamo'], dir1m)],
];
const million = commands1m.map(([name, run]) => ({ name, ms: median3(run) }));
const frame1m = median([0, 1, 2].map((i) => firstFrameOnce(cli, 100 + i, dir1m).ms));
// doctor's slowest length: just under the size up to which it reschedules every card.
log('history: doctor on the longest journal it reschedules every card of (median of 3)…');
const dirLimit = path.join(benchDir, 'history-limit');
const limitAnswers = Math.floor((FULL_REPLAY_BYTES / (bytes1m / 1_000_000)) * 0.97);
const bytesLimit = writeHistory(dirLimit, limitAnswers, bankIds, serviceIds, Date.now());
if (bytesLimit > FULL_REPLAY_BYTES)
  throw new Error(`bench: the journal at the full-replay limit is ${bytesLimit} bytes, over ${FULL_REPLAY_BYTES}`);
historyChild(['build', dirLimit]);
const doctorLimit = median3(() => timeOnce([cli, 'doctor'], dirLimit));
spawnSync('tmux', ['kill-session', '-t', holder]);
rmSync(benchDir, { recursive: true, force: true });

interface Row {
  figure: string;
  value: string;
  reference: string;
  ratio: number | null;
  budget: string;
  ok: boolean;
}
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const signed = (v: number) => `${v < 0 ? '−' : '+'}${ms(Math.abs(v))}`;
const mib = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MiB`;
const rows: Row[] = [
  { figure: 'node -e 0 (floor, alone)', value: ms(floor), reference: '', ratio: null, budget: '', ok: true },
  ...plain.map((p) => ({
    figure: p.name,
    value: ms(p.ms),
    reference: `floor ${ms(p.floor)} (paired)`,
    ratio: p.ratio,
    budget: '≤ 1.25×',
    ok: p.ratio <= 1.25,
  })),
  { figure: 'first frame: bare Ink hello (baseline)', value: ms(baseline.ms), reference: '', ratio: null, budget: '', ok: true },
  {
    figure: 'first frame: awsnotes menu',
    value: ms(app.ms),
    reference: `baseline ${ms(baseline.ms)} (paired)`,
    ratio: frameRatio.ms,
    budget: '≤ 1.15×',
    ok: frameRatio.ms <= 1.15,
  },
  {
    figure: `search p50, shipped (${inner.records.shipped} lines)`,
    value: ms(inner.search.shipped.p50),
    reference: '',
    ratio: null,
    budget: '',
    ok: true,
  },
  {
    figure: 'search p95, shipped',
    value: ms(inner.search.shipped.p95),
    reference: '',
    ratio: null,
    budget: '≤ 2 ms',
    ok: inner.search.shipped.p95 <= 2,
  },
  {
    figure: `search p50, 10× corpus (${inner.records.synthetic} lines)`,
    value: ms(inner.search.synthetic.p50),
    reference: '',
    ratio: null,
    budget: '',
    ok: true,
  },
  {
    figure: 'search p95, 10× corpus',
    value: ms(inner.search.synthetic.p95),
    reference: '',
    ratio: null,
    budget: '≤ 16 ms',
    ok: inner.search.synthetic.p95 <= 16,
  },
  { figure: 'keystroke → frame p50, menu', value: ms(inner.keys.menu.p50), reference: '', ratio: null, budget: '', ok: true },
  {
    figure: 'keystroke → frame p95, menu',
    value: ms(inner.keys.menu.p95),
    reference: `${inner.keys.menu.n} keys (+${inner.keys.menu.unchanged} that changed nothing)`,
    ratio: null,
    budget: '≤ 16 ms',
    ok: inner.keys.menu.p95 <= 16,
  },
  { figure: 'keystroke → frame p50, reader', value: ms(inner.keys.reader.p50), reference: '', ratio: null, budget: '', ok: true },
  {
    figure: 'keystroke → frame p95, reader',
    value: ms(inner.keys.reader.p95),
    reference: `${inner.keys.reader.n} keys`,
    ratio: null,
    budget: '≤ 16 ms',
    ok: inner.keys.reader.p95 <= 16 && inner.keys.reader.unchanged === 0,
  },
  { figure: 'RSS at first frame: baseline', value: mib(baseline.rss), reference: '', ratio: null, budget: '', ok: true },
  ...ownPlain.map((o) => ({
    figure: `${o.name}, 50 notes + 200 questions of yours`,
    value: signed(o.delta),
    reference: `${ms(o.ms)}, without ${ms(o.without)} (paired)`,
    ratio: null,
    budget: '≤ +10 ms',
    ok: o.delta <= 10,
  })),
  {
    figure: 'first frame, 50 notes + 200 questions of yours',
    value: signed(ownFrame.delta),
    reference: `${ms(ownFrame.ms)}, without ${ms(ownFrame.without)} (paired)`,
    ratio: null,
    budget: '≤ +20 ms',
    ok: ownFrame.delta <= 20,
  },
  ...history50k.map((h) => ({
    figure: h.name,
    value: ms(h.ms),
    reference: `floor ${ms(h.floor)} (paired)`,
    ratio: h.ratio,
    budget: `≤ ${h.budget}×`,
    ok: h.ratio <= h.budget,
  })),
  {
    figure: 'first frame: awsnotes menu, 50,000 answers',
    value: ms(frames50k.app.ms),
    reference: `baseline ${ms(frames50k.baseline.ms)} (paired)`,
    ratio: frames50k.ratio.ms,
    budget: '≤ 1.2×',
    ok: frames50k.ratio.ms <= 1.2,
  },
  { figure: 'saving one answer p50, 50,000 answers', value: ms(saving.p50!), reference: '400 answers', ratio: null, budget: '', ok: true },
  {
    figure: 'saving one answer p95, 50,000 answers',
    value: ms(saving.p95!),
    reference: `max ${ms(saving.max!)}`,
    ratio: null,
    budget: '≤ 5 ms',
    ok: saving.p95! <= 5,
  },
  {
    figure: 'journal growth per answer (those 400)',
    value: `${saving.bytesPerAnswer!.toFixed(0)} B`,
    reference: `longest id, every field: ${worstLine} B`,
    ratio: null,
    budget: '≤ 150 B',
    ok: saving.bytesPerAnswer! <= 150 && worstLine <= 150,
  },
  {
    figure: 'rebuild from the journal, 1,000,000 answers',
    value: ms(rebuild1m),
    reference: `journal ${(bytes1m / 1024 / 1024).toFixed(0)} MiB, once`,
    ratio: null,
    budget: '',
    ok: true,
  },
  ...million.map((m) => ({
    figure: `${m.name}, 1,000,000 answers`,
    value: ms(m.ms),
    reference: '',
    ratio: null,
    budget: '≤ 2000 ms',
    ok: m.ms <= 2000,
  })),
  {
    figure: `awsnotes doctor, ${limitAnswers.toLocaleString('en-US')} answers (every card rescheduled)`,
    value: ms(doctorLimit),
    reference: `journal ${mib(bytesLimit)}, limit ${mib(FULL_REPLAY_BYTES)}`,
    ratio: null,
    budget: '≤ 2000 ms',
    ok: doctorLimit <= 2000,
  },
  {
    figure: 'first frame: awsnotes menu, 1,000,000 answers',
    value: ms(frame1m),
    reference: '',
    ratio: null,
    budget: '≤ 2000 ms',
    ok: frame1m <= 2000,
  },
  {
    figure: 'RSS at first frame: awsnotes',
    value: mib(app.rss),
    reference: `baseline ${mib(baseline.rss)} (paired)`,
    ratio: frameRatio.rss,
    budget: '≤ 1.3×',
    ok: frameRatio.rss <= 1.3,
  },
];

if (json) {
  console.log(
    JSON.stringify(
      {
        floorMs: floor,
        plain,
        firstFrame: { baseline, app, ratio: frameRatio },
        ...inner,
        own: { commands: ownPlain, firstFrame: ownFrame },
        history: {
          commands50k: history50k,
          firstFrame50k: frames50k,
          saving,
          worstLine,
          rebuild1m,
          million,
          frame1m,
          doctorLimit: { answers: limitAnswers, bytes: bytesLimit, ms: doctorLimit },
        },
        rows,
      },
      null,
      2,
    ),
  );
} else {
  const widths = [Math.max(...rows.map((r) => r.figure.length)), 10, Math.max(...rows.map((r) => r.reference.length)), 7, 9];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`${line(['figure', 'value', 'reference', 'ratio', 'budget'])}  ok`);
  for (const r of rows)
    console.log(
      line([r.figure, r.value, r.reference, r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`, r.budget]) +
        `  ${r.budget ? (r.ok ? 'yes' : 'NO') : ''}`,
    );
}
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
