// The esbuild configurations, in two formats:
// - the plain commands (dist/cli.cjs, dist/commands.cjs) are CommonJS: Node starts a
//   CommonJS file ~10 ms sooner than an ES module, and they need nothing that is ESM-only
//   at run time;
// - the interactive app (dist/app.js and its chunks) is ESM, as Ink and yoga-layout (top-
//   level await) require. The bench bundles its baseline Ink app and its harness with this
//   same configuration.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { type Build, PATCHES, type Patch } from '../src/patches/manifest.js';
import { checkBundledPatches, checkPatchTargets, PatchError, patchPlugin } from './patches.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

/**
 * Every deviation from upstream is declared in src/patches/manifest.ts, and only there: both
 * builds apply PATCHES through the plugin made from them. (Tests pass a list of their own.)
 */
interface BundleOptions {
  minify?: boolean;
  patches?: readonly Patch[];
  /** Plugins that run before the patches (the app's: the learner's compiler kept apart). */
  plugins?: Plugin[];
}

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"', __AWSNOTES_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
};

const ESM_REQUIRE_BANNER =
  "import { createRequire as __awsnotesRequire } from 'node:module';\nconst require = __awsnotesRequire(import.meta.url);";

/** The ESM configuration: the interactive app, and the bench's baseline and harness. */
export async function bundle(entryPoints: string[], outdir: string, options: BundleOptions = {}): Promise<Metafile> {
  const { metafile } = await build({
    ...common,
    entryPoints,
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    // Screens other than the menu, and their logic, are chunks loaded after the first frame.
    splitting: true,
    format: 'esm',
    minify: options.minify ?? true,
    plugins: [...(options.plugins ?? []), patchPlugin(options.patches ?? PATCHES, root)],
    metafile: true,
    // Some of Ink's dependencies are CommonJS and call require().
    banner: { js: ESM_REQUIRE_BANNER },
  });
  return metafile;
}

/**
 * Modules the plain commands import dynamically that are worth a file of their own in the
 * CommonJS build, required when first used: V8 compiles only what a command needs (`list`
 * never compiles conf, zod or Fuse). Other dynamic imports are bundled into their importer.
 */
const COMMAND_STAGES: Record<string, string> = {
  'src/commands/notes.ts': 'notes',
  'src/commands/calc.ts': 'calc',
  'src/commands/quiz.ts': 'quiz',
  'src/commands/progress.ts': 'progress',
  'src/commands/coverage.ts': 'coverage',
  'src/commands/completion.ts': 'completion',
  'src/commands/store.ts': 'store',
  'src/search/search.ts': 'search',
  'src/capacity/drills.ts': 'drills',
  'src/commands/note.ts': 'note',
  // The learner's own files: loaded only when there are some, compiled only when changed.
  'src/own/load.ts': 'own',
  'src/own/compile.ts': 'own-compile',
  // zod's checks of the progress files: needed synchronously, and seldom (see SYNC_STAGES).
  'src/progress/checks.ts': 'checks',
};

/**
 * Stages needed synchronously but seldom. The source imports such a stage through an
 * accessor module that exports one function returning it; in the CommonJS build the
 * accessor is replaced by one that loads the stage (with its code cache) on its first call.
 */
const SYNC_STAGES: Record<string, { stage: string; accessor: string }> = {
  'src/progress/checks-loader.ts': { stage: 'checks', accessor: 'progressChecks' },
};
const APP = 'src/ui/run.tsx';

/**
 * dist/: cli.cjs (argv, --version, dispatch), one .cjs per command stage, and app.js (Ink,
 * ESM) with its chunks. The stages share no state but the files in dist/content/.
 *
 * Throws a PatchError, before bundling, when a patch no longer fits the installed packages
 * and, after, when one is missing from the bundle. Returns esbuild's metafile of each build.
 */
export async function bundleApp(outdir: string, options: BundleOptions = {}): Promise<Record<Build, Metafile>> {
  const patches = options.patches ?? PATCHES;
  const unfit = checkPatchTargets(patches, root);
  if (unfit.length > 0) throw new PatchError(unfit, 'fit');
  const loader = path.join(root, 'src', 'stage-loader.ts');
  const stages: Plugin = {
    name: 'command-stages',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        const file = path.relative(root, path.resolve(args.resolveDir, args.path)).replace(/\.js$/, '');
        if (args.kind === 'import-statement' && SYNC_STAGES[`${file}.ts`]) return { path: `${file}.ts`, namespace: 'sync-stage' };
        if (args.kind !== 'dynamic-import') return undefined;
        const stage = COMMAND_STAGES[`${file}.ts`];
        if (stage) return { path: stage, namespace: 'stage' };
        if (`${file}.tsx` === APP) return { path: APP, namespace: 'app-stage' };
        return undefined;
      });
      // An accessor of a stage needed synchronously: the stage is loaded on its first call.
      build.onLoad({ filter: /.*/, namespace: 'sync-stage' }, (args) => {
        const { stage, accessor } = SYNC_STAGES[args.path]!;
        return {
          contents: `let loaded;\nexports.${accessor} = () => (loaded ??= require(${JSON.stringify(loader)}).loadStage(${JSON.stringify(stage)}, __dirname));`,
          loader: 'js',
          resolveDir: root,
        };
      });
      // A stage is loaded at run time by src/stage-loader.ts, with its V8 code cache.
      build.onLoad({ filter: /.*/, namespace: 'stage' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(loader)}).loadStage(${JSON.stringify(args.path)}, __dirname);`,
        loader: 'js',
        resolveDir: root,
      }));
      // The app is ESM with top-level await, which require() cannot load: src/app-import.ts
      // imports it through the banner's __awsnotesImportApp, which esbuild leaves as
      // written. The one cli.cjs defines is shared: import() works only in code Node
      // compiled itself, not in the stages that src/stage-loader.ts compiles.
      build.onLoad({ filter: /.*/, namespace: 'app-stage' }, () => ({
        contents: `import { importApp } from ${JSON.stringify(path.join(root, 'src', 'app-import.ts'))};\nexport const runApp = async (start) => (await importApp()).runApp(start);`,
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
  const commands = await build({
    ...common,
    entryPoints: {
      cli: path.join(root, 'src', 'cli.ts'),
      ...Object.fromEntries(Object.entries(COMMAND_STAGES).map(([file, stage]) => [stage, path.join(root, file)])),
    },
    outdir,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    minify: options.minify ?? true,
    // import() of a stage becomes require(): loading CommonJS skips initialising Node's ES
    // module loader, which only the app needs.
    supported: { 'dynamic-import': false },
    // Each file finds dist/content/ beside it. Its own URL is made only if asked for (a
    // file URL costs the first command that makes one most of a millisecond).
    define: { ...common.define, 'import.meta.url': '__awsnotes.url', __AWSNOTES_CONTENT_DIR__: '__awsnotes.contentDir' },
    banner: {
      js: "#!/usr/bin/env node\nconst __awsnotes = { get url() { return require('node:url').pathToFileURL(__filename).href; }, contentDir: require('node:path').join(__dirname, 'content') };\nconst __awsnotesImportApp = (globalThis.__awsnotesImportApp ??= () => import(require('node:url').pathToFileURL(require('node:path').join(__dirname, 'app.js')).href));",
    },
    plugins: [stages, patchPlugin(patches, root)],
    metafile: true,
  });
  for (const stage of Object.values(COMMAND_STAGES)) wrapStage(path.join(outdir, `${stage}.cjs`));
  const metafiles = {
    commands: commands.metafile,
    app: await bundle([path.join(root, 'src', 'app.ts')], outdir, { ...options, plugins: [ownCompilerApart] }),
  };
  const missing = checkBundledPatches(patches, metafiles);
  if (missing.length > 0) throw new PatchError(missing, 'bundle');
  // The learner's-file compiler for the app: one file of its own, sharing no chunk with it.
  // It imports no patched package (marked, yaml, zod), but gets the same plugin so that it
  // never could by accident.
  await build({
    ...common,
    entryPoints: { 'own-compile': OWN_COMPILER },
    outdir,
    format: 'esm',
    minify: options.minify ?? true,
    plugins: [patchPlugin(patches, root)],
    banner: { js: ESM_REQUIRE_BANNER },
  });
  return metafiles;
}

const OWN_COMPILER = path.join(root, 'src', 'own', 'compile.ts');

/**
 * In the app, the learner's-file compiler (marked, yaml, zod) is dist/own-compile.js, built
 * apart. Split with the app, the parts of zod it uses went into a chunk shared with the
 * progress store, which every start loads: 400 KB more to parse before the first frame.
 * The app's loader (a chunk in dist/chunks/) imports it from beside app.js, only when a
 * file of the learner's changed.
 */
const ownCompilerApart: Plugin = {
  name: 'own-compiler-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/compile\.js$/ }, (args) =>
      path.resolve(args.resolveDir, 'compile.ts') === OWN_COMPILER ? { path: '../own-compile.js', external: true } : undefined,
    );
  },
};

/**
 * A stage file is written as the function Node would wrap it in (src/stage-loader.ts
 * compiles it as it is read). Wrapping it at run time copied the source twice, 100 to
 * 200 KB of young objects for `show` or `search`, where each scavenge costs a millisecond.
 */
function wrapStage(file: string): void {
  const source = readFileSync(file, 'utf8').replace(/^#!.*\n/, '');
  writeFileSync(file, `${STAGE_HEAD}${source}\n})`);
}

/** The head of Node's CommonJS wrapper, with the same parameters. */
const STAGE_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
