// The Calculator screen's state machine, without rendering.
import { describe, expect, it } from 'vitest';
import {
  type CalculatorEvent,
  type CalculatorState,
  currentValues,
  fields,
  focusedField,
  initialCalculator,
  outcome,
  reduceCalculator,
} from '../src/capacity/calculator-state.js';

const run = (state: CalculatorState, ...events: CalculatorEvent[]) =>
  events.reduce((s, e) => reduceCalculator(s, e, { lines: 12, height: 5 }), state);
const summary = (state: CalculatorState) => {
  const o = outcome(state);
  return o.ok ? o.summary : o;
};

describe('the calculator state', () => {
  it("opens on the notes' read example, editing its item size, with the answer worked out", () => {
    const start = initialCalculator();
    expect(focusedField(start).label).toBe('Item size');
    expect(start.editing).toBe(true);
    expect(summary(start)).toMatch(/^20 RCU for strongly consistent reads/);
  });

  it('typing replaces the focused text field and recalculates; a choice field takes no text', () => {
    const typed = run(initialCalculator(), { type: 'type', text: '3KB' });
    expect(currentValues(typed).size).toBe('3KB');
    expect(summary(typed)).toMatch(/^10 RCU/);
    const onConsistency = run(initialCalculator(), { type: 'move', by: 1 }, { type: 'move', by: 1 });
    expect(focusedField(onConsistency).id).toBe('consistency');
    expect(run(onConsistency, { type: 'type', text: 'x' })).toBe(onConsistency);
  });

  it('moves between fields, wrapping at both ends', () => {
    const start = initialCalculator();
    expect(focusedField(run(start, { type: 'move', by: -1 })).id).toBe('calculation');
    expect(focusedField(run(start, { type: 'move', by: -1 }, { type: 'move', by: -1 })).id).toBe('mode');
    expect(
      focusedField(run(start, { type: 'move', by: 1 }, { type: 'move', by: 1 }, { type: 'move', by: 1 }, { type: 'move', by: 1 })).id,
    ).toBe('calculation');
  });

  it('changes a choice both ways; a text field has no choices', () => {
    const onConsistency = run(initialCalculator(), { type: 'move', by: 1 }, { type: 'move', by: 1 });
    expect(summary(run(onConsistency, { type: 'change', by: 1 }))).toMatch(/^10 RCU for eventually consistent reads/);
    expect(currentValues(run(onConsistency, { type: 'change', by: -1 })).consistency).toBe('transactional');
    const onSize = initialCalculator();
    expect(run(onSize, { type: 'change', by: 1 })).toBe(onSize);
  });

  it('switching the calculation keeps what was typed for each; a shorter form keeps the focus on its last field', () => {
    const typed = run(initialCalculator(), { type: 'type', text: '9KB' });
    const onCalculation = run(typed, { type: 'move', by: -1 });
    const kinesis = run(onCalculation, { type: 'change', by: -1 });
    expect(kinesis.calculation).toBe('kinesis');
    expect(fields(kinesis).map((f) => f.id)).toEqual(['calculation', 'records', 'record-size', 'consumers', 'fan-out']);
    expect(summary(kinesis)).toMatch(/^4 shards/);
    const back = run(kinesis, { type: 'change', by: 1 });
    expect(currentValues(back).size).toBe('9KB');
    const lastRead = run(initialCalculator(), { type: 'move', by: 1 }, { type: 'move', by: 1 }, { type: 'move', by: 1 });
    expect(focusedField(lastRead).id).toBe('mode');
    const batch = { ...lastRead, calculation: 'batch-get' as const };
    expect(focusedField(batch).id).toBe('mode');
    expect(fields(batch)).toHaveLength(4);
  });

  it('Esc leaves the fields: then no field changes until Enter comes back', () => {
    const left = run(initialCalculator(), { type: 'edit', editing: false });
    expect(run(left, { type: 'type', text: '1KB' }, { type: 'move', by: 1 }, { type: 'change', by: 1 })).toBe(left);
    expect(run(left, { type: 'edit', editing: true }).editing).toBe(true);
  });

  it('scrolls the worked steps within their length; an edit shows them from the top', () => {
    const start = initialCalculator();
    expect(run(start, { type: 'scroll', by: 3 }).scroll).toBe(3);
    expect(run(start, { type: 'scroll', by: 3 }, { type: 'scroll', by: 3 }, { type: 'scroll', by: 3 }).scroll).toBe(7);
    expect(run(start, { type: 'scroll', by: -3 }).scroll).toBe(0);
    expect(run(start, { type: 'scroll', by: 3 }, { type: 'type', text: '4KB' }).scroll).toBe(0);
  });
});
