// Every place where the bundle runs other code than its dependencies ship: what each patch
// replaces, for which versions, why, and what it buys. scripts/bundle.ts builds its esbuild
// plugin from this list alone; scripts/patches.ts checks before bundling that each patch
// still fits the installed packages and after bundling that each is in the bundle; and
// docs/performance.md lists them from here (tests/patches.test.ts keeps it in step).
//
// The figures were taken with `npm run bench:compare` (docs/performance.md): the build
// with the patch against the same build without it, launched in pairs on the 2-core
// machine the bench runs on. A patch that bought nothing measurable was removed.

/** The two esbuild builds: dist/cli.cjs and its stages (CommonJS), and dist/app.js (ESM). */
export type Build = 'commands' | 'app';

/** An import, in named upstream files, that resolves to a patch module instead. */
export interface ImportReplacement {
  readonly kind: 'import';
  /** The specifier as the importers write it. */
  readonly specifier: string;
  /**
   * The files whose import of it is replaced, from the repository root: upstream files in
   * node_modules/, or another patch module that imports the original's specifier.
   */
  readonly importers: readonly string[];
  /**
   * True when the patch module handles some cases itself and calls the original for the
   * rest (the original stays in the bundle); false when it leaves the original out.
   */
  readonly wrapsOriginal: boolean;
}

/** Upstream code left in place but run differently, by a patch module that awsnotes calls. */
export interface RuntimeChange {
  readonly kind: 'runtime';
  /** The upstream file whose behaviour changes, from the repository root. */
  readonly file: string;
  /** The text of that file the patch depends on: if it goes, the patch no longer works. */
  readonly relyingOn: string;
}

export interface Patch {
  /** Names it in build errors, tests and docs/performance.md. */
  readonly name: string;
  /**
   * The package whose behaviour the patch must keep (or whose use of a left-out module it
   * relies on), and the versions it was written and tested against: exact `x.y.z`, or
   * comparators that all hold (`>=x.y.z <x.y.z`). package.json pins the package exactly.
   */
  readonly package: string;
  readonly versions: string;
  readonly change: ImportReplacement | RuntimeChange;
  /** The file in src/patches/ that does it. */
  readonly module: string;
  /** The builds that must contain it. */
  readonly builds: readonly Build[];
  readonly why: string;
  /** What it buys, measured, or why the bundle cannot do without it. */
  readonly buys: string;
}

const CONF = { package: 'conf', versions: '15.1.0', builds: ['commands', 'app'] } as const;
const CONF_SOURCE = ['node_modules/conf/dist/source/index.js'];

export const PATCHES: readonly Patch[] = [
  {
    name: 'conf-without-ajv',
    ...CONF,
    change: { kind: 'import', specifier: 'ajv/dist/2020.js', importers: CONF_SOURCE, wrapsOriginal: false },
    module: 'conf-ajv.ts',
    why: 'conf imports ajv at load time but needs it only for a JSON schema, which awsnotes never passes (zod checks the progress file).',
    buys: "Issue 16: conf's left-out extras together, 19–23 ms of a command that opens the store.",
  },
  {
    name: 'conf-without-ajv-formats',
    ...CONF,
    change: { kind: 'import', specifier: 'ajv-formats', importers: CONF_SOURCE, wrapsOriginal: false },
    module: 'conf-ajv-formats.ts',
    why: 'As for ajv: used only with a schema.',
    buys: "Issue 16: conf's left-out extras together, 19–23 ms of a command that opens the store.",
  },
  {
    name: 'conf-without-semver',
    ...CONF,
    change: { kind: 'import', specifier: 'semver', importers: CONF_SOURCE, wrapsOriginal: false },
    module: 'conf-semver.ts',
    why: 'conf needs semver only for `migrations`, which awsnotes never passes (src/progress/schema.ts migrates the file itself); semver builds ~40 regular expressions at load.',
    buys: "Issue 16: conf's left-out extras together, 19–23 ms of a command that opens the store.",
  },
  {
    name: 'conf-without-crypto',
    ...CONF,
    change: { kind: 'import', specifier: 'node:crypto', importers: CONF_SOURCE, wrapsOriginal: false },
    module: 'conf-crypto.ts',
    why: "conf needs node:crypto only to encrypt the file; the progress file is plain JSON by design, and loading Node's crypto costs milliseconds.",
    buys: "Issue 16: conf's left-out extras together, 19–23 ms of a command that opens the store.",
  },
  {
    name: 'conf-assert-fast-path',
    ...CONF,
    change: { kind: 'import', specifier: 'node:assert', importers: CONF_SOURCE, wrapsOriginal: true },
    module: 'conf-assert.ts',
    why: 'conf compares the store with itself plus defaults on every open (assert.deepEqual); loading node:assert creates process.stderr. The common case is answered directly, anything else by the real node:assert.',
    buys: "Issue 16: conf's left-out extras together, 19–23 ms of a command that opens the store.",
  },
  {
    name: 'ink-output-rows-kept',
    package: 'ink',
    versions: '6.8.0',
    change: { kind: 'import', specifier: './output.js', importers: ['node_modules/ink/build/renderer.js'], wrapsOriginal: false },
    module: 'ink-output.ts',
    builds: ['app'],
    why: "Ink draws each frame into a new grid of cell objects and turns every row back into a string; from one key to the next most rows hold the same text at the same place. This Output does what Ink's does but builds a row only for a placement it has not seen in recent frames.",
    buys: 'Commit c8a8396: keystroke to frame, menu p95 14–17 → 10.5–11.6 ms, reader p50 5.2–5.7 → 1.5–1.6 ms.',
  },
  {
    name: 'string-width-fast-path',
    package: 'string-width',
    versions: '8.3.0',
    change: {
      kind: 'import',
      specifier: 'string-width',
      importers: ['src/patches/ink-output.ts', 'node_modules/widest-line/index.js', 'node_modules/cli-truncate/index.js'],
      wrapsOriginal: true,
    },
    module: 'string-width.ts',
    builds: ['app'],
    why: 'Ink measures every text on every frame, and string-width segments graphemes for each character; text whose characters are each one grapheme is measured directly.',
    buys: 'Issue 16: with the ansi-tokenize fast path, tens to hundreds of ms of the first frame.',
  },
  {
    name: 'ansi-tokenize-fast-path',
    package: '@alcalzone/ansi-tokenize',
    versions: '0.2.5',
    change: { kind: 'import', specifier: '@alcalzone/ansi-tokenize', importers: ['src/patches/ink-output.ts'], wrapsOriginal: true },
    module: 'ansi-tokenize.ts',
    builds: ['app'],
    why: "Ink's output tokenizer starts ICU's grapheme segmenter (Intl.Segmenter) on the first frame; text whose characters are each one grapheme, and colour codes, are tokenized directly.",
    buys: 'Issue 16: with the string-width fast path, tens to hundreds of ms of the first frame.',
  },
  {
    name: 'yoga-wasm-without-fetch',
    package: 'yoga-layout',
    versions: '3.2.1',
    change: {
      kind: 'runtime',
      file: 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
      relyingOn: '"function"!=typeof fetch',
    },
    module: 'yoga-wasm-without-fetch.ts',
    builds: ['commands'],
    why: "yoga (inside Ink) loads its WebAssembly from a data: URL with fetch() whenever fetch exists, and Node's first fetch() loads undici; with fetch hidden while the app loads, yoga decodes the bytes itself.",
    buys: 'Commit e91e570: the first frame 0.905× of what it was (~385 → ~350 ms), paired, 16 launches each.',
  },
  {
    name: 'react-devtools-core-absent',
    package: 'ink',
    versions: '6.8.0',
    change: { kind: 'import', specifier: 'react-devtools-core', importers: ['node_modules/ink/build/devtools.js'], wrapsOriginal: false },
    module: 'react-devtools-core.ts',
    builds: ['app'],
    why: 'Ink imports react-devtools-core only when DEV=true, but esbuild must resolve it, and the real package cannot be bundled (ink issue 886).',
    buys: 'Nothing in speed: without it the bundle does not build.',
  },
];
