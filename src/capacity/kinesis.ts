// Kinesis Data Streams shards for a workload (see content/services/kinesis.md#shards-and-capacity):
// one shard takes up to 1 MiB/s and 1,000 records/s in, and serves 2 MiB/s out shared by
// the standard consumers; with enhanced fan-out each consumer gets its own 2 MiB/s.
import { format, parseRate, parseSize, type Parsed } from './parse.js';

const MIB = 1024 * 1024;
export const SHARD_IN_BYTES = MIB;
export const SHARD_IN_RECORDS = 1000;
export const SHARD_OUT_BYTES = 2 * MIB;
/** Records can be configured up to 10 MiB (1 MiB by default). */
export const MAX_RECORD_BYTES = 10 * MIB;
export const MAX_CONSUMERS = 1000;

export type Limit = 'write-throughput' | 'write-records' | 'read-throughput';

export interface ShardResult {
  shards: number;
  limitedBy: Limit;
  steps: string[];
  summary: string;
  inMiBPerSecond: number;
  recordsPerSecond: number;
}

export type ShardCalculated = { ok: true; result: ShardResult } | { ok: false; field: string; error: string };

export interface KinesisInput {
  records: string;
  recordSize: string;
  consumers?: string | number;
  fanOut?: boolean;
}

const LIMIT_WORDS: Record<Limit, string> = {
  'write-throughput': 'data written, 1 MiB/s per shard',
  'write-records': 'records written, 1,000 records/s per shard',
  'read-throughput': 'data read by shared consumers, 2 MiB/s per shard',
};

function parseConsumers(value: string | number | undefined): Parsed<number> {
  if (value === undefined) return { ok: true, value: 1 };
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) return { ok: false, error: `consumers must be a whole number from 1 to ${MAX_CONSUMERS}, not '${text}'` };
  const n = Number(text);
  if (n < 1 || n > MAX_CONSUMERS) return { ok: false, error: `consumers must be a whole number from 1 to ${MAX_CONSUMERS}, not '${text}'` };
  return { ok: true, value: n };
}

export function kinesisShards(input: KinesisInput): ShardCalculated {
  const rate = parseRate(input.records, 'record rate');
  if (!rate.ok) return { ok: false, field: 'records', error: rate.error };
  const size = parseSize(input.recordSize, 'record size');
  if (!size.ok) return { ok: false, field: 'record-size', error: size.error };
  if (size.value.bytes > MAX_RECORD_BYTES)
    return {
      ok: false,
      field: 'record-size',
      error: `a record of ${size.value.text} is larger than the 10 MiB a stream can be configured to accept (1 MiB by default)`,
    };
  const consumers = parseConsumers(input.consumers);
  if (!consumers.ok) return { ok: false, field: 'consumers', error: consumers.error };

  const recordsPerSecond = rate.value.perSecond;
  const inBytes = recordsPerSecond * size.value.bytes;
  const inMiB = inBytes / MIB;
  const steps: string[] = [];
  if (rate.value.seconds !== 1)
    steps.push(
      `${format(rate.value.count)} records every ${format(rate.value.seconds)} s = ${format(recordsPerSecond)} records per second`,
    );
  steps.push(`Data in: ${format(recordsPerSecond)} records/s × ${format(size.value.bytes)} bytes = ${format(inMiB)} MiB/s`);

  const byBytes = Math.ceil(inBytes / SHARD_IN_BYTES - 1e-12);
  steps.push(`By data in: ${format(inMiB)} MiB/s ÷ 1 MiB/s per shard = ${format(inMiB)} → ${byBytes} shard${byBytes === 1 ? '' : 's'}`);
  const byRecords = Math.ceil(recordsPerSecond / SHARD_IN_RECORDS - 1e-12);
  steps.push(
    `By records in: ${format(recordsPerSecond)} records/s ÷ 1,000 per shard = ${format(recordsPerSecond / SHARD_IN_RECORDS)} → ${byRecords} shard${byRecords === 1 ? '' : 's'}`,
  );

  // [limit, shards, exact load in shards]: the deciding limit is the one with the most load.
  const candidates: [Limit, number, number][] = [
    ['write-throughput', byBytes, inBytes / SHARD_IN_BYTES],
    ['write-records', byRecords, recordsPerSecond / SHARD_IN_RECORDS],
  ];
  if (input.fanOut) {
    steps.push(
      `Enhanced fan-out: each of the ${consumers.value} consumer${consumers.value === 1 ? '' : 's'} gets its own 2 MiB/s per shard, more than the 1 MiB/s a shard takes in, so reads need no extra shards`,
    );
  } else {
    const outMiB = inMiB * consumers.value;
    const byReads = Math.ceil((inBytes * consumers.value) / SHARD_OUT_BYTES - 1e-12);
    steps.push(
      `By data out (${consumers.value} shared consumer${consumers.value === 1 ? '' : 's'}): ${consumers.value} × ${format(inMiB)} = ${format(outMiB)} MiB/s ÷ 2 MiB/s per shard = ${format(outMiB / 2)} → ${byReads} shard${byReads === 1 ? '' : 's'}`,
    );
    candidates.push(['read-throughput', byReads, (inBytes * consumers.value) / SHARD_OUT_BYTES]);
  }
  const [limitedBy, most] = candidates.reduce((best, c) => (c[2] > best[2] ? c : best));
  const shards = Math.max(1, most);
  steps.push(`Shards needed: the largest, ${shards}${most < 1 ? ' (at least 1)' : ''}, set by ${LIMIT_WORDS[limitedBy]}`);
  return {
    ok: true,
    result: {
      shards,
      limitedBy,
      steps,
      summary: `${shards} shard${shards === 1 ? '' : 's'}, limited by ${LIMIT_WORDS[limitedBy]}`,
      inMiBPerSecond: inMiB,
      recordsPerSecond,
    },
  };
}
