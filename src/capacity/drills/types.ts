// What a drill is: its templates, the calculator inputs it was built from, and the parts a
// question builder hands to the assembly (drills/assemble.ts).
import type { Question } from '../../content/types.js';
import type { BatchGetInput, QueryInput, ReadInput, WriteInput } from '../dynamodb.js';
import type { KinesisInput } from '../kinesis.js';

export const DRILL_TEMPLATES = [
  'drill-dynamodb-read',
  'drill-dynamodb-read-period',
  'drill-dynamodb-write',
  'drill-dynamodb-transactional',
  'drill-dynamodb-query',
  'drill-dynamodb-batch-get',
  'drill-kinesis-shards',
] as const;
export type DrillTemplate = (typeof DRILL_TEMPLATES)[number];

export function isDrillTemplate(value: string): value is DrillTemplate {
  return (DRILL_TEMPLATES as readonly string[]).includes(value);
}

/** Exactly what was passed to the calculator, so anyone can check the answer. */
export type DrillInputs =
  | { calculator: 'read'; input: ReadInput }
  | { calculator: 'write'; input: WriteInput }
  /** `input.totalSize` is `itemCount` items of `itemSize` each. */
  | { calculator: 'query'; input: QueryInput; itemCount?: number; itemSize?: string }
  | { calculator: 'batch-get'; input: BatchGetInput }
  | { calculator: 'kinesis'; input: KinesisInput };

export interface Drill extends Question {
  template: DrillTemplate;
  service: 'dynamodb' | 'kinesis';
  domain: 'development';
  kind: 'single';
  section: 'capacity-units' | 'shards-and-capacity';
  /** The correct answer: units to provision (units consumed per call for BatchGetItem), or shards. */
  answerValue: number;
  /** 'RCU', 'WCU' or 'shards': what a typed answer is counted in. */
  unitLabel: string;
  inputs: DrillInputs;
}

/** A classic mistake: the figure it gives and why it is wrong. */
export interface Mistake {
  value: number;
  why: string;
}

/** A question as a builder makes it, before its options are assembled. */
export interface Built {
  template: DrillTemplate;
  service: Drill['service'];
  section: Drill['section'];
  question: string;
  answerValue: number;
  unitLabel: string;
  correctWhy: string;
  steps: string[];
  summary: string;
  mistakes: Mistake[];
  inputs: DrillInputs;
}

export type ReadConsistency = 'strong' | 'eventual';
