// Compiling one file of the learner's, with the libraries and the rules that compile
// content/ (marked, yaml, zod): loaded only when a file of theirs is new or changed, since
// these libraries are most of a command's start-up. What it returns is cached by the
// caller (load.ts), keyed by the file's size and time.
//
// A learner's Markdown is taken leniently: what content/ refuses (links, HTML, italics,
// # headings) is kept as the text that was written. Every string that comes out has its
// control characters escaped, so nothing in a file can drive the terminal.
import { marked } from 'marked';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { MarkdownConverter, splitFrontMatter } from '../content/markdown.js';
import { frontMatterSchema } from '../content/note.js';
import { keyLines, parseQuestionFile } from '../content/question.js';
import { firstLine } from '../content/schema.js';
import { type Block, DOMAINS, plainText } from '../content/types.js';
import { printableLines } from '../term/printable.js';
import type { CompiledFile, CompiledNote, CompiledQuestionFile, OwnProblem } from './types.js';

/**
 * Every field optional: a note on a shipped service needs none, a service of one's own
 * some (assemble.ts says which); and no alias or domain is required.
 */
const learnerFrontMatter = frontMatterSchema
  .partial()
  .extend({ aliases: z.array(z.string().trim().min(1)).optional(), domains: z.array(z.enum(DOMAINS)).optional() });

/** `value` with every string in it made printable (see printableLines). */
function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printableLines(value) as T;
  if (Array.isArray(value)) return value.map(printableDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, printableDeep(item)])) as T;
  }
  return value;
}

/** Slugs made unique within the note ("example", "example-2"), as a reader's outline and a question's `section` need. */
function uniqueSlugs(blocks: Block[]): void {
  const seen = new Map<string, number>();
  for (const block of blocks) {
    if (block.type !== 'heading') continue;
    const count = (seen.get(block.slug) ?? 0) + 1;
    seen.set(block.slug, count);
    if (count > 1) block.slug = `${block.slug}-${count}`;
  }
}

/** Compiles notes/<id>.md. `file` is its path in the config directory, for messages. */
export function compileLearnerNote(file: string, id: string, source: string): CompiledFile<CompiledNote> {
  const problems: OwnProblem[] = [];
  const fail = (line: number, message: string): CompiledFile<CompiledNote> => ({ problems: [...problems, { file, line, message }] });
  const text = source.replace(/\r\n?/g, '\n');
  const split = splitFrontMatter(text);
  const front: CompiledNote['front'] = {};
  const frontLines: Record<string, number> = {};
  let tasks: Record<string, string[]> | undefined;
  let body = text;
  if (split) {
    body = split.body;
    // Line 1 is the opening ---: the YAML's line n is the file's line n + 1.
    const lineCounter = new LineCounter();
    const doc = parseDocument(split.yaml, { lineCounter, prettyErrors: false });
    const lineAt = (offset: number) => lineCounter.linePos(Math.min(offset, split.yaml.length)).line + 1;
    const [error] = doc.errors;
    if (error) return fail(lineAt(error.pos[0]), `front matter is not valid YAML: ${firstLine(error)}`);
    const parsed = learnerFrontMatter.safeParse(doc.toJS() ?? {});
    if (!parsed.success) {
      return {
        problems: parsed.error.issues.map((issue) => {
          const node = doc.getIn(issue.path.slice(0, 1) as unknown[], true) as { range?: [number, number, number] } | undefined;
          return {
            file,
            line: node?.range ? lineAt(node.range[0]) : 2,
            message: `front matter ${issue.path.join('.') || '(root)'}: ${issue.message}`,
          };
        }),
      };
    }
    Object.assign(frontLines, keyLines(doc.contents, lineAt));
    const { id: named, tasks: taskMap, ...fields } = parsed.data;
    if (named !== undefined && named !== id) return fail(frontLines.id ?? 2, `front matter id "${named}" must equal the file name "${id}"`);
    // A name is one line wherever it shows (the menu, the search index).
    const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
    Object.assign(front, printableDeep(fields));
    if (front.title !== undefined) front.title = oneLine(front.title);
    if (front.aliases) front.aliases = front.aliases.map(oneLine);
    tasks = taskMap;
  }
  const blocks = printableDeep(new MarkdownConverter({ lenient: true }).blocks(marked.lexer(body)));
  uniqueSlugs(blocks);
  const sections = blocks.flatMap((b) => (b.type === 'heading' ? [{ slug: b.slug, title: plainText(b.spans), level: b.level }] : []));
  const result: CompiledNote = { id, front, frontLines, sections, blocks: JSON.stringify(blocks) };
  if (tasks) result.tasks = tasks;
  return { result, problems };
}

/** Parses questions/<service>.yaml: each entry's shape checked and its lines known; the rules come later (assemble.ts). */
export function compileLearnerQuestions(source: string): CompiledFile<CompiledQuestionFile> {
  const parsed = parseQuestionFile(source.replace(/\r\n?/g, '\n'));
  return { result: printableDeep(parsed), problems: [] };
}
