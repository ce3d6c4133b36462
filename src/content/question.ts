// One file of questions: content/questions/<service>.yaml at build time, and a learner's
// questions/<service>.yaml at run time (src/own/compile.ts). Parsing and the shape check
// live here (yaml, zod), with the line of every entry and field for the learner's messages;
// the rules beyond the shape live in question-rules.ts, which the run time checks without
// loading either library.
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { checkQuestion, type QuestionInput } from './question-rules.js';
import { firstLine, KEBAB, TASK_ID } from './schema.js';
import { DOMAINS, QUESTION_KINDS, type Question, type Service } from './types.js';

const optionSchema = z.strictObject({
  text: z.union([z.string(), z.number(), z.boolean()]).transform(String).pipe(z.string().min(1)),
  correct: z.boolean().optional(),
  why: z.string().min(10, 'every option needs a `why` that explains it'),
});

const questionSchema = z.strictObject({
  id: z.string().regex(KEBAB, 'must be kebab-case'),
  domain: z.enum(DOMAINS),
  kind: z.enum(QUESTION_KINDS),
  section: z.string().regex(KEBAB, 'must be a section slug'),
  /** The exam-guide task statements the question serves. */
  tasks: z.array(z.string().regex(TASK_ID, 'must be a task statement like "1.2"')).optional(),
  question: z.string().min(15),
  options: z.array(optionSchema).min(2).max(6),
  explanation: z.string().min(20),
});

/** One entry of a questions file, with where it is. */
export interface ParsedEntry {
  /** Its position in the file, from 1. */
  index: number;
  /** The line it starts on, from 1. */
  line: number;
  /** The line of each of its top-level fields. */
  fieldLines: Record<string, number>;
  /** Its `id`, whatever it is, for messages. */
  id?: string;
  /** The question, when its shape is right. */
  value?: QuestionInput;
  /** What is wrong with its shape ("options.2.why: …"), each with its line. */
  issues: { message: string; line: number }[];
}

export interface ParsedQuestionFile {
  entries: ParsedEntry[];
  /** Nothing in the file can be used: it is not YAML, or not a list. */
  error?: { message: string; line: number };
}

/** The line of each key of a YAML map (`lineAt` turns an offset into a line), none for anything else. */
export function keyLines(node: unknown, lineAt: (offset: number) => number): Record<string, number> {
  const lines: Record<string, number> = {};
  if (isMap(node))
    for (const pair of node.items) if (isScalar(pair.key) && pair.key.range) lines[String(pair.key.value)] = lineAt(pair.key.range[0]);
  return lines;
}

/** Parses a questions file and checks the shape of each entry. An empty file is an empty list. */
export function parseQuestionFile(source: string): ParsedQuestionFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(Math.min(offset, source.length)).line;
  const [error] = doc.errors;
  if (error) return { entries: [], error: { message: `not valid YAML: ${firstLine(error)}`, line: lineAt(error.pos[0]) } };
  const raw: unknown = doc.toJS() ?? [];
  if (!Array.isArray(raw) || (doc.contents !== null && !isSeq(doc.contents)))
    return { entries: [], error: { message: 'must be a YAML list of questions', line: 1 } };

  /** The line of the deepest node the path reaches: a missing field is reported on its parent's line. */
  const lineOfPath = (at: readonly PropertyKey[]): number => {
    for (let depth = at.length; depth >= 0; depth--) {
      const node = doc.getIn(at.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineAt(node.range[0]);
    }
    return 1;
  };
  const items = isSeq(doc.contents) ? doc.contents.items : [];
  return {
    entries: raw.map((entry: unknown, i): ParsedEntry => {
      const fieldLines = keyLines(items[i], lineAt);
      const parsed = questionSchema.safeParse(entry);
      const base: ParsedEntry = {
        index: i + 1,
        line: lineOfPath([i]),
        fieldLines,
        issues: parsed.success
          ? []
          : parsed.error.issues.map((issue) => ({
              // zod says "Invalid input: expected string, received undefined" of a field left out.
              message: `${issue.path.join('.') || '(root)'}: ${/received undefined$/.test(issue.message) ? 'missing' : issue.message}`,
              line: lineOfPath([i, ...issue.path]),
            })),
      };
      if (entry && typeof entry === 'object' && 'id' in entry) base.id = String(entry.id);
      if (parsed.success) base.value = parsed.data;
      return base;
    }),
  };
}

/**
 * Compiles one file of questions about one service (the file's name). `taskIds` are the exam
 * guide's task statements: every question names some of them in `tasks`, and only them.
 */
export function compileQuestions(
  file: string,
  source: string,
  services: ReadonlyMap<string, Service>,
  taskIds: ReadonlySet<string>,
): { questions: Question[]; problems: string[] } {
  const serviceId = path.basename(file).replace(/\.ya?ml$/, '');
  const service = services.get(serviceId);
  if (!service) return { questions: [], problems: [`${file}: no service note content/services/${serviceId}.md`] };

  const parsed = parseQuestionFile(source);
  if (parsed.error) return { questions: [], problems: [`${file}: ${parsed.error.message} (line ${parsed.error.line})`] };

  const problems: string[] = [];
  const questions: Question[] = [];
  for (const entry of parsed.entries) {
    const where = `${file}: question ${entry.index}${entry.id !== undefined ? ` (${entry.id})` : ''}`;
    if (!entry.value) {
      problems.push(...entry.issues.map((issue) => `${where}: ${issue.message}`));
      continue;
    }
    const { question, failures } = checkQuestion(entry.value, {
      serviceId,
      sections: service.sections,
      noteName: `content/services/${serviceId}.md`,
      taskIds,
      tasksRequired: true,
    });
    problems.push(...failures.map((failure) => `${where}: ${failure.message}`));
    questions.push(question);
  }
  return { questions, problems };
}
