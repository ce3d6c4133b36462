// The progress file: its current shape, validation, and migration from older versions.
// Validated with zod/mini (small enough for start-up); migrations are plain functions.
import * as z from 'zod/mini';
import { PROGRESS_VERSION } from './file.js';

export { PROGRESS_VERSION };

// Each schema is built once and shared: building one costs `awsnotes show` tens of
// microseconds of code that runs once per process.
const text = z.string();
const nonEmpty = z.string().check(z.minLength(1));
const number = z.number();
const boolean = z.boolean();
const isoDate = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date'));
const count = z.number().check(z.int(), z.minimum(0));

const noteRead = z.object({
  first: isoDate,
  last: isoDate,
  count: z.number().check(z.int(), z.minimum(1)),
});

/** One answer to one question, as it happened. */
const answer = z.object({
  /** Unique per answer, so merging two files counts each answer once. */
  id: nonEmpty,
  question: nonEmpty,
  /** Indexes of the chosen options, in the bank's order (not the shuffled order shown). */
  chosen: z.array(count),
  correct: boolean,
  at: isoDate,
  /** Time from showing the question to submitting the answer. */
  ms: count,
  source: z.enum(['quiz', 'exam', 'drill', 'plain']),
  /** FSRS rating given: 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(4))),
});

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

const examResult = z.object({
  id: nonEmpty,
  startedAt: isoDate,
  finishedAt: isoDate,
  questions: count,
  correct: count,
  scaled: z.number().check(z.int(), z.minimum(100), z.maximum(1000)),
  passed: boolean,
  timedOut: boolean,
  domains: z.record(text, z.object({ questions: count, correct: count })),
});

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  notesRead: z.record(text, noteRead),
  answers: z.array(answer),
  cards: z.record(text, card),
  /** Flagged question ids → when they were flagged. */
  flags: z.record(text, isoDate),
  exams: z.array(examResult),
  settings: z.object({ examDate: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))) }),
});

export type Progress = z.infer<typeof progressSchema>;
export type Answer = z.infer<typeof answer>;
export type CardState = z.infer<typeof card>;
export type ExamResult = z.infer<typeof examResult>;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, notesRead: {}, answers: [], cards: {}, flags: {}, exams: [], settings: {} };
}

/** Why a progress file could not be used. `future` files are kept and left untouched. */
export class ProgressFileError extends Error {
  constructor(
    message: string,
    readonly kind: 'corrupt' | 'future',
  ) {
    super(message);
    this.name = 'ProgressFileError';
  }
}

/**
 * Older shapes, upgraded one version at a time. Version 1 (awsnotes 0.1.0) recorded only
 * the notes read; version 2 adds answers, review cards, flags, exams and settings.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (v1) => ({ ...emptyProgress(), notesRead: v1.notesRead ?? {}, version: 2 }),
};

export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let data = raw;
  for (let version = data.version as number; version < PROGRESS_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) throw new ProgressFileError(`no migration from version ${version}`, 'corrupt');
    data = step(data);
  }
  return data;
}

/** Checks migrated progress against the schema; throws ProgressFileError. */
export function validateProgress(raw: unknown): Progress {
  const parsed = progressSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProgressFileError(`unexpected content at "${issue?.path.join('.') || '(root)'}": ${issue?.message ?? 'invalid'}`, 'corrupt');
  }
  return parsed.data;
}

/** A parsed JSON value as progress data: an object with a version we read, migrated. Not yet validated. */
function migrated(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProgressFileError('not a JSON object', 'corrupt');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ProgressFileError('it has no valid "version" field', 'corrupt');
  }
  if (version > PROGRESS_VERSION) {
    throw new ProgressFileError(
      `it was written by a newer awsnotes (file version ${version}, this one reads up to ${PROGRESS_VERSION})`,
      'future',
    );
  }
  return migrate(raw as Record<string, unknown>);
}

/** Checks a parsed JSON value as progress (for imports): versioned, migrated, validated. */
export function toProgress(raw: unknown): Progress {
  return validateProgress(migrated(raw));
}

/**
 * The text of a progress file as JSON, versioned and migrated but not validated: the
 * store validates once per read (ProgressStore.read), not on each of the several times
 * conf parses the file while opening and saving it.
 */
export function parseProgressJson(text: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ProgressFileError(`not valid JSON (${(error as Error).message})`, 'corrupt');
  }
  return migrated(raw);
}

/** Parses the text of a progress file, migrating older versions; throws ProgressFileError. */
export function parseProgress(text: string): Progress {
  return validateProgress(parseProgressJson(text));
}
