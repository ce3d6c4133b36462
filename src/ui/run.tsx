// The interactive path: alternate screen, Ink render, and a terminal restored on every
// way out (q, Ctrl+C, a signal, an uncaught error).
import { render } from 'ink';
import { loadOwnContent } from '../own/index.js';
import { ProgressStore } from '../progress/store.js';
import { colorEnabled } from '../term/color.js';
import { App, type AppStart } from './App.js';
import { firstFrameLogger } from './frame-log.js';
import { loadLaterScreens } from './screens/later.js';

const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';

/**
 * The terminal lent to the learner's editor (`e` in the reader): cooked mode and the main
 * screen while it runs, as a shell would give them; then raw mode and our screen again,
 * which the app redraws. The editor is waited for synchronously, so Ink reads no key of
 * the editor's meanwhile. A Ctrl+C that reaches awsnotes too (an editor that does not take
 * the terminal raw) must end the editor only, not leave the terminal half restored.
 */
function terminalHandOff() {
  const ignoreInterrupt = () => {};
  return {
    suspend() {
      process.on('SIGINT', ignoreInterrupt);
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      process.stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
    },
    resume() {
      process.stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
      if (process.stdin.isTTY) process.stdin.setRawMode(true);
      // A SIGINT received during the editor is dispatched after it: the listener stays until then.
      setImmediate(() => process.off('SIGINT', ignoreInterrupt));
    },
  };
}

/**
 * How the app is rendered, shared with the bench's keystroke harness. Ink throttles
 * redraws to maxFps; 60 keeps a keystroke's frame within one 60 Hz refresh. (Ink's
 * incrementalRendering left stale rows on the alternate screen in tmux: not used.)
 */
export const INK_OPTIONS = { exitOnCtrlC: false, patchConsole: true, maxFps: 60 } as const;

export async function runApp(start: AppStart = { screen: 'services' }): Promise<number> {
  if (start.screen !== 'services') await loadLaterScreens();
  const store = ProgressStore.open();
  // Before the first frame, their notes: the menu lists the learner's own services with the
  // others. Their questions (checked against the whole bank) load just after it, unless the
  // app opens on the quiz, which asks them at once.
  const ownProblems = await loadOwnContent(store.dir, { questions: start.screen !== 'services' });
  let exitCode = 0;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };

  process.stdout.write(ENTER_ALT_SCREEN);
  const onRender = firstFrameLogger();
  const instance = render(
    <App
      store={store}
      color={colorEnabled(true)}
      start={start}
      onExit={(code) => (exitCode = code)}
      terminal={terminalHandOff()}
      ownProblems={ownProblems}
    />,
    {
      ...INK_OPTIONS,
      ...(onRender ? { onRender } : {}),
    },
  );

  const fail = (error: unknown) => {
    instance.unmount();
    restore();
    process.stderr.write(`awsnotes: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // SIGTERM: the terminal is still there, so leave it as we found it. SIGHUP (the terminal
  // closed) keeps Node's default, dying at once: there is no screen left to restore, and
  // exiting normally would make Node assert while resetting a tty that is gone. Nothing is
  // lost either way, since every progress write is synchronous and atomic.
  process.once('SIGTERM', () => {
    instance.unmount();
    restore();
    process.exit(143);
  });

  try {
    await instance.waitUntilExit();
  } finally {
    restore();
  }
  for (const notice of store.notices.splice(0)) process.stderr.write(`awsnotes: ${notice}\n`);
  return exitCode;
}
