// The Calculator screen as a state machine: the calculation chosen, the values typed for
// each calculation (kept when switching between them), the focused field, whether the
// fields have the keys, and how far the worked steps are scrolled. Pure: the result is
// derived from the values (form.ts), and turning the case into a drill is the screen's.
import {
  CALCULATIONS,
  type Calculation,
  cycleChoice,
  DEFAULT_VALUES,
  evaluateForm,
  FORM_FIELDS,
  type FormField,
  type FormOutcome,
} from './form.js';

/** The first field of every calculation: which calculation it is. */
export const CALCULATION_FIELD: FormField = {
  id: 'calculation',
  label: 'Calculation',
  kind: 'choice',
  choices: CALCULATIONS,
  hint: 'DynamoDB reads, writes, Query, BatchGetItem, or Kinesis shards',
};

export interface CalculatorState {
  calculation: Calculation;
  values: Record<Calculation, Record<string, string>>;
  /** Index in `fields(state)`. */
  focus: number;
  /** The fields have the keys (typing edits them); else global keys work. */
  editing: boolean;
  /** First line shown of the result and its steps. */
  scroll: number;
}

export type CalculatorEvent =
  | { type: 'move'; by: 1 | -1 }
  | { type: 'edit'; editing: boolean }
  /** Left/right on a choice field: the next or previous choice. */
  | { type: 'change'; by: 1 | -1 }
  /** The text of the focused field, as typed. */
  | { type: 'type'; text: string }
  | { type: 'scroll'; by: number };

/** How many result lines there are and how many fit, for scrolling. */
export interface CalculatorLayout {
  lines: number;
  height: number;
}

/** The notes' first example, focused on its first value, ready to edit. */
export const initialCalculator = (): CalculatorState => ({
  calculation: 'read',
  values: structuredClone(DEFAULT_VALUES),
  focus: 1,
  editing: true,
  scroll: 0,
});

export const fields = (state: CalculatorState): FormField[] => [CALCULATION_FIELD, ...FORM_FIELDS[state.calculation]];

/** The focused field (a calculation with fewer fields keeps the focus on its last). */
export function focusedField(state: CalculatorState): FormField {
  const all = fields(state);
  return all[Math.min(state.focus, all.length - 1)]!;
}

export const currentValues = (state: CalculatorState): Record<string, string> => state.values[state.calculation];

export const outcome = (state: CalculatorState): FormOutcome => evaluateForm(state.calculation, currentValues(state));

/**
 * Whether a field still shows the notes' example (the value it opened with): its field
 * then selects it, so the first character typed replaces it instead of being appended.
 */
export function isExample(state: CalculatorState, id: string): boolean {
  const value = currentValues(state)[id] ?? '';
  return value !== '' && value === DEFAULT_VALUES[state.calculation][id];
}

function setValue(state: CalculatorState, id: string, value: string): CalculatorState {
  const values = { ...state.values, [state.calculation]: { ...currentValues(state), [id]: value } };
  return { ...state, values, scroll: 0 };
}

export function reduceCalculator(state: CalculatorState, event: CalculatorEvent, layout: CalculatorLayout): CalculatorState {
  switch (event.type) {
    case 'edit':
      return { ...state, editing: event.editing };
    case 'scroll':
      return { ...state, scroll: Math.max(0, Math.min(state.scroll + event.by, layout.lines - layout.height)) };
  }
  if (!state.editing) return state;
  const field = focusedField(state);
  switch (event.type) {
    case 'move': {
      const count = fields(state).length;
      return { ...state, focus: (state.focus + event.by + count) % count };
    }
    case 'change':
      if (field.kind !== 'choice') return state;
      if (field.id === 'calculation')
        return { ...state, calculation: cycleChoice(CALCULATION_FIELD, state.calculation, event.by) as Calculation, scroll: 0 };
      return setValue(state, field.id, cycleChoice(field, currentValues(state)[field.id] ?? '', event.by));
    case 'type':
      return field.kind === 'text' ? setValue(state, field.id, event.text) : state;
  }
}
