// `npm run bench:compare -- <tree A> <tree B>`: two builds of awsnotes measured against each
// other rather than against a floor, for a change too small for `npm run bench` to see in
// its ratios: a patch switched off (docs/performance.md says how each figure in
// src/patches/manifest.ts was taken). Each tree is a checkout with its own dist/ built; its
// bench harness is bundled with that tree's own scripts/bundle.ts.
//
// A and B are launched in pairs, each first in turn, as `npm run bench` pairs a command with
// its floor; what is printed is the median of the pairs' differences (B − A), the middle half
// of them, and a 95% interval of that median: an interval that holds 0 is no measurable
// difference.
//
//   --only commands,frames,keys   which groups to measure (all by default)
//   --command "progress --json"   time this command only (instead of the usual five)
//   --config DIR                  start each tree's config directory as a copy of DIR (a
//                                 history, the learner's own files) instead of empty
//   --rounds N                    pairs per plain command (default 31); first frames take
//                                 N/2, whole keystroke runs N/6
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { newSession } from '../tmux.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
const groups = new Set((option('--only') ?? 'commands,frames,keys').split(','));
const onlyCommand = option('--command');
const startConfig = option('--config');
const rounds = Number(option('--rounds') ?? 31);
const trees = args.map((tree) => path.resolve(tree));
if (trees.length !== 2 || !Number.isInteger(rounds) || rounds < 2) {
  console.error('usage: bench:compare <tree A> <tree B> [--only commands,frames,keys] [--command "…"] [--config DIR] [--rounds N]');
  process.exit(2);
}
for (const tree of trees) {
  if (!existsSync(path.join(tree, 'dist', 'cli.cjs'))) {
    console.error(`bench:compare: ${tree}/dist/cli.cjs is missing; run npm run build there first`);
    process.exit(2);
  }
}
const [treeA, treeB] = trees as [string, string];

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.ceil(at)]! - sorted[low]!) * (at - low);
};

/** Runs A and B once each: A first in even rounds, B first in odd ones. */
function pair<T>(round: number, a: () => T, b: () => T): [T, T] {
  if (round % 2 === 0) {
    const first = a();
    return [first, b()];
  }
  const second = b();
  return [a(), second];
}

const workDir = mkdtempSync(path.join(tmpdir(), 'awsnotes-compare-'));
const configDir = (tree: string) => path.join(workDir, `config-${trees.indexOf(tree)}`);
if (startConfig !== undefined) {
  if (!existsSync(startConfig)) {
    console.error(`bench:compare: --config ${startConfig} does not exist`);
    process.exit(2);
  }
  for (const tree of trees) cpSync(startConfig, configDir(tree), { recursive: true });
}
// As in run.ts: Ink draws only the last frame when it believes it runs in CI.
const ciKeys = Object.keys(process.env).filter((k) => k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_'));
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !ciKeys.includes(k)));

interface Row {
  figure: string;
  a: number;
  b: number;
  differences: number[];
}
const rows: Row[] = [];
const record = (figure: string, pairs: [number, number][]) =>
  rows.push({
    figure,
    a: quantile(
      pairs.map(([a]) => a),
      0.5,
    ),
    b: quantile(
      pairs.map(([, b]) => b),
      0.5,
    ),
    differences: pairs.map(([a, b]) => b - a),
  });
const log = (text: string) => process.stderr.write(`${text}\n`);

/**
 * One run of a command: its wall time and its CPU time (user + system), both in ms. On a
 * loaded machine the wall time of a 150 ms command scatters by tens of ms while its CPU
 * time does not, so CPU time shows a change of a millisecond or two that wall time hides.
 * Node cannot read a child's resource usage; Python's os.wait4 can, so a small Python
 * process starts each command (outside the timed span) and reports both.
 */
const RUNNER = `
import os, sys, time
devnull = os.open(os.devnull, os.O_RDWR)
actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
start = time.perf_counter()
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
print(os.waitstatus_to_exitcode(status), wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000)
`;
function timeCommand(tree: string, commandArgs: string[]): { wall: number; cpu: number } {
  const run = spawnSync('python3', ['-c', RUNNER, process.execPath, path.join(tree, 'dist', 'cli.cjs'), ...commandArgs], {
    env: { ...baseEnv, AWSNOTES_CONFIG_DIR: configDir(tree), NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (run.error || run.status !== 0) throw new Error(`bench:compare: python3 could not run awsnotes: ${run.error?.message ?? run.stderr}`);
  const [status, wall, cpu] = run.stdout.trim().split(' ').map(Number) as [number, number, number];
  if (status !== 0) throw new Error(`bench:compare: ${tree}: awsnotes ${commandArgs.join(' ')} exited ${status}`);
  return { wall, cpu };
}

function firstFrameMs(tree: string, run: number): number {
  const logFile = path.join(workDir, `frame-${trees.indexOf(tree)}-${run}.log`);
  const session = `awsnotes-compare-${process.pid}-${trees.indexOf(tree)}-${run}`;
  const unset = ciKeys.map((k) => `-u ${k}`).join(' ');
  const command = `date +%s%N > ${logFile}.start; exec env ${unset} AWSNOTES_BENCH_FRAME_LOG=${logFile} AWSNOTES_CONFIG_DIR=${configDir(tree)} ${process.execPath} ${path.join(tree, 'dist', 'cli.cjs')}`;
  newSession(['-s', session, '-x', '100', '-y', '30', command]);
  const deadline = Date.now() + 10_000;
  while (!existsSync(logFile) || readFileSync(logFile, 'utf8').trim() === '') {
    if (Date.now() > deadline) throw new Error(`bench:compare: no first frame from ${tree}`);
    execFileSync('sleep', ['0.01']);
  }
  spawnSync('tmux', ['kill-session', '-t', session]);
  return Number(readFileSync(logFile, 'utf8').trim().split(' ')[0]) - Number(readFileSync(`${logFile}.start`, 'utf8').trim()) / 1e6;
}

interface KeyFigures {
  keys: Record<'menu' | 'reader', { p50: number; p95: number }>;
  keysCpu: Record<'menu' | 'reader', number>;
}
function harnessRun(tree: string): Promise<KeyFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(workDir, `harness-${trees.indexOf(tree)}`, 'harness.js'),
        path.join(tree, 'dist', 'content'),
        path.join(workDir, 'harness-progress'),
      ],
      { env: { ...baseEnv, NO_COLOR: '' }, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`bench:compare: harness of ${tree} exited ${code}`)),
    );
  });
}

if (groups.has('commands')) {
  const commands = onlyCommand
    ? [onlyCommand.split(' ')]
    : [
        ['list'],
        ['show', 'sqs'],
        ['search', 'dynamo'],
        ['progress', '--json'],
        ['calc', 'dynamodb', 'read', '--size', '6KB', '--rate', '300/30s'],
      ];
  for (const command of commands) {
    log(`awsnotes ${command.join(' ')}: ${rounds} pairs…`);
    const pairs: [{ wall: number; cpu: number }, { wall: number; cpu: number }][] = [];
    for (let i = 0; i < rounds + 3; i++) {
      const times = pair(
        i,
        () => timeCommand(treeA, command),
        () => timeCommand(treeB, command),
      );
      if (i >= 3) pairs.push(times);
    }
    record(
      `awsnotes ${command.join(' ')}: wall (ms)`,
      pairs.map(([a, b]) => [a.wall, b.wall]),
    );
    record(
      `awsnotes ${command.join(' ')}: CPU (ms)`,
      pairs.map(([a, b]) => [a.cpu, b.cpu]),
    );
  }
}

if (groups.has('frames')) {
  const frameRounds = Math.max(2, Math.round(rounds / 2));
  log(`first frames in tmux: ${frameRounds} pairs…`);
  const holder = `awsnotes-compare-holder-${process.pid}`;
  newSession(['-s', holder, 'sleep 900']);
  const pairs: [number, number][] = [];
  for (let i = 0; i < frameRounds + 2; i++) {
    const times = pair(
      i,
      () => firstFrameMs(treeA, i),
      () => firstFrameMs(treeB, i),
    );
    if (i >= 2) pairs.push(times);
  }
  spawnSync('tmux', ['kill-session', '-t', holder]);
  record('first frame of the menu (ms)', pairs);
}

if (groups.has('keys')) {
  for (const tree of trees) {
    const { bundle } = (await import(pathToFileURL(path.join(tree, 'scripts', 'bundle.ts')).href)) as {
      bundle: (entries: string[], outdir: string) => Promise<void>;
    };
    await bundle([path.join(tree, 'scripts', 'bench', 'harness.tsx')], path.join(workDir, `harness-${trees.indexOf(tree)}`));
  }
  const keyRounds = Math.max(2, Math.round(rounds / 6));
  log(`keystrokes: ${keyRounds} pairs of harness runs…`);
  const runs: [KeyFigures, KeyFigures][] = [];
  for (let i = 0; i < keyRounds; i++) {
    if (i % 2 === 0) {
      const a = await harnessRun(treeA);
      runs.push([a, await harnessRun(treeB)]);
    } else {
      const b = await harnessRun(treeB);
      runs.push([await harnessRun(treeA), b]);
    }
  }
  for (const screen of ['menu', 'reader'] as const) {
    for (const p of ['p50', 'p95'] as const)
      record(
        `keystroke → frame ${p}, ${screen} (ms)`,
        runs.map(([a, b]) => [a.keys[screen][p], b.keys[screen][p]]),
      );
    record(
      `CPU per key, ${screen} (ms)`,
      runs.map(([a, b]) => [a.keysCpu[screen], b.keysCpu[screen]]),
    );
  }
}
rmSync(workDir, { recursive: true, force: true });

/**
 * A 95% interval of the median of `values`, from their order alone (no assumption about
 * their distribution): the ranks n/2 ± 0.98·√n of the sorted values.
 */
function medianInterval(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const half = 0.98 * Math.sqrt(sorted.length);
  const rank = (r: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(r)))]!;
  return [rank(sorted.length / 2 - half - 0.5), rank(sorted.length / 2 + half - 0.5)];
}

const fixed = (v: number) => v.toFixed(Math.abs(v) < 10 ? 2 : 1);
const signed = (v: number) => `${v >= 0 ? '+' : ''}${fixed(v)}`;
const table = rows.map((r) => [
  r.figure,
  fixed(r.a),
  fixed(r.b),
  signed(quantile(r.differences, 0.5)),
  `${fixed(quantile(r.differences, 0.25))} … ${fixed(quantile(r.differences, 0.75))}`,
  medianInterval(r.differences).map(signed).join(' … '),
  String(r.differences.length),
]);
const header = ['figure', 'A', 'B', 'B − A', 'middle half of B − A', '95% interval of B − A', 'pairs'];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
console.log(`A = ${treeA}\nB = ${treeB}`);
for (const line of [header, ...table]) console.log(line.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
