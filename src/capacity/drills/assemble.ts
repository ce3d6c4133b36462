// A built question made into a Drill: the right option from the calculator, three
// distractors from the classic mistakes (near misses only when the mistakes run out), in a
// shuffled order, and the worked steps as the explanation.
import type { Option } from '../../content/types.js';
import { shuffle } from '../../quiz/random.js';
import { format } from '../parse.js';
import type { Built, Drill } from './types.js';

function explanation(summary: string, steps: string[]): string {
  return [summary, ...steps.map((step, i) => `${i + 1}. ${step}`)].join('\n');
}

function quantity(value: number, unitLabel: string): string {
  const label = unitLabel === 'shards' && value === 1 ? 'shard' : unitLabel;
  return `${format(value)} ${label}`;
}

/** The correct option plus three distinct distractors, in a shuffled order. */
function options(built: Built, rng: () => number): Option[] {
  const { answerValue, unitLabel } = built;
  const correct: Option = { text: quantity(answerValue, unitLabel), correct: true, why: built.correctWhy };
  const used = new Set([correct.text]);
  const chosen: Option[] = [];
  const offer = (value: number, why: string) => {
    if (chosen.length >= 3 || !Number.isFinite(value) || value <= 0) return;
    const text = quantity(value, unitLabel);
    if (used.has(text)) return;
    used.add(text);
    chosen.push({ text, correct: false, why });
  };
  // The mistakes in random order, so a drill seen twice does not always show the same three.
  for (const m of shuffle(built.mistakes, rng)) offer(m.value, m.why);
  // Last resort: near misses with no rule behind them.
  for (let step = 1; chosen.length < 3; step++) {
    for (const sign of rng() < 0.5 ? [1, -1] : [-1, 1]) {
      offer(
        answerValue + sign * step,
        `A near miss: no rule gives ${quantity(answerValue + sign * step, unitLabel)}; it is ${format(step)} ${sign > 0 ? 'more' : 'less'} than the correct ${quantity(answerValue, unitLabel)}.`,
      );
    }
  }
  return shuffle([correct, ...chosen], rng);
}

export function toDrill(built: Built, rng: () => number): Drill {
  const chosen = built.template;
  return {
    id: chosen,
    template: chosen,
    service: built.service,
    domain: 'development',
    kind: 'single',
    section: built.section,
    // DynamoDB capacity is task 1.3 (data stores); sizing a Kinesis stream is 4.3 (optimize).
    tasks: built.service === 'dynamodb' ? ['1.3'] : ['4.3'],
    question: built.question,
    options: options(built, rng),
    explanation: explanation(built.summary, built.steps),
    answerValue: built.answerValue,
    unitLabel: built.unitLabel,
    inputs: built.inputs,
  };
}
