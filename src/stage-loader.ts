// How the CommonJS bundle loads a command stage (dist/<stage>.cjs, see scripts/bundle.ts):
// with the V8 code cache the build wrote for it in dist/cache/, so the bytecode of the
// functions a command runs is read rather than compiled on every run (Node 20 has no
// compile cache of its own; Node 22's module.enableCompileCache does the same). Without a
// usable cache (none written, another Node or V8 flags) V8 compiles as usual: same result.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Set by the build (scripts/code-cache.ts): write the caches of the stages used, at exit.
 * Each starts from the cache an earlier command of the build wrote there, so a stage's
 * cache holds the functions of every command that ran it, not only the last one's.
 */
const writeCacheTo = process.env.AWSNOTES_WRITE_CODE_CACHE;

/** Called once per stage and importing file: esbuild's module wrapper keeps the result. */
export function loadStage(name: string, dir: string): unknown {
  const file = path.join(dir, `${name}.cjs`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(path.join(writeCacheTo ?? path.join(dir, 'cache'), `${name}.bin`));
  } catch {
    // No cache for this stage: V8 compiles it.
  }
  // The file is already wrapped as Node wraps a CommonJS module (scripts/bundle.ts), so
  // it is compiled as read. No import() in a stage: vm-compiled code has no module loader
  // (the app is imported through cli.cjs, see scripts/bundle.ts).
  const script = new vm.Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dir);
  if (writeCacheTo) process.once('exit', () => writeFileSync(path.join(writeCacheTo, `${name}.bin`), script.createCachedData()));
  return module.exports;
}
