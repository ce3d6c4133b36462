// DynamoDB capacity, by AWS's rules (see content/services/dynamodb.md#capacity-units):
// - reads: each item rounded up to 4 KB; 1 unit per 4 KB strongly consistent, half for
//   eventually consistent, double for transactional;
// - writes: each item rounded up to 1 KB; 1 unit per 1 KB, double for transactional;
// - Query rounds the total of the returned items once; BatchGetItem rounds each item;
// - provisioned capacity is a whole number of at least 1; on-demand bills request units.
// Every function returns the worked steps the notes use, or an error; never throws.
import { describeSeconds, format, parseRate, parseSize, type Parsed, type Rate, type Size } from './parse.js';

export const KB = 1024;
export const READ_BLOCK = 4 * KB;
export const WRITE_BLOCK = KB;
export const MAX_ITEM_BYTES = 400 * KB;
/** A Query returns at most 1 MB per call (then it paginates, and each page is charged on its own). */
export const MAX_QUERY_PAGE_BYTES = 1024 * KB;

export type Consistency = 'strong' | 'eventual' | 'transactional';
export type Mode = 'provisioned' | 'on-demand';
export type Unit = 'RCU' | 'WCU' | 'RRU' | 'WRU';

export interface CapacityResult {
  unit: Unit;
  /** Exact units per second (or per request for query and batch-get without a rate). */
  units: number;
  /** Whole units to provision (provisioned mode only). */
  provision?: number;
  steps: string[];
  /** One-line answer, e.g. "20 RCU (strongly consistent)". */
  summary: string;
}

export type Calculated = { ok: true; result: CapacityResult } | { ok: false; field: string; error: string };

const CONSISTENCY_WORDS: Record<Consistency, string> = {
  strong: 'strongly consistent',
  eventual: 'eventually consistent',
  transactional: 'transactional',
};

const unitFor = (kind: 'read' | 'write', mode: Mode): Unit =>
  kind === 'read' ? (mode === 'provisioned' ? 'RCU' : 'RRU') : mode === 'provisioned' ? 'WCU' : 'WRU';

function sizeText(size: Size): string {
  const exact = size.exactBytes !== undefined ? ` (${format(size.exactBytes)} bytes, counted as ${format(size.bytes)})` : '';
  return size.text.endsWith('bytes') && size.exactBytes === undefined
    ? `${size.text}`
    : `${size.text} = ${format(size.bytes)} bytes${exact}`;
}

function blockText(bytes: number): string {
  return bytes === READ_BLOCK ? '4 KB' : '1 KB';
}

/** "size ÷ block = x, rounded up = n". Shown with the exact size; whole bytes round the same way. */
function roundUpStep(size: Size, block: number, label: string): { blocks: number; step: string } {
  const shown = size.exactBytes ?? size.bytes;
  const ratio = shown / block;
  const blocks = Math.ceil(size.bytes / block);
  const sizeKb = `${format(shown / KB)} KB`;
  const tail = Number.isInteger(ratio) ? `= ${blocks}` : `= ${format(ratio)}, rounded up = ${blocks}`;
  return { blocks, step: `${label}: ${sizeKb} ÷ ${blockText(block)} ${tail}` };
}

const plural = (n: number, noun: string) => (n === 1 ? noun.replace(/s$/, '').replace(/ie$/, 'y') : noun);

function rateStep(rate: Rate, noun: string): string | undefined {
  if (rate.seconds === 1) return undefined;
  return `${format(rate.count)} ${plural(rate.count, noun)} every ${describeSeconds(rate.seconds)} = ${format(rate.count)} ÷ ${format(rate.seconds)} = ${format(rate.perSecond)} ${plural(rate.perSecond, noun)} per second`;
}

const perSecond = (rate: Rate, noun: string) => `${format(rate.perSecond)} ${plural(rate.perSecond, noun)} per second`;

function finish(unit: Unit, units: number, mode: Mode, steps: string[], what: string): CapacityResult {
  const result: CapacityResult = { unit, units, steps, summary: '' };
  if (mode === 'provisioned') {
    const provision = Math.max(1, Math.ceil(units - 1e-9));
    result.provision = provision;
    if (provision !== units) steps.push(`Provision ${format(provision)} ${unit}: provisioned capacity is a whole number of at least 1`);
    result.summary = `${format(provision)} ${unit} for ${what}${provision !== units ? `, from exactly ${format(units)} ${unit}` : ''}`;
  } else {
    steps.push(`On-demand: no capacity to provision; you pay for ${format(units)} ${unit} per second of this traffic`);
    result.summary = `${format(units)} ${unit} per second for ${what} (on-demand)`;
  }
  return result;
}

function itemSize(input: string): Parsed<Size> {
  const size = parseSize(input, 'item size');
  if (!size.ok) return size;
  if (size.value.bytes > MAX_ITEM_BYTES) {
    return {
      ok: false,
      error: `an item of ${size.value.text} is larger than DynamoDB's 400 KB item limit (store large objects in S3 and keep a pointer in the item)`,
    };
  }
  return size;
}

const failure = (field: string, error: string) => ({ ok: false as const, field, error });

export interface ReadInput {
  size: string;
  rate: string;
  consistency?: Consistency;
  mode?: Mode;
}

/**
 * The steps reads and writes share: the item size, the rate per second, the units per
 * item (rounded up to the block), times the items per second.
 */
function perItemUnits(
  kind: 'read' | 'write',
  input: { size: string; rate: string; mode?: Mode },
): { ok: true; unit: Unit; units: number; steps: string[]; mode: Mode } | { ok: false; field: string; error: string } {
  const mode = input.mode ?? 'provisioned';
  const size = itemSize(input.size);
  if (!size.ok) return failure('size', size.error);
  const rate = parseRate(input.rate);
  if (!rate.ok) return failure('rate', rate.error);
  const unit = unitFor(kind, mode);
  const noun = kind === 'read' ? 'reads' : 'writes';
  const steps = [`Item size: ${sizeText(size.value)}`];
  const perSecondStep = rateStep(rate.value, noun);
  if (perSecondStep) steps.push(perSecondStep);
  const block = kind === 'read' ? READ_BLOCK : WRITE_BLOCK;
  const rounded = roundUpStep(size.value, block, `Units per ${kind} (${unit} per ${blockText(block)}, each item rounded up)`);
  steps.push(`${rounded.step} ${unit}`);
  const units = rounded.blocks * rate.value.perSecond;
  steps.push(`× ${perSecond(rate.value, noun)} = ${format(units)} ${unit}${kind === 'read' ? ' for strongly consistent reads' : ''}`);
  return { ok: true, unit, units, steps, mode };
}

export function readCapacity(input: ReadInput): Calculated {
  const consistency = input.consistency ?? 'strong';
  const base = perItemUnits('read', input);
  if (!base.ok) return base;
  let { units } = base;
  const { unit, steps, mode } = base;
  if (consistency === 'eventual') {
    units /= 2;
    steps.push(`÷ 2 for eventually consistent reads = ${format(units)} ${unit}`);
  } else if (consistency === 'transactional') {
    units *= 2;
    steps.push(`× 2 for transactional reads = ${format(units)} ${unit}`);
  }
  return { ok: true, result: finish(unit, units, mode, steps, `${CONSISTENCY_WORDS[consistency]} reads`) };
}

export interface WriteInput {
  size: string;
  rate: string;
  transactional?: boolean;
  mode?: Mode;
}

export function writeCapacity(input: WriteInput): Calculated {
  const base = perItemUnits('write', input);
  if (!base.ok) return base;
  let { units } = base;
  const { unit, steps, mode } = base;
  if (input.transactional) {
    units *= 2;
    steps.push(`× 2 for transactional writes = ${format(units)} ${unit}`);
  }
  return { ok: true, result: finish(unit, units, mode, steps, input.transactional ? 'transactional writes' : 'standard writes') };
}

export interface QueryInput {
  totalSize: string;
  consistency?: Exclude<Consistency, 'transactional'>;
  mode?: Mode;
  /** Queries per second; without it the result is per Query. */
  rate?: string;
}

export function queryCapacity(input: QueryInput): Calculated {
  const consistency = input.consistency ?? 'strong';
  if ((consistency as Consistency) === 'transactional')
    return failure(
      'consistency',
      'a Query is strongly or eventually consistent; transactions (TransactGetItems) read items by key, not by Query',
    );
  const mode = input.mode ?? 'provisioned';
  const total = parseSize(input.totalSize, 'total size');
  if (!total.ok) return failure('total-size', total.error);
  if (total.value.bytes > MAX_QUERY_PAGE_BYTES) {
    return failure(
      'total-size',
      `one Query returns at most 1 MB; ${total.value.text} comes back in several pages, each charged on its own: give the size of one page`,
    );
  }
  const rate = input.rate === undefined ? undefined : parseRate(input.rate);
  if (rate && !rate.ok) return failure('rate', rate.error);
  const unit = unitFor('read', mode);

  const steps = [`Total size of the items returned: ${sizeText(total.value)}`];
  const rounded = roundUpStep(total.value, READ_BLOCK, 'Query rounds the total once, not each item');
  steps.push(`${rounded.step} ${unit} per Query (strongly consistent)`);
  let units = rounded.blocks;
  if (consistency === 'eventual') {
    units /= 2;
    steps.push(`÷ 2 for eventually consistent reads = ${format(units)} ${unit} per Query`);
  }
  if (rate?.ok) {
    const perSecondStep = rateStep(rate.value, 'queries');
    if (perSecondStep) steps.push(perSecondStep);
    units *= rate.value.perSecond;
    steps.push(`× ${perSecond(rate.value, 'queries')} = ${format(units)} ${unit}`);
    return { ok: true, result: finish(unit, units, mode, steps, `${CONSISTENCY_WORDS[consistency]} queries`) };
  }
  const result: CapacityResult = { unit, units, steps, summary: `${format(units)} ${unit} per Query (${CONSISTENCY_WORDS[consistency]})` };
  if (mode === 'provisioned') result.provision = Math.max(1, Math.ceil(units));
  return { ok: true, result };
}

export interface BatchGetInput {
  sizes: string;
  consistency?: Exclude<Consistency, 'transactional'>;
  mode?: Mode;
}

/** The most items one BatchGetItem call returns. */
export const MAX_BATCH_GET_ITEMS = 100;
/** The most data one BatchGetItem call returns (16 MB); beyond it the rest comes back as UnprocessedKeys. */
export const MAX_BATCH_GET_BYTES = 16 * 1024 * KB;

export function batchGetCapacity(input: BatchGetInput): Calculated {
  const consistency = input.consistency ?? 'strong';
  if ((consistency as Consistency) === 'transactional')
    return failure('consistency', 'BatchGetItem is strongly or eventually consistent; for transactional reads use TransactGetItems');
  const mode = input.mode ?? 'provisioned';
  const parts = input.sizes.split(',').map((s) => s.trim());
  if (parts.length === 1 && parts[0] === '')
    return failure('sizes', 'sizes is empty: give the item sizes separated by commas, e.g. 1.5KB,6.5KB');
  if (parts.length > MAX_BATCH_GET_ITEMS)
    return failure('sizes', `BatchGetItem returns at most ${MAX_BATCH_GET_ITEMS} items per call; ${parts.length} were given`);
  const sizes: Size[] = [];
  for (const [i, part] of parts.entries()) {
    const size = itemSize(part);
    if (!size.ok) return failure('sizes', `item ${i + 1}: ${size.error}`);
    sizes.push(size.value);
  }
  const totalBytes = sizes.reduce((sum, s) => sum + s.bytes, 0);
  if (totalBytes > MAX_BATCH_GET_BYTES)
    return failure(
      'sizes',
      `BatchGetItem returns at most 16 MB per call; these ${parts.length} items total ${format(totalBytes / KB / KB)} MB, so the rest would come back as UnprocessedKeys: split them into calls of at most 16 MB`,
    );
  const unit = unitFor('read', mode);
  const blocks = sizes.map((s) => Math.ceil(s.bytes / READ_BLOCK));
  const total = blocks.reduce((a, b) => a + b, 0);
  const steps = [
    `BatchGetItem rounds each item up to 4 KB first: ${sizes.map((s, i) => `${format((s.exactBytes ?? s.bytes) / KB)} KB → ${blocks[i]! * 4} KB`).join(', ')}`,
    `Sum: ${blocks.map((b) => `${b * 4} KB`).join(' + ')} = ${total * 4} KB ÷ 4 KB = ${total} ${unit} (strongly consistent)`,
  ];
  let units = total;
  if (consistency === 'eventual') {
    units /= 2;
    steps.push(`÷ 2 for eventually consistent reads = ${format(units)} ${unit}`);
  }
  const result: CapacityResult = {
    unit,
    units,
    steps,
    summary: `${format(units)} ${unit} per BatchGetItem call (${CONSISTENCY_WORDS[consistency]})`,
  };
  if (mode === 'provisioned') result.provision = Math.max(1, Math.ceil(units));
  return { ok: true, result };
}
