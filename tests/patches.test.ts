// The bundle's patches of dependencies (src/patches/manifest.ts): the build refuses a patch
// that no longer fits the installed packages, every patch is in the bundle that shipped,
// the patched packages are pinned, and docs/performance.md lists exactly the manifest.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleApp, root } from '../scripts/bundle.js';
import { DOC, patchSectionOf, renderPatchSection } from '../scripts/patches-doc.js';
import { checkBundledPatches, checkPatchTargets, isVersionRange, PatchError, satisfies } from '../scripts/patches.js';
import { type Build, PATCHES, type Patch } from '../src/patches/manifest.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository of its own: `files` (path → content) under a temporary root. */
function fakeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'awsnotes-patches-'));
  made.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}
const pkg = (name: string, version: string) => JSON.stringify({ name, version });

const widthPatch: Patch = {
  name: 'width-fast-path',
  package: 'string-width',
  versions: '8.3.0',
  change: { kind: 'import', specifier: 'string-width', importers: ['node_modules/ink/build/output.js'], wrapsOriginal: true },
  module: 'string-width.ts',
  builds: ['app'],
  why: 'test',
  buys: 'test',
};
const goodTree = {
  'src/patches/string-width.ts': '',
  'node_modules/string-width/package.json': pkg('string-width', '8.3.0'),
  'node_modules/ink/package.json': pkg('ink', '6.8.0'),
  'node_modules/ink/build/output.js': "import sliceAnsi from 'slice-ansi';\nimport stringWidth from 'string-width';\n",
};

describe('version ranges', () => {
  it('accepts the exact version or versions inside comparators, and nothing else', () => {
    expect(satisfies('6.8.0', '6.8.0')).toBe(true);
    expect(satisfies('6.8.1', '6.8.0')).toBe(false);
    expect(satisfies('6.8.3', '>=6.8.0 <6.9.0')).toBe(true);
    expect(satisfies('6.9.0', '>=6.8.0 <6.9.0')).toBe(false);
    expect(satisfies('6.7.9', '>=6.8.0 <6.9.0')).toBe(false);
    expect(satisfies('6.10.0', '>6.9.0')).toBe(true);
    expect(satisfies('7.0.0-beta.1', '>=6.8.0')).toBe(false);
    expect(isVersionRange('^6.8.0')).toBe(false);
    expect(isVersionRange('>=6.8.0 <6.9.0')).toBe(true);
    expect(satisfies('6.8.0', '^6.8.0')).toBe(false);
  });
});

describe('before bundling: each patch still fits the installed packages', () => {
  it('finds nothing wrong in the installed packages', () => {
    expect(checkPatchTargets(PATCHES, root)).toEqual([]);
  });

  it('finds nothing wrong in a tree that matches the patch', () => {
    expect(checkPatchTargets([widthPatch], fakeTree(goodTree))).toEqual([]);
  });

  it('refuses an installed version outside the range, as the importer resolves it too', () => {
    const upgraded = fakeTree({ ...goodTree, 'node_modules/string-width/package.json': pkg('string-width', '8.4.0') });
    expect(checkPatchTargets([widthPatch], upgraded)).toContain(
      'width-fast-path: string-width 8.4.0 is installed, but the patch was written for 8.3.0',
    );
    const nested = fakeTree({ ...goodTree, 'node_modules/ink/node_modules/string-width/package.json': pkg('string-width', '7.2.0') });
    expect(checkPatchTargets([widthPatch], nested)).toEqual([
      'width-fast-path: string-width 7.2.0 is installed (as ink resolves it), but the patch was written for 8.3.0',
    ]);
  });

  it("says once when the patched package is the importer's own", () => {
    const outputPatch: Patch = {
      ...widthPatch,
      name: 'output-rows',
      package: 'ink',
      versions: '6.8.0',
      change: { kind: 'import', specifier: './output.js', importers: ['node_modules/ink/build/renderer.js'], wrapsOriginal: false },
    };
    const tree = fakeTree({
      ...goodTree,
      'node_modules/ink/package.json': pkg('ink', '6.9.0'),
      'node_modules/ink/build/renderer.js': "import Output from './output.js';\n",
    });
    expect(checkPatchTargets([outputPatch], tree)).toEqual(['output-rows: ink 6.9.0 is installed, but the patch was written for 6.8.0']);
  });

  it('names a range it cannot read instead of guessing', () => {
    expect(checkPatchTargets([{ ...widthPatch, versions: '^8.3.0' }], fakeTree(goodTree))).toEqual([
      'width-fast-path: "^8.3.0" is not a version range (use x.y.z, or comparators such as ">=x.y.z <x.y.z")',
    ]);
  });

  it('refuses a renamed importer, or one that no longer imports what the patch replaces', () => {
    const { 'node_modules/ink/build/output.js': output, ...rest } = goodTree;
    const renamed = fakeTree({ ...rest, 'node_modules/ink/build/frame.js': output });
    expect(checkPatchTargets([widthPatch], renamed)).toEqual([
      "width-fast-path: node_modules/ink/build/output.js is missing (it should import 'string-width')",
    ]);
    const rewritten = fakeTree({ ...goodTree, 'node_modules/ink/build/output.js': "import measure from 'fast-string-width';\n" });
    expect(checkPatchTargets([widthPatch], rewritten)).toEqual([
      "width-fast-path: node_modules/ink/build/output.js no longer imports 'string-width'",
    ]);
  });

  it('refuses a missing package, a missing patch module, and an upstream file without what a runtime patch relies on', () => {
    const runtime: Patch = {
      ...widthPatch,
      name: 'no-fetch',
      package: 'yoga-layout',
      versions: '3.2.1',
      change: { kind: 'runtime', file: 'node_modules/yoga-layout/wasm.js', relyingOn: 'typeof fetch' },
      module: 'no-fetch.ts',
    };
    const tree = fakeTree({
      'node_modules/yoga-layout/package.json': pkg('yoga-layout', '3.2.1'),
      'node_modules/yoga-layout/wasm.js': 'load()',
    });
    expect(checkPatchTargets([runtime, { ...widthPatch, package: 'strlen' }], tree)).toEqual([
      'no-fetch: its module src/patches/no-fetch.ts is missing',
      'no-fetch: node_modules/yoga-layout/wasm.js no longer contains "typeof fetch"',
      'width-fast-path: its module src/patches/string-width.ts is missing',
      'width-fast-path: strlen is not installed',
      "width-fast-path: node_modules/ink/build/output.js is missing (it should import 'string-width')",
    ]);
  });

  it('stops the build before bundling, with every problem named', async () => {
    const outdir = fakeTree({});
    const wrongRange: Patch = { ...widthPatch, versions: '8.2.0' };
    const error = await bundleApp(outdir, { patches: [wrongRange] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchError);
    expect((error as PatchError).message).toContain("the bundle's patches of dependencies no longer fit the installed packages");
    expect((error as PatchError).problems).toContain(
      'width-fast-path: string-width 8.3.0 is installed, but the patch was written for 8.2.0',
    );
    expect(readdirSync(outdir)).toEqual([]);
  });
});

describe('after bundling: every patch is in the bundle that was built', () => {
  // Written by scripts/build.ts next to the compiled content: esbuild's own record of what
  // went into dist/.
  const metafiles = () => JSON.parse(readFileSync(path.join(root, 'generated', 'bundle-meta.json'), 'utf8')) as Record<Build, Metafile>;

  it('is kept for the tests, not shipped: dist/ holds no record of the build', () => {
    expect(existsSync(path.join(root, 'generated', 'bundle-meta.json'))).toBe(true);
    expect(existsSync(path.join(root, 'dist', 'content', 'bundle-meta.json'))).toBe(false);
  });

  it('finds each patch module in its builds, in place of what it replaces for each importer', () => {
    expect(checkBundledPatches(PATCHES, metafiles())).toEqual([]);
    // And it looked: each build that a patch names has that patch's module in an output.
    for (const patch of PATCHES)
      for (const build of patch.builds) {
        const outputs = Object.values(metafiles()[build].outputs);
        expect(outputs.some((o) => Object.keys(o.inputs).some((file) => file.endsWith(`src/patches/${patch.module}`)))).toBe(true);
      }
  });

  it('notices a patch whose importer is no longer bundled, as when Ink renames a file', () => {
    const renamed = metafiles();
    const key = Object.keys(renamed.app.inputs).find((file) => file.endsWith('node_modules/ink/build/renderer.js'))!;
    renamed.app.inputs[key.replace('renderer.js', 'render-frame.js')] = renamed.app.inputs[key]!;
    delete renamed.app.inputs[key];
    expect(checkBundledPatches(PATCHES, renamed)).toEqual([
      "ink-output-rows-kept: node_modules/ink/build/renderer.js is not in the app build, so './output.js' was not replaced there",
    ]);
  });

  it('notices an import that reached the original, and an original that should have been left out', () => {
    const bypassed = metafiles();
    const conf = Object.entries(bypassed.commands.inputs).find(([file]) => file.endsWith('node_modules/conf/dist/source/index.js'))![1];
    const semver = conf.imports.find((i) => i.original === 'semver')!;
    semver.path = 'node_modules/semver/index.js';
    bypassed.commands.inputs['node_modules/semver/index.js'] = { bytes: 1, imports: [] };
    expect(checkBundledPatches(PATCHES, bypassed)).toEqual([
      "conf-without-semver: in the commands build, 'semver' from node_modules/conf/dist/source/index.js resolved to node_modules/semver/index.js, not src/patches/conf-semver.ts",
      'conf-without-semver: it leaves node_modules/semver out, but node_modules/semver/index.js is in the commands build',
    ]);
  });
});

describe('the patched packages', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
  };
  const declared = { ...manifest.dependencies, ...manifest.devDependencies };
  // Each package a patch is written for, and each one a patch module imports itself.
  const imported = readdirSync(path.join(root, 'src', 'patches')).flatMap((file) =>
    [...readFileSync(path.join(root, 'src', 'patches', file), 'utf8').matchAll(/\bfrom '([^.'][^']*)'/g)]
      .map((m) => m[1]!)
      .filter((specifier) => !isBuiltin(specifier))
      .map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!)),
  );
  const patched = [...new Set([...PATCHES.map((p) => p.package), ...imported])].sort();

  it.each(patched)('%s is pinned to one exact version, the one installed and locked', (name) => {
    expect(declared[name], `${name} in package.json`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages[`node_modules/${name}`]?.version).toBe(declared[name]);
    const rootEntry = lock.packages[''];
    expect({ ...rootEntry?.dependencies, ...rootEntry?.devDependencies }[name]).toBe(declared[name]);
  });

  it('every module in src/patches/ is declared in the manifest (a patch added the old way would not be checked)', () => {
    const modules = readdirSync(path.join(root, 'src', 'patches')).filter((file) => file !== 'manifest.ts');
    expect(modules.sort()).toEqual([...new Set(PATCHES.map((p) => p.module))].sort());
  });

  it('each pinned version is inside the range of every patch written for that package', () => {
    for (const patch of PATCHES) expect(satisfies(declared[patch.package]!, patch.versions), patch.name).toBe(true);
  });
});

describe('docs/performance.md', () => {
  it('lists exactly the patches of the manifest (npm run docs:patches rewrites the list)', () => {
    expect(patchSectionOf(readFileSync(DOC, 'utf8'))).toBe(renderPatchSection());
  });
});
