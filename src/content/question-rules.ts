// The rules one question must follow beyond its shape (its kind's options, its section, its
// task statements, options that survive shuffling). Shared by the build (question.ts, for
// content/questions) and the run time (src/own/, for the learner's questions), so it
// imports no parsing library: the learner's questions are checked on every start against
// the notes of that start, without loading yaml or zod.
import { unknownTasks } from './schema.js';
import type { Domain, Question, QuestionKind, Section } from './types.js';

/** A question as its file states it, once its shape is checked (question.ts's schema). */
export interface QuestionInput {
  id: string;
  domain: Domain;
  kind: QuestionKind;
  section: string;
  tasks?: string[] | undefined;
  question: string;
  options: { text: string; correct?: boolean | undefined; why: string }[];
  explanation: string;
}

/** The field a problem is about, so the learner's messages can give its line. */
export type QuestionField = keyof QuestionInput;

export interface RuleFailure {
  message: string;
  field?: QuestionField;
}

export interface QuestionContext {
  serviceId: string;
  /** The sections a question of the service may test. */
  sections: readonly Pick<Section, 'slug'>[];
  /** How messages name the service's note: "content/services/sqs.md". */
  noteName: string;
  taskIds: ReadonlySet<string>;
  /** content/ must name task statements; a learner may leave them out. */
  tasksRequired: boolean;
}

const CHOOSE = { 2: 'two', 3: 'three' } as const;
/** Phrases that point at other options by position, which shuffling makes meaningless. */
const SHUFFLE_BREAKERS = /all of the above|none of the above|both a and b/i;

/** The question as the bank holds it, and what is wrong with it (nothing, when `failures` is empty). */
export function checkQuestion(q: QuestionInput, context: QuestionContext): { question: Question; failures: RuleFailure[] } {
  const failures: RuleFailure[] = [];
  const fail = (message: string, field?: QuestionField) => failures.push(field ? { message, field } : { message });
  const options = q.options.map((o) => ({ text: o.text, correct: o.correct === true, why: o.why }));
  const correct = options.filter((o) => o.correct).length;
  const { serviceId, sections } = context;

  if (!q.id.startsWith(`${serviceId}-`)) fail(`id must start with "${serviceId}-"`, 'id');
  if (!sections.some((s) => s.slug === q.section)) {
    fail(`section "${q.section}" is not a heading of ${context.noteName} (it has: ${sections.map((s) => s.slug).join(', ')})`, 'section');
  }
  if (q.kind === 'single' && (options.length !== 4 || correct !== 1))
    fail('a single-answer question has exactly 4 options and 1 correct', 'options');
  if (q.kind === 'boolean') {
    if (options.length !== 2 || options[0]?.text !== 'True' || options[1]?.text !== 'False' || correct !== 1) {
      fail('a true/false question has the options True then False, one of them correct', 'options');
    }
  }
  if (q.kind === 'multiple') {
    if (options.length < 5 || correct < 2 || correct > 3)
      fail('a multiple-response question has 5 or 6 options and 2 or 3 correct', 'options');
    else if (!q.question.trim().endsWith(`(Choose ${CHOOSE[correct as 2 | 3]}.)`))
      fail(`the stem must end with "(Choose ${CHOOSE[correct as 2 | 3]}.)"`, 'question');
  }
  if (new Set(options.map((o) => o.text.toLowerCase())).size !== options.length) fail('two options have the same text', 'options');
  if ([q.question, ...options.map((o) => o.text)].some((text) => SHUFFLE_BREAKERS.test(text)))
    fail('options are shuffled: no "all of the above", "none of the above" or "both A and B"', 'options');
  if (!q.tasks?.length) {
    if (context.tasksRequired) fail('no tasks: name the exam-guide task statements it serves (tasks: ["1.1"])', 'tasks');
  } else {
    const unknown = unknownTasks(q.tasks, context.taskIds);
    if (unknown) fail(`tasks: ${unknown}`, 'tasks');
  }

  return { question: { ...q, tasks: q.tasks ?? [], service: serviceId, options } as Question, failures };
}
