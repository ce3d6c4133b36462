// The learner's own notes and questions, as compiled from their files and as the rest of
// awsnotes sees them. Types only: no module here loads a parsing library by importing this.
import type { ParsedEntry } from '../content/question.js';
import type { Block, Category, Domain, Question, Section, Service, ServiceStatus } from '../content/types.js';
import type { WordIndex } from '../search/index.js';
import type { RecordList } from '../search/pack.js';

/** Something wrong in a file of the learner's: its path in the config directory ("questions/sqs.yaml") and its line. */
export interface OwnProblem {
  file: string;
  line: number;
  message: string;
}

/** A notes/<id>.md as compiled from its text: what the cache keeps. */
export interface CompiledNote {
  /** The file's name without .md. */
  id: string;
  /** The front matter's fields, those given. */
  front: { title?: string; aliases?: string[]; category?: Category; domains?: Domain[]; status?: ServiceStatus };
  /** The line of each front-matter field given, for messages about it. */
  frontLines: Record<string, number>;
  /** Section slug → task statements, as written. */
  tasks?: Record<string, string[]>;
  /** Its headings, with their levels and slugs as written (slugs made unique). */
  sections: Pick<Section, 'slug' | 'title' | 'level'>[];
  /**
   * Its blocks as JSON text, parsed only by a command that shows or indexes them: the
   * cache is read by every command, and JSON.parse passes over a string far faster than
   * it builds the objects inside it.
   */
  blocks: string;
}

/** A questions/<service>.yaml as parsed: what the cache keeps. */
export interface CompiledQuestionFile {
  entries: ParsedEntry[];
  error?: { message: string; line: number };
}

/** One file's compiled form, or why it has none; `problems` are those found compiling it. */
export interface CompiledFile<T> {
  result?: T;
  problems: OwnProblem[];
}

/** A service of the learner's own, without its note (OwnContent.mine has it). */
export type OwnService = Omit<Service, 'blocks' | 'mine'> & { own: true };

/** Everything of the learner's that loaded, ready to join the shipped content. */
export interface OwnContent {
  services: OwnService[];
  /** The sections of their notes on shipped services (a "My notes" section and its subsections), by service id. */
  annotations: ReadonlyMap<string, Section[]>;
  /** What they wrote about a service, as shown (Service.mine): parsed on first use. */
  mine(serviceId: string): Block[] | undefined;
  /** Their questions that passed every rule, each `own`. */
  questions: Question[];
  /** Name words of the shipped services their records are about (see buildWordIndex). */
  names: Record<string, string[]>;
  /**
   * The records and their word index, searched beside the shipped ones: made when first
   * asked for (load.ts keeps them in the cache, so only the first search after an edit
   * makes them).
   */
  search(): { records: RecordList; index: WordIndex };
  problems: OwnProblem[];
}

export const NOTES_DIR = 'notes';
export const QUESTIONS_DIR = 'questions';
/** A learner's file larger than this is refused (with a message), never read. */
export const MAX_OWN_FILE_BYTES = 1024 * 1024;
