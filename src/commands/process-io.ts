// The plain commands' I/O on the real process. Output goes straight to file descriptors
// 1 and 2 with blocking writes, and stdin/stdout become Node streams only when a command
// needs one: creating process.stdout for a pipe or a terminal loads `net` and the stream
// machinery, a few milliseconds that `awsnotes show sqs | less` should not pay.
import { fstatSync, statSync, writeSync, type Stats } from 'node:fs';
import { colorEnabled, outputWidth } from '../term/color.js';
import type { Io } from './io.js';

/**
 * Whether fd 0, 1 or 2 is a terminal. Pipes, files and /dev/null are told apart by one
 * fstat; only a character device other than /dev/null asks the tty module, through the
 * process stream it belongs to (which the caller needs for its width anyway).
 */
export function isTerminal(fd: 0 | 1 | 2): boolean {
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch {
    return false; // closed
  }
  if (!stats.isCharacterDevice() || isDevNull(stats)) return false;
  const stream = fd === 0 ? process.stdin : fd === 1 ? process.stdout : process.stderr;
  return stream.isTTY === true;
}

function isDevNull(stats: Stats): boolean {
  try {
    return stats.rdev === statSync('/dev/null').rdev;
  } catch {
    return false; // no /dev/null here: let the tty module decide
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text` to `fd`, in order with everything written before. A descriptor
 * another program left non-blocking (EAGAIN) is retried after a millisecond; a reader
 * that went away (EPIPE, `awsnotes list | head -1`) ends the process quietly, as a
 * closed pipe is not an error.
 */
export function writeFd(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else if (code === 'EPIPE' && fd === 2)
        return; // nobody left to tell
      else if (code === 'EPIPE') process.exit(0);
      else throw error;
    }
  }
}

export function processIo(): Io {
  let rl: import('node:readline').Interface | undefined;
  let lines: AsyncIterator<string> | undefined;
  let stdinIsTTY: boolean | undefined;
  const stdoutIsTTY = isTerminal(1);
  const columns = stdoutIsTTY ? outputWidth(process.stdout) : 80;
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
    out: (text) => writeFd(1, text),
    err: (text) => writeFd(2, text),
    env: process.env,
    stdoutIsTTY,
    get stdinIsTTY() {
      stdinIsTTY ??= isTerminal(0);
      return stdinIsTTY;
    },
    columns,
    color: colorEnabled(stdoutIsTTY, process.env),
  };
}
