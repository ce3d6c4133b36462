// `awsnotes quiz`, `awsnotes exam` and `awsnotes questions`.
import { questions as bank, examGuide, ownContent, services } from '../content/bundle.js';
import { findService } from '../content/lookup.js';
import { DOMAINS, type Domain, type Question } from '../content/types.js';
import { listOwnFiles, loadOwnContent } from '../own/index.js';
import { progressDir } from '../progress/paths.js';
import { createRng, randomSeed } from '../quiz/random.js';
import { recordAnswer } from '../quiz/record.js';
import { answerRecord, next, type Session, scoreText, startSession, submitLetters, tally } from '../quiz/session.js';
import { isDomain, selectQuestions, sourceLabel, type Source } from '../quiz/sources.js';
import { answerLines, questionLines } from '../quiz/view.js';
import { linesToAnsi } from '../render/ansi.js';
import { plural } from '../render/plural.js';
import { truncateText } from '../render/lines.js';
import { printable } from '../term/printable.js';
import { parse, positiveInt } from './args.js';
import { EXIT, UsageError, type Io } from './io.js';
import { loadOwn, tellProblems } from './own.js';
import { openStore, reportNotices } from './store.js';

async function serviceId(command: string, query: string): Promise<string> {
  const found = await findService(query);
  if (found.found) return found.found.id;
  const hint = found.candidates.length ? `: did you mean ${found.candidates.map((s) => s.id).join(', ')}?` : ' (awsnotes list shows them)';
  throw new UsageError(`${command}: no service '${query}'${hint}`);
}

function parseDomain(command: string, value: string): Domain {
  if (!isDomain(value)) throw new UsageError(`${command}: --domain must be one of ${DOMAINS.join(', ')}, not '${value}'`);
  return value;
}

/** A task statement of the exam guide, "1.1" … "4.3". */
function parseTask(command: string, value: string): string {
  const tasks = examGuide().tasks.map((t) => t.id);
  if (!tasks.includes(value.trim()))
    throw new UsageError(`${command}: --task must be a task statement of the exam guide (${tasks.join(', ')}), not '${value}'`);
  return value.trim();
}

const QUIZ_OPTIONS = {
  plain: { type: 'boolean' },
  service: { type: 'string' },
  domain: { type: 'string' },
  task: { type: 'string' },
  due: { type: 'boolean' },
  missed: { type: 'boolean' },
  flagged: { type: 'boolean' },
  drills: { type: 'boolean' },
  count: { type: 'string' },
} as const;

async function sourceFrom(values: {
  service?: string;
  domain?: string;
  task?: string;
  due?: boolean;
  missed?: boolean;
  flagged?: boolean;
  drills?: boolean;
}): Promise<Source> {
  const chosen = [
    values.service !== undefined,
    values.domain !== undefined,
    values.task !== undefined,
    values.due,
    values.missed,
    values.flagged,
    values.drills,
  ].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('quiz: choose one source: --service, --domain, --task, --due, --missed, --flagged or --drills');
  if (values.service !== undefined) return { kind: 'service', service: await serviceId('quiz', values.service) };
  if (values.domain !== undefined) return { kind: 'domain', domain: parseDomain('quiz', values.domain) };
  if (values.task !== undefined) return { kind: 'task', task: parseTask('quiz', values.task) };
  if (values.due) return { kind: 'due' };
  if (values.missed) return { kind: 'missed' };
  if (values.flagged) return { kind: 'flagged' };
  if (values.drills) return { kind: 'drills' };
  return { kind: 'all' };
}

export async function quiz(args: string[], io: Io): Promise<number> {
  const { values } = parse('quiz', args, QUIZ_OPTIONS);
  // Before the source: --service may name a service of the learner's own. The app shows
  // their files' problems in its banner, so only the plain quiz tells them here.
  if (values.plain) await loadOwn(io, { questions: true });
  else if (values.service !== undefined) await loadOwnContent(progressDir(io.env));
  const source = await sourceFrom(values);
  const count = positiveInt('quiz', 'count', values.count, 10, 1000);
  if (!values.plain) {
    if (!io.stdinIsTTY || !io.stdoutIsTTY) throw new UsageError('quiz: the Quiz screen needs a terminal; use --plain to answer on stdin');
    const { runApp } = await import('../ui/run.js');
    return runApp({ screen: 'quiz', source, ...(values.count !== undefined ? { count } : {}) });
  }
  return plainQuiz(io, source, count);
}

async function plainQuiz(io: Io, source: Source, count: number): Promise<number> {
  const store = openStore(io);
  reportNotices(store, io);
  const now = new Date();
  // AWSNOTES_SEED fixes the order and the shuffles, so a scripted run can be repeated.
  const seed = io.env.AWSNOTES_SEED !== undefined && /^\d+$/.test(io.env.AWSNOTES_SEED) ? Number(io.env.AWSNOTES_SEED) : randomSeed();
  const rng = createRng(seed);
  let asked: Question[];
  if (source.kind === 'drills') {
    const { generateDrill } = await import('../capacity/drills.js');
    asked = Array.from({ length: count }, () => generateDrill(rng));
  } else {
    asked = selectQuestions(bank(), source, store.read(), now, rng).slice(0, count);
  }
  const titles = new Map(services().map((s) => [s.id, s.title]));
  if (asked.length === 0) {
    io.err(`awsnotes: no questions for ${sourceLabel(source, titles).toLowerCase()}\n`);
    return EXIT.notFound;
  }
  const width = Math.min(io.columns, 100);
  // The Quiz screen's session: letters typed here are picks submitted there, so an answer
  // the app refuses (one letter for "choose two") is refused here too, and recorded alike.
  let session: Session | null = startSession(source, asked, rng, Date.now());
  let last = session;
  try {
    while (session) {
      const { presented } = session;
      const title = titles.get(presented.question.service);
      const question = questionLines(presented, width, { picked: [], revealed: false }, title);
      io.out(`\nQuestion ${session.index + 1}/${session.queue.length}\n`);
      io.out(`${linesToAnsi(question, io.color)}\n`);
      while (!session.verdict) {
        io.out(presented.question.kind === 'multiple' ? 'Answer (letters, e.g. AC): ' : 'Answer (a letter): ');
        const line = await io.readLine();
        // Piped answers are not echoed by a terminal: echo them so the transcript reads right.
        if (line !== null && !io.stdinIsTTY) io.out(`${line}\n`);
        if (line === null) {
          io.out('\n');
          return summary(io, session, asked.length);
        }
        session = submitLetters(session, line);
        if (!session.verdict) io.out(`${session.hint}\n`);
      }
      last = session;
      recordAnswer(store, answerRecord(session, 'plain', Date.now()), new Date());
      io.out(`${linesToAnsi(answerLines(presented, width, session.picked), io.color)}\n`);
      session = next(session, rng, Date.now());
    }
    return summary(io, last, asked.length);
  } finally {
    io.closeInput();
    reportNotices(store, io);
  }
}

function summary(io: Io, session: Session | null, total: number): number {
  const score = tally(session?.results ?? []);
  const left = total - score.answered;
  io.out(`Score: ${scoreText(score)}${score.answered > 0 && left > 0 ? `, ${left} not answered` : ''}\n`);
  return EXIT.ok;
}

export async function exam(args: string[], io: Io): Promise<number> {
  parse('exam', args, {});
  if (!io.stdinIsTTY || !io.stdoutIsTTY) throw new UsageError('exam: the exam simulation needs a terminal');
  // One exam per config: this process takes the exam lock before the app opens (its exam
  // screen takes it again), or names the process that holds it.
  const [{ claimExam, describeExamHolder }, { progressDir }, { describeLockProblem }] = await Promise.all([
    import('../quiz/exam-save.js'),
    import('../progress/paths.js'),
    import('../progress/lock.js'),
  ]);
  const claim = claimExam(progressDir(io.env));
  if (!claim.ok && claim.problem.kind === 'busy') {
    io.err(
      `awsnotes: exam: ${describeExamHolder(claim.problem.holder)} is already running an exam on this config; finish or quit it there first\n`,
    );
    return EXIT.notFound;
  }
  if (!claim.ok) io.err(`awsnotes: exam: ${printable(describeLockProblem(claim.problem))}: this exam will not be saved as you go\n`);
  const { runApp } = await import('../ui/run.js');
  return runApp({ screen: 'quiz', source: { kind: 'exam' } });
}

/** `questions --check`: every problem of the learner's files, each with its file and line; exit 1 if any. */
async function checkOwn(io: Io): Promise<number> {
  const dir = progressDir(io.env);
  const files = listOwnFiles(dir);
  const problems = await loadOwnContent(dir, { questions: true });
  tellProblems(problems, dir, io, true);
  const loaded = ownContent()?.questions.length ?? 0;
  const what = `${plural(loaded, 'question')} of yours loaded from ${plural(files.questions.length, 'file')} in ${printable(dir)}/questions`;
  if (problems.length) {
    io.out(`${what}; ${plural(problems.length, 'problem')} in your files (above)\n`);
    return EXIT.notFound;
  }
  io.out(`${what}; no problem in your notes or questions\n`);
  return EXIT.ok;
}

export async function questionsCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse('questions', args, {
    service: { type: 'string' },
    domain: { type: 'string' },
    task: { type: 'string' },
    json: { type: 'boolean' },
    check: { type: 'boolean' },
  });
  if (values.check) {
    if (values.service !== undefined || values.domain !== undefined || values.task !== undefined || values.json)
      throw new UsageError('questions: --check takes no other option');
    return checkOwn(io);
  }
  await loadOwn(io, { questions: true });
  let list = bank();
  if (values.service !== undefined) {
    const id = await serviceId('questions', values.service);
    list = list.filter((q) => q.service === id);
  }
  if (values.domain !== undefined) {
    const domain = parseDomain('questions', values.domain);
    list = list.filter((q) => q.domain === domain);
  }
  if (values.task !== undefined) {
    const task = parseTask('questions', values.task);
    list = list.filter((q) => q.tasks.includes(task));
  }
  if (values.json) {
    const out = list.map((q) => ({
      id: q.id,
      service: q.service,
      domain: q.domain,
      tasks: q.tasks,
      kind: q.kind,
      question: q.question,
      options: q.options.map((o) => o.text),
      answer: q.options.flatMap((o, i) => (o.correct ? [i] : [])),
      explanation: q.explanation,
      why: q.options.map((o) => o.why),
      note: `${q.service}#${q.section}`,
      own: q.own === true,
    }));
    io.out(`${JSON.stringify(out, null, 2)}\n`);
    return EXIT.ok;
  }
  const idWidth = Math.max(...list.map((q) => q.id.length + (q.own ? 2 : 0)), 2);
  // One write for the whole list: a line each was a system call each.
  let text = '';
  for (const q of list) {
    const line = `${q.own ? '✎ ' : ''}${q.id.padEnd(idWidth - (q.own ? 2 : 0))}  ${q.domain.padEnd(15)}  ${q.kind.padEnd(8)}  ${q.question.replace(/\s+/g, ' ')}`;
    text += `${truncateText(line, io.columns)}\n`;
  }
  const mine = list.filter((q) => q.own).length;
  io.out(`${text}${plural(list.length, 'question')}${mine ? ` (${mine} of yours, marked ✎)` : ''}\n`);
  return EXIT.ok;
}
