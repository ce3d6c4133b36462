// One service note, build-time only: content/services/<id>.md (YAML front matter, then
// Markdown) into a Service, with every problem prefixed by the file's path.
import path from 'node:path';
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { MarkdownConverter, splitFrontMatter } from './markdown.js';
import { assignTasks } from './note-rules.js';
import { firstLine, formatZodError, KEBAB, TASK_ID } from './schema.js';
import { CATEGORIES, DOMAINS, plainText, SERVICE_STATUSES, type Section, type Service } from './types.js';

export const frontMatterSchema = z.strictObject({
  id: z.string().regex(KEBAB, 'must be kebab-case'),
  title: z.string().min(2),
  aliases: z.array(z.string().trim().min(1)).min(1),
  category: z.enum(Object.keys(CATEGORIES) as [keyof typeof CATEGORIES]),
  domains: z.array(z.enum(DOMAINS)).min(1),
  /** `retired` or `out-of-scope` (see SERVICE_STATUSES); absent means current. */
  status: z.enum(SERVICE_STATUSES).optional(),
  /** Section slug → the exam-guide task statements it serves (### sections inherit their ## section's). */
  tasks: z.record(z.string(), z.array(z.string().regex(TASK_ID, 'must be a task statement like "1.2"')).min(1)).optional(),
});

/**
 * Compiles a note. `taskIds` are the exam guide's task statements: every ## section must
 * name some of them in the front matter's `tasks`, and only them.
 */
export function compileNote(file: string, source: string, taskIds: ReadonlySet<string>): { service?: Service; problems: string[] } {
  const problems: string[] = [];
  const split = splitFrontMatter(source);
  if (!split) return { problems: [`${file}: missing front matter (--- yaml --- at the top)`] };

  let raw: unknown;
  try {
    raw = parseYaml(split.yaml);
  } catch (error) {
    return { problems: [`${file}: front matter is not valid YAML: ${firstLine(error)}`] };
  }
  const front = frontMatterSchema.safeParse(raw);
  if (!front.success) return { problems: formatZodError(front.error).map((p) => `${file}: front matter ${p}`) };

  const expectedId = path.basename(file, '.md');
  if (front.data.id !== expectedId) problems.push(`${file}: id "${front.data.id}" must equal the file name "${expectedId}"`);

  const converter = new MarkdownConverter();
  const blocks = converter.blocks(marked.lexer(split.body));
  problems.push(...converter.problems.map((p) => `${file}: ${p}`));

  if (blocks[0]?.type !== 'heading' || blocks[0].level !== 2) {
    problems.push(`${file}: the note must start with a ## section heading`);
  }
  const sections: Section[] = [];
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    if (sections.some((s) => s.slug === block.slug)) problems.push(`${file}: duplicate section "${block.slug}"`);
    sections.push({ slug: block.slug, title: plainText(block.spans), level: block.level });
  }
  if (sections.length === 0) problems.push(`${file}: the note has no sections`);
  const { tasks, ...meta } = front.data;
  problems.push(...assignTasks(sections, tasks ?? {}, taskIds).map((p) => `${file}: ${p}`));

  return { service: { ...meta, sections, blocks }, problems };
}
