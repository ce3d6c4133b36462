// Backups of the study history (a versioned JSON envelope around the journal's events),
// reading them back (and the files of older versions), and an export of the question bank
// for Anki's text-file import. Pure: text in, text out; files are the caller's business.
//
// Backup version 2 (this one) holds the settings (settings.json's), the events, one a
// line, in journal order, and the learner's own notes and questions as their files' texts
// by path ("own", absent when they have none; an awsnotes that does not know it imports
// the rest all the same):
//   {"format": "awsnotes-progress", "backupVersion": 2, "exportedAt": …, "appVersion": …,
//    "settings": {"examDate": …}, "events": [ {"i":…}, … ],
//    "own": {"notes/sqs.md": "…", "questions/sqs.yaml": "…"}}
// A backup of version 2 without "settings" (made before settings had their own file) may
// hold them as `setting` events instead. Backup version 1 (awsnotes 0.1) held a version-2
// progress file under "progress": it is still read, as are a raw progress.json (versions 1
// to 4) and a raw journal.jsonl. Whatever the source, the settings it carries are returned
// beside its events, never as events.
import { DOMAIN_INFO, type Question, type Service } from '../content/types.js';
import { LETTERS, present } from '../quiz/attempt.js';
import { createRng, seedFrom } from '../quiz/random.js';
import { decodeLine, encodeEvent, type Event, eventFromJson } from './events.js';
import { legacyEvents } from './migrate.js';
import {
  PROGRESS_VERSION,
  ProgressFileError,
  SETTINGS_IN_SNAPSHOT_VERSION,
  splitSnapshotV3,
  validateBaseline,
  validateLegacy,
  validateSnapshot,
  validateSnapshotV3,
} from './schema.js';
import { checkSettings, LegacySettings, type Settings } from './settings.js';

export const BACKUP_FORMAT = 'awsnotes-progress';
export const BACKUP_VERSION = 2;
/** The largest file `awsnotes import` reads (a backup of a million answers is about 130 MiB). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const CHUNK = 1024 * 1024;

/** The learner's files a backup carries: path in the config directory → text. */
export type OwnFileTexts = Record<string, string>;

/** The paths a backup may carry: notes/<id>.md and questions/<id>.yaml, nothing that leaves those folders. */
export const OWN_FILE_PATH = /^(notes\/[a-z0-9]+(-[a-z0-9]+)*\.md|questions\/[a-z0-9]+(-[a-z0-9]+)*\.ya?ml)$/;

/**
 * A backup, written in chunks: the envelope with the settings (none for a backup of some
 * events only), then each event line as the journal holds it (`forEachLine` gives them in
 * order), one a line, then the learner's files if any.
 */
export function writeBackup(
  forEachLine: (visit: (line: string) => void) => void,
  now: Date,
  appVersion: string,
  write: (chunk: string) => void,
  settings?: Settings,
  own: OwnFileTexts = {},
): number {
  let count = 0;
  let buffer = `{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "backupVersion": ${BACKUP_VERSION},\n  "exportedAt": ${JSON.stringify(now.toISOString())},\n  "appVersion": ${JSON.stringify(appVersion)},\n`;
  if (settings) buffer += `  "settings": ${JSON.stringify(settings)},\n`;
  buffer += '  "events": [';
  forEachLine((line) => {
    buffer += `${count === 0 ? '\n' : ',\n'}    ${line}`;
    count++;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  });
  const files = Object.entries(own);
  const ownPart = files.length
    ? `,\n  "own": {${files.map(([file, text]) => `\n    ${JSON.stringify(file)}: ${JSON.stringify(text)}`).join(',')}\n  }`
    : '';
  write(`${buffer}${count ? '\n  ' : ''}]${ownPart}\n}\n`);
  return count;
}

/** A backup of `events` as one string (small ones: the events set aside by an import). */
export function backupText(events: readonly Event[], now: Date, appVersion: string): string {
  let text = '';
  writeBackup(
    (visit) => {
      for (const event of events) visit(encodeEvent(event));
    },
    now,
    appVersion,
    (chunk) => {
      text += chunk;
    },
  );
  return text;
}

/** `settings`: what the file says the settings are; `own`: the learner's files it carries (each absent when none). */
export type ParsedBackup =
  | { ok: true; events: Event[]; settings?: Settings; what: string; own?: OwnFileTexts }
  | { ok: false; error: string };

const FOREIGN = `not an awsnotes backup: expected format ${BACKUP_FORMAT}`;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A progress file of any version as events: older ones converted, a snapshot as a baseline. */
function progressEvents(raw: Record<string, unknown>, where: string, now: Date): ParsedBackup {
  const parsed = progressFileEvents(raw, where, now);
  return parsed.ok ? withoutSettingEvents(parsed) : parsed;
}

function progressFileEvents(raw: Record<string, unknown>, where: string, now: Date): ParsedBackup {
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { ok: false, error: `${where} has no valid "version" field` };
  if (version > PROGRESS_VERSION)
    return {
      ok: false,
      error: `${where} was written by a newer awsnotes (file version ${version}, this one reads up to ${PROGRESS_VERSION})`,
    };
  try {
    if (version < SETTINGS_IN_SNAPSHOT_VERSION) {
      const legacy = validateLegacy(raw);
      return { ok: true, events: legacyEvents(legacy), settings: legacy.settings, what: `a version-${version} progress file` };
    }
    const { snapshot, settings } =
      version === SETTINGS_IN_SNAPSHOT_VERSION ? splitSnapshotV3(validateSnapshotV3(raw)) : { snapshot: validateSnapshot(raw) };
    const { journal, version: _, latest: __, ...state } = snapshot;
    // A snapshot carries no history: its progress comes in as a baseline (see progress/state.ts),
    // with an id of its own so that importing it twice counts it once.
    const baseline = validateBaseline(state);
    if (!baseline) return { ok: false, error: `${where} is not valid progress` };
    return {
      ok: true,
      events: [{ kind: 'baseline', id: `snapshot-${journal.id}-${journal.offset}`, at: now.getTime(), state: baseline }],
      ...(settings ? { settings } : {}),
      what: 'a progress.json snapshot (no history: its counts and cards are merged)',
    };
  } catch (error) {
    if (error instanceof ProgressFileError) return { ok: false, error: `${where} is not valid progress: ${error.message}` };
    throw error;
  }
}

/** The events of a journal's text (a raw journal.jsonl); any line that is not one refuses the file. */
function journalEvents(text: string): ParsedBackup {
  const events: Event[] = [];
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line === '' || line === '~') continue;
    const event = decodeLine(line);
    if (!event) return { ok: false, error: `line ${i + 1} of the journal is not a valid event` };
    events.push(event);
  }
  return withoutSettingEvents({ ok: true, events, what: 'a journal' });
}

/**
 * The settings an older awsnotes saved among the events (`setting` events, baselines that
 * carry them) taken out of them, as they stood at the end. Settings the file states
 * otherwise (a backup's "settings", a progress file's) are the truth: those events are
 * dropped then (an export made after the settings moved to settings.json would otherwise
 * bring back a setting cleared since).
 */
function withoutSettingEvents(parsed: Extract<ParsedBackup, { ok: true }>): ParsedBackup {
  const legacy = new LegacySettings();
  if (parsed.settings) legacy.fromObject(parsed.settings);
  const stated = parsed.settings !== undefined;
  const events: Event[] = [];
  for (const event of parsed.events) {
    if (event.kind === 'setting') {
      if (!stated) legacy.fromEvent(event);
      continue;
    }
    if (event.kind === 'baseline') {
      const state = validateBaseline(event.state);
      if (state?.settings) {
        const { settings, ...rest } = state;
        if (!stated) legacy.fromBaseline(settings);
        events.push({ ...event, state: rest });
        continue;
      }
    }
    events.push(event);
  }
  return { ok: true, events, what: parsed.what, ...(legacy.found ? { settings: legacy.result() } : {}) };
}

/** A backup's "settings": the ones this awsnotes knows, checked (a newer one's others are left out). */
function backupSettings(raw: unknown): { ok: true; settings: Settings } | { ok: false; error: string } {
  if (!isObject(raw)) return { ok: false, error: `the backup's "settings" is not an object (found ${describe(raw)})` };
  const checked = checkSettings(raw);
  if (checked.ok) return { ok: true, settings: checked.value };
  return { ok: false, error: `the backup's "settings.${checked.issue?.path ?? ''}": ${checked.issue?.message ?? 'invalid'}` };
}

/**
 * The events of a backup made by writeBackup, of an older backup, of a raw progress.json of
 * any version, or of a raw journal. Every event is checked; dates must be real (an older
 * file with 2026-02-30 or an exam date of 2025-13-45 is refused).
 */
export function parseBackup(text: string, now: Date): ParsedBackup {
  if (text.startsWith('{"i":')) return journalEvents(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(raw)) return { ok: false, error: `not an awsnotes backup: expected a JSON object, found ${describe(raw)}` };

  if ('format' in raw) {
    if (raw.format !== BACKUP_FORMAT) return { ok: false, error: FOREIGN };
    const version = raw.backupVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return { ok: false, error: 'the backup has no valid "backupVersion" field' };
    }
    if (version > BACKUP_VERSION) {
      return {
        ok: false,
        error: `the backup was made by a newer awsnotes (backup version ${version}, this one reads up to ${BACKUP_VERSION})`,
      };
    }
    if (version === 1) {
      if (!isObject(raw.progress))
        return {
          ok: false,
          error: `the backup's "progress" is ${raw.progress === undefined ? 'missing' : `not an object (found ${describe(raw.progress)})`}`,
        };
      return progressEvents(raw.progress, `the backup's "progress"`, now);
    }
    if (!Array.isArray(raw.events))
      return { ok: false, error: `the backup's "events" is ${raw.events === undefined ? 'missing' : 'not an array'}` };
    const events: Event[] = [];
    for (const [i, item] of raw.events.entries()) {
      const event = eventFromJson(item);
      if (!event) return { ok: false, error: `event ${i + 1} of the backup is not a valid event` };
      events.push(event);
    }
    let own: OwnFileTexts | undefined;
    if (raw.own !== undefined) {
      if (!isObject(raw.own)) return { ok: false, error: `the backup's "own" is not an object (found ${describe(raw.own)})` };
      own = {};
      for (const [file, text] of Object.entries(raw.own)) {
        if (!OWN_FILE_PATH.test(file))
          return { ok: false, error: `the backup's "own" names ${JSON.stringify(file)}, not a notes/<id>.md or questions/<id>.yaml` };
        if (typeof text !== 'string') return { ok: false, error: `the backup's "own" ${file} is not text` };
        own[file] = text;
      }
    }
    const withOwn = (parsed: ParsedBackup): ParsedBackup => (own && parsed.ok ? { ...parsed, own } : parsed);
    if (raw.settings === undefined) return withOwn(withoutSettingEvents({ ok: true, events, what: 'a backup' }));
    const settings = backupSettings(raw.settings);
    if (!settings.ok) return settings;
    return withOwn(withoutSettingEvents({ ok: true, events, settings: settings.settings, what: 'a backup' }));
  }

  if (typeof raw.version === 'number' && 'notesRead' in raw) return progressEvents(raw, 'the progress file', now);
  return { ok: false, error: FOREIGN };
}

// ---- Anki -------------------------------------------------------------------------------------

export const ANKI_DECK = 'AWS DVA-C02 (awsnotes)';

/**
 * The file headers of Anki's text import (Anki 2.1.54+, manual: Importing > Text Files >
 * File Headers, https://docs.ankiweb.net/importing/text-files.html#file-headers).
 */
export const ANKI_HEADERS = [
  '#separator:Tab',
  '#html:true',
  '#notetype:Basic',
  `#deck:${ANKI_DECK}`,
  '#tags column:3',
  '#columns:Front\tBack\tTags',
];

/** Text as HTML: special characters escaped, line breaks as <br>, tabs as spaces. */
export function htmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r\n?|\n/g, '<br>')
    .replace(/\t/g, ' ');
}

/**
 * One field of a tab-separated line. HTML-escaped text has no quotes, tabs or newlines;
 * anything else that has them is quoted the manual's way ("" for a quote).
 */
function field(value: string): string {
  return /["\t\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const tag = (value: string) => value.trim().replace(/\s+/g, '-');

/**
 * One card. Its options are shuffled, as in the app (in the source files the right answer
 * often comes first), with a seed derived from the question id: each export gives a card
 * the same letters, so re-importing updates cards instead of reshuffling what was learnt.
 */
function ankiLine(q: Question, titles: ReadonlyMap<string, string>): string {
  const { order } = present(q, createRng(seedFrom(q.id)));
  const shown = order.map((index, display) => ({ letter: LETTERS[display] ?? String(display + 1), option: q.options[index]! }));
  const front = [htmlText(q.question), '', ...shown.map((s) => `${s.letter}. ${htmlText(s.option.text)}`)].join('<br>');
  const right = shown.filter((s) => s.option.correct);
  const back = [
    `<b>${right.map((r) => r.letter).join(', ')}</b>`,
    ...right.map((r) => `${r.letter}. ${htmlText(r.option.text)}`),
    '',
    htmlText(q.explanation),
    '',
    ...shown.map((s) => `${s.letter} ${s.option.correct ? '✓' : '✗'} ${htmlText(s.option.why)}`),
    '',
    `<i>${htmlText(titles.get(q.service) ?? q.service)} · ${htmlText(DOMAIN_INFO[q.domain].title)}</i>`,
  ].join('<br>');
  const tags = [
    'awsnotes',
    ...(q.own ? ['yours'] : []),
    `service::${tag(q.service)}`,
    `domain::${tag(q.domain)}`,
    ...q.tasks.map((t) => `task::${tag(t)}`),
  ].join(' ');
  return [front, back, tags].map(field).join('\t');
}

/**
 * The question bank as a tab-separated file for Anki's File > Import: the file headers,
 * then one note per question (Front, Back, Tags), in bank order. The Back holds the right
 * letters and options, the explanation, and why each option is right or wrong; `services`
 * gives the service titles shown at its end.
 */
export function exportAnki(bank: Question[], services: Service[]): string {
  const titles = new Map(services.map((s) => [s.id, s.title]));
  return `${[...ANKI_HEADERS, ...bank.map((q) => ankiLine(q, titles))].join('\n')}\n`;
}
