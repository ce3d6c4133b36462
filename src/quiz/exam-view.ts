// The exam simulation's screens as styled lines and status text, pure: the status line
// while it runs, the review grid, the results and the walk through them. Everything is
// laid out for the width it has: at 40 columns no line is cut and the clock is never cut.
import { DOMAIN_INFO, DOMAINS } from '../content/types.js';
import { charLength, type Line, type Segment } from '../render/lines.js';
import { wrap } from '../render/note.js';
import { formatClock, PASS_SCORE } from './exam.js';
import {
  answeredCount,
  type ExamMachine,
  type ExamResult,
  examOutcome,
  examTotal,
  REVIEW_FILTERS,
  type ReviewFilter,
  reviewed,
} from './exam-state.js';

/**
 * A part of a status line: its text, how much it matters (when the line is too long, parts
 * with a higher number are left out first; 0 is never left out), and a shorter text to use
 * when leaving parts out was not enough.
 */
type StatusPart = [text: string, drop: number, short?: string];

/** The parts that fit `width`, in their order: the least important left out first, then the rest shortened. */
export function fitStatus(parts: readonly StatusPart[], width: number): string {
  const kept = [...parts];
  const text = () => kept.map(([t]) => t).join(' · ');
  while (charLength(text()) > width) {
    const least = kept.reduce((worst, part, i) => (part[1] > kept[worst]![1] ? i : worst), 0);
    if (kept[least]![1] === 0) break;
    kept.splice(least, 1);
  }
  if (charLength(text()) <= width) return text();
  return kept.map(([t, , short]) => short ?? t).join(' · ');
}

/** "1:05": minutes and seconds spent. */
export const formatSpent = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** The status line while the exam runs: the question, the counts and the clock, which is never left out. */
export function examStatus(m: ExamMachine, width: number): string {
  const { exam } = m;
  const id = exam.presented[exam.current]?.question.id ?? '';
  const left = formatClock(exam.deadline - m.clock);
  // A margin of one column: terminals disagree on the width of ⏱.
  const room = width - 1;
  const position = `Q ${exam.current + 1}/${examTotal(m)}`;
  return fitStatus(
    [
      [`${position}${exam.marked.has(id) ? ' ? marked' : ''}`, 0, `${position}${exam.marked.has(id) ? ' ?' : ''}`],
      [`answered ${answeredCount(exam)}`, 3],
      [`marked ${exam.marked.size}`, 4],
      [`⏱ ${left} left`, 0, `⏱ ${left}`],
    ],
    room,
  );
}

/** Cells of the review grid: "[12✓?]" — number, answered (✓) or not (○), marked (?). */
export const GRID_CELL = 6;
export const gridColumns = (width: number) => Math.max(1, Math.floor(width / GRID_CELL));

export function gridLines(m: ExamMachine, width: number): Line[] {
  const { exam } = m;
  const total = examTotal(m);
  const answered = answeredCount(exam);
  const lines: Line[] = [
    ...wrap([{ text: 'Review grid: ✓ answered · ○ not answered · ? marked', role: 'muted' }], width),
    ...wrap([{ text: `${answered} answered · ${total - answered} not answered · ${exam.marked.size} marked`, role: 'muted' }], width),
  ];
  const columns = gridColumns(width);
  for (let start = 0; start < total; start += columns) {
    const segments = exam.presented.slice(start, start + columns).map(({ question: q }, i): Segment => {
      const index = start + i;
      const selected = index === m.grid;
      const done = (exam.answers.get(q.id) ?? []).length > 0;
      const label = `${String(index + 1).padStart(2)}${done ? '✓' : '○'}${exam.marked.has(q.id) ? '?' : ' '}`;
      const segment: Segment = { text: selected ? `[${label}]` : ` ${label} ` };
      if (selected) return { ...segment, role: 'accent', bold: true };
      return done ? segment : { ...segment, role: 'warning' };
    });
    lines.push({ segments: segments });
  }
  return lines;
}

/** Lines the grid puts above its rows (the row of a cell is its index / columns after them). */
export const GRID_HEADER = 2;

const FILTER_NAMES: Record<ReviewFilter, string> = { all: 'all', wrong: 'wrong', marked: 'marked', unanswered: 'not answered' };

/** "all 65 · wrong 20 · marked 3 · not answered 5", the current filter in brackets. */
function filterCounts(m: ExamMachine): string {
  return REVIEW_FILTERS.map((f) => {
    const text = `${FILTER_NAMES[f]} ${reviewed(m.exam, f).length}`;
    return f === m.filter ? `[${text}]` : text;
  }).join(' · ');
}

/** The score page: scaled score, pass or fail, the domains, the time, and how to walk through. */
export function resultLines(m: ExamMachine, result: ExamResult, width: number): Line[] {
  const bar = (share: number, size: number) => '█'.repeat(Math.round(share * size)).padEnd(size, '░');
  const size = Math.max(10, Math.min(30, width - 50));
  const lines: Line[] = [
    ...wrap(
      [
        { text: `Scaled score ${result.scaled} / 1000 · `, bold: true },
        result.passed
          ? { text: `PASS (${PASS_SCORE} needed)`, role: 'success', bold: true }
          : { text: `FAIL (${PASS_SCORE} needed)`, role: 'error', bold: true },
      ],
      width,
    ),
    ...wrap(
      [
        {
          text: `${result.correct} of ${result.questions} correct${result.timedOut ? ' · time ran out: submitted as it stood' : ''}`,
          role: 'muted',
        },
      ],
      width,
    ),
    { segments: [] },
  ];
  const title = 34;
  for (const d of DOMAINS) {
    const { questions, correct } = result.domains[d];
    const share = questions ? correct / questions : 0;
    const figures: Segment[] = [
      { text: bar(share, size), role: share >= 0.72 ? 'success' : 'warning' },
      { text: ` ${correct}/${questions} (${Math.round(share * 100)}%)` },
    ];
    // On one line when it fits, else the bar under the domain's name.
    if (title + 1 + size + 14 <= width) lines.push({ segments: [{ text: `${DOMAIN_INFO[d].title.padEnd(title)} ` }, ...figures] });
    else lines.push(...wrap([{ text: DOMAIN_INFO[d].title }], width), { segments: [{ text: '  ' }, ...figures] });
  }
  const spent = [...m.exam.spent.values()].reduce((a, b) => a + b, 0);
  const answered = m.exam.presented.filter((_, i) => examOutcome(m.exam, i) !== 'unanswered').map((p) => p.question.id);
  const onAnswered = answered.reduce((sum, id) => sum + (m.exam.spent.get(id) ?? 0), 0);
  const average = answered.length ? `, ${formatSpent(onAnswered / answered.length)} a question answered on average` : '';
  lines.push({ segments: [] });
  lines.push(...wrap([{ text: `Time spent ${formatSpent(spent)}${average}` }], width));
  lines.push({ segments: [] });
  lines.push(...wrap([{ text: `Review: ${filterCounts(m)}`, bold: true }], width));
  lines.push(
    ...wrap([{ text: 'Press → to walk through the questions with their explanations; f chooses which ones.', role: 'muted' }], width),
  );
  lines.push(
    ...wrap(
      [{ text: 'The score is scaled linearly (100 + 900 × share correct); AWS does not publish its mapping.', role: 'muted' }],
      width,
    ),
  );
  return lines;
}

const OUTCOME_TEXT = { right: '✓ right', wrong: '✗ wrong', unanswered: '○ not answered' } as const;
const OUTCOME_MARK = { right: '✓', wrong: '✗', unanswered: '○' } as const;

/**
 * The status line of the results: where the walk is, the question's outcome and time, the
 * filter, and, when the text is longer than the screen, that it scrolls.
 */
export function resultsStatus(m: ExamMachine, scroll: { top: number; lines: number; height: number }, width: number): string {
  const shown = `${Math.min(scroll.lines, scroll.top + scroll.height)}/${scroll.lines}`;
  const more: StatusPart[] = scroll.lines > scroll.height ? [[`↓ more ${shown}`, 0, `↓ ${shown}`]] : [];
  if (m.review < 0) return fitStatus([['Results', 0], ...more, [`review: ${FILTER_NAMES[m.filter]}`, 2]], width);
  const { question } = m.exam.presented[m.review]!;
  const walk = reviewed(m.exam, m.filter);
  const outcome = examOutcome(m.exam, m.review);
  return fitStatus(
    [
      [`Question ${m.review + 1}/${examTotal(m)}`, 0, `Q ${m.review + 1}/${examTotal(m)}`],
      [OUTCOME_TEXT[outcome], 0, OUTCOME_MARK[outcome]],
      ...more,
      [`${formatSpent(m.exam.spent.get(question.id) ?? 0)} on it`, 3],
      ...(m.exam.marked.has(question.id) ? [['? marked', 4] as StatusPart] : []),
      [`${FILTER_NAMES[m.filter]} ${walk.indexOf(m.review) + 1}/${walk.length}`, 2],
    ],
    width,
  );
}
