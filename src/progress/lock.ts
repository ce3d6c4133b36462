// A lock file held while one process rewrites the snapshot or imports into, resets or
// repairs the journal (answers are appended without it: see progress/journal.ts).
//
// Why not proper-lockfile: it declares a lock stale by age, so its holder must refresh the
// lock's mtime from a timer; a holder that is paused (Ctrl+Z), or busy in synchronous code
// such as a large import, stops refreshing and loses the lock to the next process while it
// still believes it holds it (issue 15: a paused import lost a concurrent `config set`).
// Here the lock names its holder (pid, host, a random token) and is stale only when that
// process is gone, which the kernel answers for this host. A paused or busy holder keeps it.
//
// - Created atomically: the content is written to a temporary file that is then hard-
//   linked to the lock's name (link fails if the name exists), so a lock is never seen
//   half-written.
// - A stale lock is renamed aside before it is removed, and removed only if the renamed
//   file is the one judged stale (same token): two processes breaking the same stale lock
//   cannot remove the fresh lock one of them has just taken.
// - Waiting is bounded, sleeps between looks (no spinning), and blocks in Atomics.wait,
//   where Ctrl+C's SIGINT (no handler installed) ends the process at once.
// - A lock that cannot be created or removed (a directory in the way, a read-only or full
//   file system) is reported at once with its path and what to do, never retried in a loop.
import { closeSync, constants, linkSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { hostname } from 'node:os';
import { describeFsError, errorCode } from './paths.js';
import { randomName } from './random.js';
import { writeAll } from './safe-file.js';

export interface LockHolder {
  pid: number;
  host: string;
  /** When the holder took the lock (ISO). */
  since: string;
  token: string;
}

export type LockProblem =
  /** A live process holds it (or one on another host, which cannot be checked from here). */
  | { kind: 'busy'; path: string; holder: LockHolder; sameHost: boolean }
  /** It cannot be taken: left by a dead process or unreadable, and it cannot be removed. */
  | { kind: 'stuck'; path: string; reason: string }
  /** No lock can be made there (the directory is missing, read-only or full). */
  | { kind: 'unavailable'; path: string; reason: string };

export interface Lock {
  release(): void;
}

export type LockResult = { ok: true; lock: Lock } | { ok: false; problem: LockProblem };

export interface LockOptions {
  /** How long to wait for a live holder, in milliseconds (0: one look). */
  waitMs: number;
  /** Called once when the lock is busy and waiting starts. */
  onWait?: (holder: LockHolder) => void;
  /** The lock may already be held by this very process (the exam claim): taken again. */
  reentrant?: boolean;
}

const LOOK_EVERY_MS = 50;
const TEMP_MARK = '.tmp-';
/** Content that is not a lock (hand-made, damaged) is stale once this old. */
const GARBAGE_STALE_MS = 10_000;

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

function parseHolder(text: string): LockHolder | undefined {
  try {
    const raw = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(raw.pid) || (raw.pid as number) <= 0 || typeof raw.host !== 'string' || typeof raw.token !== 'string')
      return undefined;
    return { pid: raw.pid as number, host: raw.host, since: typeof raw.since === 'string' ? raw.since : '', token: raw.token };
  } catch {
    return undefined;
  }
}

/**
 * Whether the holder is running: true while it exists on this host (paused or not),
 * unknown for another host (then it is never taken).
 */
export function holderAlive(holder: LockHolder): boolean | 'unknown' {
  if (holder.host !== hostname()) return 'unknown';
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return errorCode(error) !== 'ESRCH';
  }
  // On Linux, /proc says more: a process that has exited but is not reaped yet (a zombie,
  // state Z) is gone, and a pid taken again by an unrelated program is not our holder
  // (awsnotes runs in Node).
  try {
    const stat = readFileSync(`/proc/${holder.pid}/stat`, 'latin1');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
    const command = readFileSync(`/proc/${holder.pid}/cmdline`, 'latin1');
    if (command && !/node|awsnotes/.test(command)) return false;
  } catch {
    // No /proc here (or no access): the pid's existence is the answer.
  }
  return true;
}

export type LockState =
  | { state: 'free' }
  | { state: 'held'; holder: LockHolder; alive: boolean | 'unknown' }
  | { state: 'invalid'; reason: string; ageMs?: number };

/** What is at `lockPath` now (for waiting, and for doctor's report). */
export function inspectLock(lockPath: string): LockState {
  let ageMs: number;
  try {
    const stats = lstatSync(lockPath);
    if (!stats.isFile())
      return { state: 'invalid', reason: stats.isDirectory() ? 'it is a directory, not a lock file' : 'it is not a lock file' };
    ageMs = Date.now() - stats.mtimeMs;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'free' };
    return { state: 'invalid', reason: describeFsError(error) };
  }
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'free' };
    return { state: 'invalid', reason: describeFsError(error), ageMs };
  }
  const holder = parseHolder(text);
  if (!holder) return { state: 'invalid', reason: 'its content is not an awsnotes lock', ageMs };
  return { state: 'held', holder, alive: holderAlive(holder) };
}

/** Creates the lock file with `content` in one step; false when it already exists. */
function create(lockPath: string, content: string): boolean {
  // The pid in the name lets removeLockLeftovers() tell a killed creator's file from a live one's.
  const temp = `${lockPath}${TEMP_MARK}${process.pid}-${randomName(16)}`;
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  try {
    writeAll(fd, Buffer.from(content));
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, lockPath);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    // A file system without hard links: O_EXCL makes the lock, then its content is written.
    const direct = openSync(lockPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      writeAll(direct, Buffer.from(content));
    } finally {
      closeSync(direct);
    }
    return true;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing to clean.
    }
  }
}

/**
 * Removes a lock judged stale, unless it changed since: renamed aside first, then checked.
 * Returns a problem when it cannot be removed.
 */
function removeStale(lockPath: string, judged: string): LockProblem | undefined {
  const aside = `${lockPath}.stale-${randomName(16)}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined; // someone else removed it
    return {
      kind: 'stuck',
      path: lockPath,
      reason: `it was left by a process that is gone and cannot be removed (${describeFsError(error)})`,
    };
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // Unreadable now: treat as changed and put it back.
  }
  if (moved === judged) {
    try {
      unlinkSync(aside);
    } catch {
      // Left aside under a name nothing uses.
    }
    return undefined;
  }
  // Another process replaced the stale lock with its own between our look and the rename:
  // give it back (if a third took the name meanwhile, the two hold it; see the header).
  try {
    linkSync(aside, lockPath);
  } catch {
    // Taken meanwhile.
  }
  try {
    unlinkSync(aside);
  } catch {
    // Nothing more to do.
  }
  return undefined;
}

const held = new Map<string, { token: string; count: number }>();

export function acquireLock(lockPath: string, options: LockOptions): LockResult {
  const mine = held.get(lockPath);
  if (mine && options.reentrant) {
    mine.count++;
    return { ok: true, lock: releaser(lockPath, mine.token) };
  }
  const token = randomName(16);
  const content = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), token });
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    try {
      if (create(lockPath, content)) {
        held.set(lockPath, { token, count: 1 });
        return { ok: true, lock: releaser(lockPath, token) };
      }
    } catch (error) {
      return { ok: false, problem: { kind: 'unavailable', path: lockPath, reason: describeFsError(error) } };
    }
    const found = inspectLock(lockPath);
    if (found.state === 'free') continue;
    // Not a lock at all (a directory, an unreadable file): nothing to wait for.
    if (found.state === 'invalid' && found.ageMs === undefined)
      return { ok: false, problem: { kind: 'stuck', path: lockPath, reason: found.reason } };
    const stale = found.state === 'invalid' ? found.ageMs! >= GARBAGE_STALE_MS : found.alive === false;
    if (stale) {
      const problem = removeStale(lockPath, readOrEmpty(lockPath));
      if (problem) return { ok: false, problem };
      continue;
    }
    if (found.state === 'held' && options.reentrant && found.holder.pid === process.pid && found.holder.host === hostname()) {
      held.set(lockPath, { token: found.holder.token, count: 1 });
      return { ok: true, lock: releaser(lockPath, found.holder.token) };
    }
    if (Date.now() >= deadline) {
      if (found.state === 'held')
        return { ok: false, problem: { kind: 'busy', path: lockPath, holder: found.holder, sameHost: found.alive !== 'unknown' } };
      return { ok: false, problem: { kind: 'stuck', path: lockPath, reason: found.reason } };
    }
    if (!told && found.state === 'held') {
      told = true;
      options.onWait?.(found.holder);
    }
    sleep(Math.min(LOOK_EVERY_MS, Math.max(1, deadline - Date.now())));
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function releaser(lockPath: string, token: string): Lock {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const mine = held.get(lockPath);
      if (mine && --mine.count > 0) return;
      held.delete(lockPath);
      // Only our own lock is removed: never one taken over after ours was judged stale.
      const holder = parseHolder(readOrEmpty(lockPath));
      if (holder?.token !== token) return;
      try {
        unlinkSync(lockPath);
      } catch {
        // Left behind: stale once this process is gone, and the next one removes it.
      }
    },
  };
}

/** A one-line account of why the lock could not be taken, with its path and what to do. */
export function describeLockProblem(problem: LockProblem): string {
  switch (problem.kind) {
    case 'busy': {
      const { holder } = problem;
      const taken = Date.parse(holder.since);
      const since = Number.isNaN(taken) ? '' : ` since ${new Date(taken).toTimeString().slice(0, 8)}`;
      return problem.sameHost
        ? `${problem.path} is held by awsnotes process ${holder.pid}${since}; let it finish (or quit it) and try again`
        : `${problem.path} is held by process ${holder.pid} on host ${holder.host}${since}; if awsnotes is not running there, delete ${problem.path}`;
    }
    case 'stuck':
      return `${problem.path} cannot be used: ${problem.reason}; delete it (rm -r ${JSON.stringify(problem.path)}) when no awsnotes is running`;
    case 'unavailable':
      return `no lock can be made at ${problem.path} (${problem.reason})`;
  }
}

/**
 * Removes the temporary files of lock creators that were killed between writing one and
 * linking it into place (their pid is gone); a live creator's is left to it. Returns how
 * many were removed and how many are left.
 */
export function removeLockLeftovers(lockPath: string): { removed: number; left: number } {
  const dir = path.dirname(lockPath);
  const prefix = `${path.basename(lockPath)}${TEMP_MARK}`;
  let removed = 0;
  let left = 0;
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(prefix));
  } catch {
    return { removed, left };
  }
  for (const name of names) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && holderAlive({ pid, host: hostname(), since: '', token: '' }) !== false) {
      left++;
      continue;
    }
    try {
      unlinkSync(path.join(dir, name));
      removed++;
    } catch {
      left++;
    }
  }
  return { removed, left };
}
