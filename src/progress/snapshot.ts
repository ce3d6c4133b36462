// The snapshot file (progress.json, in conf's per-user directory): card states, notes read,
// flags and the bounded aggregates the reports need, and how far into the journal they are
// (progress/schema.ts). A snapshot of version 3 also held the settings: it is read as one of
// this version, its settings handed over to be moved into settings.json, and rewritten. Read with or without a byte-order mark; top-level
// fields this awsnotes does not know (a newer one's, or a hand-added note) are written back
// as they were.
//
// It also keeps where the learner left each note in the reader (`places`, one entry a
// note, so bounded by the bank): not history, so not in the journal; a snapshot rebuilt
// from the journal starts without them.
//
// The file ends with a checksum of the rest. Text whose checksum holds is what this
// awsnotes wrote from checked state, and is not checked against the schema again (that
// took 6 to 30 ms, most of what `awsnotes progress` adds to Node's start); text edited by
// hand, damaged or written by something else is checked in full. The checksum is of the
// file's bytes before it, four at a time ("w1-…", random.ts wordChecksum); a snapshot
// written before that carries one of its text, which still holds.
import { readFileSync } from 'node:fs';
import { describeFsError, errorCode } from './paths.js';
import { checksum, wordChecksum } from './random.js';
import { decodeText, writeFileAtomic } from './safe-file.js';
import {
  type JournalPointer,
  type LegacyProgress,
  type ProgressState,
  PROGRESS_VERSION,
  ProgressFileError,
  SETTINGS_IN_SNAPSHOT_VERSION,
  type Snapshot,
  type SnapshotV3,
  splitSnapshotV3,
  validateLegacy,
  validateSnapshot,
  validateSnapshotV3,
} from './schema.js';
import type { Settings } from './settings.js';

type Extras = Record<string, unknown>;

export type SnapshotRead =
  | { kind: 'missing' }
  /**
   * `checked`: its checksum did not hold, so it was checked against the schema, or it is of
   * version 3: rewrite it. `settings`: what a version-3 snapshot held, to move out.
   */
  | { kind: 'current'; snapshot: Snapshot; extras: Extras; places: Places; checked: boolean; settings?: Settings }
  /** A file of an older awsnotes (version 1 or 2), to migrate. */
  | { kind: 'legacy'; legacy: LegacyProgress; extras: Extras }
  | { kind: 'future'; reason: string }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'unreadable'; reason: string };

const CURRENT_KEYS = ['version', 'journal', 'notesRead', 'cards', 'flags', 'stats', 'exams', 'days', 'latest', 'places', 'checksum'];
const V3_KEYS = [...CURRENT_KEYS, 'settings'];

/** Where the reader was in a note: a section (null before the first) and lines past its start. */
export interface NotePlace {
  section: string | null;
  line: number;
}
/** Note id → where the learner left it. */
export type Places = Record<string, NotePlace>;

/** More places than any bank has notes: a hand-made file cannot make the snapshot grow. */
export const MAX_PLACES = 1000;

/**
 * The places of a parsed snapshot, each checked; what is not a place is dropped (a
 * reading position is not worth refusing a snapshot for).
 */
export function placesOf(raw: unknown): Places {
  const places: Places = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return places;
  for (const [id, value] of Object.entries(raw).slice(0, MAX_PLACES)) {
    const { section, line } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    if ((section === null || (typeof section === 'string' && section.length <= 200)) && Number.isSafeInteger(line) && (line as number) >= 0)
      places[id] = { section, line: line as number };
  }
  return places;
}

/**
 * The places in the snapshot at `file`, read from their own line (snapshotText writes one
 * field a line) without parsing the rest: to keep what other processes saved.
 */
export function readPlaces(file: string): Places {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const line = text.split('\n').find((l) => l.startsWith('"places":'));
  if (!line) return {};
  try {
    return placesOf(JSON.parse(line.slice('"places":'.length).replace(/,$/, '')));
  } catch {
    return {};
  }
}
const CHECKSUM = ',\n"checksum":"';
/** The checksum of the bytes before CHECKSUM (wordChecksum) starts so; one of the text does not. */
const WORDS = 'w1-';

/**
 * Whether `text` (decoded from `bytes`) ends with the checksum snapshotText() gives it: of
 * the bytes before it, or, in a snapshot written before that, of its text.
 */
function checksumHolds(text: string, bytes: Buffer): boolean {
  const at = text.lastIndexOf(CHECKSUM);
  if (at < 0 || text.length - at > CHECKSUM.length + WORDS.length + 24) return false;
  const tail = text.slice(at + CHECKSUM.length);
  if (tail.startsWith(WORDS)) {
    const end = bytes.lastIndexOf(CHECKSUM);
    return end >= 0 && tail === `${WORDS}${wordChecksum(bytes, end)}"\n}\n`;
  }
  return tail === `${checksum(`${text.slice(0, at)}\n}`)}"\n}\n`;
}
const LEGACY_KEYS = ['version', 'notesRead', 'answers', 'cards', 'flags', 'exams', 'settings'];

function extrasOf(raw: Record<string, unknown>, known: readonly string[]): Extras {
  const extras: Extras = {};
  for (const [key, value] of Object.entries(raw)) if (!known.includes(key)) extras[key] = value;
  return extras;
}

/** Reads what is at `file` without changing anything. */
export function readSnapshot(file: string): SnapshotRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: describeFsError(error) };
  }
  return parseSnapshotBytes(bytes);
}

export function parseSnapshotBytes(bytes: Buffer): SnapshotRead {
  let raw: unknown;
  const text = decodeText(bytes);
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { kind: 'corrupt', reason: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'corrupt', reason: 'not a JSON object' };
  const object = raw as Record<string, unknown>;
  const version = object.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { kind: 'corrupt', reason: 'it has no valid "version" field' };
  if (version > PROGRESS_VERSION)
    return {
      kind: 'future',
      reason: `it was written by a newer awsnotes (file version ${version}, this one reads up to ${PROGRESS_VERSION})`,
    };
  try {
    if (version === SETTINGS_IN_SNAPSHOT_VERSION) {
      const { checksum: _, ...rest } = object;
      const old = checksumHolds(text, bytes) ? (rest as SnapshotV3) : validateSnapshotV3(rest);
      const { snapshot, settings } = splitSnapshotV3(old);
      return { kind: 'current', snapshot, extras: extrasOf(object, V3_KEYS), places: placesOf(object.places), checked: true, settings };
    }
    if (version < PROGRESS_VERSION) return { kind: 'legacy', legacy: validateLegacy(object), extras: extrasOf(object, LEGACY_KEYS) };
    const extras = extrasOf(object, CURRENT_KEYS);
    const places = placesOf(object.places);
    if (checksumHolds(text, bytes)) {
      const { checksum: _, places: __, ...snapshot } = object;
      return { kind: 'current', snapshot: snapshot as Snapshot, extras, places, checked: false };
    }
    const { checksum: _, places: __, ...rest } = object;
    return { kind: 'current', snapshot: validateSnapshot(rest), extras, places, checked: true };
  } catch (error) {
    if (error instanceof ProgressFileError) return { kind: 'corrupt', reason: error.message };
    throw error;
  }
}

/** The snapshot's text: the known fields in a fixed order, then the extras. */
export function snapshotText(progress: ProgressState, journal: JournalPointer, extras: Extras, places: Places = {}): string {
  const snapshot: Snapshot = {
    version: PROGRESS_VERSION,
    journal,
    notesRead: progress.notesRead,
    cards: progress.cards,
    flags: progress.flags,
    stats: progress.stats,
    exams: progress.exams,
    days: progress.days,
    latest: progress.latest,
  };
  // One top-level field a line, each written compactly: a fifth of the size pretty-printed
  // (reading and checking it is most of what a command pays for it).
  const fields = Object.entries({ ...snapshot, places, ...extras }).map(
    ([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`,
  );
  const head = `{${fields.join(',\n')}`;
  return `${head}${CHECKSUM}${WORDS}${wordChecksum(Buffer.from(head))}"\n}\n`;
}

export function writeSnapshot(file: string, text: string): void {
  writeFileAtomic(file, text);
}
