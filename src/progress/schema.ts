// The progress file: its current shape, validation, and migration from older versions.
// Validated with zod/mini (small enough for start-up); migrations are plain functions.
import * as z from 'zod/mini';

export const PROGRESS_VERSION = 1;

const isoDate = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date'));

const noteRead = z.object({
  first: isoDate,
  last: isoDate,
  count: z.number().check(z.int(), z.minimum(1)),
});

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  notesRead: z.record(z.string(), noteRead),
});

export type Progress = z.infer<typeof progressSchema>;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, notesRead: {} };
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

/** Parses the text of a progress file, migrating older versions; throws ProgressFileError. */
export function parseProgress(text: string): Progress {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ProgressFileError(`not valid JSON (${(error as Error).message})`, 'corrupt');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProgressFileError('not a JSON object', 'corrupt');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ProgressFileError('it has no valid "version" field', 'corrupt');
  }
  if (version > PROGRESS_VERSION) {
    throw new ProgressFileError(`it was written by a newer awsnotes (file version ${version}, this one reads up to ${PROGRESS_VERSION})`, 'future');
  }
  const parsed = progressSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProgressFileError(`unexpected content at "${issue?.path.join('.') || '(root)'}": ${issue?.message ?? 'invalid'}`, 'corrupt');
  }
  return parsed.data;
}
