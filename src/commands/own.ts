// The learner's own notes and questions in the plain commands: loaded before a command shows
// content, their problems told on stderr, one line each (file, line, what is wrong).
import { formatProblem, loadOwnContent } from '../own/index.js';
import type { OwnProblem } from '../own/types.js';
import { progressDir } from '../progress/paths.js';
import { plural } from '../render/plural.js';
import { printable } from '../term/printable.js';
import type { Io } from './io.js';

/** Lines told on every command; `awsnotes questions --check` tells them all. */
const TOLD = 5;

export function tellProblems(problems: readonly OwnProblem[], dir: string, io: Io, all = false): void {
  const shown = all ? problems : problems.slice(0, TOLD);
  for (const problem of shown) io.err(`awsnotes: ${printable(formatProblem(problem, dir))}\n`);
  if (shown.length < problems.length)
    io.err(
      `awsnotes: ${plural(problems.length - shown.length, 'more problem')} in your files (awsnotes questions --check lists them all)\n`,
    );
}

/** Loads the learner's notes (and questions, when the command uses them) and tells their problems. */
export async function loadOwn(io: Io, options: { questions?: boolean } = {}): Promise<OwnProblem[]> {
  const dir = progressDir(io.env);
  const problems = await loadOwnContent(dir, options);
  tellProblems(problems, dir, io);
  return problems;
}
