// The one esbuild configuration: used for dist/ and, by the bench, for its baseline app
// and harness, so that both are bundled exactly alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

export async function bundle(entryPoints: string[], outdir: string, options: { minify?: boolean } = {}): Promise<void> {
  await build({
    entryPoints,
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    // The interactive app (Ink, React, yoga) and the content are separate chunks loaded
    // only on the paths that need them, so plain commands start without parsing them.
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: options.minify ?? true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"', __AWSNOTES_VERSION__: JSON.stringify(version) },
    alias: { 'react-devtools-core': path.join(root, 'src', 'stubs', 'react-devtools-core.ts') },
    plugins: [
      {
        // See src/stubs/ajv.ts: conf's schema support, never used, stays out of start-up.
        name: 'stub-ajv',
        setup(build) {
          build.onResolve({ filter: /^ajv(-formats)?(\/.*)?$/ }, () => ({ path: path.join(root, 'src', 'stubs', 'ajv.ts') }));
        },
      },
      {
        // See src/stubs/ansi-tokenize.ts: a fast path for Ink's output tokenizer.
        name: 'fast-ansi-tokenize',
        setup(build) {
          const wrapper = path.join(root, 'src', 'stubs', 'ansi-tokenize.ts');
          build.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (args) => (args.importer === wrapper ? undefined : { path: wrapper }));
        },
      },
      {
        // See src/stubs/string-width.ts: an ASCII fast path for Ink's text measuring.
        name: 'fast-string-width',
        setup(build) {
          const wrapper = path.join(root, 'src', 'stubs', 'string-width.ts');
          build.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === wrapper ? undefined : { path: wrapper }));
        },
      },
    ],
    // Some of Ink's dependencies are CommonJS and call require().
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __awsnotesRequire } from 'node:module';\nconst require = __awsnotesRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
