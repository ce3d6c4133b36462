// The numbers drills draw from (realistic sizes, rates and applications) and the small
// helpers every question builder shares.
import type { CapacityResult, Calculated } from '../dynamodb.js';
import { describeSeconds, format, parseRate, parseSize, type Rate, type Size } from '../parse.js';
import type { Built, DrillInputs, DrillTemplate, Mistake, ReadConsistency } from './types.js';

/** Item sizes as the calculator takes them (1 KB = 1,024 bytes). */
export const ITEM_SIZES = [
  '512B',
  '700B',
  '1KB',
  '1.5KB',
  '2.5KB',
  '3KB',
  '3500',
  '3.5KB',
  '5KB',
  '6KB',
  '7.5KB',
  '9KB',
  '12KB',
  '17KB',
  '24KB',
  '35KB',
];
export const PER_SECOND = ['10', '25', '40', '80', '100', '150', '200', '500'];
/** Counts per period: some divide evenly into a per-second rate, some do not. */
export const PER_PERIOD = [
  '300/30s',
  '600/min',
  '1200/2min',
  '450/min',
  '1000/min',
  '250/30s',
  '9000/h',
  '720/min',
  '3600/5min',
  '100/min',
  '1500/5min',
  '4500/15min',
  '18000/h',
  '90/30s',
];
export const QUERY_ITEM_SIZES = ['64B', '200B', '512B', '700B', '1KB', '1.5KB', '2.5KB', '3KB', '3.5KB', '5KB', '6KB', '9KB'];
export const QUERY_ITEM_COUNTS = [3, 5, 8, 10, 12, 15, 20, 25, 40, 50, 100, 150];
export const QUERY_RATES = ['1', '2', '5', '10', '20', '25', '50'];
export const BATCH_SIZES = [
  '512B',
  '700B',
  '1KB',
  '1.5KB',
  '2.5KB',
  '3KB',
  '3500',
  '3.5KB',
  '4KB',
  '5KB',
  '6KB',
  '6.5KB',
  '7.5KB',
  '9KB',
  '12KB',
  '17KB',
  '24KB',
];
export const KINESIS_RATES = ['200', '250', '400', '500', '800', '1000', '1200', '1500', '2000', '2500', '3000', '3500', '4000', '5000'];
export const KINESIS_SIZES = ['0.5KB', '512B', '700B', '1KB', '1.5KB', '2KB', '3KB', '5KB', '10KB', '20KB', '25KB', '50KB'];
export const APPS = [
  "A developer's application",
  'A mobile game backend',
  'An order-processing service',
  'A serverless API built on AWS Lambda',
  'An IoT dashboard',
  'A product catalogue service',
];
export const STREAM_APPS = [
  'A clickstream pipeline',
  'A fleet of IoT sensors',
  'A log-shipping agent',
  'A payments service',
  'A gaming telemetry service',
];
export const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four'];

export function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Whole provisioned units, as the calculator rounds them. */
export const whole = (units: number) => Math.max(1, Math.ceil(units - 1e-9));

export function size(text: string): Size {
  const parsed = parseSize(text);
  if (!parsed.ok) throw new Error(`drill size '${text}': ${parsed.error}`);
  return parsed.value;
}

export function rate(text: string): Rate {
  const parsed = parseRate(text);
  if (!parsed.ok) throw new Error(`drill rate '${text}': ${parsed.error}`);
  return parsed.value;
}

export function solved(c: Calculated): CapacityResult {
  if (!c.ok) throw new Error(`drill inputs refused by the calculator (${c.field}): ${c.error}`);
  return c.result;
}

/** "300 items every 30 seconds" or "80 items per second". */
export function rateWords(r: Rate, noun: string): string {
  return r.seconds === 1 ? `${format(r.count)} ${noun} per second` : `${format(r.count)} ${noun} every ${describeSeconds(r.seconds)}`;
}

export const CONSISTENCY_TEXT: Record<ReadConsistency, string> = { strong: 'strongly consistent', eventual: 'eventually consistent' };

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A DynamoDB drill whose right option and explanation come from the calculator's result. */
export function dynamodbBuilt(
  template: DrillTemplate,
  question: string,
  result: CapacityResult,
  answerValue: number,
  mistakes: Mistake[],
  inputs: DrillInputs,
): Built {
  return {
    template,
    service: 'dynamodb',
    section: 'capacity-units',
    question,
    answerValue,
    unitLabel: result.unit,
    correctWhy: `Correct: ${result.summary}.`,
    steps: result.steps,
    summary: result.summary,
    mistakes,
    inputs,
  };
}
