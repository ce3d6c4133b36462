// conf imports ajv and ajv-formats at load time but uses them only for a JSON schema, which
// awsnotes never passes (the progress file is validated with zod/mini). The bundle maps
// both to this stub, so start-up does not evaluate a schema compiler it never calls.
export class Ajv2020 {
  constructor() {
    throw new Error('ajv is not bundled in awsnotes: conf schemas are not supported');
  }
}
export default function ajvFormats(): void {
  throw new Error('ajv-formats is not bundled in awsnotes');
}
