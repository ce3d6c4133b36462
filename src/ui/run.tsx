// The interactive path: alternate screen, Ink render, and a terminal restored on every
// way out (q, Ctrl+C, a signal, an uncaught error) and while stopped or lent to the
// learner's editor (see terminal.ts).
import { render, useStdout } from 'ink';
import { useEffect } from 'react';
import { loadOwnContent } from '../own/index.js';
import { longReplayMessage, ProgressStore } from '../progress/store.js';
import { colorEnabled } from '../term/color.js';
import { App, type AppStart } from './App.js';
import { firstFrameLogger } from './frame-log.js';
import { loadLaterScreens } from './screens/later.js';
import { startTerminalSession } from './terminal.js';

/**
 * How the app is rendered, shared with the bench's keystroke harness. Ink throttles
 * redraws to maxFps; 60 keeps a keystroke's frame within one 60 Hz refresh. (Ink's
 * incrementalRendering left stale rows on the alternate screen in tmux: not used.)
 */
export const INK_OPTIONS = { exitOnCtrlC: false, patchConsole: true, maxFps: 60 } as const;

/**
 * Hands out a way to draw the whole frame again. Ink writes only what changed since its
 * last frame; writing through its stdout (even nothing) makes it clear what it wrote and
 * write the whole frame again.
 */
function Redraw({ onReady }: { onReady(redraw: () => void): void }) {
  const { write } = useStdout();
  useEffect(() => onReady(() => write('')), [onReady, write]);
  return null;
}

export async function runApp(start: AppStart = { screen: 'services' }): Promise<number> {
  if (start.screen !== 'services') await loadLaterScreens();
  // Before Ink draws anything: a rebuild of a long history would otherwise be a blank screen.
  const store = ProgressStore.open({ onLongReplay: (bytes) => process.stderr.write(`awsnotes: ${longReplayMessage(bytes)}\n`) });
  // Before the first frame, their notes: the menu lists the learner's own services with the
  // others. Their questions (checked against the whole bank) load just after it, unless the
  // app opens on the quiz, which asks them at once.
  const ownProblems = await loadOwnContent(store.dir, { questions: start.screen !== 'services' });
  let exitCode = 0;
  let redraw = () => {};
  let unmount = () => {};
  const session = startTerminalSession({
    stdin: process.stdin,
    stdout: process.stdout,
    unmount: () => unmount(),
    redraw: () => redraw(),
    exit: (code) => process.exit(code),
  });

  const onRender = firstFrameLogger();
  const instance = render(
    <>
      <Redraw onReady={(draw) => (redraw = draw)} />
      <App
        store={store}
        color={colorEnabled(true)}
        start={start}
        onExit={(code) => (exitCode = code)}
        terminal={session}
        ownProblems={ownProblems}
      />
    </>,
    { ...INK_OPTIONS, ...(onRender ? { onRender } : {}) },
  );
  unmount = () => instance.unmount();

  const fail = (error: unknown) => {
    // The terminal closed under a write: nothing to report it on, nowhere to restore.
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EIO') return session.hangUp();
    instance.unmount();
    session.restore();
    process.stderr.write(`awsnotes: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);

  try {
    await instance.waitUntilExit();
  } finally {
    session.restore();
    session.close();
  }
  for (const notice of store.notices.splice(0)) process.stderr.write(`awsnotes: ${notice}\n`);
  return exitCode;
}
