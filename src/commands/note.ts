// `awsnotes note edit|add|list`: the learner's own notes from a shell. `edit` opens their
// editor on notes/<id>.md (from a template the first time), `add` appends a bullet without
// one, `list` lists the files. Every change is read back at once, and its problems told.
import { statSync } from 'node:fs';
import path from 'node:path';
import { ownContent, serviceMeta } from '../content/bundle.js';
import { findService } from '../content/lookup.js';
import { KEBAB } from '../content/schema.js';
import { appendBullet, ensureNoteFile, newServiceTemplate, noteFile, notesTemplate, removeIfTemplate, runEditor } from '../own/edit.js';
import { formatProblem, listOwnFiles, loadOwnContent } from '../own/index.js';
import type { OwnProblem } from '../own/types.js';
import { progressDir } from '../progress/paths.js';
import { plural } from '../render/plural.js';
import { printable } from '../term/printable.js';
import { parse } from './args.js';
import { EXIT, UsageError, type Io } from './io.js';
import { loadOwn, tellProblems } from './own.js';

async function serviceFor(command: string, query: string, io: Io): Promise<{ id: string; title: string } | undefined> {
  const found = await findService(query);
  if (found.found) return found.found;
  if (found.candidates.length === 0) {
    io.err(
      `awsnotes: ${command}: no service matches '${printable(query)}' (awsnotes list shows them; awsnotes note edit --new <id> adds one of your own)\n`,
    );
  } else {
    io.err(`awsnotes: ${command}: '${printable(query)}' could mean several services; be more specific:\n`);
    for (const c of found.candidates) io.err(`  ${c.id.padEnd(18)} ${c.title}\n`);
  }
  return undefined;
}

/** Reads the learner's files again and tells the problems of `file`, the one just written. */
async function readBack(dir: string, file: string, io: Io): Promise<OwnProblem[]> {
  const problems = (await loadOwnContent(dir)).filter((p) => p.file === file);
  tellProblems(problems, dir, io, true);
  return problems;
}

async function edit(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('note edit', args, { new: { type: 'string' } }, 'some');
  const dir = progressDir(io.env);
  let id: string;
  let template: string;
  if (values.new !== undefined) {
    if (positionals.length) throw new UsageError(`note edit: --new takes the id alone, not '${positionals[0]}'`);
    id = values.new.trim();
    if (!KEBAB.test(id)) throw new UsageError(`note edit --new: the id is written in kebab-case (my-service), not '${values.new}'`);
    await loadOwn(io);
    const shipped = serviceMeta().find((s) => s.id === id && !s.own);
    if (shipped) throw new UsageError(`note edit --new: awsnotes ships ${id}; your notes on it: awsnotes note edit ${id}`);
    template = newServiceTemplate(id);
  } else {
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('note edit: which service? (awsnotes note edit sqs, or --new <id> for a service of your own)');
    await loadOwn(io);
    const service = await serviceFor('note edit', query, io);
    if (!service) return EXIT.notFound;
    id = service.id;
    template = notesTemplate(service);
  }
  const file = noteFile(dir, id);
  const relative = path.relative(dir, file);
  let created: boolean;
  try {
    created = ensureNoteFile(file, template);
  } catch (error) {
    io.err(`awsnotes: note edit: cannot create ${printable(file)} (${printable((error as Error).message)})\n`);
    return EXIT.notFound;
  }
  const outcome = runEditor(file, io.env);
  if (!outcome.ok) {
    if (created) removeIfTemplate(file, template);
    io.err(
      `awsnotes: note edit: ${printable(outcome.reason)}; ${created ? 'nothing was written' : `${printable(file)} is as the editor left it`}\n`,
    );
    return EXIT.notFound;
  }
  if (created && removeIfTemplate(file, template)) {
    io.out(`Nothing written: ${relative} was left as the template made it, so it was removed.\n`);
    return EXIT.ok;
  }
  const problems = await readBack(dir, relative, io);
  io.out(`Saved ${printable(file)}${problems.length ? `, with ${plural(problems.length, 'problem')} (above)` : ''}: awsnotes show ${id}\n`);
  return EXIT.ok;
}

async function add(args: string[], io: Io): Promise<number> {
  const [query, ...words] = args;
  if (query === undefined || query.startsWith('-')) throw new UsageError('note add: which service? (awsnotes note add sqs "the text")');
  const text = words.join(' ').trim();
  if (!text) throw new UsageError(`note add: what should I add? (awsnotes note add ${query} "the text")`);
  const dir = progressDir(io.env);
  await loadOwn(io);
  const service = await serviceFor('note add', query, io);
  if (!service) return EXIT.notFound;
  const file = noteFile(dir, service.id);
  try {
    appendBullet(file, text);
  } catch (error) {
    io.err(`awsnotes: note add: cannot write ${printable(file)} (${printable((error as Error).message)}); nothing was added\n`);
    return EXIT.notFound;
  }
  const problems = await readBack(dir, path.relative(dir, file), io);
  io.out(`Added to ${printable(file)}${problems.length ? `, which has ${plural(problems.length, 'problem')} (above)` : ''}\n`);
  return EXIT.ok;
}

interface NoteRow {
  id: string;
  file: string;
  /** Notes on a shipped service, a service of the learner's own, or a file left out for its problems. */
  kind: 'notes' | 'service' | 'left-out';
  title: string | null;
  bytes: number;
  modified: string;
  problems: string[];
}

async function listNotes(args: string[], io: Io): Promise<number> {
  const { values } = parse('note list', args, { json: { type: 'boolean' } });
  const dir = progressDir(io.env);
  const problems = await loadOwnContent(dir);
  const own = ownContent();
  const titles = new Map(serviceMeta().map((s) => [s.id, s.title]));
  const rows: NoteRow[] = listOwnFiles(dir, { questions: false }).notes.map((file) => {
    const id = path.basename(file, '.md');
    const kind = own?.annotations.has(id) ? 'notes' : own?.services.some((s) => s.id === id) ? 'service' : 'left-out';
    let bytes = 0;
    let modified = '';
    try {
      const stats = statSync(path.join(dir, file));
      bytes = stats.size;
      modified = stats.mtime.toISOString();
    } catch {
      // Removed since it was listed: shown with no size.
    }
    return {
      id,
      file: path.join(dir, file),
      kind,
      title: kind === 'left-out' ? null : (titles.get(id) ?? null),
      bytes,
      modified,
      problems: problems.filter((p) => p.file === file).map((p) => formatProblem(p)),
    };
  });
  if (values.json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    io.out(
      `No notes of yours yet in ${printable(path.join(dir, 'notes'))}. Write some: awsnotes note edit <service>, or e in a note of the app.\n`,
    );
    return EXIT.ok;
  }
  const width = Math.max(...rows.map((r) => r.id.length));
  for (const row of rows) {
    const what =
      row.kind === 'notes' ? `notes on ${row.title}` : row.kind === 'service' ? `your service: ${row.title}` : 'left out (see below)';
    io.out(
      `${printable(row.id.padEnd(width))}  ${printable(what)}  ${row.bytes.toLocaleString('en-US')} bytes  ${row.modified.slice(0, 10)}\n`,
    );
  }
  io.out(`${plural(rows.length, 'file')} in ${printable(path.join(dir, 'notes'))}\n`);
  tellProblems(problems, dir, io, true);
  return EXIT.ok;
}

export async function note(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'edit') return edit(rest, io);
  if (action === 'add') return add(rest, io);
  if (action === 'list') return listNotes(rest, io);
  throw new UsageError(
    action ? `note: unknown action '${action}' (edit, add or list)` : 'note: edit, add or list? (awsnotes note edit sqs)',
  );
}
