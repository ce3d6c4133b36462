// The compiled content, in three parts (notes, questions, search index), each its own
// chunk of the bundle, imported by loadContent() only on the paths that need it: `awsnotes
// list` never reads the search index, `awsnotes calc` reads nothing. Each part is one JSON
// string, parsed on first use (much cheaper for V8 than an equally large object literal).
import type { ContentBundle, Question, Service } from './types.js';

export type ContentPart = 'meta' | 'notes' | 'questions' | 'search';
export const ALL_PARTS: readonly ContentPart[] = ['meta', 'notes', 'questions', 'search'];

/** A service without the body of its note: what `list`, lookups and search results need. */
export type ServiceMeta = Omit<Service, 'blocks'>;

const sources: Partial<Record<ContentPart, string>> = {};
let notes: Service[] | undefined;
let meta: ServiceMeta[] | undefined;
let bank: Question[] | undefined;
let search: Pick<ContentBundle, 'records' | 'index'> | undefined;

const importers: Record<ContentPart, () => Promise<string>> = {
  meta: async () => (await import('../../generated/meta.js')).META_JSON,
  notes: async () => (await import('../../generated/notes.js')).NOTES_JSON,
  questions: async () => (await import('../../generated/questions.js')).QUESTIONS_JSON,
  search: async () => (await import('../../generated/search.js')).SEARCH_JSON,
};

export async function loadContent(parts: readonly ContentPart[] = ALL_PARTS): Promise<void> {
  await Promise.all(
    parts.map(async (part) => {
      sources[part] ??= await importers[part]();
    }),
  );
}

function source(part: ContentPart): string {
  const text = sources[part];
  if (text === undefined) throw new Error(`content part '${part}' used before loadContent() loaded it`);
  return text;
}

export function isLoaded(part: ContentPart): boolean {
  return sources[part] !== undefined;
}

export function serviceMeta(): ServiceMeta[] {
  meta ??= isLoaded('notes') ? services() : (JSON.parse(source('meta')) as ServiceMeta[]);
  return meta;
}

/** One service with its note, loading only that note's chunk when the notes are not loaded. */
export async function loadService(id: string): Promise<Service | undefined> {
  if (isLoaded('notes')) return serviceById(id);
  const found = serviceMeta().find((s) => s.id === id);
  if (!found) return undefined;
  // esbuild bundles every generated/note/*.ts as its own chunk for this import.
  const { BLOCKS_JSON } = (await import(`../../generated/note/${id}.ts`)) as { BLOCKS_JSON: string };
  return { ...found, blocks: JSON.parse(BLOCKS_JSON) as Service['blocks'] };
}

export function services(): Service[] {
  notes ??= JSON.parse(source('notes')) as Service[];
  return notes;
}

export function questions(): Question[] {
  bank ??= JSON.parse(source('questions')) as Question[];
  return bank;
}

export function searchData(): Pick<ContentBundle, 'records' | 'index'> {
  search ??= JSON.parse(source('search')) as Pick<ContentBundle, 'records' | 'index'>;
  return search;
}

export function serviceById(id: string): Service | undefined {
  return services().find((s) => s.id === id);
}
