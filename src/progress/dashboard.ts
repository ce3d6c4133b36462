// The dashboard as lines of styled text and as JSON, shared by `awsnotes progress` and the
// Progress screen. Pure.
import { DOMAIN_INFO, shortTitle } from '../content/types.js';
import type { Line } from '../render/lines.js';
import type { ProgressReport } from './report.js';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const bar = (share: number, size = 20) => '█'.repeat(Math.round(share * size)).padEnd(size, '░');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** The widest the service column gets, and the narrowest (a terminal of 40 columns). */
const SERVICE_COLUMN = 36;
const MIN_SERVICE_COLUMN = 12;

/** "Amazon Simple Queue Service (Amazon SQS)" → "Amazon Simple Queue Service". */
const withoutAcronym = (title: string) => title.replace(/ \(.*\)$/, '');

/** A name in `width` characters, cut with an ellipsis when longer. */
export function fitName(name: string, width: number): string {
  const chars = [...name];
  return chars.length <= width ? name.padEnd(width) : `${chars.slice(0, width - 1).join('')}…`;
}

/** `awsnotes progress --json`: the report's documented fields. */
export function progressJson(report: ProgressReport) {
  return {
    notesRead: report.notesRead,
    notesTotal: report.notesTotal,
    answered: report.answered,
    correct: report.correct,
    due: report.due,
    dueReviews: report.dueReviews,
    dueNew: report.dueNew,
    newPerDay: report.newPerDay,
    newToday: report.newToday,
    learning: report.learning,
    laterToday: report.laterToday,
    dueTomorrow: report.dueTomorrow,
    streakDays: report.streakDays,
    exams: report.exams,
    services: report.services,
    domains: report.domains,
    readiness: report.readiness,
    nextSteps: report.nextSteps,
  };
}

function readinessHeading(report: ProgressReport): Line {
  const r = report.readiness;
  if (r.examDate && r.examDatePassed)
    return {
      segments: [
        { text: 'Exam readiness today ', role: 'accent', bold: true },
        { text: `(your exam date ${r.examDate} has passed: awsnotes config set exam-date YYYY-MM-DD)`, role: 'warning' },
      ],
    };
  if (r.examDate) return { segments: [{ text: `Exam readiness on ${r.examDate}`, role: 'accent', bold: true }] };
  return {
    segments: [
      { text: 'Exam readiness today ', role: 'accent', bold: true },
      { text: '(set a date: awsnotes config set exam-date YYYY-MM-DD)', role: 'muted' },
    ],
  };
}

/** The dashboard as lines for a width of `width` columns. */
export function reportLines(report: ProgressReport, width: number): Line[] {
  const r = report.readiness;
  const lines: Line[] = [];
  const heading = (line: Line | string) => {
    if (lines.length) lines.push({ segments: [] });
    lines.push(typeof line === 'string' ? { segments: [{ text: line, role: 'accent', bold: true }] } : line);
  };
  const size = Math.max(8, Math.min(20, width - 60));
  heading('Where you stand');
  lines.push({
    segments: [
      { text: `Notes read      ${String(report.notesRead.length).padStart(2)}/${report.notesTotal}  ` },
      { text: bar(report.notesRead.length / Math.max(1, report.notesTotal), size), role: 'accent' },
    ],
  });
  lines.push({
    segments: [
      {
        text: `Answers         ${report.answered} (${report.correct} right, ${percent(report.answered ? report.correct / report.answered : null)})`,
      },
    ],
  });
  const learning = report.learning ? ` · ${plural(report.learning, 'card')} in learning steps` : '';
  lines.push({
    segments: [
      {
        text: `Due now         ${report.due} (${plural(report.dueReviews, 'review')}, ${report.dueNew} new of ${report.newPerDay} a day)${learning}`,
      },
    ],
  });
  lines.push({ segments: [{ text: `Coming up       ${report.laterToday} later today · ${report.dueTomorrow} tomorrow` }] });
  lines.push({ segments: [{ text: `Study streak    ${plural(report.streakDays, 'day')}` }] });
  heading(readinessHeading(report));
  lines.push({
    segments: [
      { text: `Expected score ${r.expected} (likely ${r.low}–${r.high}) · pass line ${r.passLine} · ` },
      r.likelyPass
        ? { text: 'likely pass', role: 'success', bold: true }
        : { text: r.high >= r.passLine ? 'too close to call' : 'not there yet', role: 'warning', bold: true },
    ],
  });
  lines.push({ segments: [{ text: `Weakest domain: ${DOMAIN_INFO[r.weakestDomain].title}`, role: 'muted' }] });
  heading('By exam domain (weight · mastery)');
  for (const d of report.domains) {
    lines.push({
      segments: [
        { text: `${d.title.padEnd(34)} ${String(Math.round(d.weight * 100)).padStart(2)}%  ` },
        { text: bar(d.mastery, size), role: d.mastery >= 0.72 ? 'success' : 'warning' },
        { text: ` ${percent(d.mastery)}  ${d.answered} answered` },
      ],
    });
  }
  if (report.exams.length) {
    heading('Exam simulations');
    const trend = report.exams
      .slice(-12)
      .map((e) => '▁▂▃▄▅▆▇█'[Math.min(7, Math.max(0, Math.floor(((e.scaled - 100) / 900) * 8)))])
      .join('');
    lines.push({ segments: [{ text: `Trend ${trend}`, role: 'accent' }] });
    for (const e of report.exams.slice(-5).reverse()) {
      lines.push({
        segments: [
          { text: `${e.finishedAt.slice(0, 10)}  ${e.scaled} ` },
          e.passed ? { text: 'pass', role: 'success' } : { text: 'fail', role: 'error' },
          { text: `  ${e.correct}/${e.questions}` },
        ],
      });
    }
  }
  heading('By service (read · answered · right · due · mastery)');
  // The figures keep their columns at any width; the name gets what is left.
  const masteryBar = Math.min(size, 10);
  const figures = 2 + 1 + 3 + 1 + 4 + 1 + 3 + 2 + masteryBar;
  const column = Math.max(MIN_SERVICE_COLUMN, Math.min(SERVICE_COLUMN, width - figures));
  // Where the full names do not all fit, every row uses the short name ("SQS"), alike.
  const name = report.services.every((s) => [...withoutAcronym(s.title)].length <= column) ? withoutAcronym : shortTitle;
  for (const s of report.services) {
    lines.push({
      segments: [
        { text: s.read ? '✓ ' : '· ', role: s.read ? 'success' : 'muted' },
        {
          text: `${fitName(name(s.title), column)} ${String(s.answered).padStart(3)} ${percent(s.share).padStart(4)} ${String(s.due).padStart(3)}  `,
        },
        { text: bar(s.mastery, masteryBar), role: s.mastery >= 0.72 ? 'success' : 'muted' },
      ],
    });
  }
  return lines;
}
