// The compiled content: JSON files written by scripts/build.ts (generated/ in the source
// tree, content/ next to the bundle in dist/), each read and parsed on first use. So
// `awsnotes list` reads the service index only, `awsnotes show sqs` that and one note,
// `awsnotes calc` nothing; reading a file and JSON.parse cost V8 far less than loading the
// same data as a JavaScript module.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackSearch, type PackedSearch, type RecordList } from '../search/pack.js';
import type { WordIndex } from '../search/index.js';
import type { ExamGuide, Question, Service } from './types.js';

/** A service without the body of its note: what `list`, lookups and search results need. */
export type ServiceMeta = Omit<Service, 'blocks'>;
export interface SearchData {
  /** Made one by one as queries reach them (search/pack.ts). */
  records: RecordList;
  index: WordIndex;
}

/**
 * Where scripts/build.ts puts the files: generated/ in the source tree; content/ beside
 * the CommonJS bundle's files (defined by scripts/bundle.ts). The app's ES module bundle,
 * whose chunks live elsewhere, calls setContentDir() instead.
 */
declare const __AWSNOTES_CONTENT_DIR__: string | undefined;

let dir: string | undefined;
let notes: Service[] | undefined;
let meta: ServiceMeta[] | undefined;
let bank: Question[] | undefined;
let search: SearchData | undefined;
let guide: ExamGuide | undefined;

/** For the app's bundle (src/app.ts) and the bench's harness. */
export function setContentDir(directory: string): void {
  dir = directory;
}

function read<T>(name: string): T {
  dir ??=
    typeof __AWSNOTES_CONTENT_DIR__ === 'string' ? __AWSNOTES_CONTENT_DIR__ : fileURLToPath(new URL('../../generated/', import.meta.url));
  const file = path.join(dir, name);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the compiled content is missing or damaged (${reason}); reinstall awsnotes, or run npm run build in its source tree`);
  }
}

export function serviceMeta(): ServiceMeta[] {
  meta ??= notes ?? read<ServiceMeta[]>('meta.json');
  return meta;
}

/** One service with its note, reading only that note's file unless all notes are loaded. */
export function loadService(id: string): Service | undefined {
  if (notes) return serviceById(id);
  const found = serviceMeta().find((s) => s.id === id);
  if (!found) return undefined;
  return { ...found, blocks: read<Service['blocks']>(`note/${id}.json`) };
}

export function services(): Service[] {
  notes ??= read<Service[]>('notes.json');
  return notes;
}

export function questions(): Question[] {
  bank ??= read<Question[]>('questions.json');
  return bank;
}

/** The exam guide: task statements, in-scope services (content/exam-guide.yaml). */
export function examGuide(): ExamGuide {
  guide ??= read<ExamGuide>('exam-guide.json');
  return guide;
}

export function searchData(): SearchData {
  search ??= unpackSearch(read<PackedSearch>('search.json'));
  return search;
}

export function serviceById(id: string): Service | undefined {
  return services().find((s) => s.id === id);
}
