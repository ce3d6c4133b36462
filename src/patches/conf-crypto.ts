// Stands in for `node:crypto` in conf (see manifest.ts). conf imports it at load time but
// uses it only to encrypt the file, which awsnotes never asks for (the progress file is
// plain JSON, readable and exportable by design); loading Node's crypto costs start-up.
const unsupported = (): never => {
  throw new Error('node:crypto is not bundled for conf in awsnotes: encryption is not supported');
};
export default { pbkdf2Sync: unsupported, createDecipheriv: unsupported, randomBytes: unsupported, createCipheriv: unsupported };
