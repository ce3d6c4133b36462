// A question laid out as styled lines, shared by the Quiz screen, the exam and plain mode.
import { DOMAIN_INFO, type Question } from '../content/types.js';
import type { Line, Segment } from '../render/lines.js';
import { wrap } from '../render/note.js';
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

export function kindHint(question: Question): string {
  if (question.kind === 'multiple') return `choose ${correctIndexes(question).length}`;
  if (question.kind === 'boolean') return 'true or false';
  return 'choose 1';
}

export function questionLines(presented: Presented, width: number, view: QuestionView, serviceTitle = presented.question.service): Line[] {
  const { question, order } = presented;
  const lines: Line[] = [];
  const right = correctIndexes(question);
  const label =
    view.hideLabels && !view.revealed
      ? kindHint(question)
      : `${question.own ? `${YOURS} · ` : ''}${serviceTitle} · ${DOMAIN_INFO[question.domain].title} · ${kindHint(question)}`;
  lines.push(...wrap([{ text: label, role: 'muted' }], width));
  lines.push(...wrap([{ text: question.question.trim() }], width));
  lines.push({ segments: [] });
  order.forEach((optionIndex, display) => {
    const option = question.options[optionIndex]!;
    const picked = view.picked.includes(optionIndex);
    const box = question.kind === 'multiple' ? (picked ? '[x]' : '[ ]') : picked ? '(•)' : '( )';
    let mark: Segment = { text: `${box} ` };
    let text: Segment = { text: option.text };
    if (view.revealed) {
      if (option.correct) {
        mark = { text: '[✓] ', role: 'success', bold: true };
        text = { text: option.text, role: 'success' };
      } else if (picked) {
        mark = { text: '[✗] ', role: 'error', bold: true };
        text = { text: option.text, role: 'error' };
      }
    } else if (picked) {
      mark = { ...mark, role: 'accent', bold: true };
      text = { ...text, role: 'accent' };
    }
    const label = `${LETTERS[display]}. `;
    lines.push(...wrap([text], width, [mark, { text: label, bold: true }], [{ text: ' '.repeat(mark.text.length + label.length) }]));
  });
  if (view.revealed) {
    const correct = view.picked.length === right.length && right.every((r) => view.picked.includes(r));
    lines.push({ segments: [] });
    lines.push(
      ...wrap(
        [
          correct ? { text: '✓ Correct.', role: 'success', bold: true } : { text: '✗ Wrong.', role: 'error', bold: true },
          { text: ` The answer is ${lettersOf(presented, right).split('').join(', ')}.` },
        ],
        width,
      ),
    );
    lines.push(...wrap([{ text: question.explanation.trim() }], width));
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
  }
  return lines;
}
