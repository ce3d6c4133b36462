// A question laid out as styled lines, shared by the Quiz screen, the exam and plain mode.
import { DOMAIN_INFO, type Question } from '../content/types.js';
import type { Line, Segment } from '../render/lines.js';
import { wrap } from '../render/note.js';
import { textLines } from '../render/steps.js';
import { correctIndexes, LETTERS, lettersOf, type Presented } from './attempt.js';

export interface QuestionView {
  /** Options picked so far (bank indexes). */
  picked: readonly number[];
  /** After submitting: show the verdict, the right answers and every explanation. */
  revealed: boolean;
  /**
   * Hide the service and the domain above the stem, as the exam simulation does while it
   * runs (the real exam names neither; they would hint at the answer). Shown once revealed.
   */
  hideLabels?: boolean;
}

/** Above a question the learner wrote (their questions/<service>.yaml). */
export const YOURS = '✎ your question';

/**
 * What became of an option once the answer is revealed. The four stay apart without
 * colour (a mark each, and the word "missed"): a right option the learner did not pick is
 * what a multiple-response question most often costs, and it must not look like one picked.
 */
export type OptionOutcome = 'picked-right' | 'picked-wrong' | 'missed' | 'not-picked';

export function optionOutcome(correct: boolean, picked: boolean): OptionOutcome {
  if (picked) return correct ? 'picked-right' : 'picked-wrong';
  return correct ? 'missed' : 'not-picked';
}

export function kindHint(question: Question): string {
  if (question.kind === 'multiple') return `choose ${correctIndexes(question).length}`;
  if (question.kind === 'boolean') return 'true or false';
  return 'choose 1';
}

const emptyBox = (question: Question) => (question.kind === 'multiple' ? '[ ]' : '( )');

function optionLines(presented: Presented, width: number, view: QuestionView): Line[] {
  const { question, order } = presented;
  const lines: Line[] = [];
  order.forEach((optionIndex, display) => {
    const option = question.options[optionIndex]!;
    const picked = view.picked.includes(optionIndex);
    let mark: Segment = { text: `${picked ? (question.kind === 'multiple' ? '[x]' : '(•)') : emptyBox(question)} ` };
    const text: Segment[] = [{ text: option.text }];
    if (view.revealed) {
      switch (optionOutcome(option.correct, picked)) {
        case 'picked-right':
          mark = { text: '[✓] ', role: 'success', bold: true };
          text[0] = { text: option.text, role: 'success' };
          break;
        case 'picked-wrong':
          mark = { text: '[✗] ', role: 'error', bold: true };
          text[0] = { text: option.text, role: 'error' };
          break;
        case 'missed':
          mark = { text: '[!] ', role: 'warning', bold: true };
          text.unshift({ text: 'missed: ', role: 'warning', bold: true });
          break;
        case 'not-picked':
          break;
      }
    } else if (picked) {
      mark = { ...mark, role: 'accent', bold: true };
      text[0] = { text: option.text, role: 'accent' };
    }
    const label = `${LETTERS[display]}. `;
    lines.push(...wrap(text, width, [mark, { text: label, bold: true }], [{ text: ' '.repeat(mark.text.length + label.length) }]));
  });
  return lines;
}

/** "A, C": display letters of bank option indexes. */
const letterList = (presented: Presented, options: readonly number[]) => lettersOf(presented, options).split('').join(', ');

function verdictLines(presented: Presented, width: number, picked: readonly number[]): Line[] {
  const { question, order } = presented;
  const right = correctIndexes(question);
  const correct = picked.length === right.length && right.every((r) => picked.includes(r));
  const lines: Line[] = [{ segments: [] }];
  const verdict: Segment =
    picked.length === 0
      ? { text: '○ Not answered.', role: 'warning', bold: true }
      : correct
        ? { text: '✓ Correct.', role: 'success', bold: true }
        : { text: '✗ Wrong.', role: 'error', bold: true };
  lines.push(...wrap([verdict, { text: ` The answer is ${letterList(presented, right)}.` }], width));
  if (picked.length > 0) {
    // Spelled out as well as marked: the plain quiz is read by screen readers.
    const missed = right.filter((r) => !picked.includes(r));
    const wrong = picked.filter((p) => !right.includes(p));
    const parts = [`Your answer: ${letterList(presented, picked)}`];
    // With one answer to give, the verdict line already says it all.
    if (question.kind === 'multiple' && missed.length) parts.push(`missed: ${letterList(presented, missed)}`);
    if (question.kind === 'multiple' && wrong.length) parts.push(`wrong: ${letterList(presented, wrong)}`);
    lines.push(...wrap([{ text: `${parts.join(' · ')}.` }], width));
  }
  lines.push(...textLines(question.explanation, width));
  lines.push({ segments: [] });
  order.forEach((optionIndex, display) => {
    const option = question.options[optionIndex]!;
    const head: Segment = {
      text: `${LETTERS[display]} ${option.correct ? '✓' : '✗'} `,
      role: option.correct ? 'success' : 'muted',
      bold: true,
    };
    lines.push(...wrap([{ text: option.why.trim(), role: option.correct ? undefined : 'muted' }], width, [head], [{ text: '    ' }]));
  });
  return lines;
}

export function questionLines(presented: Presented, width: number, view: QuestionView, serviceTitle = presented.question.service): Line[] {
  const { question } = presented;
  const label =
    view.hideLabels && !view.revealed
      ? kindHint(question)
      : `${question.own ? `${YOURS} · ` : ''}${serviceTitle} · ${DOMAIN_INFO[question.domain].title} · ${kindHint(question)}`;
  return [
    ...wrap([{ text: label, role: 'muted' }], width),
    ...wrap([{ text: question.question.trim() }], width),
    { segments: [] },
    ...optionLines(presented, width, view),
    ...(view.revealed ? verdictLines(presented, width, view.picked) : []),
  ];
}

/**
 * What follows the stem once answered: the options marked with what became of each, the
 * verdict and the explanations. The plain quiz prints it after the answer typed, so its
 * transcript shows the same four marks as the app.
 */
export function answerLines(presented: Presented, width: number, picked: readonly number[]): Line[] {
  return [...optionLines(presented, width, { picked, revealed: true }), ...verdictLines(presented, width, picked)];
}
