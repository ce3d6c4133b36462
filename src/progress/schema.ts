// The shapes of the progress files:
// - the snapshot (progress.json, version 4): what the reports need, bounded by the bank;
// - the snapshot of version 3, the same with the settings in it (they have a file of their
//   own since: progress/settings.ts), read to move them out;
// - the files of older awsnotes (versions 1 and 2: the whole history in one JSON file),
//   read to migrate them and to import old backups.
// Dates are strict ISO 8601 times of real calendar days: 2025-13-45 and 2026-02-30 are
// refused (Date.parse alone would take the second as 2 March).
//
// The shapes are checked with zod/mini in progress/checks.ts, loaded only when a file
// must be checked (see there); the functions here call it and make its findings errors.
import { progressChecks } from './checks-loader.js';
import type { BaselineState, Checked, LegacyProgress, Snapshot, SnapshotV3 } from './checks.js';
import type { Settings } from './settings.js';
import { PROGRESS_VERSION } from './versions.js';

export { PROGRESS_VERSION, SETTINGS_IN_SNAPSHOT_VERSION } from './versions.js';

export type {
  BaselineState,
  CardState,
  ExamSummary,
  JournalPointer,
  LatestAnswer,
  LegacyAnswer,
  LegacyProgress,
  NoteRead,
  QuestionStats,
  Snapshot,
  SnapshotV3,
} from './checks.js';
/** What the journal adds up to (the snapshot without its pointer): progress/state.ts. */
export type ProgressState = Omit<Snapshot, 'journal'>;
/** The learner's progress as the screens and reports read it: the state, and the settings (settings.json). */
export type Progress = ProgressState & { settings: Settings };
export type { Settings };

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

/** The value checked, or a ProgressFileError naming its first problem. */
function checkedValue<T>(checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  const { issue } = checked;
  throw new ProgressFileError(`unexpected content at "${issue?.path || '(root)'}": ${issue?.message ?? 'invalid'}`, 'corrupt');
}

/** Checks a parsed snapshot; throws ProgressFileError. */
export function validateSnapshot(raw: unknown): Snapshot {
  return checkedValue(progressChecks().checkSnapshot(raw));
}

/** Checks a parsed snapshot of version 3; throws ProgressFileError. */
export function validateSnapshotV3(raw: unknown): SnapshotV3 {
  return checkedValue(progressChecks().checkSnapshotV3(raw));
}

/** A snapshot of version 3 as one of this version, and the settings it held. */
export function splitSnapshotV3(snapshot: SnapshotV3): { snapshot: Snapshot; settings: Settings } {
  const { settings, version: _, ...rest } = snapshot;
  return { snapshot: { version: PROGRESS_VERSION, ...rest }, settings };
}

export function validateBaseline(raw: unknown): BaselineState | undefined {
  const checked = progressChecks().checkBaseline(raw);
  return checked.ok ? checked.value : undefined;
}

/**
 * A parsed progress file or backup of an older awsnotes (version 1: notes read only;
 * version 2: the whole history), upgraded to version 2 and checked. Throws ProgressFileError.
 */
export function validateLegacy(raw: Record<string, unknown>): LegacyProgress {
  const data =
    raw.version === 1 ? { version: 2, notesRead: raw.notesRead ?? {}, answers: [], cards: {}, flags: {}, exams: [], settings: {} } : raw;
  return checkedValue(progressChecks().checkLegacy(data));
}
