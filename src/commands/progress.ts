// `awsnotes progress`, `config`, `reset`, `export` and `import`: the learner's history,
// readable, portable and never lost.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { questions, services } from '../content/bundle.js';
import { DOMAIN_INFO } from '../content/types.js';
import { exportAnki, exportJson, parseBackup } from '../progress/backup.js';
import { mergeProgress } from '../progress/merge.js';
import { parseLocalDate, progressReport, type ProgressReport } from '../progress/report.js';
import { emptyProgress, type Progress } from '../progress/schema.js';
import type { ProgressStore } from '../progress/store.js';
import { lineToAnsi } from '../render/ansi.js';
import type { Line } from '../render/lines.js';
import { VERSION } from '../../generated/version.js';
import { parse } from './args.js';
import { EXIT, UsageError, type Io } from './io.js';
import { openStore, reportNotices } from './store.js';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const bar = (share: number, size = 20) => '█'.repeat(Math.round(share * size)).padEnd(size, '░');

export function progressJson(report: ProgressReport) {
  return {
    notesRead: report.notesRead,
    notesTotal: report.notesTotal,
    answered: report.answered,
    correct: report.correct,
    due: report.due,
    dueToday: report.dueToday,
    dueTomorrow: report.dueTomorrow,
    streakDays: report.streakDays,
    exams: report.exams,
    services: report.services,
    domains: report.domains,
    readiness: report.readiness,
    nextSteps: report.nextSteps,
  };
}

/** The dashboard as lines, shared by `awsnotes progress` and the Progress screen. */
export function reportLines(report: ProgressReport, width: number): Line[] {
  const r = report.readiness;
  const lines: Line[] = [];
  const heading = (text: string) => {
    if (lines.length) lines.push({ segments: [] });
    lines.push({ segments: [{ text, role: 'accent', bold: true }] });
  };
  const size = Math.max(8, Math.min(20, width - 60));
  heading('Where you stand');
  lines.push({
    segments: [
      { text: `Notes read      ${String(report.notesRead.length).padStart(2)}/${report.notesTotal}  ` },
      { text: bar(report.notesRead.length / Math.max(1, report.notesTotal), size), role: 'accent' },
    ],
  });
  lines.push({
    segments: [
      {
        text: `Answers         ${report.answered} (${report.correct} right, ${percent(report.answered ? report.correct / report.answered : null)})`,
      },
    ],
  });
  lines.push({ segments: [{ text: `Cards due       ${report.dueToday} today · ${report.dueTomorrow} tomorrow` }] });
  lines.push({ segments: [{ text: `Study streak    ${report.streakDays} day${report.streakDays === 1 ? '' : 's'}` }] });
  heading(`Exam readiness${r.examDate ? ` on ${r.examDate}` : ' today'} (set a date: awsnotes config set exam-date YYYY-MM-DD)`);
  lines.push({
    segments: [
      { text: `Expected score ${r.expected} (likely ${r.low}–${r.high}) · pass line ${r.passLine} · ` },
      r.likelyPass
        ? { text: 'likely pass', role: 'success', bold: true }
        : { text: r.high >= r.passLine ? 'too close to call' : 'not there yet', role: 'warning', bold: true },
    ],
  });
  lines.push({ segments: [{ text: `Weakest domain: ${DOMAIN_INFO[r.weakestDomain].title}`, role: 'muted' }] });
  heading('By exam domain (weight · mastery)');
  for (const d of report.domains) {
    lines.push({
      segments: [
        { text: `${d.title.padEnd(34)} ${String(Math.round(d.weight * 100)).padStart(2)}%  ` },
        { text: bar(d.mastery, size), role: d.mastery >= 0.72 ? 'success' : 'warning' },
        { text: ` ${percent(d.mastery)}  ${d.answered} answered` },
      ],
    });
  }
  if (report.exams.length) {
    heading('Exam simulations');
    const trend = report.exams
      .slice(-12)
      .map((e) => '▁▂▃▄▅▆▇█'[Math.min(7, Math.max(0, Math.floor(((e.scaled - 100) / 900) * 8)))])
      .join('');
    lines.push({ segments: [{ text: `Trend ${trend}`, role: 'accent' }] });
    for (const e of report.exams.slice(-5).reverse()) {
      lines.push({
        segments: [
          { text: `${e.finishedAt.slice(0, 10)}  ${e.scaled} ` },
          e.passed ? { text: 'pass', role: 'success' } : { text: 'fail', role: 'error' },
          { text: `  ${e.correct}/${e.questions}` },
        ],
      });
    }
  }
  heading('By service (read · answered · right · due · mastery)');
  for (const s of report.services) {
    lines.push({
      segments: [
        { text: s.read ? '✓ ' : '· ', role: s.read ? 'success' : 'muted' },
        {
          text: `${s.title
            .replace(/ \(.*\)$/, '')
            .slice(0, 34)
            .padEnd(34)} ${String(s.answered).padStart(3)} ${percent(s.share).padStart(4)} ${String(s.due).padStart(3)}  `,
        },
        { text: bar(s.mastery, Math.min(size, 10)), role: s.mastery >= 0.72 ? 'success' : 'muted' },
      ],
    });
  }
  return lines;
}

export function progress(args: string[], io: Io): number {
  const { values } = parse('progress', args, { json: { type: 'boolean' } });
  const store = openStore(io);
  reportNotices(store, io);
  const report = progressReport(store.read(), questions(), services(), new Date());
  if (values.json) {
    io.out(`${JSON.stringify(progressJson(report), null, 2)}\n`);
    return EXIT.ok;
  }
  for (const line of reportLines(report, io.columns)) io.out(`${lineToAnsi(line, io.color)}\n`);
  if (report.nextSteps.length) {
    io.out(`\n${lineToAnsi({ segments: [{ text: 'Next', role: 'accent', bold: true }] }, io.color)}\n`);
    for (const step of report.nextSteps) io.out(`  • ${step.text}\n`);
  }
  return EXIT.ok;
}

/** Validates YYYY-MM-DD as a real calendar date. */
export function checkExamDate(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = parseLocalDate(text);
  if (!date) return null;
  const round = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return round === text ? text : null;
}

export function config(args: string[], io: Io): number {
  const [action, key, value, ...rest] = args;
  if (rest.length) throw new UsageError(`config: unexpected argument '${rest[0]}'`);
  if (action === 'get') {
    if (key !== undefined && key !== 'exam-date') throw new UsageError(`config: unknown setting '${key}' (known: exam-date)`);
    const store = openStore(io);
    reportNotices(store, io);
    io.out(`exam-date ${store.read().settings.examDate ?? '(not set)'}\n`);
    return EXIT.ok;
  }
  if (action !== 'set')
    throw new UsageError(
      action ? `config: unknown action '${action}' (get or set)` : 'config: get or set? (awsnotes config set exam-date YYYY-MM-DD)',
    );
  if (key !== 'exam-date')
    throw new UsageError(key ? `config: unknown setting '${key}' (known: exam-date)` : 'config set: which setting? (exam-date)');
  if (value === undefined) throw new UsageError('config set exam-date: give a date as YYYY-MM-DD, or none to clear it');
  const date = value === 'none' ? undefined : checkExamDate(value);
  if (date === null) throw new UsageError(`config set exam-date: '${value}' is not a date as YYYY-MM-DD (e.g. 2027-03-15), or none`);
  const store = openStore(io);
  store.update((p) => {
    if (date) p.settings.examDate = date;
    else delete p.settings.examDate;
  });
  reportNotices(store, io);
  io.out(date ? `exam-date set to ${date}\n` : 'exam-date cleared\n');
  return EXIT.ok;
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Writes a JSON backup next to the progress file; returns its path. */
function backupBeside(store: ProgressStore, current: Progress, now: Date): string {
  const file = path.join(path.dirname(store.path), `progress.backup-${timestamp(now)}.json`);
  writeFileSync(file, exportJson(current, now, VERSION));
  return file;
}

export async function reset(args: string[], io: Io): Promise<number> {
  const { values } = parse('reset', args, { yes: { type: 'boolean' } });
  const store = openStore(io);
  reportNotices(store, io);
  if (!store.writable) {
    io.err('awsnotes: reset: the progress file cannot be written this session; nothing was changed\n');
    return EXIT.notFound;
  }
  const current = store.read();
  const summary = `${current.answers.length} answers, ${Object.keys(current.notesRead).length} notes read, ${current.exams.length} exams`;
  if (!values.yes) {
    if (!io.stdinIsTTY) throw new UsageError('reset: refusing to erase progress without --yes when not on a terminal');
    io.out(`Erase all progress (${summary})? A backup is kept first. Type yes to confirm: `);
    const answer = await io.readLine();
    io.closeInput();
    if (answer?.trim().toLowerCase() !== 'yes' && answer?.trim().toLowerCase() !== 'y') {
      io.out('Nothing was changed.\n');
      return EXIT.ok;
    }
  }
  const now = new Date();
  const backup = backupBeside(store, current, now);
  store.update((p) => {
    Object.assign(p, emptyProgress());
  });
  io.out(`Progress erased (${summary}). Backup: ${backup}\nRestore it with: awsnotes import ${JSON.stringify(backup)}\n`);
  return EXIT.ok;
}

export function exportCommand(args: string[], io: Io): number {
  const { values } = parse('export', args, { format: { type: 'string' }, out: { type: 'string' } });
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'anki') throw new UsageError(`export: --format must be json or anki, not '${format}'`);
  let text: string;
  if (format === 'anki') text = exportAnki(questions(), services());
  else {
    const store = openStore(io);
    reportNotices(store, io);
    text = exportJson(store.read(), new Date(), VERSION);
  }
  if (values.out === undefined || values.out === '-') {
    io.out(text);
    return EXIT.ok;
  }
  const out = path.resolve(values.out);
  // Written beside the target, then renamed: an interrupted export never leaves half a file.
  const temp = `${out}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, out);
  } catch (error) {
    io.err(`awsnotes: export: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT.notFound;
  }
  io.err(`exported ${format === 'anki' ? `${questions().length} questions for Anki` : 'your progress'} to ${out}\n`);
  return EXIT.ok;
}

export function importCommand(args: string[], io: Io): number {
  const { positionals } = parse('import', args, {}, 'some');
  if (positionals.length !== 1) throw new UsageError('import: give one backup file (awsnotes import FILE)');
  const file = path.resolve(positionals[0]!);
  if (!existsSync(file)) {
    io.err(`awsnotes: import: ${file} does not exist; nothing was changed\n`);
    return EXIT.notFound;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`awsnotes: import: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was changed\n`);
    return EXIT.notFound;
  }
  const parsed = parseBackup(text);
  if (!parsed.ok) {
    io.err(`awsnotes: import: ${file}: ${parsed.error}; nothing was changed\n`);
    return EXIT.notFound;
  }
  const store = openStore(io);
  reportNotices(store, io);
  if (!store.writable) {
    io.err('awsnotes: import: the progress file cannot be written this session; nothing was changed\n');
    return EXIT.notFound;
  }
  let added = 0;
  store.update((current) => {
    const merged = mergeProgress(current, parsed.progress);
    added = merged.answers.length - current.answers.length;
    Object.assign(current, merged);
  });
  const after = store.read();
  io.out(
    `Imported ${file}: ${added} new answer${added === 1 ? '' : 's'}; now ${after.answers.length} answers, ${Object.keys(after.notesRead).length} notes read, ${after.exams.length} exams.\n`,
  );
  return EXIT.ok;
}
