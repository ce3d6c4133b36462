// Runs the built binary as a learner's shell would, with its own config directory.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const CLI = path.resolve(import.meta.dirname, '../../dist/cli.cjs');

const made: string[] = [];
/** A fresh directory under the system's temp dir, removed after the test file's tests. */
export function tempDir(prefix = 'awsnotes-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
// Registered by each test file that imports this helper (vitest loads it once per file).
afterAll(() => {
  for (const dir of made.splice(0)) {
    // A directory a test made read-only must become writable again to be removed.
    spawnSync('chmod', ['-R', 'u+w', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(
  args: string[],
  options: { env?: Record<string, string | undefined>; input?: string; configDir?: string } & Pick<SpawnSyncOptions, 'timeout'> = {},
): Run {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    AWSNOTES_CONFIG_DIR: options.configDir ?? tempDir(),
    ...options.env,
  };
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

/** Runs a TypeScript helper script in its own Node process; rejects with its stderr if it fails. */
export function runScript(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(script)} exited ${code}: ${err}`))));
  });
}
