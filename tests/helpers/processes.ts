// Child processes for the durability tests, waited for by what they say, never by the clock.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** Starts a TypeScript helper and resolves once it printed a line matching `ready`. */
export function startHelper(script: string, args: string[], ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => ready.test(l));
      if (line) resolve({ child, line });
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`${script} exited ${code} before it was ready: ${err}`)));
  });
}

/** Resolves when the process has exited, with its code and signal. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}
