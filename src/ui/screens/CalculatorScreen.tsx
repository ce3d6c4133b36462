import { Box, Text, useInput } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { drillFromCase } from '../../capacity/drills.js';
import {
  CALCULATION_LABELS,
  CALCULATIONS,
  cycleChoice,
  DEFAULT_VALUES,
  evaluateForm,
  FORM_FIELDS,
  type Calculation,
  type FormField,
} from '../../capacity/form.js';
import type { Question } from '../../content/types.js';
import { createRng, randomSeed } from '../../quiz/random.js';
import { wrap } from '../../render/note.js';
import type { Line } from '../../render/lines.js';
import { clampTop, ScrollLines } from '../components/ScrollLines.js';
import { TextField } from '../components/TextField.js';
import { isKey } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
import type { InputMode } from './types.js';

export interface CalculatorScreenProps {
  width: number;
  height: number;
  active: boolean;
  onMode(mode: InputMode): void;
  /** Hands a drill of the current case to the quiz. */
  onDrill(drill: Question): void;
}

const CALCULATION_FIELD: FormField = {
  id: 'calculation',
  label: 'Calculation',
  kind: 'choice',
  choices: CALCULATIONS,
  hint: 'DynamoDB reads, writes, Query, BatchGetItem, or Kinesis shards',
};
const LABEL_WIDTH = 17;

export function CalculatorScreen({ width, height, active, onMode, onDrill }: CalculatorScreenProps) {
  const [calculation, setCalculation] = useState<Calculation>('read');
  const [values, setValues] = useState(() => structuredClone(DEFAULT_VALUES));
  const [focus, setFocus] = useState(1);
  const [editing, setEditing] = useState(true);
  const [scroll, setScroll] = useState(0);
  const rng = useRef(createRng(randomSeed()));

  const fields = [CALCULATION_FIELD, ...FORM_FIELDS[calculation]];
  const current = values[calculation];
  const outcome = useMemo(() => evaluateForm(calculation, current), [calculation, current]);
  const focused = fields[Math.min(focus, fields.length - 1)]!;

  const setValue = (id: string, value: string) => {
    setValues((all) => ({ ...all, [calculation]: { ...all[calculation], [id]: value } }));
    setScroll(0);
  };
  const move = (step: number) => setFocus((f) => (f + step + fields.length) % fields.length);
  const edit = (on: boolean) => {
    setEditing(on);
    onMode(on ? 'calc-field' : 'calc');
  };
  const drill = () => {
    if (outcome.ok) onDrill(drillFromCase(outcome.inputs, rng.current));
  };

  // Result lines: the answer, then the steps, windowed below the form.
  const resultLines = useMemo((): Line[] => {
    if (outcome.ok) {
      return [
        ...wrap([{ text: `= ${outcome.summary}`, role: 'success', bold: true }], width),
        ...outcome.steps.flatMap((step, i) =>
          wrap([{ text: step }], width, [{ text: `${String(i + 1).padStart(2)}. `, role: 'muted' }], [{ text: '    ' }]),
        ),
      ];
    }
    if (outcome.field === null) return wrap([{ text: `Fill in: ${outcome.missing.join(', ')}`, role: 'muted' }], width);
    return wrap([{ text: 'Fix the field marked ✗ to see the result.', role: 'muted' }], width);
  }, [outcome, width]);

  useInput(
    (input, key) => {
      if (!editing) {
        if (isKey('calc.edit', input, key)) edit(true);
        else if (isKey('calc.drill-now', input, key)) drill();
        return;
      }
      if (isKey('calc.next-field', input, key)) move(1);
      else if (isKey('calc.prev-field', input, key)) move(-1);
      else if (isKey('calc.leave', input, key)) edit(false);
      else if (isKey('calc.drill', input, key)) drill();
      else if (isKey('calc.scroll-down', input, key)) setScroll((s) => clampTop(s + 3, resultLines.length, resultHeight));
      else if (isKey('calc.scroll-up', input, key)) setScroll((s) => Math.max(0, s - 3));
      else if (focused.kind === 'choice' && isKey('calc.change', input, key)) {
        const step = key.leftArrow ? -1 : 1;
        if (focused.id === 'calculation') {
          setCalculation((c) => cycleChoice(CALCULATION_FIELD, c, step) as Calculation);
          setScroll(0);
        } else setValue(focused.id, cycleChoice(focused, current[focused.id] ?? '', step));
      }
    },
    { isActive: active },
  );

  const errorField = !outcome.ok && outcome.field !== null ? outcome.field : null;
  const formHeight = fields.length + 2;
  const resultHeight = Math.max(1, height - formHeight);

  return (
    <Box flexDirection="column" height={height}>
      {fields.map((field, i) => {
        const isFocused = editing && i === focus;
        const value = field.id === 'calculation' ? CALCULATION_LABELS[calculation] : (current[field.id] ?? '');
        const error = errorField === field.id && !outcome.ok && outcome.field !== null ? outcome.error : '';
        return (
          <Box key={`${calculation}-${field.id}`}>
            <Text {...(isFocused ? ROLE_STYLE.accent : {})} bold={isFocused}>
              {`${isFocused ? '›' : ' '} ${field.label.padEnd(LABEL_WIDTH - 2)}`}
            </Text>
            {/* The value keeps its width; an inline error takes what is left. */}
            <Box flexShrink={0}>
              {field.kind === 'choice' ? (
                <Text inverse={isFocused}>{`‹ ${value} ›`}</Text>
              ) : isFocused ? (
                <TextField value={value} focus={active} onChange={(text) => setValue(field.id, text)} />
              ) : (
                <Text>{value || (field.optional ? '—' : '')}</Text>
              )}
            </Box>
            {error ? (
              <Box flexShrink={1}>
                <Text {...ROLE_STYLE.error} wrap="truncate">{`  ✗ ${error}`}</Text>
              </Box>
            ) : null}
          </Box>
        );
      })}
      <Text {...ROLE_STYLE.muted} wrap="truncate">
        {editing ? focused.hint : 'Enter or / to edit the fields · d to drill this case'}
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
      <ScrollLines lines={resultLines} top={scroll} height={resultHeight} width={width} />
    </Box>
  );
}
