// Where the learner's progress lives, and how file-system failures are told to them. No
// heavy imports: `awsnotes show` loads this to append its read mark.
import path from 'node:path';
import envPaths from 'env-paths';

/** The project name conf has always used for the per-user directory (`awsnotes-nodejs`). */
export const PROJECT_NAME = 'awsnotes';
/** The snapshot: card states and the bounded aggregates (see progress/snapshot.ts). */
export const PROGRESS_FILE = 'progress.json';
/** conf's `configName` for the settings: settings.json (see progress/settings-file.ts). */
export const SETTINGS_NAME = 'settings';
export const SETTINGS_FILE = `${SETTINGS_NAME}.json`;
/** The history: one event a line, appended (see progress/journal.ts). */
export const JOURNAL_FILE = 'journal.jsonl';
/** Held while the snapshot or the settings are rewritten, or the journal is imported into, reset or repaired. */
export const LOCK_FILE = `${PROGRESS_FILE}.lock`;

/** $AWSNOTES_CONFIG_DIR, or the per-user directory conf picks (env-paths, suffix "nodejs"). */
export function progressDir(env: Record<string, string | undefined>): string {
  const dir = env.AWSNOTES_CONFIG_DIR;
  return dir ? path.resolve(dir) : envPaths(PROJECT_NAME, { suffix: 'nodejs' }).config;
}

/** A file name stamp from a time: `2026-03-04T05-06-07-000Z`. */
export function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Where a file that cannot be used is moved aside: `<name>.<why>-<timestamp><ext>`. */
export function asidePath(file: string, now: Date, why = 'corrupt'): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.${why}-${timestamp(now)}${ext}`;
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** A file-system error in words a learner can act on. */
export function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOENT':
      return 'no such file or directory';
    case 'EIO':
      return 'input/output error';
    default:
      return (error as Error)?.message ?? String(error);
  }
}
