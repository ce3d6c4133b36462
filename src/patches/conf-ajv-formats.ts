// Stands in for `ajv-formats` in conf (see manifest.ts and conf-ajv.ts): called only with
// a schema, which awsnotes never passes.
export default function ajvFormats(): void {
  throw new Error('ajv-formats is not bundled in awsnotes: conf schemas are not supported');
}
