// The calculator screen's form as data: which fields each calculation has, their
// defaults, and the result (or the field that is wrong) for the values typed so far.
import type { DrillInputs } from './drills.js';
import { batchGetCapacity, queryCapacity, readCapacity, writeCapacity, type Consistency, type Mode } from './dynamodb.js';
import { kinesisShards } from './kinesis.js';

export const CALCULATIONS = ['read', 'write', 'query', 'batch-get', 'kinesis'] as const;
export type Calculation = (typeof CALCULATIONS)[number];

export const CALCULATION_LABELS: Record<Calculation, string> = {
  read: 'DynamoDB reads',
  write: 'DynamoDB writes',
  query: 'DynamoDB Query',
  'batch-get': 'DynamoDB BatchGetItem',
  kinesis: 'Kinesis Data Streams shards',
};

export interface FormField {
  id: string;
  label: string;
  kind: 'text' | 'choice';
  choices?: readonly string[];
  /** Shown under the field while it is focused. */
  hint: string;
  optional?: boolean;
}

const SIZE_HINT = 'e.g. 512, 512B, 3KB, 1.5 KB, 0.5MB (1 KB = 1,024 bytes)';
const RATE_HINT = 'per second or per period: 100, 100/s, 300/30s, 10/min, 5/h';
const MODE: FormField = {
  id: 'mode',
  label: 'Capacity mode',
  kind: 'choice',
  choices: ['provisioned', 'on-demand'],
  hint: 'provisioned: RCU/WCU; on-demand: request units (RRU/WRU)',
};

export const FORM_FIELDS: Record<Calculation, FormField[]> = {
  read: [
    { id: 'size', label: 'Item size', kind: 'text', hint: SIZE_HINT },
    { id: 'rate', label: 'Reads', kind: 'text', hint: RATE_HINT },
    {
      id: 'consistency',
      label: 'Consistency',
      kind: 'choice',
      choices: ['strong', 'eventual', 'transactional'],
      hint: 'eventual costs half, transactional double',
    },
    MODE,
  ],
  write: [
    { id: 'size', label: 'Item size', kind: 'text', hint: SIZE_HINT },
    { id: 'rate', label: 'Writes', kind: 'text', hint: RATE_HINT },
    { id: 'transactional', label: 'Transactional', kind: 'choice', choices: ['no', 'yes'], hint: 'TransactWriteItems costs double' },
    MODE,
  ],
  query: [
    { id: 'total-size', label: 'Total returned', kind: 'text', hint: `the items one Query returns, added up: ${SIZE_HINT}` },
    { id: 'consistency', label: 'Consistency', kind: 'choice', choices: ['strong', 'eventual'], hint: 'eventual costs half' },
    { id: 'rate', label: 'Queries', kind: 'text', hint: `optional: ${RATE_HINT}; empty = one Query`, optional: true },
    MODE,
  ],
  'batch-get': [
    { id: 'sizes', label: 'Item sizes', kind: 'text', hint: 'sizes separated by commas, e.g. 1.5KB, 6.5KB' },
    { id: 'consistency', label: 'Consistency', kind: 'choice', choices: ['strong', 'eventual'], hint: 'eventual costs half' },
    MODE,
  ],
  kinesis: [
    { id: 'records', label: 'Records', kind: 'text', hint: `records written: ${RATE_HINT}` },
    { id: 'record-size', label: 'Record size', kind: 'text', hint: SIZE_HINT },
    { id: 'consumers', label: 'Consumers', kind: 'text', hint: 'applications reading the whole stream (1–1000)' },
    {
      id: 'fan-out',
      label: 'Reading',
      kind: 'choice',
      choices: ['shared', 'enhanced fan-out'],
      hint: 'enhanced fan-out gives each consumer its own 2 MiB/s per shard',
    },
  ],
};

/** The notes' own examples, so the screen shows a worked answer from the start. */
export const DEFAULT_VALUES: Record<Calculation, Record<string, string>> = {
  read: { size: '6KB', rate: '300/30s', consistency: 'strong', mode: 'provisioned' },
  write: { size: '512B', rate: '100/s', transactional: 'no', mode: 'provisioned' },
  query: { 'total-size': '40.8KB', consistency: 'strong', rate: '', mode: 'provisioned' },
  'batch-get': { sizes: '1.5KB, 6.5KB', consistency: 'strong', mode: 'provisioned' },
  kinesis: { records: '2000/s', 'record-size': '2KB', consumers: '1', 'fan-out': 'shared' },
};

export type FormOutcome =
  | { ok: true; summary: string; steps: string[]; inputs: DrillInputs }
  | { ok: false; field: string; error: string }
  | { ok: false; field: null; missing: string[] };

/** Calculates from the form's values; empty required fields are "missing", not errors. */
export function evaluateForm(calculation: Calculation, values: Record<string, string>): FormOutcome {
  const missing = FORM_FIELDS[calculation]
    .filter((f) => f.kind === 'text' && !f.optional && !(values[f.id] ?? '').trim())
    .map((f) => f.label);
  if (missing.length) return { ok: false, field: null, missing };
  const v = (id: string) => values[id] ?? '';
  const mode = v('mode') as Mode;
  switch (calculation) {
    case 'read': {
      const input = { size: v('size'), rate: v('rate'), consistency: v('consistency') as Consistency, mode };
      const c = readCapacity(input);
      return c.ok ? { ok: true, summary: c.result.summary, steps: c.result.steps, inputs: { calculator: 'read', input } } : c;
    }
    case 'write': {
      const input = { size: v('size'), rate: v('rate'), transactional: v('transactional') === 'yes', mode };
      const c = writeCapacity(input);
      return c.ok ? { ok: true, summary: c.result.summary, steps: c.result.steps, inputs: { calculator: 'write', input } } : c;
    }
    case 'query': {
      const input = {
        totalSize: v('total-size'),
        consistency: v('consistency') as 'strong' | 'eventual',
        mode,
        ...(v('rate').trim() ? { rate: v('rate') } : {}),
      };
      const c = queryCapacity(input);
      return c.ok ? { ok: true, summary: c.result.summary, steps: c.result.steps, inputs: { calculator: 'query', input } } : c;
    }
    case 'batch-get': {
      const input = { sizes: v('sizes'), consistency: v('consistency') as 'strong' | 'eventual', mode };
      const c = batchGetCapacity(input);
      return c.ok ? { ok: true, summary: c.result.summary, steps: c.result.steps, inputs: { calculator: 'batch-get', input } } : c;
    }
    case 'kinesis': {
      const input = {
        records: v('records'),
        recordSize: v('record-size'),
        consumers: v('consumers'),
        fanOut: v('fan-out') === 'enhanced fan-out',
      };
      const c = kinesisShards(input);
      return c.ok ? { ok: true, summary: c.result.summary, steps: c.result.steps, inputs: { calculator: 'kinesis', input } } : c;
    }
  }
}

/** The next choice of a choice field, cycling. */
export function cycleChoice(field: FormField, value: string, step: 1 | -1): string {
  const choices = field.choices ?? [];
  const index = choices.indexOf(value);
  return choices[(index + step + choices.length) % choices.length] ?? value;
}
