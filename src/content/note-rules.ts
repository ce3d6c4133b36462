// The rules of a note's sections, shared by the build (note.ts) and the run time (the
// learner's notes, src/own/): no parsing library here.
import { unknownTasks } from './schema.js';
import type { Section } from './types.js';

/**
 * Gives each section its task statements from the front matter: a ## section its own entry,
 * a ### section its own entry or else its ## section's. Returns the problems: an entry for
 * no section, an unknown task id, and (unless `everySection` is false, as for a learner's
 * notes) ## sections with no entry.
 */
export function assignTasks(
  sections: Section[],
  tasks: Record<string, string[]>,
  taskIds: ReadonlySet<string>,
  { everySection = true }: { everySection?: boolean } = {},
): string[] {
  const problems: string[] = [];
  const slugs = new Set(sections.map((s) => s.slug));
  for (const [slug, ids] of Object.entries(tasks)) {
    if (!slugs.has(slug)) problems.push(`front matter tasks: "${slug}" is not a section of the note`);
    const unknown = unknownTasks(ids, taskIds);
    if (unknown) problems.push(`front matter tasks: "${slug}": ${unknown}`);
  }
  let parent: string[] | undefined;
  for (const section of sections) {
    const own = tasks[section.slug];
    if (section.level === 2) parent = own;
    const served = own ?? (section.level === 3 ? parent : undefined);
    if (served) section.tasks = [...served];
  }
  if (!everySection) return problems;
  const untagged = sections.filter((s) => s.level === 2 && !tasks[s.slug]).map((s) => s.slug);
  if (untagged.length) {
    const list = untagged.map((slug) => `"${slug}"`).join(', ');
    problems.push(
      `front matter tasks: no task statements for the ## section${untagged.length > 1 ? 's' : ''} ${list} (every ## section names the tasks it serves, e.g. ${untagged[0]}: ["1.1"])`,
    );
  }
  return problems;
}
