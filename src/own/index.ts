// The learner's own notes and questions, found in the config directory: notes/<id>.md and
// questions/<service>.yaml. Every command that shows content calls loadOwnContent first.
// With no file of theirs it costs two failed readdirs and loads nothing more; otherwise the
// files are loaded (load.ts, a module of its own) and joined to the shipped content
// (content/bundle.ts), and their problems are returned for the caller to tell.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { examGuide, installOwnContent, shippedQuestionRefs, shippedServiceMeta } from '../content/bundle.js';
import { describeFsError, errorCode } from '../progress/paths.js';
import { NOTES_DIR, type OwnContent, type OwnProblem, QUESTIONS_DIR } from './types.js';

export interface OwnFiles {
  /** Paths in the config directory: "notes/sqs.md". */
  notes: string[];
  questions: string[];
  problems: OwnProblem[];
}

/** Editors' backups and locks (.#sqs.md, #sqs.md#) and hidden files are not notes. */
const isCandidate = (name: string) => !name.startsWith('.') && !name.startsWith('#');

function filesIn(dir: string, sub: string, pattern: RegExp, problems: OwnProblem[]): string[] {
  try {
    return readdirSync(path.join(dir, sub))
      .filter((name) => isCandidate(name) && pattern.test(name))
      .sort()
      .map((name) => `${sub}/${name}`);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') problems.push({ file: sub, line: 0, message: `cannot be read (${describeFsError(error)})` });
    return [];
  }
}

const NOTE_FILE = /\.md$/;
const QUESTION_FILE = /\.ya?ml$/;

export function listOwnFiles(dir: string, { questions = true }: { questions?: boolean } = {}): OwnFiles {
  const problems: OwnProblem[] = [];
  return {
    notes: filesIn(dir, NOTES_DIR, NOTE_FILE, problems),
    questions: questions ? filesIn(dir, QUESTIONS_DIR, QUESTION_FILE, problems) : [],
    problems,
  };
}

/**
 * Loads the learner's files into the content (notes only unless `questions`), replacing
 * what an earlier call loaded. Never throws for a file of theirs: a file that cannot be
 * used is one of the problems returned, and everything else loads.
 */
export async function loadOwnContent(dir: string, options: { questions?: boolean } = {}): Promise<OwnProblem[]> {
  const files = listOwnFiles(dir, { questions: options.questions === true });
  let content: OwnContent | undefined;
  if (files.notes.length || files.questions.length) {
    const { loadOwn } = await import('./load.js');
    content = await loadOwn(dir, files, {
      shipped: shippedServiceMeta(),
      shippedQuestionIds: () => new Set(shippedQuestionRefs().map((q) => q.id)),
      taskIds: () => new Set(examGuide().tasks.map((t) => t.id)),
    });
  }
  installOwnContent(content);
  return content?.problems ?? files.problems;
}

/** "questions/sqs.yaml:12: question 2 (sqs-x): kind: …", its path in `dir` when given. */
export function formatProblem(problem: OwnProblem, dir?: string): string {
  const file = dir ? path.join(dir, problem.file) : problem.file;
  return `${file}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.message}`;
}
