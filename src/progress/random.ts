// Random names and a checksum without node:crypto: loading it costs a command about 8 ms
// (it brings node:stream and the cipher machinery with it), which was most of what
// `awsnotes progress` added to Node's own start once the file was small.
//
// The names need to be unique, not secret. Event ids take 72 bits from Math.random (V8's
// xorshift128+, seeded from the system for each process): two of a million events share
// an id with a chance of about 1 in 10^10. Temporary files are created with O_EXCL, so a
// name someone guessed and planted is never opened (the writer picks another).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `length` random URL-safe characters, 6 bits each. */
export function randomName(length: number): string {
  let name = '';
  for (let i = 0; i < length; i++) name += ALPHABET[(Math.random() * 64) | 0];
  return name;
}

/**
 * A checksum of `text` (64 bits, as 16 hex digits) that tells a file as written from one
 * edited or damaged since. Two FNV-1a lanes with different seeds, mixed at the end: not a
 * defence against someone forging it, which nothing here needs. What snapshots before
 * wordChecksum() carry.
 */
export function checksum(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x6c62272e;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return mixed(a, b);
}

/**
 * The same kind of checksum of the first `length` bytes of `bytes`, taken four bytes at a
 * time (32-bit words in the machine's byte order, so a file moved to a big-endian machine
 * is only checked once more). A command runs this once, over the whole snapshot, before V8
 * has optimized it: a quarter of the steps of checksum() over the text, and a typed
 * array's element instead of a call to charCodeAt.
 */
export function wordChecksum(bytes: Uint8Array, length = bytes.length): string {
  const imul = Math.imul;
  const count = length >>> 2;
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice(0, length);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, count);
  let a = 0x811c9dc5;
  let b = 0x6c62272e;
  for (let i = 0; i < count; i++) {
    const w = words[i]!;
    a = imul(a ^ w, 0x01000193);
    b = imul(b ^ w, 0x5bd1e995);
  }
  for (let i = count * 4; i < length; i++) {
    const c = bytes[i]!;
    a = imul(a ^ c, 0x01000193);
    b = imul(b ^ c, 0x5bd1e995);
  }
  return mixed(a ^ length, b);
}

/** The two lanes mixed, as 16 hex digits. */
function mixed(lane1: number, lane2: number): string {
  const a = Math.imul(lane1 ^ (lane2 >>> 15), 0x2c1b3c6d);
  const b = Math.imul(lane2 ^ (a >>> 13), 0x297a2d39);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
