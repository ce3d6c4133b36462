import { Box, type Key, Text } from 'ink';
import { useMemo } from 'react';
import {
  type CalculatorEvent,
  type CalculatorState,
  currentValues,
  fields as fieldsOf,
  focusedField,
  initialCalculator,
  isExample,
  outcome as outcomeOf,
  reduceCalculator,
} from '../../capacity/calculator-state.js';
import { drillFromCase } from '../../capacity/drills.js';
import { CALCULATION_LABELS } from '../../capacity/form.js';
import type { Question } from '../../content/types.js';
import { createRng, randomSeed } from '../../quiz/random.js';
import type { Line } from '../../render/lines.js';
import { wrap } from '../../render/note.js';
import { stepLines } from '../../render/steps.js';
import { ScrollLines } from '../components/ScrollLines.js';
import { TextField } from '../components/TextField.js';
import { useKeys } from '../input.js';
import { isKey } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
import { useMachine } from '../useMachine.js';
import { useReportMode } from '../useReportMode.js';
import type { InputMode } from './types.js';

export interface CalculatorScreenProps {
  width: number;
  height: number;
  active: boolean;
  onMode(mode: InputMode): void;
  /** Hands a drill of the current case to the quiz. */
  onDrill(drill: Question): void;
}

const LABEL_WIDTH = 17;
const modeOf = (state: CalculatorState): InputMode => (state.editing ? 'calc-field' : 'calc');

/** What a key means on the calculator: an event for its state, or a drill of the case. */
function calculatorEvent(state: CalculatorState, input: string, key: Key): CalculatorEvent | 'drill' | null {
  if (!state.editing) {
    if (isKey('calc.edit', input, key)) return { type: 'edit', editing: true };
    if (isKey('calc.drill-now', input, key)) return 'drill';
    return null;
  }
  if (isKey('calc.next-field', input, key)) return { type: 'move', by: 1 };
  if (isKey('calc.prev-field', input, key)) return { type: 'move', by: -1 };
  if (isKey('calc.leave', input, key)) return { type: 'edit', editing: false };
  if (isKey('calc.drill', input, key)) return 'drill';
  if (isKey('calc.scroll-down', input, key)) return { type: 'scroll', by: 3 };
  if (isKey('calc.scroll-up', input, key)) return { type: 'scroll', by: -3 };
  if (focusedField(state).kind === 'choice' && isKey('calc.change', input, key)) return { type: 'change', by: key.leftArrow ? -1 : 1 };
  return null;
}

export function CalculatorScreen({ width, height, active, onMode, onDrill }: CalculatorScreenProps) {
  const rng = useMemo(() => createRng(randomSeed()), []);
  // The step runs on a later key, with this render's result lines (declared below).
  const [state, dispatch] = useMachine<CalculatorState, CalculatorEvent>(
    initialCalculator,
    (s, event): CalculatorState => reduceCalculator(s, event, { lines: resultLines.length, height: resultHeight }),
  );
  useReportMode(onMode, modeOf(state));

  const fields = fieldsOf(state);
  const current = currentValues(state);
  const outcome = useMemo(() => outcomeOf(state), [state]);
  const focused = focusedField(state);

  // Result lines: the answer, then the steps, windowed below the form.
  const resultLines = useMemo((): Line[] => {
    if (outcome.ok) {
      return [
        ...wrap([{ text: `= ${outcome.summary}`, role: 'success', bold: true }], width),
        ...outcome.steps.flatMap((step, i) => stepLines(i + 1, step, width)),
      ];
    }
    if (outcome.field === null) return wrap([{ text: `Fill in: ${outcome.missing.join(', ')}`, role: 'muted' }], width);
    return wrap([{ text: 'Fix the field marked ✗ to see the result.', role: 'muted' }], width);
  }, [outcome, width]);
  const formHeight = fields.length + 2;
  const resultHeight = Math.max(1, height - formHeight);

  useKeys(
    (input, key) => {
      const event = calculatorEvent(state, input, key);
      if (event === 'drill') {
        if (outcome.ok) onDrill(drillFromCase(outcome.inputs, rng));
      } else if (event) dispatch(event);
    },
    { isActive: active },
  );

  const errorField = !outcome.ok && outcome.field !== null ? outcome.field : null;

  return (
    <Box flexDirection="column" height={height} width={width}>
      {fields.map((field, i) => {
        const isFocused = state.editing && i === state.focus;
        const value = field.id === 'calculation' ? CALCULATION_LABELS[state.calculation] : (current[field.id] ?? '');
        const error = errorField === field.id && !outcome.ok && outcome.field !== null ? outcome.error : '';
        // One row each, whatever the width: the label keeps its column (never cut or
        // wrapped), the value its width, an error what is left, cut at the edge.
        return (
          <Box key={`${state.calculation}-${field.id}`} height={1} width={width} overflow="hidden">
            <Box width={LABEL_WIDTH} flexShrink={0}>
              <Text {...(isFocused ? ROLE_STYLE.accent : {})} bold={isFocused} wrap="truncate">
                {`${isFocused ? '›' : ' '} ${field.label}`}
              </Text>
            </Box>
            <Box flexShrink={0}>
              {field.kind === 'choice' ? (
                <Text inverse={isFocused}>{`‹ ${value} ›`}</Text>
              ) : isFocused ? (
                <TextField
                  value={value}
                  focus={active}
                  example={isExample(state, field.id)}
                  onChange={(text) => dispatch({ type: 'type', text })}
                />
              ) : (
                <Text>{value || (field.optional ? '—' : '')}</Text>
              )}
            </Box>
            {error ? (
              <Box flexShrink={1} flexGrow={1} overflow="hidden">
                <Text {...ROLE_STYLE.error} wrap="truncate">{`  ✗ ${error}`}</Text>
              </Box>
            ) : null}
          </Box>
        );
      })}
      <Text {...ROLE_STYLE.muted} wrap="truncate">
        {state.editing ? focused.hint : 'Enter or / to edit the fields · d to drill this case'}
      </Text>
      {errorField ? (
        <Text {...ROLE_STYLE.error} wrap="truncate">
          {!outcome.ok && outcome.field !== null
            ? `✗ ${fields.find((f) => f.id === errorField)?.label ?? errorField}: ${outcome.error}`
            : ''}
        </Text>
      ) : (
        <Text> </Text>
      )}
      <ScrollLines lines={resultLines} top={state.scroll} height={resultHeight} width={width} />
    </Box>
  );
}
