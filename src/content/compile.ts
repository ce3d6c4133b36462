// Build-time only: turns content/ (the exam guide, Markdown notes, YAML questions) into a
// ContentBundle, running every rule of the content check. The runtime never imports this
// file, so marked, yaml and zod stay out of start-up. The jobs live in their own files:
// markdown.ts and note.ts (notes), question.ts (questions), exam-guide.ts, bank-checks.ts
// (the rules over the whole tree) and search-records.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildWordIndex } from '../search/index.js';
import { checkBank, type Where } from './bank-checks.js';
import { compileExamGuide } from './exam-guide.js';
import { compileNote } from './note.js';
import { compileQuestions } from './question.js';
import { searchRecords } from './search-records.js';
import type { ContentBundle, Question, Service } from './types.js';

/** Every problem found in content/, each prefixed with its file. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`content/ has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'ContentError';
  }
}

export interface CompiledContent extends ContentBundle {
  /** Bank-wide minimums not met, when the caller turned them off (minimumsEnforced: false). */
  pending: string[];
}

export interface CompileOptions {
  /** The bank-wide minimums fail the check (default); off only for small test trees. */
  minimumsEnforced?: boolean;
}

/** Compiles content/ and runs the content check; throws a ContentError with every problem. */
export function compileContent(root: string, options: CompileOptions = {}): CompiledContent {
  const { problems, ...content } = compileTree(root, options);
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}

/**
 * Compiles what it can and returns the problems beside it (for scripts/content-quality.ts,
 * which shows the figures of a bank that does not pass yet). Only a missing or broken exam
 * guide stops it, with a ContentError: nothing else can be checked without it.
 */
export function compileTree(root: string, options: CompileOptions = {}): CompiledContent & { problems: string[] } {
  const problems: string[] = [];
  const rel = (...parts: string[]) => path.join(path.basename(root), ...parts);
  const read = (...parts: string[]) => readFileSync(path.join(root, ...parts), 'utf8');
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

  let guideSource = '';
  try {
    guideSource = read('exam-guide.yaml');
  } catch {
    throw new ContentError([`${rel('exam-guide.yaml')}: the exam guide is missing`]);
  }
  const compiledGuide = compileExamGuide(rel('exam-guide.yaml'), guideSource);
  // Without the guide no task id can be checked: stop at its problems.
  if (!compiledGuide.guide) throw new ContentError(compiledGuide.problems);
  const guide = compiledGuide.guide;
  const taskIds = new Set(guide.tasks.map((t) => t.id));

  const services: Service[] = [];
  for (const file of list('services', /\.md$/)) {
    const result = compileNote(rel('services', file), read('services', file), taskIds);
    problems.push(...result.problems);
    if (result.service) services.push(result.service);
  }
  const byId = new Map(services.map((s) => [s.id, s]));

  const questions: Question[] = [];
  for (const file of list('questions', /\.ya?ml$/)) {
    const result = compileQuestions(rel('questions', file), read('questions', file), byId, taskIds);
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

  const where: Where = {
    note: (id) => rel('services', `${id}.md`),
    questions: (id) => rel('questions', `${id}.yaml`),
    guide: rel('exam-guide.yaml'),
  };
  const bank = checkBank(services, questions, guide, where, options.minimumsEnforced ?? true);
  problems.push(...bank.problems);

  const records = searchRecords(services);
  return { services, questions, guide, records, index: buildWordIndex(records), pending: bank.pending, problems };
}

/**
 * JSON with every character outside ASCII escaped (`\u2014`). Node decodes an ASCII file
 * into a one-byte string on a fast path; a file with a single "—" or "•" is decoded into a
 * two-byte string twice as large, which made reading search.json take twice as long.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
