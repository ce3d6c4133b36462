// Build-time only: turns content/ (Markdown notes, YAML questions) into a ContentBundle.
// The runtime never imports this file, so marked, yaml and zod stay out of start-up.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { marked, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { buildWordIndex } from '../search/index.js';
import {
  CATEGORIES,
  SERVICE_STATUSES,
  DOMAINS,
  QUESTION_KINDS,
  plainText,
  type Block,
  type ContentBundle,
  type ListItem,
  type Question,
  type SearchRecord,
  type Section,
  type Service,
  type Span,
} from './types.js';

/** Every problem found in content/, each prefixed with its file. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`content/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'ContentError';
  }
}

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An exam-guide task statement: "1.1" … "4.3" (content/exam-guide.yaml). */
const taskId = z.string().regex(/^[1-4]\.[1-9]$/, 'must be a task statement like "1.2"');

const frontMatterSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case'),
  title: z.string().min(2),
  aliases: z.array(z.string().trim().min(1)).min(1),
  category: z.enum(Object.keys(CATEGORIES) as [keyof typeof CATEGORIES]),
  domains: z.array(z.enum(DOMAINS)).min(1),
  /** `retired`: AWS no longer offers it to new customers; kept because the original notes name it. */
  status: z.enum(SERVICE_STATUSES).optional(),
  /** Section slug → the exam-guide task statements it serves (### sections inherit their ## section's). */
  tasks: z.record(z.string(), z.array(taskId).min(1)).optional(),
});

const optionSchema = z.strictObject({
  text: z.union([z.string(), z.number(), z.boolean()]).transform(String).pipe(z.string().min(1)),
  correct: z.boolean().optional(),
  why: z.string().min(10, 'every option needs a `why` that explains it'),
});

const questionSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case'),
  domain: z.enum(DOMAINS),
  kind: z.enum(QUESTION_KINDS),
  section: z.string().regex(kebab, 'must be a section slug'),
  /** The exam-guide task statements the question serves. */
  tasks: z.array(taskId).min(1).optional(),
  question: z.string().min(15),
  options: z.array(optionSchema).min(2).max(6),
  explanation: z.string().min(20),
});

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function formatZodError(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

// ---------------------------------------------------------------- Markdown

/** Splits `---\nyaml\n---\nbody`; the body keeps its line offset for messages. */
function splitFrontMatter(source: string): { yaml: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return null;
  return { yaml: match[1] ?? '', body: source.slice(match[0].length) };
}

class MarkdownConverter {
  readonly problems: string[] = [];

  inline(tokens: Token[] | undefined, inherited: Omit<Span, 'text'> = {}): Span[] {
    const spans: Span[] = [];
    for (const token of tokens ?? []) {
      switch (token.type) {
        case 'text':
        case 'escape':
          if ('tokens' in token && token.tokens?.length) spans.push(...this.inline(token.tokens, inherited));
          else spans.push({ text: token.text as string, ...inherited });
          break;
        case 'strong':
          spans.push(...this.inline((token as Tokens.Strong).tokens, { ...inherited, strong: true }));
          break;
        case 'codespan':
          spans.push({ text: (token as Tokens.Codespan).text, ...inherited, code: true });
          break;
        case 'br':
          spans.push({ text: ' ', ...inherited });
          break;
        default:
          this.problems.push(`unsupported inline Markdown (${token.type}): ${JSON.stringify(token.raw)}`);
      }
    }
    return mergeSpans(spans);
  }

  blocks(tokens: Token[]): Block[] {
    const blocks: Block[] = [];
    for (const token of tokens) {
      switch (token.type) {
        case 'space':
          break;
        case 'heading': {
          const heading = token as Tokens.Heading;
          if (heading.depth !== 2 && heading.depth !== 3) {
            this.problems.push(`only ## and ### headings are allowed: ${JSON.stringify(heading.raw.trim())}`);
            break;
          }
          const spans = this.inline(heading.tokens);
          blocks.push({ type: 'heading', level: heading.depth, spans, slug: slugify(plainText(spans)) });
          break;
        }
        case 'paragraph':
          blocks.push({ type: 'paragraph', spans: this.inline((token as Tokens.Paragraph).tokens) });
          break;
        case 'text':
          blocks.push({ type: 'paragraph', spans: this.inline((token as Tokens.Text).tokens ?? [token]) });
          break;
        case 'list': {
          const list = token as Tokens.List;
          blocks.push({
            type: 'list',
            ordered: list.ordered,
            start: typeof list.start === 'number' ? list.start : 1,
            items: list.items.map((item) => this.listItem(item)),
          });
          break;
        }
        case 'code': {
          const code = token as Tokens.Code;
          blocks.push({ type: 'code', lang: code.lang ?? '', text: code.text });
          break;
        }
        case 'table': {
          const table = token as Tokens.Table;
          blocks.push({
            type: 'table',
            header: table.header.map((cell) => this.inline(cell.tokens)),
            rows: table.rows.map((row) => row.map((cell) => this.inline(cell.tokens))),
          });
          break;
        }
        default:
          this.problems.push(`unsupported Markdown block (${token.type}): ${JSON.stringify(token.raw.slice(0, 60))}`);
      }
    }
    return blocks;
  }

  listItem(item: Tokens.ListItem): ListItem {
    const [first, ...rest] = item.tokens;
    if (first && (first.type === 'text' || first.type === 'paragraph')) {
      const spans = this.inline((first as Tokens.Text).tokens ?? [first]);
      return { spans, children: this.blocks(rest) };
    }
    return { spans: [], children: this.blocks(item.tokens) };
  }
}

function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && last.strong === span.strong && last.code === span.code) last.text += span.text;
    else merged.push({ ...span });
  }
  return merged;
}

export function compileNote(file: string, source: string): { service?: Service; problems: string[] } {
  const problems: string[] = [];
  const split = splitFrontMatter(source);
  if (!split) return { problems: [`${file}: missing front matter (--- yaml --- at the top)`] };

  let raw: unknown;
  try {
    raw = parseYaml(split.yaml);
  } catch (error) {
    return { problems: [`${file}: front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
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
  problems.push(...assignTasks(sections, tasks).map((p) => `${file}: ${p}`));

  return { service: { ...meta, sections, blocks }, problems };
}

/**
 * Gives each section its task statements from the front matter: a ## section its own entry,
 * a ### section its own entry or else its ## section's. Returns the problems.
 */
function assignTasks(sections: Section[], tasks: Record<string, string[]> | undefined): string[] {
  if (!tasks) return [];
  const problems: string[] = [];
  const slugs = new Set(sections.map((s) => s.slug));
  for (const slug of Object.keys(tasks)) if (!slugs.has(slug)) problems.push(`front matter tasks: "${slug}" is not a section of the note`);
  let parent: string[] | undefined;
  for (const section of sections) {
    const own = tasks[section.slug];
    if (section.level === 2) parent = own;
    const served = own ?? (section.level === 3 ? parent : undefined);
    if (served) section.tasks = [...served];
  }
  return problems;
}

// ---------------------------------------------------------------- Questions

const CHOOSE = { 2: 'two', 3: 'three' } as const;

export function compileQuestions(
  file: string,
  source: string,
  services: Map<string, Service>,
): { questions: Question[]; problems: string[] } {
  const serviceId = path.basename(file).replace(/\.ya?ml$/, '');
  const service = services.get(serviceId);
  if (!service) return { questions: [], problems: [`${file}: no service note content/services/${serviceId}.md`] };

  let raw: unknown;
  try {
    raw = parseYaml(source);
  } catch (error) {
    return { questions: [], problems: [`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
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
    if (options.some((o) => /all of the above|none of the above|both a and b/i.test(o.text)))
      fail('options are shuffled: no "all/none of the above"');

    questions.push({ ...q, tasks: q.tasks ?? [], service: serviceId, options });
  });
  return { questions, problems };
}

// ---------------------------------------------------------------- Search records

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
      return [plainText(block.spans)];
    case 'list':
      return block.items.flatMap((item) => [plainText(item.spans), ...item.children.flatMap(blockLines)]);
    case 'table':
      return block.rows.map((row) => row.map(plainText).join(' | '));
    default:
      return [];
  }
}

export function searchRecords(services: Service[]): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const service of services) {
    records.push({ service: service.id, section: null, title: service.title });
    for (const alias of service.aliases) records.push({ service: service.id, section: null, alias });
    let section: string | null = null;
    for (const block of service.blocks) {
      if (block.type === 'heading') {
        section = block.slug;
        records.push({ service: service.id, section, heading: plainText(block.spans) });
        continue;
      }
      for (const line of blockLines(block)) {
        const text = line.trim();
        if (text) records.push({ service: service.id, section, line: text });
      }
    }
  }
  return records;
}

// ---------------------------------------------------------------- Whole tree

export function compileContent(root: string): ContentBundle {
  const problems: string[] = [];
  const rel = (...parts: string[]) => path.join(path.basename(root), ...parts);
  const list = (dir: string, pattern: RegExp) => {
    try {
      return readdirSync(path.join(root, dir))
        .filter((f) => pattern.test(f))
        .sort();
    } catch {
      problems.push(`${rel(dir)}: directory is missing`);
      return [];
    }
  };

  const services: Service[] = [];
  for (const file of list('services', /\.md$/)) {
    const result = compileNote(rel('services', file), readFileSync(path.join(root, 'services', file), 'utf8'));
    problems.push(...result.problems);
    if (result.service) services.push(result.service);
  }
  const byId = new Map(services.map((s) => [s.id, s]));

  const questions: Question[] = [];
  for (const file of list('questions', /\.ya?ml$/)) {
    const result = compileQuestions(rel('questions', file), readFileSync(path.join(root, 'questions', file), 'utf8'), byId);
    problems.push(...result.problems);
    questions.push(...result.questions);
  }
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.id)) problems.push(`${rel('questions', `${q.service}.yaml`)}: duplicate question id "${q.id}"`);
    seen.add(q.id);
  }
  const aliasOwners = new Map<string, string>();
  for (const s of services) {
    for (const alias of s.aliases) {
      const key = alias.toLowerCase();
      const other = aliasOwners.get(key);
      if (other && other !== s.id) problems.push(`${rel('services', `${s.id}.md`)}: alias "${alias}" is also an alias of ${other}`);
      aliasOwners.set(key, s.id);
    }
  }

  if (problems.length > 0) throw new ContentError(problems);

  const records = searchRecords(services);
  return { services, questions, records, index: buildWordIndex(records) };
}

/**
 * JSON with every character outside ASCII escaped (`\u2014`). Node decodes an ASCII file
 * into a one-byte string on a fast path; a file with a single "—" or "•" is decoded into a
 * two-byte string twice as large, which made reading search.json take twice as long.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
