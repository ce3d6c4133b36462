// What a plain command may touch: its output streams and environment, passed in so the
// commands run the same in the binary (commands/process-io.ts) and in tests.
import type { Env } from '../term/color.js';

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

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, notFound: 1, usage: 2, interrupted: 130 } as const;

/** A mistake in how the command was called: printed as one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
