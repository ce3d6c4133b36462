// One file of questions, build-time only: content/questions/<service>.yaml into Questions,
// each checked against its kind's rules, its note's sections and the exam guide's task
// statements. Every problem names the file, the question's position and its id.
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { firstLine, formatZodError, KEBAB, TASK_ID, unknownTasks } from './schema.js';
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

const CHOOSE = { 2: 'two', 3: 'three' } as const;
/** Phrases that point at other options by position, which shuffling makes meaningless. */
const SHUFFLE_BREAKERS = /all of the above|none of the above|both a and b/i;

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

  let raw: unknown;
  try {
    raw = parseYaml(source);
  } catch (error) {
    return { questions: [], problems: [`${file}: not valid YAML: ${firstLine(error)}`] };
  }
  if (!Array.isArray(raw)) return { questions: [], problems: [`${file}: must be a YAML list of questions`] };

  const problems: string[] = [];
  const questions: Question[] = [];
  raw.forEach((entry, index) => {
    const where = `${file}: question ${index + 1}${entry && typeof entry === 'object' && 'id' in entry ? ` (${String(entry.id)})` : ''}`;
    const parsed = questionSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(...formatZodError(parsed.error).map((p) => `${where}: ${p}`));
      return;
    }
    const q = parsed.data;
    const options = q.options.map((o) => ({ text: o.text, correct: o.correct === true, why: o.why }));
    const correct = options.filter((o) => o.correct).length;
    const fail = (message: string) => problems.push(`${where}: ${message}`);

    if (!q.id.startsWith(`${serviceId}-`)) fail(`id must start with "${serviceId}-"`);
    if (!service.sections.some((s) => s.slug === q.section)) {
      fail(
        `section "${q.section}" is not a heading of content/services/${serviceId}.md (it has: ${service.sections.map((s) => s.slug).join(', ')})`,
      );
    }
    if (q.kind === 'single' && (options.length !== 4 || correct !== 1))
      fail('a single-answer question has exactly 4 options and 1 correct');
    if (q.kind === 'boolean') {
      if (options.length !== 2 || options[0]?.text !== 'True' || options[1]?.text !== 'False' || correct !== 1) {
        fail('a true/false question has the options True then False, one of them correct');
      }
    }
    if (q.kind === 'multiple') {
      if (options.length < 5 || correct < 2 || correct > 3) fail('a multiple-response question has 5 or 6 options and 2 or 3 correct');
      else if (!q.question.trim().endsWith(`(Choose ${CHOOSE[correct as 2 | 3]}.)`))
        fail(`the stem must end with "(Choose ${CHOOSE[correct as 2 | 3]}.)"`);
    }
    if (new Set(options.map((o) => o.text.toLowerCase())).size !== options.length) fail('two options have the same text');
    if ([q.question, ...options.map((o) => o.text)].some((text) => SHUFFLE_BREAKERS.test(text)))
      fail('options are shuffled: no "all of the above", "none of the above" or "both A and B"');
    if (!q.tasks?.length) fail('no tasks: name the exam-guide task statements it serves (tasks: ["1.1"])');
    else {
      const unknown = unknownTasks(q.tasks, taskIds);
      if (unknown) fail(`tasks: ${unknown}`);
    }

    questions.push({ ...q, tasks: q.tasks ?? [], service: serviceId, options });
  });
  return { questions, problems };
}
