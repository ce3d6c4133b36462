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
 * defence against someone forging it, which nothing here needs.
 */
export function checksum(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x6c62272e;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  a = Math.imul(a ^ (b >>> 15), 0x2c1b3c6d);
  b = Math.imul(b ^ (a >>> 13), 0x297a2d39);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
