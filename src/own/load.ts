// Loading the learner's files (index.ts calls it only when there are some). Each file is
// compiled once and the result cached in <config>/cache/, keyed by the file's size and
// modification time: a later start stats the files, reads the cache and compiles only what
// changed, so marked, yaml and zod (compile.ts) are loaded only after an edit.
import { mkdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { KEBAB } from '../content/schema.js';
import { packSearch, type PackedSearch, unpackSearch } from '../search/pack.js';
import { describeFsError } from '../progress/paths.js';
import { decodeText, formatBytes, readRegularFile, writeFileAtomic } from '../progress/safe-file.js';
import { VERSION } from '../../generated/version.js';
import { type AssembleInput, assemble } from './assemble.js';
import type { OwnFiles } from './index.js';
import {
  type CompiledFile,
  type CompiledNote,
  type CompiledQuestionFile,
  MAX_OWN_FILE_BYTES,
  type OwnContent,
  type OwnProblem,
} from './types.js';

export const CACHE_DIR = 'cache';
const NOTES_CACHE = 'own-notes.json';
const QUESTIONS_CACHE = 'own-questions.json';
/** The search index over the notes: the largest part of a search's cost, and of no other command's. */
const SEARCH_CACHE = 'own-search.json';
/**
 * Raised whenever what the cache holds changes shape, or the search records made from the
 * notes change (3: a table's header row is a record): an older cache is then ignored.
 */
const CACHE_FORMAT = 3;
const CACHE_KEY = `${VERSION}/${CACHE_FORMAT}`;

interface CacheEntry<T> {
  size: number;
  mtimeMs: number;
  compiled: CompiledFile<T>;
}
type CacheEntries<T> = Record<string, CacheEntry<T>>;

/** The cache's entries, or none when it is missing, damaged or of another version (all files are then compiled). */
function readCache<T>(file: string): CacheEntries<T> {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; entries?: unknown };
    if (raw.key !== CACHE_KEY || typeof raw.entries !== 'object' || raw.entries === null) return {};
    return raw.entries as CacheEntries<T>;
  } catch {
    return {};
  }
}

function writeCache(file: string, content: object): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, JSON.stringify({ key: CACHE_KEY, ...content }));
  } catch {
    // A cache that cannot be written (a read-only config directory) costs the next start
    // the compile of the files, nothing else: not worth a message on every command.
  }
}

const idOf = (file: string) => path.basename(file).replace(/\.(md|ya?ml)$/, '');

/**
 * Each file's compiled form, from the cache when its size and time are those cached, else
 * compiled now (and the cache rewritten). A file that cannot be read, is too large or is
 * not named as an id is a problem and left out.
 */
async function compileAll<T>(
  dir: string,
  files: readonly string[],
  cacheName: string,
  problems: OwnProblem[],
  compile: (file: string, text: string) => Promise<CompiledFile<T>>,
): Promise<{ compiled: { file: string; result: T }[]; fingerprint: () => string }> {
  if (files.length === 0) return { compiled: [], fingerprint: () => '' };
  const cachePath = path.join(dir, CACHE_DIR, cacheName);
  const cached = readCache<T>(cachePath);
  const next: CacheEntries<T> = {};
  let changed = false;
  const compiled: { file: string; result: T }[] = [];
  for (const file of files) {
    const leftOut = (message: string) => problems.push({ file, line: 0, message });
    if (!KEBAB.test(idOf(file))) {
      leftOut(`left out: the file's name must be a service id in kebab-case (sqs.md, my-service.md, sqs.yaml)`);
      continue;
    }
    const full = path.join(dir, file);
    let stats: Stats;
    try {
      stats = statSync(full);
    } catch (error) {
      leftOut(`cannot be read (${describeFsError(error)})`);
      continue;
    }
    if (!stats.isFile()) {
      leftOut('left out: not a regular file');
      continue;
    }
    if (stats.size > MAX_OWN_FILE_BYTES) {
      leftOut(`left out, not read: larger than ${formatBytes(MAX_OWN_FILE_BYTES)} (${stats.size.toLocaleString('en-US')} bytes)`);
      continue;
    }
    let entry = cached[file];
    if (!entry || entry.size !== stats.size || entry.mtimeMs !== stats.mtimeMs) {
      const read = readRegularFile(full, MAX_OWN_FILE_BYTES);
      if (!read.ok) {
        leftOut(`cannot be read (${read.reason})`);
        continue;
      }
      let result: CompiledFile<T>;
      try {
        result = await compile(file, decodeText(read.bytes));
      } catch (error) {
        // A parser's own failure on strange input: the file is left out, the rest loads.
        result = { problems: [{ file, line: 0, message: `could not be read as a note or questions: ${(error as Error).message}` }] };
      }
      entry = { size: stats.size, mtimeMs: stats.mtimeMs, compiled: result };
      changed = true;
    }
    next[file] = entry;
    problems.push(...entry.compiled.problems);
    if (entry.compiled.result !== undefined) compiled.push({ file, result: entry.compiled.result });
  }
  if (changed || Object.keys(cached).some((file) => !(file in next))) writeCache(cachePath, { entries: next });
  // Made only for a search: no other command reads the index it names.
  return { compiled, fingerprint: () => JSON.stringify(Object.entries(next).map(([file, e]) => [file, e.size, e.mtimeMs])) };
}

/**
 * The notes' search index from the cache when it was made from these very files (the same
 * `fingerprint`), else made now by `make` and cached for the next search.
 */
function cachedSearch(dir: string, fingerprintOf: () => string, make: OwnContent['search']): OwnContent['search'] {
  return () => {
    const fingerprint = fingerprintOf();
    const file = path.join(dir, CACHE_DIR, SEARCH_CACHE);
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; for?: unknown; packed?: PackedSearch };
      if (raw.key === CACHE_KEY && raw.for === fingerprint && raw.packed) return unpackSearch(raw.packed);
    } catch {
      // Missing or damaged: made again below.
    }
    const made = make();
    const records = Array.from({ length: made.records.length }, (_, i) => made.records.at(i)!);
    writeCache(file, { for: fingerprint, packed: packSearch(records, made.index) });
    return made;
  };
}

/**
 * What loadOwn needs of the shipped content, from the caller: this module is a stage of its
 * own in the CommonJS build, and the caller's copy of content/bundle.ts has it read already.
 */
export type Shipped = Pick<AssembleInput, 'shipped' | 'shippedQuestionIds' | 'taskIds'>;

export async function loadOwn(dir: string, files: OwnFiles, shipped: Shipped): Promise<OwnContent> {
  const problems: OwnProblem[] = [...files.problems];
  let compiler: typeof import('./compile.js') | undefined;
  const load = async () => (compiler ??= await import('./compile.js'));
  const { compiled: notes, fingerprint } = await compileAll<CompiledNote>(dir, files.notes, NOTES_CACHE, problems, async (file, text) =>
    (await load()).compileLearnerNote(file, idOf(file), text),
  );
  const { compiled: questionFiles } = await compileAll<CompiledQuestionFile>(
    dir,
    files.questions,
    QUESTIONS_CACHE,
    problems,
    async (_, text) => (await load()).compileLearnerQuestions(text),
  );
  const content = assemble({
    ...shipped,
    notes: notes.map(({ file, result }) => ({ file, note: result })),
    questionFiles: questionFiles.map(({ file, result }) => ({ file, serviceId: idOf(file), parsed: result })),
    problems,
  });
  return { ...content, search: cachedSearch(dir, fingerprint, content.search) };
}
