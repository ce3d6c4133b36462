// The progress file itself: its format version, where it lives, and the lock that lets one
// writer at a time read, change and replace it. Shared by the store (conf, zod) and by the
// quick read mark of `awsnotes show` (progress/quick-read.ts), so it imports neither.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { writeFileSync } from 'atomically';
import envPaths from 'env-paths';

export const PROGRESS_VERSION = 2;

/** How the store names its conf: the project (for conf's directory) and the file. */
export const PROJECT_NAME = 'awsnotes';
export const CONFIG_NAME = 'progress';
export const PROGRESS_FILE = `${CONFIG_NAME}.json`;

/** $AWSNOTES_CONFIG_DIR, or the per-user directory conf picks (env-paths, suffix "nodejs"). */
export function progressDir(env: Record<string, string | undefined>): string {
  const dir = env.AWSNOTES_CONFIG_DIR;
  return dir ? path.resolve(dir) : envPaths(PROJECT_NAME, { suffix: 'nodejs' }).config;
}

/** Writes `text` as conf writes its file: atomically (a synced temporary file renamed over it), mode 0o666 before the umask. */
export function writeAtomically(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o666 });
}

/** Where a file that cannot be used is moved aside: `<name>.corrupt-<timestamp>.json`. */
export function asidePath(file: string, now: Date): string {
  return `${file.replace(/\.json$/, '')}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}.json`;
}

const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 15_000;

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the lock beside `file` (`<file>.lock`, holding the owner's pid) and returns its
 * release. Waits while another live process holds it; a lock older than 10 s or left by a
 * dead process is taken over. Where no lock file can be made (the directory is missing or
 * read-only) it returns at once: the write that follows fails and says why.
 */
export function lockFile(file: string): () => void {
  const lockPath = `${file}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          // Already removed as stale by another process: nothing to release.
        }
      };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') return () => {};
      if (lockIsStale(lockPath) || Date.now() - started > LOCK_WAIT_MS) {
        try {
          unlinkSync(lockPath);
        } catch {
          // Someone else removed it first.
        }
        continue;
      }
      sleepSync(5 + Math.random() * 10);
    }
  }
}

function lockIsStale(lockPath: string): boolean {
  try {
    if (Date.now() - statSync(lockPath).mtimeMs > LOCK_STALE_MS) return true;
    const pid = Number(readFileSync(lockPath, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return errorCode(error) === 'ESRCH';
    }
  } catch {
    return false;
  }
}
