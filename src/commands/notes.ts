// `list`, `show` and `search`: quick answers without opening the full-screen app. Each
// loads the learner's own notes first (src/own/): services of theirs are listed, shown and
// searched like the rest, and their notes on a shipped service end its note.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hasMine, loadService, serviceMeta } from '../content/bundle.js';
import { NOTES_DIR } from '../own/types.js';
import { progressDir } from '../progress/paths.js';
import { CATEGORIES } from '../content/types.js';
import { linesToAnsi, lineToAnsi } from '../render/ansi.js';
import { excerpt, highlight, lineText, truncateLine, type Line, type Segment } from '../render/lines.js';
import { layoutNote } from '../render/note.js';
import { printable } from '../term/printable.js';
import { parse, positiveInt } from './args.js';
import { EXIT, UsageError, type Io } from './io.js';
import { loadOwn } from './own.js';

/** After a title in plain listings: the service has notes of the learner's. */
const MINE_MARK = ' ✎';

export async function list(args: string[], io: Io): Promise<number> {
  const { values } = parse('list', args, { json: { type: 'boolean' } });
  await loadOwn(io);
  const all = serviceMeta();
  if (values.json) {
    io.out(
      `${JSON.stringify(
        all.map((s) => ({
          id: s.id,
          title: s.title,
          category: s.category,
          aliases: s.aliases,
          domains: s.domains,
          own: s.own === true,
          myNotes: hasMine(s),
        })),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const idWidth = Math.max(...all.map((s) => s.id.length));
  // One write for the whole listing, not one system call per line.
  let out = '';
  for (const [category, label] of Object.entries(CATEGORIES)) {
    const inCategory = all.filter((s) => s.category === category);
    if (inCategory.length === 0) continue;
    out += `${lineToAnsi({ segments: [{ text: label, role: 'accent', bold: true }] }, io.color)}\n`;
    for (const s of inCategory) {
      const line: Line = {
        segments: [
          { text: `  ${s.id.padEnd(idWidth)}  ` },
          { text: s.title },
          ...(hasMine(s) ? [{ text: MINE_MARK, role: 'accent' as const }] : []),
          { text: `  ${s.aliases.join(', ')}`, role: 'muted' },
        ],
      };
      out += `${lineToAnsi(truncateLine(line, io.columns), io.color)}\n`;
    }
  }
  io.out(out);
  if (all.some(hasMine))
    io.out(`${lineToAnsi({ segments: [{ text: `${MINE_MARK.trim()} your notes (awsnotes note list)`, role: 'muted' }] }, io.color)}\n`);
  return EXIT.ok;
}

export function printCandidates(io: Io, query: string, candidates: { id: string; title: string }[]): number {
  if (candidates.length === 0) {
    io.err(`awsnotes: no service matches '${printable(query)}' (try: awsnotes list)\n`);
  } else {
    io.err(`awsnotes: '${printable(query)}' could mean several services; be more specific:\n`);
    for (const c of candidates) io.err(`  ${c.id.padEnd(18)} ${c.title}\n`);
  }
  return EXIT.notFound;
}

export async function show(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('show', args, { json: { type: 'boolean' } }, 'some');
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('show: which service? (awsnotes show <service>, e.g. awsnotes show sqs)');
  await loadOwn(io);
  // Imported here, not at the top: `awsnotes list` needs neither the search nor the store.
  const { findService } = await import('../content/lookup.js');
  const result = await findService(query);
  if (!result.found) return printCandidates(io, query, result.candidates);
  const service = loadService(result.found.id)!;

  // The read mark: one line appended to the journal, without loading the store (no snapshot
  // to read, no schema to check). When the journal is missing or not one this awsnotes
  // writes, through the store, which creates, converts or says what is wrong.
  const [{ JOURNAL_FILE }, { appendToKnownJournal }, { newEventId }] = await Promise.all([
    import('../progress/paths.js'),
    import('../progress/journal.js'),
    import('../progress/events.js'),
  ]);
  const mark = { kind: 'read', id: newEventId(), at: Date.now(), service: service.id } as const;
  if (!appendToKnownJournal(path.join(progressDir(io.env), JOURNAL_FILE), [mark])) {
    const { openStore, reportNotices } = await import('./store.js');
    const store = openStore(io);
    store.markRead(service.id);
    reportNotices(store, io);
  }

  if (values.json) {
    const { id, title, aliases, category, domains, sections } = service;
    const text = layoutNote(service, 80).lines.map(lineText).join('\n');
    const myNotes = service.mine ? myNotesJson(progressDir(io.env), id) : null;
    io.out(`${JSON.stringify({ id, title, aliases, category, domains, sections, text, own: service.own === true, myNotes }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(`${linesToAnsi(layoutNote(service, io.columns).lines, io.color)}\n`);
  return EXIT.ok;
}

/** The learner's notes file as they wrote it (what `show --json` carries besides the laid-out text). */
function myNotesJson(dir: string, id: string): { file: string; markdown: string } | null {
  const file = path.join(dir, NOTES_DIR, `${id}.md`);
  try {
    return { file, markdown: readFileSync(file, 'utf8') };
  } catch {
    // Removed since it was loaded a moment ago: the laid-out text still has what was shown.
    return null;
  }
}

export async function searchCommand(args: string[], io: Io): Promise<number> {
  const { DEFAULT_LIMIT, search } = await import('../search/search.js');
  const { values, positionals } = parse('search', args, { json: { type: 'boolean' }, limit: { type: 'string' } }, 'some');
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('search: what should I look for? (awsnotes search <query>, e.g. awsnotes search fifo)');
  await loadOwn(io);
  const limit = positiveInt('search', 'limit', values.limit, DEFAULT_LIMIT, 1000);
  const hits = search(query, { limit });
  if (values.json) {
    io.out(
      `${JSON.stringify(
        hits.map(({ service, section, text, score }) => ({ service, section, text, score: Number(score.toFixed(4)) })),
        null,
        2,
      )}\n`,
    );
    return hits.length ? EXIT.ok : EXIT.notFound;
  }
  if (hits.length === 0) {
    io.err(`awsnotes: nothing matches '${printable(query)}'\n`);
    return EXIT.notFound;
  }
  const byId = new Map(serviceMeta().map((s) => [s.id, s]));
  let out = '';
  for (const hit of hits) {
    const service = byId.get(hit.service);
    const section = hit.section ? service?.sections.find((s) => s.slug === hit.section)?.title : undefined;
    const where: Segment[] = [{ text: hit.service + (hit.section ? `#${hit.section}` : ''), role: 'accent', bold: true }, { text: '  ' }];
    const room = Math.max(10, io.columns - 2);
    let lines: Line[];
    if (hit.kind === 'title') lines = [{ segments: [...where, ...highlight({ segments: [{ text: hit.text }] }, hit.ranges).segments] }];
    else if (hit.kind === 'alias')
      lines = [
        {
          segments: [
            ...where,
            { text: `${service?.title ?? ''}  aka ` },
            ...highlight({ segments: [{ text: hit.text }] }, hit.ranges).segments,
          ],
        },
      ];
    else if (hit.kind === 'heading')
      lines = [{ segments: [...where, ...highlight({ segments: [{ text: hit.text }] }, hit.ranges).segments] }];
    else
      lines = [
        { segments: [...where, { text: section ?? '', role: 'muted' }] },
        { segments: [{ text: '  ' }, ...excerpt(hit.text, hit.ranges, room).segments] },
      ];
    for (const line of lines) out += `${lineToAnsi(truncateLine(line, io.columns), io.color)}\n`;
  }
  io.out(out);
  return EXIT.ok;
}
