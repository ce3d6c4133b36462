// The terminal the app runs in, left as it was found on every way out, and given back
// while the app is stopped:
//
// - q, Ctrl+C, an error: the alternate screen is left and the cursor shown (run.tsx).
// - SIGINT (kill), SIGQUIT, SIGTERM: the same, then exit 130, 131, 143.
// - SIGHUP (the terminal closed, or kill -HUP), or an I/O error writing to the terminal
//   (which can come first when it closes): the same, written only if the terminal is still
//   there, then the process dies of the signal (129 to the shell). Exiting normally would
//   have Node reset the terminal's mode on a terminal that is gone, which aborts Node.
// - Ctrl+Z or SIGTSTP: cooked mode, the cursor and the main screen back, then the process
//   stops as a shell expects; `fg` (SIGCONT) brings raw mode, the alternate screen and a
//   full redraw back, and the size the terminal has now.
// - Lent to a program the app waits for (the learner's editor, `e` in the reader): cooked
//   mode, the cursor and the main screen while it runs, as a shell gives them; then the
//   same way back as after `fg`. Meanwhile the app behaves as a shell running a command:
//   Ctrl+C and Ctrl+\ are the program's (they reach the whole foreground process group),
//   and Ctrl+Z stops the app with it, so that the shell sees the whole job stopped and
//   `fg` continues both.
//
// Every sequence is written to the terminal (stdout), never to stderr: `awsnotes 2>log`
// keeps a clean log. Writes are synchronous, as a signal handler's must be.
import { writeSync } from 'node:fs';

export const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
export const LEAVE_ALT_SCREEN = '\x1b[?1049l';
export const SHOW_CURSOR = '\x1b[?25h';
export const HIDE_CURSOR = '\x1b[?25l';

/** The exit code of each signal the app ends on: 128 + its number. */
export const SIGNAL_EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 } as const;
type EndingSignal = keyof typeof SIGNAL_EXIT_CODES;

export interface TerminalSession {
  /** Leaves the alternate screen and shows the cursor; once, whatever calls it. */
  restore(): void;
  /** The terminal went away (an I/O error on it, before or instead of SIGHUP): end as on SIGHUP. */
  hangUp(): void;
  /** Ctrl+Z: gives the terminal back and stops the process, as SIGTSTP does. */
  suspend(): void;
  /** Gives the terminal to `run` (which runs another program and waits for it), then takes it back. */
  lend<T>(run: () => T): T;
  /** Removes the signal handlers (after the app has ended). */
  close(): void;
}

/** What the app's screens do with the terminal: stop the app (Ctrl+Z), lend it to an editor (`e`). */
export type AppTerminal = Pick<TerminalSession, 'suspend' | 'lend'>;

export interface SessionOptions {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Unmounts the app (its last frame, its effects' cleanup: where a note was left). */
  unmount(): void;
  /** Draws the whole frame again (the screen was cleared behind Ink's back). */
  redraw(): void;
  /** Ends the process with `code` (process.exit, replaced in tests). */
  exit(code: number): void;
}

export function startTerminalSession({ stdin, stdout, unmount, redraw, exit }: SessionOptions): TerminalSession {
  let entered = true;
  let suspended = false;
  /** Lendings of the terminal not over yet: over once the signals its keys sent meanwhile are dispatched. */
  let lendings = 0;
  // process.stdout on a terminal is a tty.WriteStream, which has its descriptor.
  const fd = (stdout as NodeJS.WriteStream & { fd?: number }).fd ?? 1;
  /** Writes to the terminal, if it is still there. */
  const write = (text: string): boolean => {
    try {
      writeSync(fd, text);
      return true;
    } catch {
      return false;
    }
  };
  const rawMode = (on: boolean) => {
    try {
      if (stdin.isTTY) stdin.setRawMode(on);
    } catch {
      // A terminal that is gone: there is no mode left to set.
    }
  };
  const restore = () => {
    if (!entered) return;
    entered = false;
    write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };

  const end = (signal: EndingSignal) => {
    // The lent terminal's Ctrl+C or Ctrl+\: the program's to act on, not the app's.
    if (lendings > 0 && (signal === 'SIGINT' || signal === 'SIGQUIT')) return;
    if (signal === 'SIGHUP') {
      rawMode(false);
      restore();
      close();
      // Default action: the process ends of the signal, without Node's exit-time reset of
      // a terminal that may have gone.
      process.kill(process.pid, signal);
      return;
    }
    try {
      unmount();
    } finally {
      restore();
      exit(SIGNAL_EXIT_CODES[signal]);
    }
  };
  const handlers = Object.fromEntries(
    (Object.keys(SIGNAL_EXIT_CODES) as EndingSignal[]).map((signal) => [signal, () => end(signal)]),
  ) as Record<EndingSignal, () => void>;

  /** Raw mode, the alternate screen and the whole frame again, after the terminal was given away. */
  const takeBack = () => {
    rawMode(true);
    entered = true;
    write(ENTER_ALT_SCREEN + HIDE_CURSOR);
    redraw();
  };

  const onStop = () => {
    if (suspended) return;
    suspended = true;
    rawMode(false);
    restore();
    // Stopped by the signal's default action, the way a shell's job control expects.
    process.off('SIGTSTP', onStop);
    process.kill(process.pid, 'SIGTSTP');
    process.on('SIGTSTP', onStop);
  };
  const onContinue = () => {
    if (!suspended) return;
    suspended = false;
    takeBack();
    // The window may have been resized meanwhile, with the shell in the foreground: Node
    // reads the size again on SIGWINCH and tells Ink (and the app) if it changed.
    process.kill(process.pid, 'SIGWINCH');
  };

  const lend = <T>(run: () => T): T => {
    lendings++;
    rawMode(false);
    restore();
    // No handler: Ctrl+Z in the program stops this process too (its default action).
    process.off('SIGTSTP', onStop);
    try {
      return run();
    } finally {
      process.on('SIGTSTP', onStop);
      takeBack();
      // A signal that came while `run` blocked the event loop is dispatched when the loop
      // next polls: after the first check phase from here, before the second. Until then
      // Ctrl+C and Ctrl+\ stay the program's.
      setImmediate(() => setImmediate(() => lendings--));
    }
  };

  for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  process.on('SIGTSTP', onStop);
  process.on('SIGCONT', onContinue);
  // Whatever else ends the process: the terminal is given back all the same.
  process.on('exit', restore);

  function close() {
    for (const [signal, handler] of Object.entries(handlers)) process.off(signal, handler);
    process.off('SIGTSTP', onStop);
    process.off('SIGCONT', onContinue);
    process.off('exit', restore);
  }

  write(ENTER_ALT_SCREEN);
  return { restore, hangUp: handlers.SIGHUP, suspend: () => process.kill(process.pid, 'SIGTSTP'), lend, close };
}
