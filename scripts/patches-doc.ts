// The list of patches in docs/performance.md, written from src/patches/manifest.ts so that
// it cannot drift: `npm run docs:patches` rewrites it, tests/patches.test.ts fails when
// the doc and the manifest differ.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATCHES, type Patch } from '../src/patches/manifest.js';

export const DOC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'performance.md');
const START = '<!-- patches: written from src/patches/manifest.ts by `npm run docs:patches`; do not edit -->';
const END = '<!-- end of patches -->';

const code = (text: string) => `\`${text}\``;

function renderPatch(patch: Patch): string {
  const { change } = patch;
  const what =
    change.kind === 'import'
      ? `${code(change.specifier)} as imported by ${change.importers.map(code).join(', ')}, ${
          change.wrapsOriginal ? 'handling some cases itself and calling the original for the rest' : 'leaving the original out'
        }`
      : `the behaviour of ${code(change.file)}, which it relies on to contain ${code(change.relyingOn)}`;
  return [
    `### ${patch.name}`,
    '',
    `- **Module:** ${code(`src/patches/${patch.module}`)}, in the ${patch.builds.join(' and ')} build${patch.builds.length > 1 ? 's' : ''}.`,
    `- **Replaces:** ${what}.`,
    `- **Written for:** ${patch.package} ${patch.versions}.`,
    `- **Why:** ${patch.why}`,
    `- **Buys:** ${patch.buys}`,
  ].join('\n');
}

/** The generated part of the doc, markers included. */
export function renderPatchSection(patches: readonly Patch[] = PATCHES): string {
  return [START, '', ...patches.map((p) => `${renderPatch(p)}\n`), END].join('\n');
}

/** The generated part as it stands in `doc`, or undefined when its markers are missing. */
export function patchSectionOf(doc: string): string | undefined {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  return start === -1 || end < start ? undefined : doc.slice(start, end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const doc = readFileSync(DOC, 'utf8');
  const current = patchSectionOf(doc);
  if (current === undefined) {
    console.error(`docs:patches: ${DOC} has no patch section (its markers are missing)`);
    process.exit(1);
  }
  writeFileSync(DOC, doc.replace(current, renderPatchSection()));
  console.log(`docs:patches: ${PATCHES.length} patches written to docs/performance.md`);
}
