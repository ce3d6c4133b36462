// conf imports uint8array-extras at load time but calls it only for an encrypted file or one
// read as bytes; awsnotes never encrypts the progress file and conf reads it as text. The
// bundle maps conf's uint8array-extras to this stub, so start-up does not build its hex
// lookup tables and text codecs.
const unsupported = (): never => {
  throw new Error('uint8array-extras is not bundled for conf in awsnotes: encryption is not supported');
};
export const concatUint8Arrays = unsupported;
export const stringToUint8Array = unsupported;
export const uint8ArrayToString = unsupported;
