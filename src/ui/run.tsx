// The interactive path: alternate screen, Ink render, and a terminal restored on every
// way out (q, Ctrl+C, a signal, an uncaught error).
import { render } from 'ink';
import { loadContent } from '../content/bundle.js';
import { ProgressStore } from '../progress/store.js';
import { colorEnabled } from '../term/color.js';
import { App } from './App.js';

const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

export async function runApp(_args: string[]): Promise<number> {
  await loadContent();
  const store = ProgressStore.open();
  let exitCode = 0;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };

  process.stdout.write(ENTER_ALT_SCREEN);
  const instance = render(<App store={store} color={colorEnabled(true)} onExit={(code) => (exitCode = code)} />, {
    exitOnCtrlC: false,
    patchConsole: true,
  });

  const fail = (error: unknown) => {
    instance.unmount();
    restore();
    process.stderr.write(`awsnotes: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      instance.unmount();
      restore();
      process.exit(128 + (signal === 'SIGTERM' ? 15 : 1));
    });
  }

  try {
    await instance.waitUntilExit();
  } finally {
    restore();
  }
  for (const notice of store.notices.splice(0)) process.stderr.write(`awsnotes: ${notice}\n`);
  return exitCode;
}
