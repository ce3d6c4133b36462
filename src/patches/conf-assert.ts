// conf opens every store with assert.deepEqual(fileStore, storeWithDefaults), the second a
// shallow copy of the first plus any missing defaults, to learn whether to write the
// defaults back. Loading node:assert makes Node create process.stderr for its colour
// check: ~5 ms of every command that opens the progress file. conf's node:assert is this
// module in the bundle (see manifest.ts): it answers the common case itself (two plain
// objects with the same own keys holding the same values are deeply equal) and hands every
// other comparison to the real node:assert, loaded then. tests/patch-equivalence.test.ts
// checks it throws exactly when node:assert does.
import { createRequire } from 'node:module';

type Assert = typeof import('node:assert');
let real: Assert | undefined;
const nodeAssert = (): Assert => (real ??= createRequire(import.meta.url)('node:assert') as Assert);

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

function sameOwnValues(actual: unknown, expected: unknown): boolean {
  if (!isPlainObject(actual) || !isPlainObject(expected)) return false;
  const keys = Object.keys(actual);
  if (keys.length !== Object.keys(expected).length) return false;
  return keys.every((key) => Object.hasOwn(expected, key) && Object.is(actual[key], expected[key]));
}

export function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (sameOwnValues(actual, expected)) return;
  nodeAssert().deepEqual(actual, expected, message);
}

export default { deepEqual };
