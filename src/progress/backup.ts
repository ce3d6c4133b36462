// Backups of the progress file (a versioned JSON envelope), reading them back (or a raw
// progress.json), and an export of the question bank for Anki's text-file import.
// Pure: text in, text out; writing files is the caller's business.
import { DOMAIN_INFO, type Question, type Service } from '../content/types.js';
import { LETTERS, present } from '../quiz/attempt.js';
import { createRng, seedFrom } from '../quiz/random.js';
import { ProgressFileError, toProgress, type Progress } from './schema.js';

export const BACKUP_FORMAT = 'awsnotes-progress';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  backupVersion: number;
  exportedAt: string;
  appVersion: string;
  progress: Progress;
}

/** A versioned backup of `progress`, pretty-printed, ending with a newline. */
export function exportJson(progress: Progress, now: Date, appVersion: string): string {
  const backup: Backup = { format: BACKUP_FORMAT, backupVersion: BACKUP_VERSION, exportedAt: now.toISOString(), appVersion, progress };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export type ParsedBackup = { ok: true; progress: Progress } | { ok: false; error: string };

const FOREIGN = `not an awsnotes backup: expected format ${BACKUP_FORMAT}`;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function checked(raw: unknown, where: string): ParsedBackup {
  try {
    return { ok: true, progress: toProgress(raw) };
  } catch (error) {
    if (error instanceof ProgressFileError) {
      return {
        ok: false,
        error: error.kind === 'future' ? `${where} ${error.message}` : `${where} is not valid progress: ${error.message}`,
      };
    }
    throw error;
  }
}

/**
 * Reads a backup made by exportJson, or a raw progress.json (an object with a numeric
 * `version` and `notesRead`); older progress versions are migrated.
 */
export function parseBackup(text: string): ParsedBackup {
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
    if (!isObject(raw.progress))
      return {
        ok: false,
        error: `the backup's "progress" is ${raw.progress === undefined ? 'missing' : `not an object (found ${describe(raw.progress)})`}`,
      };
    return checked(raw.progress, `the backup's "progress"`);
  }

  if (typeof raw.version === 'number' && 'notesRead' in raw) return checked(raw, 'the progress file');
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
  const tags = ['awsnotes', `service::${tag(q.service)}`, `domain::${tag(q.domain)}`, ...q.tasks.map((t) => `task::${tag(t)}`)].join(' ');
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
