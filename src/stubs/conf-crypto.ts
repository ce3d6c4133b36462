// conf imports node:crypto at load time but uses it only to encrypt the file, which awsnotes
// never asks for (the progress file is plain JSON, readable and exportable by design). The
// bundle maps conf's node:crypto to this stub: loading Node's crypto costs ~5 ms of start-up.
const unsupported = (): never => {
  throw new Error('node:crypto is not bundled for conf in awsnotes: encryption is not supported');
};
export default { pbkdf2Sync: unsupported, createDecipheriv: unsupported, randomBytes: unsupported, createCipheriv: unsupported };
