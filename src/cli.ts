// The executable. Everything it does is in commands/main.ts; this file only wires it to
// the process.
import { main, reportError } from './commands/main.js';
import { EXIT, processIo } from './commands/io.js';

// chalk (inside Ink) ignores NO_COLOR; FORCE_COLOR=0 is what it obeys. Set before Ink loads.
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

// A closed pipe (`awsnotes list | head -1`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
});

const io = processIo();
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error, io);
  },
);
