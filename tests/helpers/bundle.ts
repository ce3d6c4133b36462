// The helper scripts that tests start as processes of their own, bundled once per run (by
// tests/global-setup.ts) as the app is bundled, with its patches: each process then loads
// plain JavaScript as awsnotes does, instead of compiling TypeScript with tsx (about 1 s
// and 0.6 s of CPU a process on this 2-core machine, against 0.1 s).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { bundle } from '../../scripts/bundle.js';

export const HELPERS = ['answer-until-killed', 'write-answers', 'set-settings', 'hold-lock'] as const;
export type Helper = (typeof HELPERS)[number];

declare module 'vitest' {
  export interface ProvidedContext {
    helperScripts: string;
  }
}

export async function bundleHelpers(outdir: string): Promise<void> {
  await bundle(
    HELPERS.map((name) => path.resolve(import.meta.dirname, `${name}.ts`)),
    outdir,
    // Readable stack traces when a helper fails.
    { minify: false },
  );
  writeFileSync(path.join(outdir, 'package.json'), '{"type":"module"}\n');
}

/** The bundled script of a helper, to run with `node`. */
export function helperScript(name: Helper): string {
  return path.join(inject('helperScripts'), `${name}.js`);
}
