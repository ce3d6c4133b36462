// The learner's own notes and questions, as compiled from their files and as the rest of
// awsnotes sees them. Types only: no module here loads a parsing library by importing this.
import type { ParsedEntry } from '../content/question.js';
import type { Block, Category, Domain, Question, SearchRecord, Section, Service, ServiceStatus } from '../content/types.js';
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
  /** The note's blocks, with its headings' levels and slugs as written (slugs made unique). */
  blocks: Block[];
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

/** The learner's notes on a service awsnotes ships: a "My notes" section at its end. */
export interface Annotation {
  sections: Section[];
  blocks: Block[];
}

/** Everything of the learner's that loaded, ready to join the shipped content. */
export interface OwnContent {
  /** Services of their own: `own`, no shipped blocks, their note in `mine`. */
  services: Service[];
  /** Their notes on shipped services, by service id. */
  annotations: ReadonlyMap<string, Annotation>;
  /** Their questions that passed every rule, each `own`. */
  questions: Question[];
  /** Search records of everything above, made when first asked for. */
  records(): SearchRecord[];
  /** Name words of the shipped services their records are about (see buildWordIndex). */
  names: Record<string, string[]>;
  /**
   * The records and their word index, searched beside the shipped ones: made when first
   * asked for (load.ts keeps them in the cache, so only the first search after an edit
   * makes them).
   */
  search(): { records: RecordList; index: WordIndex };
  problems: OwnProblem[];
  /** The files found, as paths in the config directory. */
  files: { notes: string[]; questions: string[] };
}

export const NOTES_DIR = 'notes';
export const QUESTIONS_DIR = 'questions';
/** A learner's file larger than this is refused (with a message), never read. */
export const MAX_OWN_FILE_BYTES = 1024 * 1024;
