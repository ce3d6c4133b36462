// `awsnotes progress`, `config`, `reset`, `export`, `import` and `doctor`: the learner's
// history, readable, portable and never lost. A command that could not save says so and
// exits 1 ("nothing was saved", and why); a message that quotes a path, an argument or a
// file's content escapes its control characters.
import { statfsSync } from 'node:fs';
import path from 'node:path';
import { DRILL_TEMPLATES } from '../capacity/drills.js';
import { questionRefs, questions, serviceMeta, services } from '../content/bundle.js';
import { collectOwnFiles, restoreOwnFiles } from '../own/transfer.js';
import { backupText, exportAnki, MAX_IMPORT_BYTES, type OwnFileTexts, parseBackup, writeBackup } from '../progress/backup.js';
import { checkExamDate, examDatePassed, localDayKey } from '../progress/calendar.js';
import { progressJson, reportLines } from '../progress/dashboard.js';
import { runDoctor } from '../progress/doctor.js';
import { encodeEvent, MAX_NEW_PER_DAY } from '../progress/events.js';
import { describeLockProblem, type LockHolder } from '../progress/lock.js';
import { planImport } from '../progress/merge.js';
import { describeFsError, progressDir, timestamp } from '../progress/paths.js';
import { progressReport } from '../progress/report.js';
import { describeSettings, type Settings } from '../progress/settings.js';
import type { SettingsFill } from '../progress/settings-file.js';
import { decodeText, formatBytes, readRegularFile, writeFileAtomic, writeOutput } from '../progress/safe-file.js';
import { lockWaitFrom, longReplayMessage, type ProgressStore } from '../progress/store.js';
import { DEFAULT_NEW_PER_DAY } from '../quiz/sources.js';
import { lineToAnsi } from '../render/ansi.js';
import { plural } from '../render/plural.js';
import { printable } from '../term/printable.js';
import { VERSION } from '../../generated/version.js';
import { parse } from './args.js';
import { EXIT, UsageError, type Io } from './io.js';
import { loadOwn } from './own.js';
import { openStore, reportNotices } from './store.js';

export async function progress(args: string[], io: Io): Promise<number> {
  const { values } = parse('progress', args, { json: { type: 'boolean' } });
  await loadOwn(io, { questions: true });
  const store = openStore(io);
  reportNotices(store, io);
  const report = progressReport(store.read(), questionRefs(), serviceMeta(), new Date());
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

const SETTINGS = ['exam-date', 'new-per-day'] as const;
type SettingName = (typeof SETTINGS)[number];
const isSetting = (value: string | undefined): value is SettingName => (SETTINGS as readonly (string | undefined)[]).includes(value);

function settingLine(store: ProgressStore, name: SettingName): string {
  const { settings } = store.read();
  if (name === 'exam-date') return `exam-date ${settings.examDate ?? '(not set)'}`;
  return `new-per-day ${settings.newPerDay ?? `${DEFAULT_NEW_PER_DAY} (default)`}`;
}

/** The exam date to save (undefined clears it); throws UsageError for a date that is not one, or is past. */
function examDateValue(value: string, now: Date): string | undefined {
  if (value === 'none') return undefined;
  const date = checkExamDate(value);
  if (date === null) throw new UsageError(`config set exam-date: '${value}' is not a date as YYYY-MM-DD (e.g. 2027-03-15), or none`);
  if (examDatePassed(date, now))
    throw new UsageError(`config set exam-date: ${date} is in the past (today is ${localDayKey(now)}); give the day of your exam, or none`);
  return date;
}

function newPerDayValue(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > MAX_NEW_PER_DAY)
    throw new UsageError(`config set new-per-day: give a whole number from 0 to ${MAX_NEW_PER_DAY} (new questions a day), not '${value}'`);
  return Number(value);
}

export function config(args: string[], io: Io): number {
  const [action, key, value, ...rest] = args;
  if (rest.length) throw new UsageError(`config: unexpected argument '${rest[0]}'`);
  const known = SETTINGS.join(', ');
  if (action === 'get') {
    if (key !== undefined && !isSetting(key)) throw new UsageError(`config: unknown setting '${key}' (known: ${known})`);
    if (value !== undefined) throw new UsageError(`config get: unexpected argument '${value}'`);
    const store = openStore(io);
    reportNotices(store, io);
    for (const name of key ? [key] : SETTINGS) io.out(`${settingLine(store, name)}\n`);
    return EXIT.ok;
  }
  if (action !== 'set')
    throw new UsageError(
      action ? `config: unknown action '${action}' (get or set)` : 'config: get or set? (awsnotes config set exam-date YYYY-MM-DD)',
    );
  if (!isSetting(key))
    throw new UsageError(key ? `config: unknown setting '${key}' (known: ${known})` : `config set: which setting? (${known})`);
  if (value === undefined)
    throw new UsageError(
      key === 'exam-date'
        ? 'config set exam-date: give a date as YYYY-MM-DD, or none to clear it'
        : `config set new-per-day: give a whole number from 0 to ${MAX_NEW_PER_DAY}`,
    );
  const now = new Date();
  const store = openStore(io);
  reportNotices(store, io);
  const saved =
    key === 'exam-date'
      ? store.setSetting('examDate', examDateValue(value, now) ?? null)
      : store.setSetting('newPerDay', newPerDayValue(value));
  if (!saved.ok) {
    io.err(`awsnotes: config set ${key}: nothing was saved (${printable(saved.reason)})\n`);
    return EXIT.notFound;
  }
  reportNotices(store, io);
  if (key === 'exam-date') io.out(value === 'none' ? 'exam-date cleared\n' : `exam-date set to ${value}\n`);
  else io.out(`new-per-day set to ${value}\n`);
  return EXIT.ok;
}

/** What the history holds, in one line. */
function summary(store: ProgressStore): string {
  const p = store.read();
  let answers = 0;
  for (const stats of Object.values(p.stats)) answers += stats.answers;
  return `${plural(answers, 'answer')}, ${plural(Object.keys(p.notesRead).length, 'note')} read, ${plural(p.exams.length, 'exam')}`;
}

export async function reset(args: string[], io: Io): Promise<number> {
  const { values } = parse('reset', args, { yes: { type: 'boolean' } });
  const store = openStore(io);
  reportNotices(store, io);
  if (!store.writable) {
    io.err('awsnotes: reset: the progress files cannot be written this session; nothing was changed\n');
    return EXIT.notFound;
  }
  const before = summary(store);
  if (!values.yes) {
    if (!io.stdinIsTTY) throw new UsageError('reset: refusing to erase progress without --yes when not on a terminal');
    io.out(`Erase all progress (${before})? A backup is kept first. Type yes to confirm: `);
    const answer = await io.readLine();
    io.closeInput();
    if (answer?.trim().toLowerCase() !== 'yes' && answer?.trim().toLowerCase() !== 'y') {
      io.out('Nothing was changed.\n');
      return EXIT.ok;
    }
  }
  const done = store.resetAll(VERSION);
  if (!done.ok) {
    io.err(`awsnotes: reset: nothing was changed (${printable(done.reason)})\n`);
    return EXIT.notFound;
  }
  reportNotices(store, io);
  const backup = printable(done.backup);
  io.out(
    `Progress erased (${before}); your settings were kept. Backup: ${backup}\nRestore it with: awsnotes import ${JSON.stringify(backup)}\n`,
  );
  return EXIT.ok;
}

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('export', args, { format: { type: 'string' }, out: { type: 'string' } });
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'anki') throw new UsageError(`export: --format must be json or anki, not '${format}'`);
  let events = 0;
  let skipped = 0;
  let own: OwnFileTexts = {};
  let content: (write: (chunk: string) => void) => void;
  if (format === 'anki') {
    await loadOwn(io, { questions: true });
    content = (write) => write(exportAnki(questions(), services()));
  } else {
    const store = openStore(io);
    reportNotices(store, io);
    const settings = store.readSettings();
    // The files as they are, broken ones too: a backup keeps what the learner wrote.
    const collected = collectOwnFiles(progressDir(io.env));
    own = collected.files;
    for (const reason of collected.leftOut) io.err(`awsnotes: export: left out of the backup: ${printable(reason)}\n`);
    content = (write) => {
      events = writeBackup((visit) => (skipped = store.forEachEventLine(visit).skipped), new Date(), VERSION, write, settings, own);
    };
  }
  const toStdout = values.out === undefined || values.out === '-';
  const out = toStdout ? 'standard output' : path.resolve(values.out!);
  try {
    if (toStdout) content((chunk) => io.out(chunk));
    else writeOutput(out, content);
  } catch (error) {
    const reason = describeFsError(error);
    io.err(`awsnotes: export: cannot write ${printable(out)} (${printable(reason)}); nothing was saved\n`);
    return EXIT.notFound;
  }
  if (skipped)
    io.err(`awsnotes: export: ${plural(skipped, 'journal line')} that could not be read left out (awsnotes doctor lists them)\n`);
  const files = Object.keys(own).length;
  if (!toStdout)
    io.err(
      `exported ${format === 'anki' ? `${questions().length} questions for Anki` : `your progress (${plural(events, 'event')}${files ? ` and ${plural(files, 'file')} of your notes and questions` : ''})`} to ${printable(out)}\n`,
    );
  return EXIT.ok;
}

/** Free bytes where `dir` is, or undefined when the system cannot say. */
function freeBytes(dir: string): number | undefined {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

/** Restores the backup's files of the learner's and says what became of each; false when a write failed. */
function restoreFiles(own: OwnFileTexts, dir: string, now: Date, io: Io): boolean {
  const report = restoreOwnFiles(dir, own, now);
  if (report.restored.length)
    io.out(`Restored ${plural(report.restored.length, 'file')} of your notes and questions: ${report.restored.join(', ')}.\n`);
  if (report.same.length) io.out(`${plural(report.same.length, 'file')} of yours already here, the same: ${report.same.join(', ')}.\n`);
  for (const { file, aside } of report.keptBoth)
    io.out(`${file} is here with other text: yours is kept, the backup's is in ${aside} (compare them and merge by hand).\n`);
  for (const reason of report.refused) io.err(`awsnotes: import: not restored: ${printable(reason)}\n`);
  if (report.failed) {
    io.err(`awsnotes: import: ${printable(report.failed)}; nothing else was imported (run the import again once that is fixed)\n`);
    return false;
  }
  return true;
}

/** Past this many events an import takes seconds (each answer is rescheduled): it says so first. */
export const LONG_IMPORT_EVENTS = 100_000;

/** What an import of `events` says before adding them, if it will take a while. */
function longImportNotice(events: number): string | undefined {
  if (events < LONG_IMPORT_EVENTS) return undefined;
  return `awsnotes: import: adding ${events.toLocaleString('en-US')} events to your history and rescheduling their cards; this takes a while…\n`;
}

export async function importCommand(args: string[], io: Io): Promise<number> {
  const { positionals } = parse('import', args, {}, 'some');
  if (positionals.length !== 1) throw new UsageError('import: give one backup file (awsnotes import FILE)');
  const file = path.resolve(positionals[0]!);
  const shown = printable(file);
  const read = readRegularFile(file, MAX_IMPORT_BYTES);
  if (!read.ok) {
    io.err(
      read.missing
        ? `awsnotes: import: ${shown} does not exist; nothing was changed\n`
        : `awsnotes: import: cannot import ${shown}: ${printable(read.reason)}; nothing was changed\n`,
    );
    return EXIT.notFound;
  }
  const now = new Date();
  const parsed = parseBackup(decodeText(read.bytes), now);
  if (!parsed.ok) {
    io.err(`awsnotes: import: ${shown}: ${printable(parsed.error)}; nothing was changed\n`);
    return EXIT.notFound;
  }
  const store = openStore(io);
  reportNotices(store, io);
  if (!store.writable) {
    io.err('awsnotes: import: the progress files cannot be written this session; nothing was saved\n');
    return EXIT.notFound;
  }
  // The files first: the events about the learner's questions and notes are then known, not set aside.
  if (parsed.own && !restoreFiles(parsed.own, store.dir, now, io)) return EXIT.notFound;
  await loadOwn(io, { questions: true });
  const known = {
    questions: new Set([...questions().map((q) => q.id), ...DRILL_TEMPLATES]),
    services: new Set(serviceMeta().map((s) => s.id)),
  };
  const onWait = (holder: LockHolder) =>
    io.err(`awsnotes: import: waiting for ${printable(store.lockPath)} (held by awsnotes process ${holder.pid})…\n`);
  const outcome = store.withLock(() => {
    const plan = planImport(parsed.events, store.journalHas(new Set(parsed.events.map((e) => e.id))), known, now);
    let aside: string | undefined;
    if (plan.aside.length) {
      aside = path.join(store.dir, `import-aside-${timestamp(now)}.json`);
      try {
        writeFileAtomic(aside, backupText(plan.aside, now, VERSION));
      } catch (error) {
        return { plan, failed: `the events set aside could not be written to ${aside} (${describeFsError(error)})`, saved: 0 };
      }
    }
    const bytes = plan.add.reduce((sum, e) => sum + encodeEvent(e).length + 1, 0);
    const free = freeBytes(store.dir);
    if (free !== undefined && free < bytes * 2 + 64 * 1024)
      return { plan, aside, failed: `not enough space: it needs about ${formatBytes(bytes * 2)}, ${formatBytes(free)} are free`, saved: 0 };
    // The settings first: a file refused there (read-only, say) leaves the history untouched too.
    const settings = parsed.settings ? store.importSettings(parsed.settings) : undefined;
    if (settings && !settings.ok) return { plan, aside, failed: settings.reason, saved: 0 };
    const slow = longImportNotice(plan.add.length);
    if (slow) io.err(slow);
    const saved = plan.add.length ? store.commit(plan.add) : ({ ok: true } as const);
    if (!saved.ok) return { plan, aside, settings, failed: saved.reason, saved: saved.saved };
    return { plan, aside, settings };
  }, onWait);
  if (!outcome.ok) {
    io.err(`awsnotes: import: nothing was saved (${printable(describeLockProblem(outcome.problem))})\n`);
    return EXIT.notFound;
  }
  const { plan, aside } = outcome.value;
  const settings = 'settings' in outcome.value ? outcome.value.settings : undefined;
  const settingsTaken = settings?.ok && settings.taken.length ? settings : undefined;
  if ('failed' in outcome.value && outcome.value.failed !== undefined) {
    const { failed, saved } = outcome.value;
    const andSettings = settingsTaken ? `; the settings ${describeSettings(parsed.settings!, settingsTaken.taken)} were saved` : '';
    io.err(
      saved
        ? `awsnotes: import: only ${plural(saved, 'event')} of ${plan.add.length} were saved (${printable(failed)})${andSettings}; run the import again once that is fixed: it adds only what is missing\n`
        : settingsTaken
          ? `awsnotes: import: no event was saved (${printable(failed)})${andSettings}; run the import again once that is fixed: it adds only what is missing\n`
          : `awsnotes: import: nothing was saved (${printable(failed)})\n`,
    );
    return EXIT.notFound;
  }
  reportNotices(store, io);
  const others = plan.add.length - plan.answers;
  io.out(
    `Imported ${shown}: ${plural(plan.answers, 'new answer')}${others ? ` and ${plural(others, 'other event')}` : ''}; ${plural(plan.already, 'event')} already here.\n`,
  );
  if (aside)
    io.out(
      `${plural(plan.aside.length, 'event')} about questions or notes this version does not have (or of an unknown kind) were kept aside in ${printable(aside)}.\n`,
    );
  if (plan.clamped) io.out(`${plural(plan.clamped, 'time')} in the future (a clock running ahead) were set to now.\n`);
  if (parsed.settings && settings?.ok) io.out(settingsOutcome(parsed.settings, settings));
  io.out(`Now ${summary(store)}.\n`);
  return EXIT.ok;
}

/** What an import did with the settings it carried: the ones it took, the ones where yours stayed. */
function settingsOutcome(theirs: Settings, { taken, kept, mine }: Extract<SettingsFill, { ok: true }>): string {
  let text = '';
  if (taken.length) text += `Settings taken from the file: ${printable(describeSettings(theirs, taken))}.\n`;
  if (kept.length)
    text += `Your settings kept (the file has others): ${printable(describeSettings(mine, kept))} (the file: ${printable(describeSettings(theirs, kept))}).\n`;
  return text;
}

export function doctor(args: string[], io: Io): number {
  const { values } = parse('doctor', args, { json: { type: 'boolean' }, full: { type: 'boolean' } });
  const dir = progressDir(io.env);
  const wait = lockWaitFrom(io.env);
  const report = runDoctor({
    dir,
    now: new Date(),
    ...(wait !== undefined ? { lockWaitMs: wait } : {}),
    full: values.full === true,
    bank: questions(),
    onWait: (holder) => io.err(`awsnotes: doctor: waiting for the lock (held by awsnotes process ${holder.pid})…\n`),
    onLongReplay: (bytes) => io.err(`awsnotes: doctor: ${longReplayMessage(bytes)}\n`),
  });
  if (values.json) {
    io.out(`${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? EXIT.ok : EXIT.notFound;
  }
  const mark = { ok: '✓', repaired: '✓', problem: '✗' } as const;
  io.out(`Checked ${printable(dir)}\n`);
  for (const finding of report.findings) {
    const prefix = finding.status === 'repaired' ? 'repaired: ' : '';
    io.out(`  ${mark[finding.status]} ${finding.what}: ${prefix}${printable(finding.detail)}\n`);
  }
  io.out(report.ok ? 'Everything is in order.\n' : 'Some problems remain (✗ above): nothing else was changed.\n');
  return report.ok ? EXIT.ok : EXIT.notFound;
}
