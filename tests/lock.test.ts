// The lock: never taken from a live process (a paused one included), taken from a dead
// one, never spun on, and a lock that cannot be removed is reported at once with its path.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, describeLockProblem } from '../src/progress/lock.js';
import { CLI, runInProcess, tempDir } from './helpers/cli.js';
import { exited, startHelper } from './helpers/processes.js';

const children: { kill(signal?: NodeJS.Signals): boolean }[] = [];
afterEach(() => {
  for (const child of children.splice(0)) {
    child.kill('SIGCONT');
    child.kill('SIGKILL');
  }
});

async function heldByChild(lockPath: string) {
  const { child } = await startHelper('hold-lock', [lockPath], /^held \d+/);
  children.push(child);
  return child;
}

describe('the lock', () => {
  it('is never taken from a live holder: the wait is bounded and names the holder', async () => {
    const lockPath = path.join(tempDir(), 'progress.json.lock');
    const holder = await heldByChild(lockPath);
    const before = readFileSync(lockPath, 'utf8');
    const waited: number[] = [];
    const result = acquireLock(lockPath, { waitMs: 300, onWait: (h) => waited.push(h.pid) });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'busy', holder: { pid: holder.pid } } });
    expect(waited).toEqual([holder.pid]);
    expect(readFileSync(lockPath, 'utf8')).toBe(before);
    if (!result.ok) expect(describeLockProblem(result.problem)).toMatch(new RegExp(`${lockPath}.*held by awsnotes process ${holder.pid}`));
  });

  it('is never taken from a paused holder (Ctrl+Z)', async () => {
    const lockPath = path.join(tempDir(), 'progress.json.lock');
    const holder = await heldByChild(lockPath);
    holder.kill('SIGSTOP');
    expect(acquireLock(lockPath, { waitMs: 200 })).toMatchObject({ ok: false, problem: { kind: 'busy' } });
    holder.kill('SIGCONT');
  });

  it('waits without spinning: a bounded wait uses a small share of a core', async () => {
    const lockPath = path.join(tempDir(), 'progress.json.lock');
    await heldByChild(lockPath);
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    acquireLock(lockPath, { waitMs: 600 });
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    expect(wall).toBeGreaterThanOrEqual(590);
    // A spinning wait would use about as much CPU as wall time.
    expect((used.user + used.system) / 1000).toBeLessThan(wall / 4);
  });

  it("is taken from a holder that is gone, and only the holder's own release removes it", async () => {
    const lockPath = path.join(tempDir(), 'progress.json.lock');
    const holder = await heldByChild(lockPath);
    holder.kill('SIGKILL');
    await exited(holder);
    const mine = acquireLock(lockPath, { waitMs: 0 });
    expect(mine.ok).toBe(true);
    const content = readFileSync(lockPath, 'utf8');
    expect(JSON.parse(content)).toMatchObject({ pid: process.pid, host: hostname() });
    // A lock that is not ours (here: rewritten by hand) is left alone by our release.
    writeFileSync(lockPath, content.replace(/"token":"[^"]+"/, '"token":"someone-else"'));
    if (mine.ok) mine.lock.release();
    expect(existsSync(lockPath)).toBe(true);
  });

  it('a directory in its place is reported at once, with the path and what to do', () => {
    const lockPath = path.join(tempDir(), 'progress.json.lock');
    mkdirSync(lockPath);
    // A wait of a minute would time the test out: a lock that cannot be removed is not waited for.
    const result = acquireLock(lockPath, { waitMs: 60_000 });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'stuck', path: lockPath } });
    if (!result.ok) expect(describeLockProblem(result.problem)).toMatch(/cannot be used: it is a directory.*delete it/);
    expect(existsSync(lockPath)).toBe(true);
  });

  it('content that is not a lock is waited for while fresh, and removed once old', () => {
    const lockPath = path.join(tempDir(), 'progress.json.lock');
    writeFileSync(lockPath, 'garbage');
    expect(acquireLock(lockPath, { waitMs: 100 })).toMatchObject({ ok: false, problem: { kind: 'stuck' } });
    spawnSync('touch', ['-d', '1 minute ago', lockPath]);
    expect(acquireLock(lockPath, { waitMs: 0 }).ok).toBe(true);
  });

  it('no lock in a directory that is not there: reported, not retried', () => {
    const lockPath = path.join(tempDir(), 'missing', 'progress.json.lock');
    expect(acquireLock(lockPath, { waitMs: 60_000 })).toMatchObject({ ok: false, problem: { kind: 'unavailable' } });
  });
});

describe('a command waiting for the lock', () => {
  it('says whom it waits for, and Ctrl+C (SIGINT) ends it at once', async () => {
    const dir = tempDir();
    const backup = path.join(tempDir(), 'backup.json');
    writeFileSync(backup, JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, events: [] }));
    const holder = await heldByChild(path.join(dir, 'progress.json.lock'));
    const child = spawn(process.execPath, [CLI, 'import', backup], {
      env: { ...process.env, AWSNOTES_CONFIG_DIR: dir, AWSNOTES_LOCK_WAIT: '600' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let err = '';
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (d) => {
        err += d;
        if (err.includes('waiting for')) resolve();
      }),
    );
    expect(err).toMatch(new RegExp(`waiting for .*progress\\.json\\.lock \\(held by awsnotes process ${holder.pid}\\)`));
    child.kill('SIGINT');
    // Ten minutes of waiting left: only the signal can have ended it.
    expect(await exited(child)).toEqual({ code: null, signal: 'SIGINT' });
  });

  it('gives up after the wait, exit 1, nothing saved, naming the holder', async () => {
    const dir = tempDir();
    const backup = path.join(tempDir(), 'backup.json');
    writeFileSync(backup, JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, events: [] }));
    const holder = await heldByChild(path.join(dir, 'progress.json.lock'));
    const r = await runInProcess(['import', backup], { configDir: dir, env: { AWSNOTES_LOCK_WAIT: '0.3' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`nothing was saved .*held by awsnotes process ${holder.pid}`));
  });
});
