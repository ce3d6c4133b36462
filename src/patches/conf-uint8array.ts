// Stands in for `uint8array-extras` in conf (see manifest.ts). conf imports it at load time
// but calls it only for an encrypted file or one read as bytes; awsnotes never encrypts the
// progress file and conf reads it as text, so start-up does not build its hex lookup tables
// and text codecs.
const unsupported = (): never => {
  throw new Error('uint8array-extras is not bundled for conf in awsnotes: encryption is not supported');
};
export const concatUint8Arrays = unsupported;
export const stringToUint8Array = unsupported;
export const uint8ArrayToString = unsupported;
