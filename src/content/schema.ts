// Schema pieces shared by the note, question and exam-guide compilers. Free of zod at run
// time (a type import only): the learner's files are checked with them on every start.
import type { z } from 'zod';

export const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The form of an exam-guide task statement id: "1.1" … "4.3" (content/exam-guide.yaml holds the real ones). */
export const TASK_ID = /^[1-4]\.[1-9]$/;

export function formatZodError(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** The first line of a YAML parser's message (the rest is a code frame). */
export const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** `unknown task statement "1.4" (content/exam-guide.yaml has 1.1, 1.2, …)`, or undefined when every id is known. */
export function unknownTasks(ids: readonly string[], known: ReadonlySet<string>): string | undefined {
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length === 0) return undefined;
  const list = unknown.map((id) => `"${id}"`).join(', ');
  return `unknown task statement${unknown.length > 1 ? 's' : ''} ${list} (content/exam-guide.yaml has ${[...known].join(', ')})`;
}
