// The read mark of `awsnotes show`, saved without the store. Loading conf and zod and
// checking the whole file was most of what show added to Node's own start (10-12 ms of
// ~25); a read mark changes one entry of one object. Under the store's lock, this reads
// the file, sets that entry as ProgressStore.markRead does, and writes the file back as
// conf does (same text, atomically, synced), so the store reads it like its own.
//
// Only a file in the expected shape is touched, and the rest of it is written back as it
// was. No file yet, text that is not JSON, another version, an entry that is not a read
// mark, or any failure: the caller falls back to the store, which checks the whole file,
// moves a bad one aside and says what happened.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lockFile, PROGRESS_FILE, PROGRESS_VERSION, writeAtomically } from './file.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** An entry of notesRead as the schema (progress/schema.ts) accepts it. */
function isReadMark(value: unknown): value is { first: string; last: string; count: number } {
  return isObject(value) && isDate(value.first) && isDate(value.last) && Number.isInteger(value.count) && (value.count as number) >= 1;
}

/** Records that `serviceId` was read at `now`; false when the store must do it instead. */
export function markReadQuickly(dir: string, serviceId: string, now: Date): boolean {
  const file = path.join(dir, PROGRESS_FILE);
  let release: (() => void) | undefined;
  try {
    release = lockFile(file);
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isObject(data) || data.version !== PROGRESS_VERSION || !isObject(data.notesRead)) return false;
    const entry = data.notesRead[serviceId];
    const at = now.toISOString();
    if (entry === undefined) data.notesRead[serviceId] = { first: at, last: at, count: 1 };
    else if (isReadMark(entry)) data.notesRead[serviceId] = { ...entry, last: at, count: entry.count + 1 };
    else return false;
    // conf's serialisation (ProgressStore.open), written as conf writes.
    writeAtomically(file, `${JSON.stringify(data, null, 2)}\n`);
    return true;
  } catch {
    return false;
  } finally {
    release?.();
  }
}
