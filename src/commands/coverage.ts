// `awsnotes coverage [--json]`: each task statement of the exam guide with its note
// sections, its questions, and how far the learner has got with them.
import { examGuide, questions, services } from '../content/bundle.js';
import { DOMAIN_INFO } from '../content/types.js';
import { taskCoverage, type TaskCoverage } from '../quiz/coverage.js';
import { lineToAnsi } from '../render/ansi.js';
import type { Line } from '../render/lines.js';
import { wrap } from '../render/note.js';
import { parse } from './args.js';
import { EXIT, type Io } from './io.js';
import { loadOwn } from './own.js';
import { openStore, reportNotices } from './store.js';

/** Below this mastery a task is shown as a weak spot. */
const WEAK = 0.72;

export async function coverage(args: string[], io: Io): Promise<number> {
  const { values } = parse('coverage', args, { json: { type: 'boolean' } });
  await loadOwn(io, { questions: true });
  const store = openStore(io);
  reportNotices(store, io);
  const rows = taskCoverage(examGuide(), services(), questions(), store.read(), new Date());
  if (values.json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const line of coverageLines(rows, io.columns)) io.out(`${lineToAnsi(line, io.color).trimEnd()}\n`);
  return EXIT.ok;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** "5 sections in 3 notes: api-gateway (3), lambda, sqs": the full list is in --json. */
function sectionSummary(sections: readonly string[]): string {
  if (sections.length === 0) return 'no note section yet';
  const perNote = new Map<string, number>();
  for (const section of sections) {
    const note = section.slice(0, section.indexOf('#'));
    perNote.set(note, (perNote.get(note) ?? 0) + 1);
  }
  const notes = [...perNote].map(([note, count]) => (count > 1 ? `${note} (${count})` : note));
  return `${sections.length} section${sections.length === 1 ? '' : 's'} in ${perNote.size} note${perNote.size === 1 ? '' : 's'}: ${notes.join(', ')}`;
}

export function coverageLines(rows: readonly TaskCoverage[], width: number): Line[] {
  const lines: Line[] = [
    {
      segments: [
        {
          text: 'Exam guide coverage: each task, its questions, how many you answered, your mastery, its notes',
          role: 'accent',
          bold: true,
        },
      ],
    },
  ];
  let domain: string | undefined;
  for (const row of rows) {
    if (row.domain !== domain) {
      domain = row.domain;
      const info = DOMAIN_INFO[row.domain];
      lines.push({ segments: [] }, { segments: [{ text: `${info.title} (${percent(info.weight)} of the exam)`, bold: true }] });
    }
    const indent = [{ text: '      ' }];
    lines.push(...wrap([{ text: row.title }], width, [{ text: `  ${row.task} `, bold: true }], indent), {
      segments: [
        ...indent,
        { text: `${row.questions} questions · ${row.answered} answered · mastery ` },
        { text: percent(row.mastery), role: row.mastery >= WEAK ? 'success' : 'warning', bold: true },
      ],
    });
    lines.push(...wrap([{ text: sectionSummary(row.sections), role: 'muted' }], width, indent, indent));
  }
  lines.push(
    { segments: [] },
    { segments: [{ text: 'Practise one task: awsnotes quiz --task 1.1 (add --plain to answer on stdin)', role: 'muted' }] },
  );
  return lines;
}
