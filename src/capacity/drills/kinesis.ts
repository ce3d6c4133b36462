// Kinesis Data Streams: shards for a write rate, a record size and the consumers.
import { kinesisShards, SHARD_IN_BYTES, SHARD_IN_RECORDS, SHARD_OUT_BYTES, type KinesisInput, type ShardResult } from '../kinesis.js';
import { format } from '../parse.js';
import { capitalise, COUNT_WORDS, KINESIS_RATES, KINESIS_SIZES, pick, rate, size, STREAM_APPS, whole } from './draw.js';
import type { Built, Mistake } from './types.js';

export function kinesisDrill(
  rng: () => number,
  fixed?: { records: string; recordSize: string; consumers: number; fanOut: boolean },
): Built {
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
