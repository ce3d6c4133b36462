// Coverage of the exam guide: for each task statement, the note sections and questions that
// serve it, and where the learner stands on them. Pure: everything comes from the arguments.
import type { Domain, ExamGuide, Question, Service } from '../content/types.js';
import type { Progress } from '../progress/schema.js';
import { mastery } from './srs.js';

export interface TaskCoverage {
  domain: Domain;
  /** "1.1" … "4.3". */
  task: string;
  title: string;
  /** "service#section" of each note section that names the task (a ### section only when its ## section does not). */
  sections: string[];
  /** Questions that name the task. */
  questions: number;
  /** How many of those the learner has answered at least once. */
  answered: number;
  /** Mean mastery of those questions (srs.ts: recall 30 days ahead; a question never answered counts 0), 0 to 1. */
  mastery: number;
}

/** The ids of the questions answered at least once (the snapshot's per-question figures). */
export function answeredQuestionIds(progress: Progress): ReadonlySet<string> {
  return new Set(Object.keys(progress.stats).filter((id) => progress.stats[id]!.answers > 0));
}

export function taskCoverage(
  guide: ExamGuide,
  services: readonly Service[],
  bank: readonly Question[],
  progress: Progress,
  now: Date,
): TaskCoverage[] {
  const answered = answeredQuestionIds(progress);
  const sections = sectionsByTask(services);
  return guide.tasks.map((task) => {
    const questions = bank.filter((q) => q.tasks.includes(task.id));
    // The one definition of mastery, as for the services and domains of the Progress screen.
    const known = questions.length ? questions.reduce((sum, q) => sum + mastery(progress.cards[q.id], now), 0) / questions.length : 0;
    return {
      domain: task.domain,
      task: task.id,
      title: task.title,
      sections: sections.get(task.id) ?? [],
      questions: questions.length,
      answered: questions.filter((q) => answered.has(q.id)).length,
      mastery: known,
    };
  });
}

/** Task id → "service#section" in note and section order. A ### section that only inherits its ## section's tasks is not listed again. */
function sectionsByTask(services: readonly Service[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const service of services) {
    let parent: readonly string[] = [];
    for (const section of service.sections) {
      const tasks = section.tasks ?? [];
      if (section.level === 2) parent = tasks;
      for (const task of tasks) {
        if (section.level === 3 && parent.includes(task)) continue;
        found.set(task, [...(found.get(task) ?? []), `${service.id}#${section.slug}`]);
      }
    }
  }
  return found;
}

/**
 * The task statements to practise first: lowest mastery, then fewest answered, then the
 * heavier exam domain, then the guide's order (so a learner who has answered nothing is
 * sent to the heaviest domain's first task).
 */
export function weakestTasks(rows: readonly TaskCoverage[], weights: Readonly<Record<Domain, number>>, count: number): TaskCoverage[] {
  return rows
    .map((row, at) => ({ row, at }))
    .filter(({ row }) => row.questions > 0)
    .sort(
      (a, b) =>
        a.row.mastery - b.row.mastery || a.row.answered - b.row.answered || weights[b.row.domain] - weights[a.row.domain] || a.at - b.at,
    )
    .slice(0, count)
    .map(({ row }) => row);
}
