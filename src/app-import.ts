// How the CommonJS build imports the interactive app (dist/app.js, an ES module with
// top-level await): through the import() that cli.cjs's banner defines, since esbuild turns
// every import() of the CommonJS build into require() (scripts/bundle.ts). Ink's layout
// engine is loaded without `fetch`: see src/patches/yoga-wasm-without-fetch.ts.
import { withoutFetch } from './patches/yoga-wasm-without-fetch.js';

declare const __awsnotesImportApp: () => Promise<typeof import('./app.js')>;

export function importApp(): Promise<typeof import('./app.js')> {
  return withoutFetch(() => __awsnotesImportApp());
}
