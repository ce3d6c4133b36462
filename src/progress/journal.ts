// The journal: the study history as one event a line (progress/events.ts), in the order
// the events were saved on this machine, imported ones after them.
//
// Appending takes no lock. Each append opens the file with O_APPEND and writes its lines
// with one write() (an import's batch: several, each of whole lines), then syncs: the
// kernel puts every write at the end of the file as a unit, so lines of processes saving
// at once never interleave, and an answer is confirmed only once it is on disk.
//
// A line cut off by a crash or a full disk has no newline. Readers leave it unapplied and
// report it. The next append first writes "~\n", so the cut line ends spoiled and stays
// unreadable (a complete event whose newline did not make it was reported as not saved: it
// must not come back) and the new line starts on a line of its own. Should two lines ever
// end up on one (a torn one glued to a whole one), the last complete `{"i":` on the line is
// recovered.
//
// The first line is a header with the journal's format version and an id: the snapshot
// records which journal it summarises (a journal replaced by another is noticed).
import { closeSync, constants, fstatSync, fsyncSync, linkSync, openSync, readSync, unlinkSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import path from 'node:path';
import { answerAt, decodeLine, encodeEvent, type Event, JOURNAL_VERSION, newEventId, parseLine, TYPE_CODES } from './events.js';
import { describeFsError, errorCode } from './paths.js';
import { randomName } from './random.js';
import { syncDir, writeAll } from './safe-file.js';

const NEWLINE = 0x0a;
/** Written before a new line when the journal ends with a cut-off one (see above). */
const SPOIL = '~\n';
const CHUNK = 1024 * 1024;

export interface JournalHeader {
  id: string;
  version: number;
}

/** The header of an open journal, or undefined when its first line is not one. */
function headerOf(fd: number): JournalHeader | undefined {
  const bytes = Buffer.alloc(256);
  const read = readSync(fd, bytes, 0, bytes.length, 0);
  const end = bytes.subarray(0, read).indexOf(NEWLINE);
  if (end < 0) return undefined;
  // A header is never an answer: straight to JSON.parse (no answer pattern to compile).
  const event = parseLine(bytes.toString('utf8', 0, end));
  return event?.kind === 'journal' ? { id: event.id, version: event.version } : undefined;
}

export type JournalInfo =
  | { exists: false }
  | { exists: true; header: JournalHeader | undefined; size: number; ino: number; problem?: string };

/** What is at `file`: missing, or its header, size and inode (to notice it being replaced). */
export function journalInfo(file: string): JournalInfo {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { exists: false };
    return { exists: true, header: undefined, size: 0, ino: 0, problem: describeFsError(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { exists: true, header: undefined, size: 0, ino: stats.ino, problem: 'it is not a regular file' };
    return { exists: true, header: headerOf(fd), size: stats.size, ino: stats.ino };
  } catch (error) {
    return { exists: true, header: undefined, size: 0, ino: 0, problem: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates the journal with its header unless it exists (atomically: a complete file is
 * linked into place, so two processes creating it at once end with one). Returns its header.
 */
export function createJournal(file: string, now: Date): JournalHeader | undefined {
  const header: Event = { kind: 'journal', id: newEventId(), at: now.getTime(), version: JOURNAL_VERSION };
  const temp = `${file}.tmp-${randomName(16)}`;
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  try {
    writeAll(fd, Buffer.from(`${encodeEvent(header)}\n`));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  syncDir(path.dirname(file));
  const info = journalInfo(file);
  return info.exists ? info.header : undefined;
}

export type AppendResult =
  | { ok: true }
  /** `saved` lines made it before the failure (normally 0: see appendLines). */
  | { ok: false; reason: string; code: string | undefined; saved: number };

/**
 * Appends `lines` (no newlines inside) to an existing journal and syncs them. Lines go in
 * writes of whole lines of at most 1 MiB, so only a failure in the middle of a large batch
 * (an import) can leave some saved and others not; `saved` says how many.
 */
export function appendLines(file: string, lines: readonly string[]): AppendResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDWR | constants.O_APPEND);
  } catch (error) {
    return { ok: false, reason: describeFsError(error), code: errorCode(error), saved: 0 };
  }
  let saved = 0;
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: `${file} is not a regular file`, code: undefined, saved: 0 };
    let prefix = '';
    if (stats.size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, stats.size - 1);
      if (last[0] !== NEWLINE) prefix = SPOIL;
    }
    let batch = prefix;
    let inBatch = 0;
    const flush = () => {
      writeAll(fd, Buffer.from(batch));
      saved += inBatch;
      batch = '';
      inBatch = 0;
    };
    for (const line of lines) {
      if (batch.length + line.length + 1 > CHUNK && inBatch > 0) flush();
      batch += `${line}\n`;
      inBatch++;
    }
    if (batch) flush();
    fsyncSync(fd);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describeFsError(error), code: errorCode(error), saved };
  } finally {
    closeSync(fd);
  }
}

export function appendEvents(file: string, events: readonly Event[]): AppendResult {
  return appendLines(
    file,
    events.map((e) => encodeEvent(e)),
  );
}

/** A line that is not an event, reported by its position. */
export interface BadLine {
  start: number;
  length: number;
  /** 'unreadable' (not an event) or 'cut' (the last line, with no newline yet). */
  kind: 'unreadable' | 'cut';
}

export interface ScanResult {
  /** Byte offset after the last complete line: where reading goes on next time. */
  end: number;
  bad: BadLine[];
}

/** The event on a line, recovering a whole event glued after a cut one. */
function decodeRecovering(text: string): { event: Event; skipped: number } | undefined {
  const event = decodeLine(text);
  if (event) return { event, skipped: 0 };
  const start = text.lastIndexOf('{"i":"');
  if (start <= 0) return undefined;
  const recovered = decodeLine(text.slice(start));
  return recovered ? { event: recovered, skipped: start } : undefined;
}

export interface ScanOptions {
  /** A line start to read from (default 0). */
  from?: number;
  /** Where to stop (default: the end of the file when the scan starts). */
  to?: number;
  /** Only these event types are decoded and visited (the others are skipped unread). */
  only?: readonly Event['kind'][];
  /** Only events with these ids are decoded and visited (an import looking for what it has). */
  ids?: ReadonlySet<string>;
}

/**
 * Reads the complete lines from `from` to the end, calling `visit` with each event, its
 * line's text and where the line starts and ends. A last line without a newline is reported
 * as cut and not consumed.
 */
export function scanJournal(
  file: string,
  visit: (event: Event, text: string, start: number, end: number) => void,
  options: ScanOptions = {},
): ScanResult {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error(`${file} is not a regular file`), { code: 'EINVAL' });
    const codes = options.only?.map((kind) => TYPE_CODES[kind]).join('');
    return scanOpen(fd, options.from ?? 0, Math.min(stats.size, options.to ?? Number.POSITIVE_INFINITY), visit, codes, options.ids);
  } finally {
    closeSync(fd);
  }
}

/**
 * The id at the start of a line written by encodeEvent, if it can be read without parsing
 * (no escapes in it, and no second event glued to the line, which decoding recovers).
 */
function idOf(text: string): string | undefined {
  if (!text.startsWith('{"i":"') || text.indexOf('{"i":"', 1) > 0) return undefined;
  const end = text.indexOf('"', 6);
  const id = text.slice(6, end);
  return end > 6 && !id.includes('\\') ? id : undefined;
}

/** The type letter of a line written by encodeEvent (`{"i":"<id>","e":"a",…`), if it has one. */
function typeOf(text: string): string | undefined {
  const at = text.indexOf('","e":"', 6);
  return at > 0 && text.charCodeAt(at - 1) !== 0x5c ? text[at + 7] : undefined;
}

function scanOpen(
  fd: number,
  from: number,
  size: number,
  visit: (event: Event, text: string, start: number, end: number) => void,
  codes: string | undefined,
  ids: ReadonlySet<string> | undefined,
): ScanResult {
  const bad: BadLine[] = [];
  /** What is read: the start of a line carried over from the last read, then a chunk. */
  let buffer = Buffer.allocUnsafe(CHUNK);
  let carried = 0;
  let position = from;
  // The type codes are letters and '?': nothing a character class needs escaped.
  const types = codes === undefined ? undefined : new RegExp(`","e":"[${codes}]"`, 'g');
  /** Decodes and visits the line chunk[lineStart, newline) (a filtered scan skips other types unread). */
  const line = (chunk: Buffer, chars: string | undefined, chunkStart: number, lineStart: number, newline: number) => {
    const start = chunkStart + lineStart;
    const end = chunkStart + newline + 1;
    // An answer (most lines) is read in place from the chunk's text when every line is wanted.
    const answer = chars !== undefined && codes === undefined && ids === undefined ? answerAt(chars, lineStart, newline) : undefined;
    if (answer) {
      visit(answer, chars!.slice(lineStart, newline), start, end);
      return;
    }
    // ASCII text (nearly always) is cut from the chunk's one latin1 string: a byte is a
    // character, so offsets agree; anything else is decoded as UTF-8, line by line.
    const text = chars !== undefined ? chars.slice(lineStart, newline) : chunk.toString('utf8', lineStart, newline);
    if (text === '' || text === '~') return;
    if (codes !== undefined) {
      const type = typeOf(text);
      if (type !== undefined && !codes.includes(type)) return;
    }
    if (ids !== undefined) {
      const id = idOf(text);
      if (id !== undefined && !ids.has(id)) return;
    }
    const decoded = decodeRecovering(text);
    if (!decoded) {
      bad.push({ start, length: end - start, kind: 'unreadable' });
      return;
    }
    if (decoded.skipped > 0) bad.push({ start, length: decoded.skipped, kind: 'unreadable' });
    visit(decoded.event, decoded.skipped ? text.slice(decoded.skipped) : text, start, end);
  };
  while (position < size) {
    const want = Math.min(CHUNK, size - position);
    if (buffer.length < carried + want) {
      // A line longer than a chunk: room for it, growing by doubling.
      const larger = Buffer.allocUnsafe(Math.max(2 * buffer.length, carried + want));
      buffer.copy(larger, 0, 0, carried);
      buffer = larger;
    }
    const read = readSync(fd, buffer, carried, want, position);
    if (read === 0) break;
    const chunk = buffer.subarray(0, carried + read);
    const chunkStart = position - carried;
    const last = chunk.lastIndexOf(NEWLINE);
    // One character a byte: offsets in it are offsets in the chunk, whatever the text.
    const latin1 = chunk.toString('latin1', 0, last + 1);
    const chars = isAscii(chunk) ? latin1 : undefined;
    if (types !== undefined) {
      // Only some types wanted (a replay's first pass): jump from one to the next (a type's
      // text cannot occur inside a string, where quotes are escaped).
      types.lastIndex = 0;
      for (let hit = types.exec(latin1); hit !== null; hit = types.exec(latin1)) {
        const lineEnd = latin1.indexOf('\n', hit.index);
        line(chunk, chars, chunkStart, latin1.lastIndexOf('\n', hit.index) + 1, lineEnd);
        types.lastIndex = lineEnd;
      }
    } else {
      for (let lineStart = 0, newline = latin1.indexOf('\n'); newline !== -1; newline = latin1.indexOf('\n', lineStart)) {
        line(chunk, chars, chunkStart, lineStart, newline);
        lineStart = newline + 1;
      }
    }
    // The line the chunk ends in the middle of moves to the front, for the next read.
    carried = chunk.length - (last + 1);
    chunk.copy(buffer, 0, last + 1);
    position += read;
  }
  if (carried > 0) bad.push({ start: position - carried, length: carried, kind: 'cut' });
  return { end: position - carried, bad };
}

/** The bytes of the journal from `start` to `end`, as text (one line, for checks). */
export function readSpan(file: string, start: number, end: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const bytes = Buffer.alloc(Math.max(0, end - start));
    const read = readSync(fd, bytes, 0, bytes.length, start);
    return bytes.toString('utf8', 0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Appends `events` when the journal exists and is one this awsnotes writes (its header
 * says so), without loading anything else: `awsnotes show`'s read mark. False when the
 * journal is missing, another version's, or cannot take them: the caller then goes
 * through the store, which creates, converts or reports.
 */
export function appendToKnownJournal(file: string, events: readonly Event[]): boolean {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    if (!fstatSync(fd).isFile() || headerOf(fd)?.version !== JOURNAL_VERSION) return false;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
  return appendEvents(file, events).ok;
}
