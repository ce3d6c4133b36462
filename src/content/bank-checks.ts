// The content check's rules over the whole tree, build-time only: what no single file can
// show. Pure: compiled notes, questions and exam guide in, problems out (each naming the
// file, and the question ids where there are some). content/README.md lists every rule.
import {
  correctIsLongest,
  correctIsShortest,
  lengthStats,
  MAX_LONGEST_SHARE,
  MAX_MEAN_GAP,
  nearDuplicates,
  optionLength,
} from './quality.js';
import type { ExamGuide, Question, Service } from './types.js';

export const MIN_QUESTIONS = 450;
/** Share of the bank that must be multiple-response (the exam has both kinds). */
export const MIN_MULTIPLE_SHARE = 0.25;
export const MIN_PER_NOTE = 6;
/** For the services the exam guide file's `awsnotes: heavily-tested` names. */
export const MIN_PER_HEAVY_NOTE = 10;
export const MIN_PER_TASK = 5;
/** How many offenders a length problem names, worst first. */
const WORST = 8;

export interface Where {
  note(service: string): string;
  questions(service: string): string;
  guide: string;
}

export interface BankReport {
  /** Break the build. */
  problems: string[];
  /** The bank-wide minimums, when a caller turns them off (small test trees): shown, not failed. */
  pending: string[];
}

export function checkBank(
  services: readonly Service[],
  questions: readonly Question[],
  guide: ExamGuide,
  where: Where,
  minimumsEnforced = true,
): BankReport {
  const problems = [...scopeProblems(services, guide, where), ...lengthProblems(questions, where), ...duplicateProblems(questions, where)];
  const shortfalls = minimumShortfalls(services, questions, guide, where);
  return minimumsEnforced ? { problems: [...problems, ...shortfalls], pending: [] } : { problems, pending: shortfalls };
}

const ids = (qs: readonly Question[], where: Where) => qs.map((q) => `${where.questions(q.service)}: ${q.id}`).join('; ');

/** Each note is a service of the guide's in-scope list, or says it is retired or out of scope. */
function scopeProblems(services: readonly Service[], guide: ExamGuide, where: Where): string[] {
  const inScope = new Set(guide.services.flatMap((s) => s.notes));
  const problems: string[] = [];
  for (const service of services) {
    const listed = inScope.has(service.id);
    if (service.status === 'out-of-scope' && listed) {
      problems.push(`${where.note(service.id)}: status: out-of-scope, but ${where.guide} lists it among the in-scope services`);
    } else if (!listed && service.status === undefined) {
      problems.push(
        `${where.note(service.id)}: ${service.title} is not among the in-scope services of ${where.guide}: map it there (note: ${service.id}) or mark the note status: out-of-scope (or retired)`,
      );
    }
  }
  return problems;
}

function lengthProblems(questions: readonly Question[], where: Where): string[] {
  const stats = lengthStats(questions);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const problems: string[] = [];
  if (stats.longestShare > MAX_LONGEST_SHARE) {
    // Worst first: the correct option furthest ahead of the longest wrong one.
    const lead = (q: Question) => {
      const right = optionLength(q.options.find((o) => o.correct)!.text);
      return right / Math.max(1, ...q.options.filter((o) => !o.correct).map((o) => optionLength(o.text)));
    };
    const worst = questions
      .filter((q) => q.kind === 'single' && correctIsLongest(q))
      .sort((a, b) => lead(b) - lead(a))
      .slice(0, WORST);
    problems.push(
      `the correct option is the strictly longest in ${stats.longest.length} of ${stats.single} single-answer questions (${pct(stats.longestShare)}, at most ${pct(MAX_LONGEST_SHARE)}); worst: ${ids(worst, where)}`,
    );
  }
  if (stats.shortestShare > MAX_LONGEST_SHARE) {
    // Worst first: the correct option furthest behind the shortest wrong one.
    const lag = (q: Question) => {
      const right = optionLength(q.options.find((o) => o.correct)!.text);
      return Math.min(...q.options.filter((o) => !o.correct).map((o) => optionLength(o.text))) / Math.max(1, right);
    };
    const worst = questions
      .filter((q) => q.kind === 'single' && correctIsShortest(q))
      .sort((a, b) => lag(b) - lag(a))
      .slice(0, WORST);
    problems.push(
      `the correct option is the strictly shortest in ${stats.shortest.length} of ${stats.single} single-answer questions (${pct(stats.shortestShare)}, at most ${pct(MAX_LONGEST_SHARE)}); worst: ${ids(worst, where)}`,
    );
  }
  if (stats.meanGap > MAX_MEAN_GAP) {
    // Worst first: the questions whose own gap points the same way as the bank's, widest.
    const sign = Math.sign(stats.meanCorrect - stats.meanWrong);
    const gap = (q: Question) => {
      const mean = (correct: boolean) => average(q.options.filter((o) => o.correct === correct).map((o) => optionLength(o.text)));
      return sign * (mean(true) - mean(false));
    };
    const worst = questions
      .filter((q) => q.kind !== 'boolean')
      .sort((a, b) => gap(b) - gap(a))
      .slice(0, WORST);
    problems.push(
      `correct options average ${stats.meanCorrect.toFixed(0)} characters and wrong ones ${stats.meanWrong.toFixed(0)}: a gap of ${pct(stats.meanGap)} (at most ${pct(MAX_MEAN_GAP)}); worst: ${ids(worst, where)}`,
    );
  }
  return problems;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const average = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function duplicateProblems(questions: readonly Question[], where: Where): string[] {
  return nearDuplicates(questions).map(
    (d) =>
      `near-duplicate stems (stem ${d.stem.toFixed(2)}, answer ${d.answer.toFixed(2)}; content/README.md explains the measure): ${where.questions(d.a.service)}: ${d.a.id} and ${where.questions(d.b.service)}: ${d.b.id}`,
  );
}

/** The bank-wide minimums: the bank's size and mix, per note, per task. */
function minimumShortfalls(services: readonly Service[], questions: readonly Question[], guide: ExamGuide, where: Where): string[] {
  const found: string[] = [];
  if (questions.length < MIN_QUESTIONS) found.push(`the bank has ${plural(questions.length, 'question')} (at least ${MIN_QUESTIONS})`);
  const multiple = questions.filter((q) => q.kind === 'multiple').length;
  if (questions.length && multiple / questions.length < MIN_MULTIPLE_SHARE) {
    found.push(
      `${multiple} of ${questions.length} questions are multiple-response (${Math.round((multiple / questions.length) * 100)}%, at least ${MIN_MULTIPLE_SHARE * 100}%)`,
    );
  }

  const noted = new Set(services.map((s) => s.id));
  const heavy = new Set(guide.heavilyTested);
  for (const id of guide.heavilyTested)
    if (!noted.has(id)) found.push(`${where.guide}: heavily-tested ${id} has no note (${where.note(id)})`);
  for (const s of guide.services) {
    for (const id of s.notes)
      if (!noted.has(id)) found.push(`${where.guide}: ${s.name} maps to note ${id}, which does not exist (${where.note(id)})`);
  }
  const perService = countBy(questions, (q) => [q.service]);
  for (const service of services) {
    const need = heavy.has(service.id) ? MIN_PER_HEAVY_NOTE : MIN_PER_NOTE;
    const have = perService.get(service.id) ?? 0;
    if (have < need) {
      found.push(
        `${where.questions(service.id)}: ${plural(have, 'question')} (at least ${need}${heavy.has(service.id) ? ', heavily tested' : ''})`,
      );
    }
  }

  const perTask = countBy(questions, (q) => q.tasks);
  const sectioned = new Set(services.flatMap((s) => s.sections.flatMap((section) => section.tasks ?? [])));
  for (const task of guide.tasks) {
    const have = perTask.get(task.id) ?? 0;
    if (have < MIN_PER_TASK)
      found.push(`${where.guide}: task ${task.id} (${task.title}) has ${plural(have, 'question')} (at least ${MIN_PER_TASK})`);
    if (!sectioned.has(task.id))
      found.push(`${where.guide}: task ${task.id} (${task.title}) has no note section (no note's front matter tasks names it)`);
  }
  return found;
}

function countBy(questions: readonly Question[], keys: (q: Question) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const q of questions) for (const key of keys(q)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
