// Worked steps as the calculator shows them: one numbered step a line, its text wrapped
// under itself. A drill's explanation (its summary, then "1. …" a line) is laid out the
// same way in the quiz, instead of running into one paragraph.
import type { Line, Segment } from './lines.js';
import { wrap } from './note.js';

/** Step `number` (from 1), wrapped to `width` with a hanging indent. */
export function stepLines(number: number, text: string, width: number): Line[] {
  return wrap([{ text }], width, [{ text: `${String(number).padStart(2)}. `, role: 'muted' }], [{ text: '    ' }]);
}

const NUMBERED = /^(\d+)\.\s+(.*)$/;

/**
 * A text of several lines: each line a paragraph, wrapped to `width`; a line numbered
 * "3. …" is a step. A text of one line is one paragraph, as before.
 */
export function textLines(text: string, width: number, style: Omit<Segment, 'text'> = {}): Line[] {
  return text
    .trim()
    .split('\n')
    .flatMap((line) => {
      const step = NUMBERED.exec(line.trim());
      return step ? stepLines(Number(step[1]), step[2]!, width) : wrap([{ ...style, text: line.trim() }], width);
    });
}
