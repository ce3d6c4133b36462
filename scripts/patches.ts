// The bundle's patches of dependencies (src/patches/manifest.ts), applied and checked:
// - checkPatchTargets, before bundling: every package a patch was written for is installed
//   at a version in its declared range, and every upstream file it relies on is there and
//   still says what the patch expects (imports the specifier it replaces);
// - patchPlugin: the esbuild plugin that applies them, built from the manifest alone;
// - checkBundledPatches, after bundling: esbuild's metafile shows each patch in place for
//   every importer it declares, and each original it leaves out absent.
// The build stops with every problem on a line of its own (scripts/build.ts).
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import type { Metafile, Plugin } from 'esbuild';
import type { Build, Patch } from '../src/patches/manifest.js';

/** Where the patch modules live, from the repository root. */
export const PATCHES_DIR = 'src/patches';

export class PatchError extends Error {
  /** `fit`: found before bundling, by checkPatchTargets; `bundle`: after, by checkBundledPatches. */
  constructor(
    readonly problems: string[],
    stage: 'fit' | 'bundle',
  ) {
    const what = stage === 'fit' ? 'no longer fit the installed packages' : 'are not all in the bundle';
    super(`the bundle's patches of dependencies ${what} (see src/patches/manifest.ts):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

const COMPARATOR = /^(>=|<=|>|<|=)?(\d+\.\d+\.\d+)$/;
const comparators = (range: string) => range.trim().split(/\s+/);
/** Whether `range` is one `satisfies` reads: `x.y.z`, or comparators such as `>=x.y.z <x.y.z`. */
export const isVersionRange = (range: string) => range.trim() !== '' && comparators(range).every((c) => COMPARATOR.test(c));

const parseVersion = (text: string): [number, number, number] | undefined => {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
};
const compareVersions = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

/**
 * Whether `version` is in `range`: an exact version (`6.8.0`) or comparators that must all
 * hold (`>=6.8.0 <6.9.0`). Pre-release versions and npm's ^ and ~ are not accepted: a patch
 * is written against versions someone checked, so the range says them plainly.
 */
export function satisfies(version: string, range: string): boolean {
  const parsed = parseVersion(version);
  if (!parsed || !isVersionRange(range)) return false;
  return comparators(range).every((comparator) => {
    const [, operator, bound] = COMPARATOR.exec(comparator)!;
    const order = compareVersions(parsed, parseVersion(bound!)!);
    switch (operator || '=') {
      case '>=':
        return order >= 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      case '<':
        return order < 0;
      default:
        return order === 0;
    }
  });
}

/** `ink/build/output.js` → `ink`; `@alcalzone/ansi-tokenize/build/index.js` → `@alcalzone/ansi-tokenize`. */
export function packageOf(specifierOrFile: string): string {
  const parts = specifierOrFile.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** The package an importer (a path from the repository root) belongs to; none for awsnotes' own files. */
const importerPackage = (importer: string) =>
  importer.startsWith('node_modules/') ? packageOf(importer.slice('node_modules/'.length)) : undefined;

/** The version of `name` that code in `fromPackage` gets (its own nested copy, else the hoisted one). */
function installedVersion(nodeModules: string, name: string, fromPackage?: string): string | undefined {
  const candidates = [
    ...(fromPackage && fromPackage !== name ? [path.join(nodeModules, fromPackage, 'node_modules', name)] : []),
    path.join(nodeModules, name),
  ];
  for (const dir of candidates) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  }
  return undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** An import of `specifier` in JavaScript source: `from '…'`, `import('…')`, `require('…')`. */
const importsSpecifier = (source: string, specifier: string) =>
  new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s+)(['"])${escapeRegExp(specifier)}\\1`).test(source);

/**
 * Everything about the installed dependencies that the patches rely on, as one line per
 * problem (none: the patches fit). `root` holds node_modules/ and src/patches/.
 */
export function checkPatchTargets(patches: readonly Patch[], root: string): string[] {
  const nodeModules = path.join(root, 'node_modules');
  const problems: string[] = [];
  const checkVersion = (patch: Patch, fromPackage?: string) => {
    const version = installedVersion(nodeModules, patch.package, fromPackage);
    const seenBy = fromPackage ? ` (as ${fromPackage} resolves it)` : '';
    if (version === undefined) problems.push(`${patch.name}: ${patch.package} is not installed${seenBy}`);
    else if (!satisfies(version, patch.versions))
      problems.push(`${patch.name}: ${patch.package} ${version} is installed${seenBy}, but the patch was written for ${patch.versions}`);
  };
  for (const patch of patches) {
    if (!existsSync(path.join(root, PATCHES_DIR, patch.module)))
      problems.push(`${patch.name}: its module ${PATCHES_DIR}/${patch.module} is missing`);
    if (!isVersionRange(patch.versions)) {
      problems.push(`${patch.name}: "${patch.versions}" is not a version range (use x.y.z, or comparators such as ">=x.y.z <x.y.z")`);
      continue;
    }
    checkVersion(patch);
    const { change } = patch;
    if (change.kind === 'import') {
      for (const importer of change.importers) {
        const file = path.join(root, importer);
        if (!existsSync(file)) {
          problems.push(`${patch.name}: ${importer} is missing (it should import '${change.specifier}')`);
          continue;
        }
        if (!importsSpecifier(readFileSync(file, 'utf8'), change.specifier))
          problems.push(`${patch.name}: ${importer} no longer imports '${change.specifier}'`);
        // The importer's own copy, if it has one, is the one the patch stands in for.
        const from = importerPackage(importer);
        if (from && from !== patch.package) checkVersion(patch, from);
      }
    } else {
      const file = path.join(root, change.file);
      if (!existsSync(file)) problems.push(`${patch.name}: ${change.file} is missing`);
      else if (!readFileSync(file, 'utf8').includes(change.relyingOn))
        problems.push(`${patch.name}: ${change.file} no longer contains ${JSON.stringify(change.relyingOn)}`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Whether `file` (absolute, or relative as in a metafile) is `declared`, a path from the
 * repository root. Compared by ending: esbuild names a linked node_modules by its real path.
 */
const isFile = (file: string, declared: string) => `/${file.replaceAll('\\', '/')}`.endsWith(`/${declared}`);
/** Whether `file` is inside `dir` (a package's node_modules/… directory), compared as isFile does. */
const isInPackage = (file: string, dir: string) => `/${file.replaceAll('\\', '/')}`.includes(`/${dir}/`);

/**
 * The esbuild plugin that puts each import patch in place: an import of a patch's specifier
 * from one of its declared importers resolves to the patch module. Any other importer (a
 * patch module importing the original it wraps, another package) gets the original.
 */
export function patchPlugin(patches: readonly Patch[], root: string): Plugin {
  const bySpecifier = new Map<string, Patch[]>();
  for (const patch of patches) {
    if (patch.change.kind !== 'import') continue;
    bySpecifier.set(patch.change.specifier, [...(bySpecifier.get(patch.change.specifier) ?? []), patch]);
  }
  return {
    name: 'awsnotes-patches',
    setup(build) {
      for (const [specifier, candidates] of bySpecifier) {
        build.onResolve({ filter: new RegExp(`^${escapeRegExp(specifier)}$`) }, (args) => {
          const patch = candidates.find((p) => p.change.kind === 'import' && p.change.importers.some((i) => isFile(args.importer, i)));
          return patch ? { path: path.join(root, PATCHES_DIR, patch.module) } : undefined;
        });
      }
    },
  };
}

/**
 * What esbuild's metafile of each build says about the patches, one line per problem:
 * - an import patch: each declared importer is in the build and its import of the
 *   specifier resolved to the patch module; unless the patch wraps the original, the
 *   original (the package, or the file for a relative specifier) is not in the build;
 * - a runtime patch: its module is in the build.
 * In both, the patch module contributes bytes to an output (it was not dropped as unused).
 */
export function checkBundledPatches(patches: readonly Patch[], metafiles: Partial<Record<Build, Metafile>>): string[] {
  const problems: string[] = [];
  const moduleSuffix = (patch: Patch) => `${PATCHES_DIR}/${patch.module}`;
  for (const patch of patches) {
    for (const build of patch.builds) {
      const metafile = metafiles[build];
      if (!metafile) {
        problems.push(`${patch.name}: no metafile of the ${build} build to check`);
        continue;
      }
      const inputs = Object.entries(metafile.inputs);
      const bytesInOutputs = (suffix: string) =>
        Object.values(metafile.outputs).reduce(
          (sum, output) =>
            sum + Object.entries(output.inputs).reduce((s, [file, input]) => (isFile(file, suffix) ? s + input.bytesInOutput : s), 0),
          0,
        );
      if (bytesInOutputs(moduleSuffix(patch)) === 0) problems.push(`${patch.name}: ${moduleSuffix(patch)} is not in the ${build} build`);
      const { change } = patch;
      if (change.kind !== 'import') continue;
      for (const importer of change.importers) {
        const input = inputs.find(([file]) => isFile(file, importer))?.[1];
        if (!input) {
          problems.push(`${patch.name}: ${importer} is not in the ${build} build, so '${change.specifier}' was not replaced there`);
          continue;
        }
        const resolved = input.imports.find((i) => i.original === change.specifier);
        if (!resolved || !isFile(resolved.path, moduleSuffix(patch)))
          problems.push(
            `${patch.name}: in the ${build} build, '${change.specifier}' from ${importer} resolved to ${resolved?.path ?? 'nothing'}, not ${moduleSuffix(patch)}`,
          );
        // What the patch leaves out must reach the build neither by this importer nor another.
        if (!change.wrapsOriginal && !isBuiltin(change.specifier)) {
          const relative = change.specifier.startsWith('.');
          const original = relative
            ? path.posix.join(path.posix.dirname(importer), change.specifier)
            : `node_modules/${packageOf(change.specifier)}`;
          const left = inputs.find(([file]) => (relative ? isFile(file, original) : isInPackage(file, original)));
          if (left) problems.push(`${patch.name}: it leaves ${original} out, but ${left[0]} is in the ${build} build`);
        }
      }
    }
  }
  return problems;
}
