// The executable (dist/cli.cjs): argv, `--version`, and the dispatch to the plain commands,
// each of which the bundle keeps in a file of its own, required when it runs. Ink is
// imported only for the interactive app (see commands/main.ts).
import { processIo, writeFd } from './commands/process-io.js';
import { main, reportError } from './commands/main.js';

declare const __AWSNOTES_VERSION__: string;

// chalk (inside Ink) ignores NO_COLOR; FORCE_COLOR=0 is what it obeys. Set before Ink loads.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // The version the build put in: the most frequent scripted call reads nothing else.
  writeFd(1, `${__AWSNOTES_VERSION__}\n`);
} else {
  const io = processIo();
  void main(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = reportError(error, io);
    },
  );
}
