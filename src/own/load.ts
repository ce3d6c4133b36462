// Loading the learner's files (index.ts calls it only when there are some). Each file is
// compiled once and the result cached in <config>/cache/, keyed by the file's size and
// modification time: a later start stats the files, reads the cache and compiles only what
// changed, so marked, yaml and zod (compile.ts) are loaded only after an edit. What the
// files add up to once joined to the shipped content (assemble.ts) is cached too, keyed by
// every file's size and time and by the shipped content: a start after no edit stats the
// files and reads that one cache; any edit, file added or removed, or other content
// assembles them again from the compiled files.
import { mkdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { KEBAB } from '../content/schema.js';
import { packSearch, type PackedSearch, recordArray, unpackSearch } from '../search/pack.js';
import { describeFsError } from '../progress/paths.js';
import { decodeText, formatBytes, readRegularFile, writeFileAtomic } from '../progress/safe-file.js';
import { CONTENT_ID, VERSION } from '../../generated/version.js';
import { type AssembledOwn, type AssembleInput, assembleOwn, ownContentOf } from './assemble.js';
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
 * The files joined to the shipped content (assemble.ts): all a start after no edit reads.
 * Joined with the questions for the commands that read them, and without for the others,
 * each in a file of its own: going from one kind of command to the other rewrites nothing.
 */
const ASSEMBLED_CACHE = 'own-content.json';
const ASSEMBLED_NOTES_CACHE = 'own-content-notes.json';
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

/** A cache file's fields when it was written by this version, else undefined (missing, damaged, older). */
function readCacheFile(file: string): Record<string, unknown> | undefined {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof raw === 'object' && raw !== null && (raw as { key?: unknown }).key === CACHE_KEY
      ? (raw as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** The cache's entries, or none when it is missing, damaged or of another version (all files are then compiled). */
function readCache<T>(file: string): CacheEntries<T> {
  const entries = readCacheFile(file)?.entries;
  return isObject(entries) ? (entries as CacheEntries<T>) : {};
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

/** A file as found: a name that is no id, a stat that failed, or its stats. */
type Look = { badName: true } | { error: unknown } | { stats: Stats };

const lookAt = (dir: string, file: string): Look => {
  if (!KEBAB.test(idOf(file))) return { badName: true };
  try {
    return { stats: statSync(path.join(dir, file)) };
  } catch (error) {
    return { error };
  }
};

/** The files usable as they are: named as ids (or left out for their name), regular, not too large. */
const usable = (look: Look) => 'badName' in look || ('stats' in look && look.stats.isFile() && look.stats.size <= MAX_OWN_FILE_BYTES);

/** Each file's size and time (a badly named one by its name alone): what the compiled forms and their join are keyed by. */
const fingerprintOf = (files: readonly string[], looks: ReadonlyMap<string, Look>) =>
  files.map((file) => {
    const look = looks.get(file)!;
    return 'stats' in look ? [file, look.stats.size, look.stats.mtimeMs] : [file];
  });

/**
 * Each file's compiled form, from the cache when its size and time are those cached, else
 * compiled now (and the cache rewritten). A file that cannot be read, is too large or is
 * not named as an id is a problem and left out.
 */
async function compileAll<T>(
  dir: string,
  files: readonly string[],
  looks: ReadonlyMap<string, Look>,
  cacheName: string,
  problems: OwnProblem[],
  compile: (file: string, text: string) => Promise<CompiledFile<T>>,
): Promise<{ compiled: { file: string; result: T }[]; complete: boolean }> {
  if (files.length === 0) return { compiled: [], complete: true };
  const cachePath = path.join(dir, CACHE_DIR, cacheName);
  const cached = readCache<T>(cachePath);
  const next: CacheEntries<T> = {};
  let changed = false;
  /** Every file compiled or left out for what its look says: nothing that may read otherwise next time. */
  let complete = true;
  const compiled: { file: string; result: T }[] = [];
  for (const file of files) {
    const leftOut = (message: string) => problems.push({ file, line: 0, message });
    const look = looks.get(file)!;
    if ('badName' in look) {
      leftOut(`left out: the file's name must be a service id in kebab-case (sqs.md, my-service.md, sqs.yaml)`);
      continue;
    }
    if ('error' in look) {
      leftOut(`cannot be read (${describeFsError(look.error)})`);
      continue;
    }
    const { stats } = look;
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
      const read = readRegularFile(path.join(dir, file), MAX_OWN_FILE_BYTES);
      if (!read.ok) {
        leftOut(`cannot be read (${read.reason})`);
        complete = false;
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
  return { compiled, complete };
}

/**
 * The notes' search index from the cache when it was made from these very files (the same
 * `fingerprint`), else made now by `make` and cached for the next search.
 */
function cachedSearch(dir: string, fingerprintOf: () => string, make: OwnContent['search']): OwnContent['search'] {
  return () => {
    const fingerprint = fingerprintOf();
    const file = path.join(dir, CACHE_DIR, SEARCH_CACHE);
    const cached = readCacheFile(file);
    if (cached?.for === fingerprint && isObject(cached.packed))
      try {
        return unpackSearch(cached.packed as PackedSearch);
      } catch {
        // Damaged: made again below.
      }
    const made = make();
    writeCache(file, { for: fingerprint, packed: packSearch(recordArray(made.records), made.index) });
    return made;
  };
}

/**
 * What loadOwn needs of the shipped content, from the caller: this module is a stage of its
 * own in the CommonJS build, and the caller's copy of content/bundle.ts has it read already.
 */
export type Shipped = Pick<AssembleInput, 'shipped' | 'shippedQuestionIds' | 'taskIds'>;

export async function loadOwn(dir: string, files: OwnFiles, shipped: Shipped): Promise<OwnContent> {
  const looks = new Map([...files.notes, ...files.questions].map((file) => [file, lookAt(dir, file)]));
  // The notes' search index is made from the notes that load: keyed by those alone.
  const searchKey = () =>
    JSON.stringify(fingerprintOf(files.notes, looks).filter((entry) => entry.length > 1 && usable(looks.get(entry[0] as string)!)));
  // A file that cannot be used as it is (unreadable, not a file, too large) is told about
  // on every start, so no join is cached with it.
  const key = [...looks.values()].every(usable)
    ? JSON.stringify({ content: CONTENT_ID, notes: fingerprintOf(files.notes, looks), questions: fingerprintOf(files.questions, looks) })
    : undefined;
  const assembledPath = path.join(dir, CACHE_DIR, files.questions.length ? ASSEMBLED_CACHE : ASSEMBLED_NOTES_CACHE);
  let assembled = key === undefined ? undefined : readAssembled(assembledPath, key);
  if (!assembled) {
    const problems: OwnProblem[] = [];
    let compiler: typeof import('./compile.js') | undefined;
    const load = async () => (compiler ??= await import('./compile.js'));
    const notes = await compileAll<CompiledNote>(dir, files.notes, looks, NOTES_CACHE, problems, async (file, text) =>
      (await load()).compileLearnerNote(file, idOf(file), text),
    );
    const questionFiles = await compileAll<CompiledQuestionFile>(dir, files.questions, looks, QUESTIONS_CACHE, problems, async (_, text) =>
      (await load()).compileLearnerQuestions(text),
    );
    assembled = assembleOwn({
      ...shipped,
      notes: notes.compiled.map(({ file, result }) => ({ file, note: result })),
      questionFiles: questionFiles.compiled.map(({ file, result }) => ({ file, serviceId: idOf(file), parsed: result })),
      problems,
    });
    if (key !== undefined && notes.complete && questionFiles.complete) writeCache(assembledPath, { for: key, assembled });
  }
  // Problems with the directories themselves come first, found anew on every start.
  const content = ownContentOf({ ...assembled, problems: [...files.problems, ...assembled.problems] });
  return { ...content, search: cachedSearch(dir, searchKey, content.search) };
}

/** The files' join from the cache when it was made from these very files and this content, else undefined. */
function readAssembled(file: string, key: string): AssembledOwn | undefined {
  const cached = readCacheFile(file);
  return cached?.for === key && isObject(cached.assembled) ? (cached.assembled as AssembledOwn) : undefined;
}
