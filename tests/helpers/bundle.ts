// A helper script bundled once per test file, so the many processes a test starts load
// plain JavaScript (about as fast as awsnotes itself) instead of compiling TypeScript each.
import path from 'node:path';
import { build } from 'esbuild';
import { tempDir } from './cli.js';

export async function bundleHelper(script: string): Promise<string> {
  const outfile = path.join(tempDir(), `${path.basename(script, '.ts')}.mjs`);
  await build({
    entryPoints: [path.resolve(import.meta.dirname, script)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}
