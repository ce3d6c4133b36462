// The shapes of the progress files, checked with zod/mini:
// - the snapshot (progress.json, version 4): what the reports need, bounded by the bank;
// - the snapshot of version 3, the same with the settings in it (they have a file of their
//   own since: progress/settings.ts), read to move them out;
// - the files of older awsnotes (versions 1 and 2: the whole history in one JSON file),
//   read to migrate them and to import old backups.
// Dates are strict ISO 8601 times of real calendar days: 2025-13-45 and 2026-02-30 are
// refused (Date.parse alone would take the second as 2 March).
import * as z from 'zod/mini';
import { isCalendarDate, isName } from './events.js';
import { type Settings, settingsSchema } from './settings.js';

export const PROGRESS_VERSION = 4;
/** The snapshot version that still held the settings. */
export const SETTINGS_IN_SNAPSHOT_VERSION = 3;

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** A strict ISO 8601 time on a real calendar day, from 1970 on. */
export function isIsoTime(text: string): boolean {
  const match = ISO_TIME.exec(text);
  if (!match) return false;
  const [, day, hours, minutes, seconds = '0', offsetHours = '0', offsetMinutes = '0'] = match;
  return (
    isCalendarDate(day!) &&
    Number(hours) < 24 &&
    Number(minutes) < 60 &&
    Number(seconds) < 60 &&
    Number(offsetHours) < 24 &&
    Number(offsetMinutes) < 60 &&
    !Number.isNaN(Date.parse(text))
  );
}

// Each schema is built once and shared.
const text = z.string();
const name = z.string().check(z.refine(isName, 'must be a non-empty name without control characters'));
const number = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
const boolean = z.boolean();
const isoDate = z.string().check(z.refine(isIsoTime, 'must be an ISO date and time of a real day'));
const calendarDate = z.string().check(z.refine(isCalendarDate, 'must be a real date written YYYY-MM-DD'));
const count = z.number().check(z.int(), z.minimum(0));
const positive = z.number().check(z.int(), z.minimum(1));
const rating = z.number().check(z.int(), z.minimum(1), z.maximum(4));

const noteRead = z.object({ first: isoDate, last: isoDate, count: positive });

/** ts-fsrs card fields, dates as ISO strings. */
const card = z.object({
  due: isoDate,
  stability: number,
  difficulty: number,
  elapsed_days: number,
  scheduled_days: number,
  learning_steps: number,
  reps: count,
  lapses: count,
  state: z.number().check(z.int(), z.minimum(0), z.maximum(3)),
  last_review: z.optional(isoDate),
});

/** Per question: answers counted (undone ones are not), right ones, first and latest. */
const questionStats = z.object({ answers: positive, right: count, first: isoDate, last: isoDate, lastRight: boolean });

/** The answer that made a question's card, and what it replaced: to re-rate or undo it without the journal. */
const latestAnswer = z.object({
  answer: name,
  /** When it was reviewed (never before the review it follows). */
  at: isoDate,
  correct: boolean,
  rating,
  /** The local day it counted for. */
  day: calendarDate,
  before: z.optional(z.object({ card: z.optional(card), stats: z.optional(questionStats) })),
});

const examSummary = z.object({
  id: name,
  startedAt: isoDate,
  finishedAt: isoDate,
  questions: count,
  correct: count,
  scaled: z.number().check(z.int(), z.minimum(100), z.maximum(1000)),
  passed: boolean,
  timedOut: boolean,
});

/** What the snapshot holds and a baseline event carries (see progress/state.ts). */
const stateShape = {
  notesRead: z.record(text, noteRead),
  cards: z.record(text, card),
  /** Flagged question ids → when they were flagged. */
  flags: z.record(text, isoDate),
  stats: z.record(text, questionStats),
  exams: z.array(examSummary),
  /** Local day → events that day (answers, notes read, exams): the streak. */
  days: z.record(calendarDate, positive),
};

/** A baseline saved before settings had their own file may carry them (moved out when met). */
export const baselineSchema = z.object({ ...stateShape, settings: z.optional(settingsSchema) });

/** How far into which journal the snapshot is: see progress/store.ts. */
const journalPointer = z.object({
  /** The journal's header id. */
  id: text,
  /** Bytes of the journal applied (a line start). */
  offset: count,
  /** The last line applied: its event id and where it starts, to check the journal is the same. */
  last: z.optional(z.object({ id: name, start: count })),
});

export const snapshotSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  journal: journalPointer,
  ...stateShape,
  latest: z.record(text, latestAnswer),
});

const snapshotV3Schema = z.object({ ...snapshotSchema.shape, version: z.literal(SETTINGS_IN_SNAPSHOT_VERSION), settings: settingsSchema });

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotV3 = z.infer<typeof snapshotV3Schema>;
export type JournalPointer = z.infer<typeof journalPointer>;
/** What the journal adds up to (the snapshot without its pointer): progress/state.ts. */
export type ProgressState = Omit<Snapshot, 'journal'>;
/** The learner's progress as the screens and reports read it: the state, and the settings (settings.json). */
export type Progress = ProgressState & { settings: Settings };
export type BaselineState = z.infer<typeof baselineSchema>;
export type CardState = z.infer<typeof card>;
export type QuestionStats = z.infer<typeof questionStats>;
export type LatestAnswer = z.infer<typeof latestAnswer>;
export type ExamSummary = z.infer<typeof examSummary>;
export type { Settings };
export type NoteRead = z.infer<typeof noteRead>;

export function emptyState(): ProgressState {
  return { version: PROGRESS_VERSION, notesRead: {}, cards: {}, flags: {}, stats: {}, exams: [], days: {}, latest: {} };
}

export function emptyProgress(): Progress {
  return { ...emptyState(), settings: {} };
}

/** Why a file could not be used. `future` files are kept and left untouched. */
export class ProgressFileError extends Error {
  constructor(
    message: string,
    readonly kind: 'corrupt' | 'future',
  ) {
    super(message);
    this.name = 'ProgressFileError';
  }
}

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return `unexpected content at "${issue?.path.map(String).join('.') || '(root)'}": ${issue?.message ?? 'invalid'}`;
}

/** Checks a parsed snapshot; throws ProgressFileError. */
export function validateSnapshot(raw: unknown): Snapshot {
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) throw new ProgressFileError(firstIssue(parsed.error), 'corrupt');
  return parsed.data;
}

/** Checks a parsed snapshot of version 3; throws ProgressFileError. */
export function validateSnapshotV3(raw: unknown): SnapshotV3 {
  const parsed = snapshotV3Schema.safeParse(raw);
  if (!parsed.success) throw new ProgressFileError(firstIssue(parsed.error), 'corrupt');
  return parsed.data;
}

/** A snapshot of version 3 as one of this version, and the settings it held. */
export function splitSnapshotV3(snapshot: SnapshotV3): { snapshot: Snapshot; settings: Settings } {
  const { settings, version: _, ...rest } = snapshot;
  return { snapshot: { version: PROGRESS_VERSION, ...rest }, settings };
}

export function validateBaseline(raw: unknown): BaselineState | undefined {
  const parsed = baselineSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

// ---- older files (versions 1 and 2) -----------------------------------------------------

const legacyAnswer = z.object({
  id: name,
  question: name,
  chosen: z.array(z.number().check(z.int(), z.minimum(0), z.maximum(25))),
  correct: boolean,
  at: isoDate,
  ms: count,
  source: z.enum(['quiz', 'exam', 'drill', 'plain']),
  rating: z.optional(rating),
});

const legacyExam = z.object({
  ...examSummary.shape,
  domains: z.record(text, z.object({ questions: count, correct: count })),
});

/** A version-2 file (version 1 is migrated to it first). */
const legacySchema = z.object({
  version: z.literal(2),
  notesRead: z.record(name, noteRead),
  answers: z.array(legacyAnswer),
  cards: z.record(name, card),
  flags: z.record(name, isoDate),
  exams: z.array(legacyExam),
  settings: z.object({ examDate: z.optional(calendarDate) }),
});

export type LegacyProgress = z.infer<typeof legacySchema>;
export type LegacyAnswer = z.infer<typeof legacyAnswer>;

/**
 * A parsed progress file or backup of an older awsnotes (version 1: notes read only;
 * version 2: the whole history), upgraded to version 2 and checked. Throws ProgressFileError.
 */
export function validateLegacy(raw: Record<string, unknown>): LegacyProgress {
  const data =
    raw.version === 1 ? { version: 2, notesRead: raw.notesRead ?? {}, answers: [], cards: {}, flags: {}, exams: [], settings: {} } : raw;
  const parsed = legacySchema.safeParse(data);
  if (!parsed.success) throw new ProgressFileError(firstIssue(parsed.error), 'corrupt');
  return parsed.data;
}
