// Reading and writing files without surprises:
// - a file is replaced through a temporary file with a random name, created with O_EXCL in
//   the target's directory (so a name someone planted, a symlink included, is never
//   opened), synced, then renamed over the target; it is removed when anything fails;
// - an output path that is a FIFO or a terminal is written to directly, never replaced;
//   a symlink, a directory, a socket or a disk device is refused;
// - an input path must be a regular file of bounded size, opened without blocking, so a
//   FIFO or /dev/zero is refused instead of hanging;
// - text is decoded from UTF-8 with or without a byte-order mark, and from UTF-16.
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { describeFsError, errorCode } from './paths.js';
import { randomName } from './random.js';

/** Writes all of `bytes` to `fd` (writeSync may write less than asked). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

const TEMP_MARK = '.tmp-';

/** A fresh temporary name beside `target`: `<target>.tmp-<16 random hex digits>`. */
function tempName(target: string): string {
  return `${target}${TEMP_MARK}${randomName(16)}`;
}

/** A new temporary file beside `target`, with O_EXCL; another name when one is taken (planted or not). */
function createTemp(target: string, mode: number): { temp: string; fd: number } {
  for (let attempt = 1; ; attempt++) {
    const temp = tempName(target);
    try {
      return { temp, fd: openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode) };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST' || attempt === 8) throw error;
    }
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or never made: nothing to clean.
  }
}

/** Makes the rename of a file in `dir` durable (a directory fsync; not possible everywhere). */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems cannot open or sync a directory: the rename itself has happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What is written: text, or a function that writes it in chunks (a large export). */
export type Content = string | ((write: (chunk: string) => void) => void);

function produce(content: Content, write: (chunk: string) => void): void {
  if (typeof content === 'string') write(content);
  else content(write);
}

/**
 * Writes `content` to a new temporary file beside `target`, then renames it over `target`.
 * Throws the file-system error (and leaves no temporary file) when any step fails.
 */
export function writeFileAtomic(target: string, content: Content, options: { mode?: number; durable?: boolean } = {}): void {
  const { temp, fd } = createTemp(target, options.mode ?? 0o666);
  let renamed = false;
  try {
    produce(content, (chunk) => writeAll(fd, Buffer.from(chunk)));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, target);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        closeSync(fd);
      } catch {
        // Closed above, before the rename failed.
      }
      removeQuietly(temp);
    }
  }
  if (options.durable) syncDir(path.dirname(target));
}

/**
 * Removes the temporary files killed writers left beside `target`. Only for a caller that
 * holds what every writer of `target` holds while writing (a lock), so none is in use.
 */
export function removeLeftovers(target: string): number {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}${TEMP_MARK}`;
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    try {
      unlinkSync(path.join(dir, name));
      removed++;
    } catch {
      // Someone else cleaned it, or it cannot be removed: doctor reports what is left.
    }
  }
  return removed;
}

/** The temporary files beside `target` (for doctor's report). */
export function leftovers(target: string): string[] {
  const prefix = `${path.basename(target)}${TEMP_MARK}`;
  try {
    return readdirSync(path.dirname(target)).filter((name) => name.startsWith(prefix));
  } catch {
    return [];
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'an unknown kind of file';
}

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; reason: string; missing?: boolean };

/**
 * Reads `file` if it is a regular file of at most `maxBytes`. Opened with O_NONBLOCK and
 * checked on the open descriptor, so a FIFO or a device is refused at once, even one
 * swapped in after a first look.
 */
export function readRegularFile(file: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, reason: describeFsError(error), missing: errorCode(error) === 'ENOENT' };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: `it is ${kindOf(stats)}, not a regular file` };
    if (stats.size > maxBytes) return { ok: false, reason: `it is larger than ${formatBytes(maxBytes)} (${formatBytes(stats.size)})` };
    // One byte more than the limit: a file that grows while read is refused too.
    const bytes = Buffer.allocUnsafe(Math.min(maxBytes + 1, stats.size + 1));
    let length = 0;
    for (;;) {
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === bytes.length) break;
    }
    if (length > maxBytes) return { ok: false, reason: `it is larger than ${formatBytes(maxBytes)}` };
    return { ok: true, bytes: bytes.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${Math.round(bytes / 1024 / 1024)} MiB`;
}

/**
 * Text from bytes: UTF-8 (a byte-order mark is dropped), or UTF-16 little- or big-endian
 * when the bytes start with its byte-order mark or look like it (ASCII with every other
 * byte zero, as Windows tools write it).
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return swapBytes(bytes.subarray(2)).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return bytes.toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return swapBytes(bytes).toString('utf16le');
  return bytes.toString('utf8');
}

function swapBytes(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return copy.swap16();
}

export type OutputTarget =
  | { kind: 'file' }
  | { kind: 'stream' }
  /** Never written: the reason says what the path is. */
  | { kind: 'refused'; reason: string };

/**
 * What writing to `out` would do. A new path or a regular file is replaced atomically; a
 * FIFO or a character device (a terminal, /dev/null, /dev/stdout's target) is written to
 * as it is; anything else is refused: a symbolic link to a file (replacing it would break
 * the link, writing through it would not be atomic), a directory, a socket, a disk.
 */
export function outputTarget(out: string): OutputTarget {
  let stats: Stats;
  try {
    stats = lstatSync(out);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'file' };
    return { kind: 'refused', reason: describeFsError(error) };
  }
  if (stats.isFile()) return { kind: 'file' };
  if (stats.isSymbolicLink()) {
    try {
      const target = statSync(out);
      if (target.isFIFO() || target.isCharacterDevice()) return { kind: 'stream' };
      return { kind: 'refused', reason: `it is a symbolic link to ${kindOf(target)}` };
    } catch {
      return { kind: 'refused', reason: 'it is a symbolic link that leads nowhere' };
    }
  }
  if (stats.isFIFO() || stats.isCharacterDevice()) return { kind: 'stream' };
  return { kind: 'refused', reason: `it is ${kindOf(stats)}` };
}

/**
 * Writes `content` to `out` as outputTarget() decides. Throws a file-system error (nothing
 * replaced) or an Error with the reason for a refused path.
 */
export function writeOutput(out: string, content: Content): void {
  const target = outputTarget(out);
  if (target.kind === 'refused') throw new Error(target.reason);
  if (target.kind === 'file') {
    writeFileAtomic(out, content, { durable: true });
    return;
  }
  // No O_CREAT: nothing new is made; O_NONBLOCK is not used, so a FIFO waits for its reader.
  const fd = openSync(out, constants.O_WRONLY);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFIFO() && !stats.isCharacterDevice()) throw new Error(`it became ${kindOf(stats)} while being opened`);
    produce(content, (chunk) => writeAll(fd, Buffer.from(chunk)));
  } finally {
    closeSync(fd);
  }
}
