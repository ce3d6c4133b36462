// The learner's compiled files joined to the shipped content, with the rules that depend on
// both (a note on a shipped service or a service of one's own, a question's section, ids
// that must be unique across both). Pure, and imports no parsing library. In two steps:
// assembleOwn() applies the rules and gives plain data (load.ts caches it, so a start after
// no edit runs neither step's rules), and ownContentOf() makes of that data what the rest
// of awsnotes reads.
import { assignTasks } from '../content/note-rules.js';
import { checkQuestion } from '../content/question-rules.js';
import { blockRecords, nameRecords } from '../content/search-records.js';
import { buildWordIndex } from '../search/index.js';
import { type Block, nameKey, type Question, type SearchRecord, type Section, type Service } from '../content/types.js';
import type { CompiledNote, CompiledQuestionFile, OwnContent, OwnProblem, OwnService } from './types.js';

/** What assemble needs of a shipped service. */
export type ShippedService = Pick<Service, 'id' | 'title' | 'aliases' | 'sections'>;

export interface AssembleInput {
  shipped: readonly ShippedService[];
  notes: readonly { file: string; note: CompiledNote }[];
  questionFiles: readonly { file: string; serviceId: string; parsed: CompiledQuestionFile }[];
  /** Read only when the learner has questions: their ids must not be a shipped one's. */
  shippedQuestionIds: () => ReadonlySet<string>;
  /** Read only when a file of theirs names task statements. */
  taskIds: () => ReadonlySet<string>;
  /** Found before: files that could not be read or compiled. */
  problems: readonly OwnProblem[];
}

export const MY_NOTES = { slug: 'my-notes', title: 'My notes' } as const;

/** The front-matter fields only a service of one's own has. */
const SERVICE_FIELDS = ['title', 'aliases', 'category', 'domains', 'status'] as const;

/** The sections of a note of the learner's, marked as theirs. */
const ownSections = (sections: CompiledNote['sections']): Section[] => sections.map((s) => ({ ...s, own: true }));

/**
 * Notes on a shipped service as its "My notes" section: their headings become subsections
 * of it (## and ### alike, the reader has two levels) and their slugs are prefixed, so a
 * section of theirs never takes the name of one of the note's.
 */
const renamed = (slug: string) => (slug === MY_NOTES.slug ? slug : `${MY_NOTES.slug}-${slug}`);

function annotationSections(note: CompiledNote): Section[] {
  return [
    { slug: MY_NOTES.slug, title: MY_NOTES.title, level: 2, own: true },
    ...note.sections.map((s): Section => ({ slug: renamed(s.slug), title: s.title, level: 3, own: true })),
  ];
}

function annotationBlocks(blocks: Block[]): Block[] {
  return [
    { type: 'heading', level: 2, spans: [{ text: MY_NOTES.title }], slug: MY_NOTES.slug },
    ...blocks.map((b): Block => (b.type === 'heading' ? { ...b, level: 3, slug: renamed(b.slug) } : b)),
  ];
}

/** What assembleOwn() makes of the files: plain data, as JSON keeps it. */
export interface AssembledOwn {
  services: OwnService[];
  /** The sections of notes on shipped services, by service id (OwnContent.annotations). */
  annotations: [string, Section[]][];
  /** Each note that loaded, in file order: its blocks as compiled (JSON), and whether they go under "My notes". */
  notes: { id: string; blocks: string; annotation: boolean }[];
  questions: Question[];
  names: Record<string, string[]>;
  problems: OwnProblem[];
}

/** The files joined to the shipped content, by the rules; `input.problems` come first among the problems. */
export function assembleOwn(input: AssembleInput): AssembledOwn {
  const problems: OwnProblem[] = [...input.problems];
  const shippedById = new Map(input.shipped.map((s) => [s.id, s]));
  const services: OwnService[] = [];
  const annotations = new Map<string, Section[]>();
  const notes: AssembledOwn['notes'] = [];
  const names: Record<string, string[]> = {};
  let taskIds: ReadonlySet<string> | undefined;
  const tasksKnown = () => (taskIds ??= input.taskIds());

  // Names already taken, squashed as lookups compare them: a second owner would make `show` ambiguous.
  const nameOwners = new Map<string, string>();
  for (const s of input.shipped) for (const name of [s.id, s.title, ...s.aliases]) nameOwners.set(nameKey(name), s.id);

  for (const { file, note } of input.notes) {
    const problem = (field: string | undefined, message: string) =>
      problems.push({ file, line: (field && note.frontLines[field]) || 1, message });
    const shipped = shippedById.get(note.id);
    let sections: Section[];
    let rename = (slug: string) => slug;
    if (shipped) {
      const given = SERVICE_FIELDS.filter((f) => note.front[f] !== undefined);
      if (given.length)
        problem(
          given[0],
          `front matter ${given.join(', ')}: ignored, since awsnotes ships ${note.id} (your notes are added to its note; only a service of your own has them)`,
        );
      rename = renamed;
      sections = annotationSections(note);
      annotations.set(note.id, sections);
      notes.push({ id: note.id, blocks: note.blocks, annotation: true });
      names[note.id] = [shipped.title, ...shipped.aliases];
    } else {
      const { title, category } = note.front;
      if (title === undefined || category === undefined) {
        problem(
          undefined,
          `awsnotes ships no service "${note.id}": a service of your own needs front matter with its id, title and category (awsnotes note edit --new ${note.id} writes one)`,
        );
        continue;
      }
      const aliases: string[] = [];
      for (const alias of note.front.aliases ?? []) {
        const owner = nameOwners.get(nameKey(alias));
        if (owner && owner !== note.id) problem('aliases', `alias "${alias}" left out: it already names ${owner}`);
        else aliases.push(alias);
      }
      for (const name of [note.id, title, ...aliases]) if (!nameOwners.has(nameKey(name))) nameOwners.set(nameKey(name), note.id);
      sections = ownSections(note.sections);
      services.push({
        id: note.id,
        title,
        aliases,
        category,
        domains: note.front.domains ?? [],
        ...(note.front.status ? { status: note.front.status } : {}),
        sections,
        own: true,
      });
      notes.push({ id: note.id, blocks: note.blocks, annotation: false });
    }
    if (note.tasks) {
      const mapped: Record<string, string[]> = {};
      const slugs = new Set(sections.map((s) => s.slug));
      for (const [slug, ids] of Object.entries(note.tasks)) {
        if (slugs.has(rename(slug))) mapped[rename(slug)] = ids;
        else problem('tasks', `front matter tasks: "${slug}" is not a section of your note`);
      }
      for (const message of assignTasks(sections, mapped, tasksKnown(), { everySection: false })) problem('tasks', message);
    }
  }

  const questions: Question[] = [];
  if (input.questionFiles.length) {
    const ownById = new Map(services.map((s) => [s.id, s]));
    const taken = new Set(input.shippedQuestionIds());
    for (const { file, serviceId, parsed } of input.questionFiles) {
      const shipped = shippedById.get(serviceId);
      const own = ownById.get(serviceId);
      if (!shipped && !own) {
        problems.push({
          file,
          line: 1,
          message: `no service "${serviceId}": name the file after a service (awsnotes list), yours included (notes/${serviceId}.md)`,
        });
        continue;
      }
      if (parsed.error) {
        problems.push({ file, line: parsed.error.line, message: parsed.error.message });
        continue;
      }
      const sections = own ? own.sections : [...shipped!.sections, ...(annotations.get(serviceId) ?? [])];
      const noteName = own ? `your notes/${serviceId}.md` : `the ${serviceId} note`;
      for (const entry of parsed.entries) {
        const where = `question ${entry.index}${entry.id !== undefined ? ` (${entry.id})` : ''}`;
        if (!entry.value) {
          for (const issue of entry.issues) problems.push({ file, line: issue.line, message: `${where}: ${issue.message}` });
          continue;
        }
        const needsTasks = (entry.value.tasks?.length ?? 0) > 0;
        const { question, failures } = checkQuestion(entry.value, {
          serviceId,
          sections,
          noteName,
          taskIds: needsTasks ? tasksKnown() : new Set(),
          tasksRequired: false,
        });
        if (taken.has(question.id)) failures.push({ message: `id "${question.id}" is already taken by another question`, field: 'id' });
        for (const failure of failures) {
          const line = (failure.field && entry.fieldLines[failure.field]) || entry.line;
          problems.push({ file, line, message: `${where}: ${failure.message}` });
        }
        // A question that breaks a rule is left out: the quiz could not ask it as written.
        if (failures.length) continue;
        taken.add(question.id);
        questions.push({ ...question, own: true });
      }
    }
  }

  return { services, annotations: [...annotations], notes, questions, names, problems };
}

/** What the rest of awsnotes reads of the learner's content: the notes' blocks parsed on first use. */
export function ownContentOf(data: AssembledOwn): OwnContent {
  const { services, names } = data;
  /** Service id → its note's blocks as shown, made from the compiled JSON on first use. */
  const mineSources = new Map<string, () => Block[]>(
    data.notes.map(({ id, blocks, annotation }) => [
      id,
      () => (annotation ? annotationBlocks(JSON.parse(blocks) as Block[]) : (JSON.parse(blocks) as Block[])),
    ]),
  );
  const mine = new Map<string, Block[]>();
  const mineOf = (id: string) => {
    const source = mineSources.get(id);
    if (source && !mine.has(id)) mine.set(id, source());
    return mine.get(id);
  };
  const records = (): SearchRecord[] =>
    [...mineSources.keys()].flatMap((id) => {
      const service = services.find((s) => s.id === id);
      return [...(service ? nameRecords(service) : []), ...blockRecords(id, mineOf(id)!)];
    });
  return {
    services,
    annotations: new Map(data.annotations),
    mine: mineOf,
    questions: data.questions,
    names,
    search: () => {
      const made = records();
      return { records: made, index: buildWordIndex(made, names) };
    },
    problems: data.problems,
  };
}
