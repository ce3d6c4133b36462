// content/exam-guide.yaml, build-time only: AWS's DVA-C02 exam guide (domains, weights,
// task statements with their knowledge and skills, in-scope services) and awsnotes' list of
// heavily tested services, validated into the ExamGuide the runtime reads.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { firstLine, formatZodError, KEBAB, TASK_ID } from './schema.js';
import { DOMAIN_INFO, DOMAINS, type ExamGuide } from './types.js';

const line = z.string().trim().min(3);
const noteIds = z.union([z.string().regex(KEBAB), z.array(z.string().regex(KEBAB)).min(1)]);

const taskSchema = z.strictObject({
  id: z.string().regex(TASK_ID, 'must be a task statement id like "1.2"'),
  title: line,
  /** A key of `sources`: the document the knowledge and skills lines were read in. */
  source: z.string(),
  knowledge: z.array(line).min(1),
  skills: z.array(line).min(1),
});

const guideSchema = z.strictObject({
  exam: z.string().min(1),
  sources: z.record(z.string(), line),
  domains: z
    .array(
      z.strictObject({
        id: z.enum(DOMAINS),
        number: z.number().int().min(1),
        title: line,
        /** Percent of the scored content. */
        weight: z.number().int().min(1).max(100),
        tasks: z.array(taskSchema).min(1),
      }),
    )
    .length(DOMAINS.length),
  services: z
    .array(
      z.strictObject({
        category: line,
        services: z.array(z.strictObject({ name: line, note: noteIds.optional() })).min(1),
      }),
    )
    .min(1),
  awsnotes: z.strictObject({ 'heavily-tested': z.array(z.string().regex(KEBAB)) }),
});

/**
 * Parses and checks the exam guide. Besides its shape: the domains come in the order of
 * DOMAINS with numbers 1 to 4 and the weights of DOMAIN_INFO (which the exam simulation and
 * readiness use), each task id starts with its domain's number and is unique, and each task
 * names one of `sources`.
 */
export function compileExamGuide(file: string, source: string): { guide?: ExamGuide; problems: string[] } {
  let raw: unknown;
  try {
    raw = parseYaml(source);
  } catch (error) {
    return { problems: [`${file}: not valid YAML: ${firstLine(error)}`] };
  }
  const parsed = guideSchema.safeParse(raw);
  if (!parsed.success) return { problems: formatZodError(parsed.error).map((p) => `${file}: ${p}`) };
  const data = parsed.data;
  const problems: string[] = [];
  const fail = (message: string) => problems.push(`${file}: ${message}`);

  const seen = new Set<string>();
  data.domains.forEach((domain, index) => {
    if (domain.id !== DOMAINS[index]) fail(`domain ${index + 1} must be ${DOMAINS[index]}, not ${domain.id}`);
    if (domain.number !== index + 1) fail(`domain ${domain.id} must have number ${index + 1}`);
    const weight = Math.round(DOMAIN_INFO[domain.id].weight * 100);
    if (domain.weight !== weight) fail(`domain ${domain.id} weighs ${domain.weight}, but src/content/types.ts DOMAIN_INFO says ${weight}`);
    for (const task of domain.tasks) {
      if (!task.id.startsWith(`${domain.number}.`)) fail(`task ${task.id} is listed under domain ${domain.number}`);
      if (seen.has(task.id)) fail(`task ${task.id} appears twice`);
      seen.add(task.id);
      if (!(task.source in data.sources))
        fail(`task ${task.id}: source "${task.source}" is not one of sources (${Object.keys(data.sources).join(', ')})`);
    }
  });
  if (problems.length) return { problems };

  return {
    guide: {
      exam: data.exam,
      tasks: data.domains.flatMap((domain) =>
        domain.tasks.map((task) => ({ id: task.id, domain: domain.id, title: task.title, knowledge: task.knowledge, skills: task.skills })),
      ),
      services: data.services.flatMap((group) =>
        group.services.map((service) => ({
          category: group.category,
          name: service.name,
          notes: service.note === undefined ? [] : typeof service.note === 'string' ? [service.note] : service.note,
        })),
      ),
      heavilyTested: data.awsnotes['heavily-tested'],
    },
    problems,
  };
}
