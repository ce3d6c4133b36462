// The compiled content: JSON files written by scripts/build.ts (generated/ in the source
// tree, content/ next to the bundle in dist/), each read and parsed on first use. So
// `awsnotes list` reads the service index only, `awsnotes show sqs` that and one note,
// `awsnotes calc` nothing; reading a file and JSON.parse cost V8 far less than loading the
// same data as a JavaScript module.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PackedSearchHead, type RecordList, unpackSearchFiles } from '../search/pack.js';
import type { WordIndex } from '../search/index.js';
import type { OwnContent, OwnService } from '../own/types.js';
import type { ExamGuide, Question, QuestionRef, Service } from './types.js';

export type { QuestionRef };

/** A service without the body of its note: what `list`, lookups and search results need. */
export type ServiceMeta = Omit<Service, 'blocks' | 'mine'>;

/** The learner wrote notes on it, or it is a service of theirs. */
export const hasMine = (service: Pick<ServiceMeta, 'own' | 'sections'>) => service.own === true || service.sections.some((s) => s.own);
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
let bankIndex: QuestionRef[] | undefined;
let search: SearchData | undefined;
let guide: ExamGuide | undefined;
/**
 * The learner's own notes and questions (src/own/), joined to the shipped content below.
 * Kept on the global object, not in this module: each stage of the CommonJS build has a
 * copy of this module (scripts/bundle.ts), and `search`, loaded after `show` installed
 * them, must see them too.
 */
const OWN_CONTENT = Symbol.for('awsnotes.own-content');
const slot = globalThis as { [OWN_CONTENT]?: OwnContent };
/** The shipped content with the learner's joined, made on first use for the content installed. */
let joined: { for?: OwnContent; meta?: ServiceMeta[]; services?: Service[]; questions?: Question[]; refs?: QuestionRef[] } = {};

function installed(): OwnContent | undefined {
  const content = slot[OWN_CONTENT];
  if (joined.for !== content) joined = content ? { for: content } : {};
  return content;
}

/** For the app's bundle (src/app.ts) and the bench's harness. */
export function setContentDir(directory: string): void {
  dir = directory;
}

function read<T>(name: string): T {
  return readContent(name, (file) => JSON.parse(readFileSync(file, 'utf8')) as T);
}

function readContent<T>(name: string, parse: (file: string) => T): T {
  dir ??=
    typeof __AWSNOTES_CONTENT_DIR__ === 'string' ? __AWSNOTES_CONTENT_DIR__ : fileURLToPath(new URL('../../generated/', import.meta.url));
  try {
    return parse(path.join(dir, name));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the compiled content is missing or damaged (${reason}); reinstall awsnotes, or run npm run build in its source tree`);
  }
}

/** Joins the learner's content (src/own/index.ts), replacing what was joined before; undefined for none. */
export function installOwnContent(content: OwnContent | undefined): void {
  slot[OWN_CONTENT] = content;
}

export function ownContent(): OwnContent | undefined {
  return installed();
}

/** The services awsnotes ships, without the learner's. */
export function shippedServiceMeta(): ServiceMeta[] {
  meta ??= notes ?? read<ServiceMeta[]>('meta.json');
  return meta;
}

/** A shipped service with the learner's "My notes" section, if they wrote one. */
function withMine<T extends ServiceMeta | Service>(service: T): T {
  const own = installed();
  const annotation = own?.annotations.get(service.id);
  if (!own || !annotation) return service;
  const sections = [...service.sections, ...annotation];
  return 'blocks' in service ? { ...service, sections, mine: own.mine(service.id) ?? [] } : { ...service, sections };
}

/** A service of the learner's own, with its note. */
function ownService(own: OwnContent, meta: OwnService): Service {
  return { ...meta, blocks: [], mine: own.mine(meta.id) ?? [] };
}

/** Every service: the shipped ones (with the learner's notes on them), then the learner's own. */
export function serviceMeta(): ServiceMeta[] {
  const own = installed();
  if (!own) return shippedServiceMeta();
  joined.meta ??= [...shippedServiceMeta().map(withMine), ...own.services];
  return joined.meta;
}

/** One service with its note, reading only that note's file unless all notes are loaded. */
export function loadService(id: string): Service | undefined {
  if (notes) return serviceById(id);
  const own = installed();
  const mine = own?.services.find((s) => s.id === id);
  if (own && mine) return ownService(own, mine);
  const found = shippedServiceMeta().find((s) => s.id === id);
  if (!found) return undefined;
  return withMine({ ...found, blocks: read<Service['blocks']>(`note/${id}.json`) });
}

export function services(): Service[] {
  notes ??= read<Service[]>('notes.json');
  const own = installed();
  if (!own) return notes;
  joined.services ??= [...notes.map(withMine), ...own.services.map((s) => ownService(own, s))];
  return joined.services;
}

/** The questions awsnotes ships, without the learner's. */
export function shippedQuestions(): Question[] {
  bank ??= read<Question[]>('questions.json');
  return bank;
}

/** Every question: the shipped ones, then the learner's (each `own`). */
export function questions(): Question[] {
  const own = installed();
  if (!own?.questions.length) return shippedQuestions();
  joined.questions ??= [...shippedQuestions(), ...own.questions];
  return joined.questions;
}

/** Who each shipped question is about (a tenth of the bank's file), or the bank itself once it is read. */
export function shippedQuestionRefs(): QuestionRef[] {
  if (bank) return bank;
  bankIndex ??= read<QuestionRef[]>('question-index.json');
  return bankIndex;
}

/** questions() as the reports need it: the same questions in the same order, without their text. */
export function questionRefs(): QuestionRef[] {
  const own = installed();
  if (!own?.questions.length) return shippedQuestionRefs();
  joined.refs ??= [...shippedQuestionRefs(), ...own.questions];
  return joined.refs;
}

/** The exam guide: task statements, in-scope services (content/exam-guide.yaml). */
export function examGuide(): ExamGuide {
  guide ??= read<ExamGuide>('exam-guide.json');
  return guide;
}

export function searchData(): SearchData {
  // search.bin is kept as bytes: a record's text becomes a string when a query reaches it (search/pack.ts).
  search ??= readContent('search.bin', (file) => unpackSearchFiles(read<PackedSearchHead>('search.json'), readFileSync(file)));
  return search;
}

export function serviceById(id: string): Service | undefined {
  return services().find((s) => s.id === id);
}
