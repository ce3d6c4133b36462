// Runs awsnotes as a learner's shell would, with its own config directory: the built binary
// in a process of its own (run), or the same commands called in this process (runInProcess)
// where the process boundary is not what a test is about.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Io } from '../../src/commands/io.js';
import { main, reportError } from '../../src/commands/main.js';
import { installOwnContent, ownContent } from '../../src/content/bundle.js';
import { colorEnabled } from '../../src/term/color.js';

export const CLI = path.resolve(import.meta.dirname, '../../dist/cli.cjs');

const made: string[] = [];
/** A fresh directory under the system's temp dir, removed after the test file's tests (tests/setup.ts). */
export function tempDir(prefix = 'awsnotes-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the directories tempDir made. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    // A directory a test made read-only must become writable again to be removed.
    spawnSync('chmod', ['-R', 'u+w', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  env?: Record<string, string | undefined>;
  /** stdin: a pipe holding this text (empty by default), never a terminal. */
  input?: string;
  configDir?: string;
}

/** The environment of a run: this one without colour settings, with its own config directory. */
function runEnv(options: RunOptions): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    AWSNOTES_CONFIG_DIR: options.configDir ?? tempDir(),
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env as Record<string, string>;
}

export function run(args: string[], options: RunOptions & Pick<SpawnSyncOptions, 'timeout'> = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: runEnv(options),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `awsnotes args` called in this process, as src/cli.ts calls it: the same commands, with
 * stdout and stderr pipes (not terminals, 80 columns) and stdin holding `input`. What
 * differs from `run` is only what a process has of its own: exit codes set on the real
 * process, closed pipes, signals, the bundle and its code cache, start-up.
 */
export async function runInProcess(args: string[], options: RunOptions = {}): Promise<Run> {
  const env = runEnv(options);
  // Split as node:readline splits the binary's stdin.
  const lines = (options.input ?? '').split(/\r?\n|\r(?!\n)/);
  if (lines.at(-1) === '') lines.pop();
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env,
    stdoutIsTTY: false,
    stdinIsTTY: false,
    columns: 80,
    color: colorEnabled(false, env),
    readLine: async () => lines.shift() ?? null,
    closeInput() {},
  };
  // A process of its own has none of the learner's content joined before the command loads
  // it, and this one keeps what it had.
  const before = ownContent();
  installOwnContent(undefined);
  let code: number;
  try {
    code = await main(args, io);
  } catch (error) {
    code = reportError(error, io);
  } finally {
    installOwnContent(before);
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A stack trace looks like "    at fn (file:line:col)". */
export const STACK_TRACE = /^\s+at .+[:(]/m;
