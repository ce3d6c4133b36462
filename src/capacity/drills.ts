// Capacity drills: exam-style capacity questions with random but realistic numbers. The
// right answer always comes from the calculator (dynamodb.ts, kinesis.ts); the distractors
// are the classic mistakes, each with a `why` that names the mistake. Pure and deterministic
// for a given random source: no I/O, no UI.
import type { Option, Question } from '../content/types.js';
import {
  batchGetCapacity,
  queryCapacity,
  readCapacity,
  writeCapacity,
  READ_BLOCK,
  WRITE_BLOCK,
  type BatchGetInput,
  type Calculated,
  type CapacityResult,
  type QueryInput,
  type ReadInput,
  type WriteInput,
} from './dynamodb.js';
import { kinesisShards, SHARD_IN_BYTES, SHARD_IN_RECORDS, SHARD_OUT_BYTES, type KinesisInput, type ShardResult } from './kinesis.js';
import { describeSeconds, format, parseRate, parseSize, type Rate, type Size } from './parse.js';
import { createRng, shuffle } from '../quiz/random.js';

export { createRng };

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

// ---- numbers to draw from ----------------------------------------------------------------

/** Item sizes as the calculator takes them (1 KB = 1,024 bytes). */
const ITEM_SIZES = [
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
const PER_SECOND = ['10', '25', '40', '80', '100', '150', '200', '500'];
/** Counts per period: some divide evenly into a per-second rate, some do not. */
const PER_PERIOD = [
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
const QUERY_ITEM_SIZES = ['64B', '200B', '512B', '700B', '1KB', '1.5KB', '2.5KB', '3KB', '3.5KB', '5KB', '6KB', '9KB'];
const QUERY_ITEM_COUNTS = [3, 5, 8, 10, 12, 15, 20, 25, 40, 50, 100, 150];
const QUERY_RATES = ['1', '2', '5', '10', '20', '25', '50'];
const BATCH_SIZES = [
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
const KINESIS_RATES = ['200', '250', '400', '500', '800', '1000', '1200', '1500', '2000', '2500', '3000', '3500', '4000', '5000'];
const KINESIS_SIZES = ['0.5KB', '512B', '700B', '1KB', '1.5KB', '2KB', '3KB', '5KB', '10KB', '20KB', '25KB', '50KB'];
const APPS = [
  "A developer's application",
  'A mobile game backend',
  'An order-processing service',
  'A serverless API built on AWS Lambda',
  'An IoT dashboard',
  'A product catalogue service',
];
const STREAM_APPS = [
  'A clickstream pipeline',
  'A fleet of IoT sensors',
  'A log-shipping agent',
  'A payments service',
  'A gaming telemetry service',
];
const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four'];

// ---- small helpers ---------------------------------------------------------------------------

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Whole provisioned units, as the calculator rounds them. */
const whole = (units: number) => Math.max(1, Math.ceil(units - 1e-9));

function size(text: string): Size {
  const parsed = parseSize(text);
  if (!parsed.ok) throw new Error(`drill size '${text}': ${parsed.error}`);
  return parsed.value;
}

function rate(text: string): Rate {
  const parsed = parseRate(text);
  if (!parsed.ok) throw new Error(`drill rate '${text}': ${parsed.error}`);
  return parsed.value;
}

function solved(c: Calculated): CapacityResult {
  if (!c.ok) throw new Error(`drill inputs refused by the calculator (${c.field}): ${c.error}`);
  return c.result;
}

/** "300 items every 30 seconds" or "80 items per second". */
function rateWords(r: Rate, noun: string): string {
  return r.seconds === 1 ? `${format(r.count)} ${noun} per second` : `${format(r.count)} ${noun} every ${describeSeconds(r.seconds)}`;
}

function explanation(summary: string, steps: string[]): string {
  return [summary, ...steps.map((step, i) => `${i + 1}. ${step}`)].join('\n');
}

interface Mistake {
  value: number;
  why: string;
}

interface Built {
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

/** A DynamoDB drill whose right option and explanation come from the calculator's result. */
function dynamodbBuilt(
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

// ---- DynamoDB reads and writes ---------------------------------------------------------------------

type ReadConsistency = 'strong' | 'eventual';
const CONSISTENCY_TEXT: Record<ReadConsistency, string> = { strong: 'strongly consistent', eventual: 'eventually consistent' };

function readDrill(template: DrillTemplate, rng: () => number, sizeText: string, rateText: string, consistency: ReadConsistency): Built {
  const input: ReadInput = { size: sizeText, rate: rateText, consistency };
  const result = solved(readCapacity(input));
  const s = size(sizeText);
  const r = rate(rateText);
  const factor = consistency === 'eventual' ? 0.5 : 1;
  const perRead = Math.ceil(s.bytes / READ_BLOCK);
  const app = pick(rng, APPS);
  const question = `${app} reads ${rateWords(r, 'items')} from a DynamoDB table. Each item is ${s.text}, and the reads are ${CONSISTENCY_TEXT[consistency]}. How many read capacity units (RCU) must the table provision?`;
  const mistakes: Mistake[] = [
    {
      value: whole((s.bytes / READ_BLOCK) * r.perSecond * factor),
      why: `Forgot to round each item up to 4 KB: ${s.text} ÷ 4 KB is ${format(s.bytes / READ_BLOCK)}, but each read costs ${perRead} RCU because the item size is rounded up before multiplying.`,
    },
    consistency === 'strong'
      ? {
          value: whole(perRead * r.perSecond * 0.5),
          why: 'Halved for eventual consistency, but these reads are strongly consistent: only eventually consistent reads cost half.',
        }
      : {
          value: whole(perRead * r.perSecond),
          why: 'Did not halve: this is the strongly consistent figure, and eventually consistent reads cost half as much.',
        },
    {
      value: whole(Math.ceil(s.bytes / WRITE_BLOCK) * r.perSecond * factor),
      why: `Used 1 KB per unit, which is the write rule: one RCU covers 4 KB, so a ${s.text} item is ${perRead} RCU per strongly consistent read.`,
    },
    {
      value: whole(perRead * r.perSecond * 2 * factor),
      why: 'Doubled as if the reads were transactional: only TransactGetItems reads cost 2 RCU per 4 KB.',
    },
    {
      value: whole((Math.ceil(s.bytes / WRITE_BLOCK) / 4) * r.perSecond * factor),
      why: `Rounded the item up to a whole KB instead of to 4 KB: a ${s.text} item counts as ${perRead * 4} KB, ${perRead} RCU per strongly consistent read.`,
    },
  ];
  if (consistency === 'eventual') {
    mistakes.push({
      value: whole(Math.ceil(s.bytes / (2 * READ_BLOCK)) * r.perSecond),
      why: `Rounded each item up to 8 KB per RCU: halving applies after rounding to 4 KB, so a ${s.text} item is ${perRead} × ½ = ${format(perRead / 2)} RCU per read.`,
    });
  }
  if (r.seconds !== 1) {
    mistakes.push({
      value: whole(perRead * r.count * factor),
      why: `Forgot to convert to a per-second rate: ${format(r.count)} reads every ${describeSeconds(r.seconds)} is ${format(r.perSecond)} reads per second, and capacity units are per second.`,
    });
  }
  return dynamodbBuilt(template, question, result, result.provision!, mistakes, { calculator: 'read', input });
}

function transactionalReadDrill(rng: () => number, fixed?: { size: string; rate: string }): Built {
  const sizeText = fixed?.size ?? pick(rng, ITEM_SIZES);
  const rateText = fixed?.rate ?? pick(rng, rng() < 0.75 ? PER_SECOND : PER_PERIOD);
  const input: ReadInput = { size: sizeText, rate: rateText, consistency: 'transactional' };
  const result = solved(readCapacity(input));
  const s = size(sizeText);
  const r = rate(rateText);
  const perRead = Math.ceil(s.bytes / READ_BLOCK);
  const app = pick(rng, APPS);
  const question = `${app} reads ${rateWords(r, 'items')} from a DynamoDB table inside transactions (TransactGetItems). Each item is ${s.text}. How many read capacity units (RCU) must the table provision?`;
  const mistakes: Mistake[] = [
    {
      value: whole(perRead * r.perSecond),
      why: 'Forgot to double: transactional reads cost 2 RCU per 4 KB, twice a strongly consistent read.',
    },
    {
      value: whole(perRead * r.perSecond * 0.5),
      why: 'Halved as for eventually consistent reads: transactional reads cost double, not half.',
    },
    { value: whole(perRead * r.perSecond * 4), why: 'Doubled twice: a transactional read costs 2 RCU per 4 KB in total, not 2 × 2.' },
    {
      value: whole((s.bytes / READ_BLOCK) * r.perSecond * 2),
      why: `Forgot to round each item up to 4 KB before doubling: ${s.text} counts as ${perRead * 4} KB, ${perRead} RCU, then × 2.`,
    },
    {
      value: whole(Math.ceil(s.bytes / WRITE_BLOCK) * r.perSecond * 2),
      why: 'Used 1 KB per unit, which is the write rule: reads are measured in 4 KB blocks.',
    },
  ];
  if (r.seconds !== 1) {
    mistakes.push({
      value: whole(perRead * r.count * 2),
      why: `Forgot to convert to a per-second rate: ${format(r.count)} reads every ${describeSeconds(r.seconds)} is ${format(r.perSecond)} reads per second.`,
    });
  }
  return dynamodbBuilt('drill-dynamodb-transactional', question, result, result.provision!, mistakes, { calculator: 'read', input });
}

function writeDrill(template: DrillTemplate, rng: () => number, transactional: boolean, fixed?: { size: string; rate: string }): Built {
  const sizeText = fixed?.size ?? pick(rng, ITEM_SIZES);
  const rateText = fixed?.rate ?? pick(rng, rng() < 0.7 ? PER_SECOND : PER_PERIOD);
  const input: WriteInput = { size: sizeText, rate: rateText, transactional };
  const result = solved(writeCapacity(input));
  const s = size(sizeText);
  const r = rate(rateText);
  const perWrite = Math.ceil(s.bytes / WRITE_BLOCK);
  const factor = transactional ? 2 : 1;
  const app = pick(rng, APPS);
  const how = transactional ? ' inside transactions (TransactWriteItems)' : '';
  const question = `${app} writes ${rateWords(r, 'items')} to a DynamoDB table${how}. Each item is ${s.text}. How many write capacity units (WCU) must the table provision?`;
  const mistakes: Mistake[] = [
    {
      value: whole((s.bytes / WRITE_BLOCK) * r.perSecond * factor),
      why: `Forgot to round each item up to 1 KB: ${s.text} counts as ${perWrite} KB, so each write costs ${perWrite} WCU${transactional ? ' before doubling' : ''}.`,
    },
    {
      value: whole(Math.ceil(s.bytes / READ_BLOCK) * r.perSecond * factor),
      why: 'Used 4 KB per unit, which is the read rule: one WCU covers a write of up to 1 KB.',
    },
    {
      value: whole(perWrite * r.perSecond * factor * 0.5),
      why: 'Halved as for eventually consistent reads: writes have no consistency discount.',
    },
  ];
  if (transactional) {
    mistakes.push(
      { value: whole(perWrite * r.perSecond), why: 'Forgot to double: transactional writes cost 2 WCU per 1 KB.' },
      { value: whole(perWrite * r.perSecond * 4), why: 'Doubled twice: a transactional write costs 2 WCU per 1 KB in total, not 2 × 2.' },
    );
  } else {
    mistakes.push({
      value: whole(perWrite * r.perSecond * 2),
      why: 'Doubled as if the writes were transactional: standard PutItem writes cost 1 WCU per 1 KB.',
    });
  }
  if (r.seconds !== 1) {
    mistakes.push({
      value: whole(perWrite * r.count * factor),
      why: `Forgot to convert to a per-second rate: ${format(r.count)} writes every ${describeSeconds(r.seconds)} is ${format(r.perSecond)} writes per second.`,
    });
  }
  return dynamodbBuilt(template, question, result, result.provision!, mistakes, { calculator: 'write', input });
}

// ---- Query and BatchGetItem ----------------------------------------------------------------------

function queryDrill(rng: () => number, fixed?: { totalSize: string; consistency: ReadConsistency; rate: string }): Built {
  // A fixed case gives only the total: it is asked as one item of that size.
  let itemSize = fixed?.totalSize ?? pick(rng, QUERY_ITEM_SIZES);
  let itemCount = fixed ? 1 : pick(rng, QUERY_ITEM_COUNTS);
  // One Query page is at most 1 MB: draw again until the result fits (deterministically).
  while (!fixed && size(itemSize).bytes * itemCount > 1024 * 1024) {
    itemSize = pick(rng, QUERY_ITEM_SIZES);
    itemCount = pick(rng, QUERY_ITEM_COUNTS);
  }
  const item = size(itemSize);
  const totalBytes = item.bytes * itemCount;
  // A total in KB when it has at most 3 decimals and the items were given in KB; else bytes.
  const totalSize = fixed?.totalSize ?? (totalBytes % 128 === 0 && /kb$/i.test(itemSize) ? `${totalBytes / 1024}KB` : String(totalBytes));
  const consistency: ReadConsistency = fixed?.consistency ?? (rng() < 0.5 ? 'strong' : 'eventual');
  const rateText = fixed?.rate ?? pick(rng, QUERY_RATES);
  const input: QueryInput = { totalSize, consistency, rate: rateText };
  const result = solved(queryCapacity(input));
  const total = size(totalSize);
  const r = rate(rateText);
  const factor = consistency === 'eventual' ? 0.5 : 1;
  const perQuery = Math.ceil(total.bytes / READ_BLOCK);
  const app = pick(rng, APPS);
  const returned = fixed ? `items totalling ${total.text}` : `${itemCount} items of ${item.text} (${total.text} in total)`;
  const question = `${app} runs ${format(r.perSecond)} ${r.perSecond === 1 ? 'Query' : 'Queries'} per second against a DynamoDB table. Each Query returns ${returned} with ${CONSISTENCY_TEXT[consistency]} reads. How many read capacity units (RCU) must the table provision?`;
  const mistakes: Mistake[] = [
    {
      value: whole(Math.ceil(item.bytes / READ_BLOCK) * itemCount * factor * r.perSecond),
      why: `Rounded each item up to 4 KB, as BatchGetItem does: a Query adds up the items first and rounds the total once (${total.text} → ${perQuery} RCU).`,
    },
    consistency === 'strong'
      ? { value: whole(perQuery * 0.5 * r.perSecond), why: 'Halved for eventual consistency, but these Queries are strongly consistent.' }
      : {
          value: whole(perQuery * r.perSecond),
          why: 'Did not halve: this is the strongly consistent figure, and eventually consistent Queries cost half as much.',
        },
    {
      value: whole(Math.ceil(total.bytes / WRITE_BLOCK) * factor * r.perSecond),
      why: 'Used 1 KB per unit, which is the write rule: reads are measured in 4 KB blocks.',
    },
    {
      value: whole(perQuery * factor),
      why: `Gave the units for one Query: multiply by the ${format(r.perSecond)} Queries per second to get the capacity to provision.`,
    },
    {
      value: whole(Math.ceil(perQuery * factor - 1e-9) * r.perSecond),
      why: 'Rounded the units of each Query up to a whole number before multiplying by the rate: round once, at the end.',
    },
  ];
  return {
    template: 'drill-dynamodb-query',
    service: 'dynamodb',
    section: 'capacity-units',
    question,
    answerValue: result.provision!,
    unitLabel: result.unit,
    correctWhy: `Correct: ${result.summary}.`,
    steps: result.steps,
    summary: result.summary,
    mistakes,
    inputs: fixed ? { calculator: 'query', input } : { calculator: 'query', input, itemCount, itemSize },
  };
}

function batchGetDrill(rng: () => number, fixed?: { sizes: string[]; consistency: ReadConsistency }): Built {
  const count = fixed?.sizes.length ?? 2 + Math.floor(rng() * 4);
  const sizeTexts = fixed?.sizes ?? Array.from({ length: count }, () => pick(rng, BATCH_SIZES));
  const consistency: ReadConsistency = fixed?.consistency ?? (rng() < 0.5 ? 'strong' : 'eventual');
  const input: BatchGetInput = { sizes: sizeTexts.join(', '), consistency };
  const result = solved(batchGetCapacity(input));
  const sizes = sizeTexts.map(size);
  const factor = consistency === 'eventual' ? 0.5 : 1;
  const blocks = sizes.map((s) => Math.ceil(s.bytes / READ_BLOCK));
  const perItem = blocks.reduce((a, b) => a + b, 0);
  const totalBytes = sizes.reduce((a, s) => a + s.bytes, 0);
  const list = sizes.map((s) => s.text);
  const listText = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
  const app = pick(rng, APPS);
  const question = `${app} calls BatchGetItem with ${CONSISTENCY_TEXT[consistency]} reads and gets back ${count} items of ${listText}. How many read capacity units (RCU) does the call consume?`;
  const mistakes: Mistake[] = [
    {
      value: Math.ceil(totalBytes / READ_BLOCK) * factor,
      why: `Added the sizes and rounded the total once, as a Query does: BatchGetItem rounds each item up to 4 KB first (${blocks.map((b) => `${b * 4} KB`).join(' + ')}).`,
    },
    consistency === 'strong'
      ? { value: perItem * 0.5, why: 'Halved for eventual consistency, but this call uses strongly consistent reads.' }
      : {
          value: perItem,
          why: 'Did not halve: this is the strongly consistent figure, and eventually consistent reads cost half as much.',
        },
    {
      value: sizes.reduce((a, s) => a + Math.ceil(s.bytes / WRITE_BLOCK), 0) * factor,
      why: 'Used 1 KB per unit, which is the write rule: each item is rounded up to 4 KB for reads.',
    },
    { value: count * factor, why: 'Counted one unit per item whatever its size: items over 4 KB cost a unit per 4 KB block.' },
    {
      value: perItem * 2 * factor,
      why: 'Doubled as if the reads were transactional: BatchGetItem is not a transaction (TransactGetItems is).',
    },
  ];
  return dynamodbBuilt('drill-dynamodb-batch-get', question, result, result.units, mistakes, { calculator: 'batch-get', input });
}

// ---- Kinesis -------------------------------------------------------------------------------------

function kinesisDrill(rng: () => number, fixed?: { records: string; recordSize: string; consumers: number; fanOut: boolean }): Built {
  let records = fixed?.records ?? pick(rng, KINESIS_RATES);
  let recordSize = fixed?.recordSize ?? pick(rng, KINESIS_SIZES);
  // Keep streams to a size a question would use: more than one shard's worth of writes
  // (a 1-shard answer leaves no room for mistakes) and at most 40 MiB/s in.
  const tooSmall = () => Number(records) <= SHARD_IN_RECORDS && Number(records) * size(recordSize).bytes <= SHARD_IN_BYTES;
  while (!fixed && (tooSmall() || Number(records) * size(recordSize).bytes > 40 * SHARD_IN_BYTES)) {
    records = pick(rng, KINESIS_RATES);
    recordSize = pick(rng, KINESIS_SIZES);
  }
  const consumers = fixed?.consumers ?? 1 + Math.floor(rng() * 4);
  const fanOut = fixed?.fanOut ?? rng() < 0.35;
  const input: KinesisInput = { records, recordSize, consumers: String(consumers), fanOut };
  const calculated = kinesisShards(input);
  if (!calculated.ok) throw new Error(`drill inputs refused by the calculator (${calculated.field}): ${calculated.error}`);
  const result: ShardResult = calculated.result;
  const r = rate(records);
  const s = size(recordSize);
  const inBytes = r.perSecond * s.bytes;
  const byBytes = whole(inBytes / SHARD_IN_BYTES);
  const byRecords = whole(r.perSecond / SHARD_IN_RECORDS);
  const byReads = whole((inBytes * consumers) / SHARD_OUT_BYTES);
  const app = pick(rng, STREAM_APPS);
  const readers =
    consumers === 1
      ? fanOut
        ? 'One consumer application reads the stream with enhanced fan-out.'
        : 'One consumer application reads the stream with shared-throughput (standard) GetRecords calls.'
      : fanOut
        ? `${capitalise(COUNT_WORDS[consumers] ?? String(consumers))} consumer applications each read the whole stream with enhanced fan-out.`
        : `${capitalise(COUNT_WORDS[consumers] ?? String(consumers))} consumer applications each read the whole stream with shared-throughput (standard) GetRecords calls.`;
  const question = `${app} writes ${format(r.perSecond)} records per second to a provisioned Kinesis data stream; each record is ${s.text}. ${readers} What is the minimum number of shards the stream needs?`;
  const mistakes: Mistake[] = [
    {
      value: fanOut ? byBytes : Math.max(byBytes, byReads),
      why: `Ignored the limit of 1,000 records per second per shard: ${format(r.perSecond)} records/s need ${byRecords} shard${byRecords === 1 ? '' : 's'} on their own.`,
    },
    {
      value: Math.max(byBytes, byRecords) + byReads,
      why: fanOut
        ? 'Added shards for the reads: with enhanced fan-out each consumer has its own 2 MiB/s per shard, so reads need no extra shards.'
        : 'Added the shards for writes and for reads: a shard serves both at once, so take the largest of the limits, not the sum.',
    },
    {
      value: whole(inBytes / SHARD_OUT_BYTES),
      why: 'Used 2 MiB/s per shard for writes: a shard takes in only 1 MiB/s (and 1,000 records/s); 2 MiB/s is its read limit.',
    },
    {
      value: whole(r.perSecond / SHARD_IN_RECORDS + inBytes / SHARD_IN_BYTES),
      why: 'Added the record and data limits together: a shard allows 1 MiB/s and 1,000 records/s at the same time, so take whichever needs more shards.',
    },
  ];
  if (fanOut) {
    mistakes.push(
      {
        value: Math.max(byBytes, byRecords, byReads),
        why: 'Shared the 2 MiB/s read limit among the consumers: with enhanced fan-out each consumer gets its own 2 MiB/s per shard.',
      },
      {
        value: Math.max(byBytes, byRecords) * consumers,
        why: 'Multiplied the shards by the number of consumers: enhanced fan-out gives every consumer its own 2 MiB/s on the same shards.',
      },
    );
  } else {
    mistakes.push(
      {
        value: Math.max(byBytes, byRecords),
        why: `Ignored the shared read limit: ${consumers === 1 ? 'the consumer reads' : `${consumers} standard consumers together read`} ${format((inBytes * consumers) / SHARD_IN_BYTES)} MiB/s, and a shard serves 2 MiB/s shared by all of them.`,
      },
      {
        value: Math.max(byBytes, byRecords, whole(inBytes / SHARD_OUT_BYTES)),
        why: 'Counted the read limit for one consumer only: standard consumers share 2 MiB/s per shard, so multiply the data read by the number of consumers.',
      },
      {
        value: Math.max(byBytes, byRecords, whole((inBytes * consumers) / SHARD_IN_BYTES)),
        why: 'Used 1 MiB/s per shard for reads: that is the write limit; a shard serves 2 MiB/s out, shared by its standard consumers.',
      },
    );
  }
  return {
    template: 'drill-kinesis-shards',
    service: 'kinesis',
    section: 'shards-and-capacity',
    question,
    answerValue: result.shards,
    unitLabel: 'shards',
    correctWhy: `Correct: ${result.summary}.`,
    steps: result.steps,
    summary: result.summary,
    mistakes,
    inputs: { calculator: 'kinesis', input },
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// ---- the generator ----------------------------------------------------------------------------------

function build(template: DrillTemplate, rng: () => number): Built {
  switch (template) {
    case 'drill-dynamodb-read':
      return readDrill(template, rng, pick(rng, ITEM_SIZES), pick(rng, PER_SECOND), rng() < 0.5 ? 'strong' : 'eventual');
    case 'drill-dynamodb-read-period':
      return readDrill(template, rng, pick(rng, ITEM_SIZES), pick(rng, PER_PERIOD), rng() < 0.5 ? 'strong' : 'eventual');
    case 'drill-dynamodb-write':
      return writeDrill(template, rng, false);
    case 'drill-dynamodb-transactional':
      return rng() < 0.5 ? transactionalReadDrill(rng) : writeDrill(template, rng, true);
    case 'drill-dynamodb-query':
      return queryDrill(rng);
    case 'drill-dynamodb-batch-get':
      return batchGetDrill(rng);
    case 'drill-kinesis-shards':
      return kinesisDrill(rng);
  }
}

/** A drill from `template` (or a random template), with numbers drawn from `rng`. */
export function generateDrill(rng: () => number, template?: string): Drill {
  if (template !== undefined && !isDrillTemplate(template)) {
    throw new RangeError(`unknown drill template '${template}': use one of ${DRILL_TEMPLATES.join(', ')}`);
  }
  const chosen: DrillTemplate = template ?? pick(rng, DRILL_TEMPLATES);
  return toDrill(build(chosen, rng), rng);
}

/**
 * A drill of exactly the case on the calculator (its inputs must be valid): the same
 * question, answer and distractors as a generated one, with the learner's own numbers.
 */
export function drillFromCase(inputs: DrillInputs, rng: () => number): Drill {
  switch (inputs.calculator) {
    case 'read': {
      const { size: s, rate: r, consistency = 'strong' } = inputs.input;
      const built =
        consistency === 'transactional'
          ? transactionalReadDrill(rng, { size: s, rate: r })
          : readDrill(rate(r).seconds === 1 ? 'drill-dynamodb-read' : 'drill-dynamodb-read-period', rng, s, r, consistency);
      return toDrill(built, rng);
    }
    case 'write': {
      const { size: s, rate: r, transactional = false } = inputs.input;
      return toDrill(
        writeDrill(transactional ? 'drill-dynamodb-transactional' : 'drill-dynamodb-write', rng, transactional, { size: s, rate: r }),
        rng,
      );
    }
    case 'query':
      return toDrill(
        queryDrill(rng, {
          totalSize: inputs.input.totalSize,
          consistency: inputs.input.consistency ?? 'strong',
          rate: inputs.input.rate ?? '1',
        }),
        rng,
      );
    case 'batch-get':
      return toDrill(
        batchGetDrill(rng, {
          sizes: inputs.input.sizes.split(',').map((x) => x.trim()),
          consistency: inputs.input.consistency ?? 'strong',
        }),
        rng,
      );
    case 'kinesis': {
      const { records, recordSize, consumers = 1, fanOut = false } = inputs.input;
      return toDrill(kinesisDrill(rng, { records, recordSize, consumers: Number(consumers), fanOut }), rng);
    }
  }
}

function toDrill(built: Built, rng: () => number): Drill {
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
