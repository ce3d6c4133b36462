// Dispatch of argv to the plain commands or the interactive app. Ink and React are
// imported only on the interactive path.
import { COMMANDS, commandHelpText, helpText } from './registry.js';
import { EXIT, UsageError, type Io } from './io.js';
import { VERSION } from '../../generated/version.js';
import { printable } from '../term/printable.js';

const PLAIN_HINT = `the interactive app needs a terminal; plain commands: ${COMMANDS.map((c) => c.name).join(', ')} (awsnotes --help)`;

async function interactive(io: Io): Promise<number> {
  if (!io.stdinIsTTY || !io.stdoutIsTTY) {
    io.err(`awsnotes: ${PLAIN_HINT}\n`);
    return EXIT.usage;
  }
  const { runApp } = await import('../ui/run.js');
  return runApp({ screen: 'services' });
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) return interactive(io);
  if (first === '-h' || first === '--help' || first === 'help') {
    io.out(helpText(VERSION, io.columns));
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.out(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`);
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) throw new UsageError(`unknown command '${first}'`);
  if (rest.includes('-h') || rest.includes('--help')) {
    io.out(commandHelpText(command, io.columns));
    return EXIT.ok;
  }
  return command.run(rest, io);
}

export function reportError(error: unknown, io: Io): number {
  // By name: each command stage of the bundle has its own copy of the class.
  if (error instanceof Error && error.name === 'UsageError') {
    io.err(`awsnotes: ${printable(error.message)} (see awsnotes --help)\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`awsnotes: unexpected error: ${printable(message)}\n`);
  if (io.env.AWSNOTES_DEBUG && error instanceof Error && error.stack) io.err(`${printable(error.stack).replace(/\\x0A/g, '\n')}\n`);
  return EXIT.notFound;
}
