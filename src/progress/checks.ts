// The zod checks of the files awsnotes keeps in the config directory: the progress files
// (progress/schema.ts says what each shape is), the settings and an exam in progress. A
// command needs them only for a file it cannot trust as written: a snapshot whose checksum
// does not hold, an older file, a baseline, an import, a settings.json whose values are
// not plainly valid, a saved exam to resume. So they are loaded only then: in the
// CommonJS build this module is a stage of its own (dist/checks.cjs), reached only through
// progress/checks-loader.ts, and zod's own start (its classes and these schemas, a few
// milliseconds) is not paid by a command that reads files it wrote itself.
//
// Nothing here throws or returns a class of its own: the stage has its own copy of every
// module it imports, so its results are plain data (the callers make the errors).
import * as z from 'zod/mini';
import { isCalendarDate, isName, MAX_NEW_PER_DAY } from './events.js';
import { PROGRESS_VERSION, SETTINGS_IN_SNAPSHOT_VERSION } from './versions.js';

/** The settings, as `store.read().settings` gives them. */
const settingsSchema = z.object({
  examDate: z.optional(z.string().check(z.refine(isCalendarDate, 'must be a real date written YYYY-MM-DD'))),
  newPerDay: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(MAX_NEW_PER_DAY))),
});

const ISO_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** A strict ISO 8601 time on a real calendar day, from 1970 on. */
function isIsoTime(text: string): boolean {
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
const baselineSchema = z.object({ ...stateShape, settings: z.optional(settingsSchema) });

/** How far into which journal the snapshot is: see progress/store.ts. */
const journalPointer = z.object({
  /** The journal's header id. */
  id: text,
  /** Bytes of the journal applied (a line start). */
  offset: count,
  /** The last line applied: its event id and where it starts, to check the journal is the same. */
  last: z.optional(z.object({ id: name, start: count })),
});

const snapshotSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  journal: journalPointer,
  ...stateShape,
  latest: z.record(text, latestAnswer),
});

const snapshotV3Schema = z.object({ ...snapshotSchema.shape, version: z.literal(SETTINGS_IN_SNAPSHOT_VERSION), settings: settingsSchema });

/** A version-2 file (version 1 is migrated to it first, in schema.ts). */
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

const legacySchema = z.object({
  version: z.literal(2),
  notesRead: z.record(name, noteRead),
  answers: z.array(legacyAnswer),
  cards: z.record(name, card),
  flags: z.record(name, isoDate),
  exams: z.array(legacyExam),
  settings: z.object({ examDate: z.optional(calendarDate) }),
});

// ---- an exam in progress (quiz/exam-save.ts) ---------------------------------------------

const index = z.number().check(z.int(), z.minimum(0));
/** Epoch milliseconds a Date can hold. */
const time = z.number().check(z.int(), z.minimum(0), z.maximum(8.64e15));
const savedExamSchema = z.object({
  version: z.literal(1),
  startedAt: time,
  deadline: time,
  questions: z.array(z.object({ id: z.string(), order: z.array(index) })),
  answers: z.record(z.string(), z.array(index)),
  marked: z.array(z.string()),
  current: index,
  /** Absent from the exams saved before the time per question was kept. */
  spent: z.optional(z.record(z.string(), time)),
});

export type Settings = z.infer<typeof settingsSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotV3 = z.infer<typeof snapshotV3Schema>;
export type JournalPointer = z.infer<typeof journalPointer>;
export type BaselineState = z.infer<typeof baselineSchema>;
export type CardState = z.infer<typeof card>;
export type QuestionStats = z.infer<typeof questionStats>;
export type LatestAnswer = z.infer<typeof latestAnswer>;
export type ExamSummary = z.infer<typeof examSummary>;
export type NoteRead = z.infer<typeof noteRead>;
export type LegacyProgress = z.infer<typeof legacySchema>;
export type LegacyAnswer = z.infer<typeof legacyAnswer>;
export type SavedExamFile = z.infer<typeof savedExamSchema>;

/** What a check found: the value as checked, or its first problem (a path like "cards.sqs-1.due"). */
export type Checked<T> = { ok: true; value: T } | { ok: false; issue: { path: string; message: string } | undefined };

type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

function checked<T>(parsed: Parsed<T>): Checked<T> {
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, issue: issue && { path: issue.path.map(String).join('.'), message: issue.message } };
}

export const checkSnapshot = (raw: unknown): Checked<Snapshot> => checked(snapshotSchema.safeParse(raw));
export const checkSnapshotV3 = (raw: unknown): Checked<SnapshotV3> => checked(snapshotV3Schema.safeParse(raw));
export const checkBaseline = (raw: unknown): Checked<BaselineState> => checked(baselineSchema.safeParse(raw));
export const checkLegacy = (raw: unknown): Checked<LegacyProgress> => checked(legacySchema.safeParse(raw));
export const checkSettings = (raw: unknown): Checked<Settings> => checked(settingsSchema.safeParse(raw));
export const checkSavedExam = (raw: unknown): Checked<SavedExamFile> => checked(savedExamSchema.safeParse(raw));
