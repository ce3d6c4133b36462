// Child processes for the durability and lock tests, waited for by what they say, never by
// the clock.
import { type ChildProcess, spawn } from 'node:child_process';
import { type Helper, helperScript } from './bundle.js';

/** Starts a helper script and resolves once it printed a line matching `ready`. */
export function startHelper(name: Helper, args: string[], ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [helperScript(name), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => ready.test(l));
      if (line) resolve({ child, line });
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`${name} exited ${code} before it was ready: ${err}`)));
  });
}

/** Runs a helper script to its end; rejects with its stderr if it fails. */
export function runHelper(name: Helper, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [helperScript(name), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited ${code}: ${err}`))));
  });
}

/** Resolves when the process has exited, with its code and signal. */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}
