// The learner's own notes in the app: the problems of their files (the banner), and `e` in
// the reader, which hands the terminal to their editor and loads the notes again when it
// exits, so the reader and the search show what was saved at once.
import path from 'node:path';
import { useEffect, useState } from 'react';
import { serviceById } from '../content/bundle.js';
import {
  ensureNoteFile,
  type EditorOutcome,
  newServiceTemplate,
  noteFile,
  notesTemplate,
  removeIfTemplate,
  runEditor,
} from '../own/edit.js';
import { formatProblem, loadOwnContent } from '../own/index.js';
import type { OwnProblem } from '../own/types.js';
import { plural } from '../render/plural.js';
import { printable } from '../term/printable.js';
import type { AppTerminal } from './terminal.js';

export interface OwnNotesOptions {
  dir: string;
  env: Record<string, string | undefined>;
  /** Lends the terminal to the editor (terminal.ts); absent in tests, where the editor is a script. */
  terminal: AppTerminal | undefined;
  /** The problems found when the app loaded the learner's files (run.tsx). */
  initialProblems: readonly OwnProblem[];
  onNotice(text: string): void;
}

/** One line over the screens while a file of the learner's has a problem. */
export function problemBanner(problems: readonly OwnProblem[]): string {
  if (problems.length === 0) return '';
  const more = problems.length > 1 ? ` (+${problems.length - 1} more: awsnotes questions --check)` : '';
  return `⚠ ${printable(formatProblem(problems[0]!))}${more}`;
}

export function useOwnNotes({ dir, env, terminal, initialProblems, onNotice }: OwnNotesOptions) {
  const [problems, setProblems] = useState<readonly OwnProblem[]>(initialProblems);
  const [version, setVersion] = useState(0);

  const reload = async () => {
    const loaded = await loadOwnContent(dir, { questions: true });
    setProblems(loaded);
    setVersion((v) => v + 1);
    return loaded;
  };
  // The first frame had their notes only (run.tsx): their questions join just after it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for the directory the app opened with
  useEffect(() => {
    void reload();
  }, []);

  const edit = async (serviceId: string): Promise<void> => {
    const service = serviceById(serviceId);
    if (!service) return;
    const file = noteFile(dir, service.id);
    const shown = printable(path.relative(dir, file));
    const template = service.own ? newServiceTemplate(service.id) : notesTemplate(service);
    let created: boolean;
    try {
      created = ensureNoteFile(file, template);
    } catch (error) {
      onNotice(`cannot create ${shown}: ${printable((error as Error).message)}`);
      return;
    }
    const outcome: EditorOutcome = terminal ? terminal.lend(() => runEditor(file, env)) : runEditor(file, env);
    const removed = created && removeIfTemplate(file, template);
    const loaded = await reload();
    const inFile = loaded.filter((p) => p.file === path.relative(dir, file)).length;
    if (!outcome.ok) onNotice(printable(outcome.reason));
    else if (removed) onNotice(`Nothing written: ${shown} was left as the template made it.`);
    else onNotice(`Saved ${shown}${inFile ? `, with ${plural(inFile, 'problem')} (above)` : ''}.`);
  };

  return { problems, version, edit };
}
