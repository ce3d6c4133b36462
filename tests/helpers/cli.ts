// Runs the built binary as a learner's shell would, with its own config directory.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

export function tempDir(prefix = 'awsnotes-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: string[], options: { env?: Record<string, string | undefined>; input?: string; configDir?: string } & Pick<SpawnSyncOptions, 'timeout'> = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, AWSNOTES_CONFIG_DIR: options.configDir ?? tempDir(), ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A stack trace looks like "    at fn (file:line:col)". */
export const STACK_TRACE = /^\s+at .+[:(]/m;
