// Every place where the bundle runs other code than its dependencies ship: what each patch
// replaces, for which versions, why, and what it buys. scripts/bundle.ts builds its esbuild
// plugin from this list alone; scripts/patches.ts checks before bundling that each patch
// still fits the installed packages and after bundling that each is in the bundle; and
// docs/performance.md lists them from here (tests/patches.test.ts keeps it in step).
//
// The figures were taken the way `npm run bench:compare` takes them (docs/performance.md):
// the build with the patch against the same build without it, launched in pairs on the
// 2-core machine the bench runs on. A patch that bought nothing measurable was removed.

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
/**
 * What one of conf's left-out extras buys: measured on `awsnotes progress --json`, which opens
 * the store (as the app does before its first frame), with and without the patch; the median
 * of 151 paired differences of CPU time, with its 95% interval. (Wall time moved the same
 * way on a quiet machine, but scattered by tens of ms while other work ran.)
 */
const withoutIt = (what: string, cpu: string, interval: string) =>
  `Without ${what}, \`awsnotes progress --json\` takes ${cpu} ms more CPU time (95% interval ${interval}).`;

export const PATCHES: readonly Patch[] = [
  {
    name: 'conf-without-ajv',
    ...CONF,
    change: { kind: 'import', specifier: 'ajv/dist/2020.js', importers: CONF_SOURCE, wrapsOriginal: false },
    module: 'conf-ajv.ts',
    why: 'conf imports ajv at load time but needs it only for a JSON schema, which awsnotes never passes (zod checks the progress file).',
    buys: `${withoutIt('it and conf-without-ajv-formats (either alone bundles ajv)', '2.6', '2.2–3.2')} Without every conf patch at once: 7.7 ms more (7.1–7.9).`,
  },
  {
    name: 'conf-without-ajv-formats',
    ...CONF,
    change: { kind: 'import', specifier: 'ajv-formats', importers: CONF_SOURCE, wrapsOriginal: false },
    module: 'conf-ajv-formats.ts',
    why: 'As for ajv: used only with a schema.',
    buys: 'Counted with ajv (see conf-without-ajv): ajv-formats imports ajv.',
  },
  {
    name: 'conf-without-semver',
    ...CONF,
    change: { kind: 'import', specifier: 'semver', importers: CONF_SOURCE, wrapsOriginal: false },
    module: 'conf-semver.ts',
    why: 'conf needs semver only for `migrations`, which awsnotes never passes (src/progress/schema.ts migrates the file itself); semver builds ~40 regular expressions at load.',
    buys: withoutIt('it', '1.7', '1.2–2.1'),
  },
  {
    name: 'conf-without-crypto',
    ...CONF,
    change: { kind: 'import', specifier: 'node:crypto', importers: CONF_SOURCE, wrapsOriginal: false },
    module: 'conf-crypto.ts',
    why: "conf needs node:crypto only to encrypt the file; the progress file is plain JSON by design, and loading Node's crypto costs milliseconds.",
    buys: withoutIt('it', '2.8', '2.4–3.3'),
  },
  {
    name: 'conf-assert-fast-path',
    ...CONF,
    change: { kind: 'import', specifier: 'node:assert', importers: CONF_SOURCE, wrapsOriginal: true },
    module: 'conf-assert.ts',
    why: 'conf compares the store with itself plus defaults on every open (assert.deepEqual); loading node:assert creates process.stderr. The common case is answered directly, anything else by the real node:assert.',
    buys: withoutIt('it', '2.3', '1.7–2.8'),
  },
  {
    name: 'atomically-without-exit-hook',
    package: 'atomically',
    versions: '2.1.1',
    change: { kind: 'import', specifier: 'when-exit', importers: ['node_modules/atomically/dist/utils/temp.js'], wrapsOriginal: false },
    module: 'atomically-when-exit.ts',
    builds: ['commands', 'app'],
    why: "atomically (conf's writer) loads when-exit, which listens to SIGINT, SIGTERM and a dozen other signals to remove its temporary files at exit; a signal with a listener no longer ends a process blocked in Atomics.wait, so Ctrl+C would not end a wait for the progress lock. awsnotes writes synchronously, so no temporary file is in flight at exit, and a killed writer's is removed by the next writer under the lock.",
    buys: 'Nothing in speed: Ctrl+C ends a wait for the progress lock at once (tests/lock.test.ts times out without it).',
  },
  {
    name: 'ink-output-rows-kept',
    package: 'ink',
    versions: '6.8.0',
    change: { kind: 'import', specifier: './output.js', importers: ['node_modules/ink/build/renderer.js'], wrapsOriginal: false },
    module: 'ink-output.ts',
    builds: ['app'],
    why: "Ink draws each frame into a new grid of cell objects and turns every row back into a string; from one key to the next most rows hold the same text at the same place. This Output does what Ink's does but builds a row only for a placement it has not seen in recent frames.",
    buys: "Without it, a key in the note reader costs 0.9–1.0 ms more CPU time (1.7 → 2.5 ms) and reaches the screen 0.2–0.4 ms later at the median (1.0 → 1.2 ms); a key in the menu cost 0.3 ms more CPU time before main's new screens and no measurable difference after (+0.02 ms, interval −0.03…+0.46). Five bench:compare runs of 5–6 paired harness runs. The first frame does not change measurably.",
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
    buys: "Without it, the menu's first frame comes 35 ms later on a quiet machine (24 paired launches, middle half 27–44 ms) and 98 ms later with other work running (20 pairs, 95% interval 54–127 ms); a key costs 2.2 ms more CPU time in the menu (6.5 → 8.8 ms) and 1.1 ms more in the note reader (1.8 → 2.9 ms), in two runs of 4 and 8 paired harness runs.",
  },
  {
    name: 'ansi-tokenize-fast-path',
    package: '@alcalzone/ansi-tokenize',
    versions: '0.2.5',
    change: { kind: 'import', specifier: '@alcalzone/ansi-tokenize', importers: ['src/patches/ink-output.ts'], wrapsOriginal: true },
    module: 'ansi-tokenize.ts',
    builds: ['app'],
    why: "Ink's output tokenizer starts ICU's grapheme segmenter (Intl.Segmenter) on the first frame; text whose characters are each one grapheme, and colour codes, are tokenized directly.",
    buys: "Without it, ICU's segmenter starts before the first frame, which comes 68–91 ms later (runs of 20 and 24 paired launches, 95% intervals 14–94 and 35–103 ms), and a menu key costs 2.1–3.0 ms more CPU time (6.7 → 9.7 ms) and reaches the screen at p95 in 14–21 ms instead of 8–11 ms, at or over the 16 ms budget.",
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
    buys: "Without it, the menu's first frame comes 36–42 ms later (runs of 30 and 20 paired launches, 95% intervals 13–64 and 16–73 ms).",
  },
  {
    name: 'cli-cursor-without-exit-restore',
    package: 'cli-cursor',
    versions: '4.0.0',
    change: { kind: 'import', specifier: 'restore-cursor', importers: ['node_modules/cli-cursor/index.js'], wrapsOriginal: false },
    module: 'restore-cursor.ts',
    builds: ['app'],
    why: 'cli-cursor (inside Ink) calls restore-cursor when it first hides the cursor, which then writes the cursor-show sequence to process.stderr as the process exits, so `awsnotes 2>log` found it in its log. The app shows the cursor itself, on the terminal, on every way out (src/ui/terminal.ts).',
    buys: 'Nothing in speed: stderr stays empty when the app exits (issue 14, bug 12).',
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
