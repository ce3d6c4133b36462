// What a plain command may touch: its output streams and environment, passed in so the
// commands run the same in the binary and in tests.
import { colorEnabled, outputWidth, type Env } from '../term/color.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Env;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  columns: number;
  color: boolean;
  /** Lines typed on stdin (plain quiz, confirmations); null at end of input. */
  readLine(): Promise<string | null>;
  /** Stops reading stdin so the process can exit. */
  closeInput(): void;
}

export function processIo(): Io {
  const stdout = process.stdout;
  let rl: import('node:readline').Interface | undefined;
  let lines: AsyncIterator<string> | undefined;
  return {
    readLine: async () => {
      if (!rl) {
        // Loaded here: only the plain quiz and confirmations read stdin.
        const { createInterface } = await import('node:readline');
        rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
        lines = rl[Symbol.asyncIterator]();
      }
      const next = await lines!.next();
      return next.done ? null : next.value;
    },
    closeInput: () => rl?.close(),
    out: (text) => void stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: stdout.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    columns: outputWidth(stdout),
    color: colorEnabled(stdout.isTTY, process.env),
  };
}

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, notFound: 1, usage: 2, interrupted: 130 } as const;

/** A mistake in how the command was called: printed as one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
