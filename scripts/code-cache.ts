// After bundling: run a few typical commands against dist/ with AWSNOTES_WRITE_CODE_CACHE,
// so src/stage-loader.ts writes each stage's V8 code cache (the bytecode of every function
// those commands ran) to dist/cache/. Later runs read it instead of compiling. Each run
// starts from the caches the runs before it wrote, so a stage's cache holds the functions
// of every command below that loaded it. Every stage is loaded by at least one of them
// (tests/cli.test.ts lists the caches).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeOwnContent } from './own-data.js';

/** `config`: a config directory of its own, made by the function given (the others share one, in order). */
const RUNS: { args: string[]; input?: string; own?: true; config?: (dir: string) => void }[] = [
  // The first compiles the learner's files (own-compile), the next read them from its cache (own).
  { args: ['list'], own: true },
  { args: ['questions', '--service', 'my-service-01'], own: true },
  { args: ['questions'], own: true },
  { args: ['search', 'remember'], own: true },
  { args: ['show', 'sqs'], own: true },
  { args: ['note', 'list'], own: true },
  // No progress file yet: show saves its read mark through the store (its stage's cache).
  { args: ['show', 'kms'] },
  { args: ['calc', 'dynamodb', 'read', '--size', '6KB', '--rate', '300/30s'] },
  { args: ['calc', 'kinesis', '--records', '2500/s', '--record-size', '2KB', '--consumers', '3'] },
  { args: ['quiz', '--plain', '--count', '1'], input: 'A\n' },
  { args: ['quiz', '--plain', '--drills', '--count', '1'], input: 'A\n' },
  { args: ['progress', '--json'] },
  { args: ['progress'] },
  { args: ['coverage'] },
  { args: ['completion', 'bash'] },
  { args: ['questions'] },
  { args: ['search', 'dynamo'] },
  { args: ['search', 'dynamodb', 'capacity'] },
  { args: ['show', 'sqs'] },
  // A settings value awsnotes would not write: checked with zod (the checks stage), and set aside.
  {
    args: ['config', 'get'],
    config: (dir) => writeFileSync(path.join(dir, 'settings.json'), '{"version": 1, "newPerDay": 2.5}\n'),
  },
];

export function writeCodeCache(dist: string): void {
  const cacheDir = path.join(dist, 'cache');
  mkdirSync(cacheDir, { recursive: true });
  const configDir = mkdtempSync(path.join(tmpdir(), 'awsnotes-code-cache-'));
  const ownDir = mkdtempSync(path.join(tmpdir(), 'awsnotes-code-cache-own-'));
  writeOwnContent(ownDir, ['sqs', 'dynamodb', 'lambda'], { notes: 5, onShipped: 3, questions: 10 });
  const made: string[] = [];
  // The caches must match how awsnotes is run: no preloaded modules, no extra V8 flags.
  const { NODE_OPTIONS: _, ...env } = process.env;
  try {
    for (const { args, input, own, config } of RUNS) {
      let dir = own ? ownDir : configDir;
      if (config) {
        dir = mkdtempSync(path.join(tmpdir(), 'awsnotes-code-cache-run-'));
        made.push(dir);
        config(dir);
      }
      const run = spawnSync(process.execPath, [path.join(dist, 'cli.cjs'), ...args], {
        env: { ...env, AWSNOTES_WRITE_CODE_CACHE: cacheDir, AWSNOTES_CONFIG_DIR: dir, NO_COLOR: '1' },
        input: input ?? '',
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`code cache: awsnotes ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    }
  } finally {
    for (const dir of [configDir, ownDir, ...made]) rmSync(dir, { recursive: true, force: true });
  }
}
