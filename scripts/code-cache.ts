// After bundling: run a few typical commands against dist/ with AWSNOTES_WRITE_CODE_CACHE,
// so src/stage-loader.ts writes each stage's V8 code cache (the bytecode of every function
// those commands ran) to dist/cache/. Later runs read it instead of compiling. A stage's
// cache comes from the last command below that loaded it, so the richest comes last. The
// runs on a config with notes and questions of the learner's come first: they alone load
// the stages that read and compile those files, and the plain runs after them write the
// caches of the stages both load.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeOwnContent } from './own-data.js';

const RUNS: { args: string[]; input?: string; own?: true }[] = [
  // The first compiles the learner's files (own-compile), the next read them from its cache (own).
  { args: ['list'], own: true },
  { args: ['questions', '--service', 'my-service-01'], own: true },
  { args: ['search', 'remember'], own: true },
  { args: ['show', 'sqs'], own: true },
  { args: ['note', 'list'], own: true },
  // No progress file yet: show saves its read mark through the store (its stage's cache).
  { args: ['show', 'kms'] },
  { args: ['calc', 'dynamodb', 'read', '--size', '6KB', '--rate', '300/30s'] },
  { args: ['calc', 'kinesis', '--records', '2500/s', '--record-size', '2KB', '--consumers', '3'] },
  { args: ['quiz', '--plain', '--count', '1'], input: 'A\n' },
  { args: ['progress', '--json'] },
  { args: ['search', 'dynamo'] },
  { args: ['show', 'sqs'] },
];

export function writeCodeCache(dist: string): void {
  const cacheDir = path.join(dist, 'cache');
  mkdirSync(cacheDir, { recursive: true });
  const configDir = mkdtempSync(path.join(tmpdir(), 'awsnotes-code-cache-'));
  const ownDir = mkdtempSync(path.join(tmpdir(), 'awsnotes-code-cache-own-'));
  writeOwnContent(ownDir, ['sqs', 'dynamodb', 'lambda'], { notes: 5, onShipped: 3, questions: 10 });
  // The caches must match how awsnotes is run: no preloaded modules, no extra V8 flags.
  const { NODE_OPTIONS: _, ...env } = process.env;
  try {
    for (const { args, input, own } of RUNS) {
      const run = spawnSync(process.execPath, [path.join(dist, 'cli.cjs'), ...args], {
        env: { ...env, AWSNOTES_WRITE_CODE_CACHE: cacheDir, AWSNOTES_CONFIG_DIR: own ? ownDir : configDir, NO_COLOR: '1' },
        input: input ?? '',
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`code cache: awsnotes ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    }
  } finally {
    rmSync(configDir, { recursive: true, force: true });
    rmSync(ownDir, { recursive: true, force: true });
  }
}
