// Stands in for `ajv/dist/2020.js` in conf (see manifest.ts). conf imports ajv at load time
// but uses it only for a JSON schema, which awsnotes never passes (the progress file is
// validated with zod/mini), so start-up does not evaluate a schema compiler it never calls.
export class Ajv2020 {
  constructor() {
    throw new Error('ajv is not bundled in awsnotes: conf schemas are not supported');
  }
}
