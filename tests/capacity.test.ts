// The capacity maths: the notes' examples, AWS's documented cases, every rule, the parsers,
// every kind of bad input, and properties under random input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchGetCapacity, queryCapacity, readCapacity, writeCapacity, type Calculated } from '../src/capacity/dynamodb.js';
import { kinesisShards } from '../src/capacity/kinesis.js';
import { parseRate, parseSize } from '../src/capacity/parse.js';
import { runInProcess } from './helpers/cli.js';

const result = (c: Calculated) => {
  if (!c.ok) throw new Error(`${c.field}: ${c.error}`);
  return c.result;
};

describe("the notes' worked examples", () => {
  it('100 writes/s of 512 bytes = 100 WCU (200 transactional)', async () => {
    const r = result(writeCapacity({ size: '512', rate: '100' }));
    expect(r).toMatchObject({ unit: 'WCU', units: 100, provision: 100 });
    expect(r.steps.join('\n')).toMatch(/0\.5 KB ÷ 1 KB = 0\.5, rounded up = 1 WCU/);
    expect(r.steps.join('\n')).toMatch(/× 100 writes per second = 100 WCU/);
    expect(result(writeCapacity({ size: '512B', rate: '100/s', transactional: true })).units).toBe(200);
  });

  it('80 reads/s of 3 KB = 80 RCU strongly consistent, 40 eventually, 160 transactional', async () => {
    const strong = result(readCapacity({ size: '3KB', rate: '80' }));
    expect(strong).toMatchObject({ unit: 'RCU', units: 80, provision: 80 });
    expect(strong.steps.join('\n')).toMatch(/3 KB ÷ 4 KB = 0\.75, rounded up = 1 RCU/);
    const eventual = result(readCapacity({ size: '3KB', rate: '80', consistency: 'eventual' }));
    expect(eventual.units).toBe(40);
    expect(eventual.steps.at(-1)).toMatch(/÷ 2 for eventually consistent reads = 40 RCU/);
    expect(result(readCapacity({ size: '3KB', rate: '80', consistency: 'transactional' })).units).toBe(160);
  });

  it('300 items of 6 KB every 30 s = 10/s × 2 = 20 RCU strong, 10 eventual, 40 transactional', async () => {
    const strong = result(readCapacity({ size: '6 KB', rate: '300/30s' }));
    expect(strong.units).toBe(20);
    expect(strong.steps.join('\n')).toMatch(/300 reads every 30 seconds = 300 ÷ 30 = 10 reads per second/);
    expect(strong.steps.join('\n')).toMatch(/6 KB ÷ 4 KB = 1\.5, rounded up = 2 RCU/);
    expect(result(readCapacity({ size: '6 KB', rate: '300/30s', consistency: 'eventual' })).units).toBe(10);
    expect(result(readCapacity({ size: '6 KB', rate: '300/30s', consistency: 'transactional' })).units).toBe(40);
  });
});

describe("AWS's documented cases", () => {
  it('an item of exactly 4 KB: 1 RCU (0.5 eventual, 2 transactional), 4 WCU (8 transactional)', async () => {
    expect(result(readCapacity({ size: '4096', rate: '1' })).units).toBe(1);
    const eventual = result(readCapacity({ size: '4KB', rate: '1', consistency: 'eventual' }));
    expect(eventual).toMatchObject({ units: 0.5, provision: 1 });
    expect(result(readCapacity({ size: '4KB', rate: '1', consistency: 'transactional' })).units).toBe(2);
    expect(result(writeCapacity({ size: '4KB', rate: '1' })).units).toBe(4);
    expect(result(writeCapacity({ size: '4KB', rate: '1', transactional: true })).units).toBe(8);
  });

  it('a 1-byte item: 1 RCU (0.5 eventual), 1 WCU', async () => {
    expect(result(readCapacity({ size: '1', rate: '1' })).units).toBe(1);
    expect(result(readCapacity({ size: '1B', rate: '1', consistency: 'eventual' })).units).toBe(0.5);
    expect(result(writeCapacity({ size: '1B', rate: '1' })).units).toBe(1);
  });

  it('3,500 bytes reads as 4 KB; a 1.6 KB write as 2 KB; a 3 KB transactional write = 6 WCU', async () => {
    expect(result(readCapacity({ size: '3500', rate: '1' })).units).toBe(1);
    expect(result(writeCapacity({ size: '1.6KB', rate: '1' })).units).toBe(2);
    expect(result(writeCapacity({ size: '3KB', rate: '1', transactional: true })).units).toBe(6);
  });

  it('Query rounds the total once: 40.8 KB → 11 RCU; 1,500 items of 64 B = 96 KB → 24 RCU', async () => {
    expect(result(queryCapacity({ totalSize: '40.8KB' })).units).toBe(11);
    expect(result(queryCapacity({ totalSize: `${1500 * 64}` })).units).toBe(24);
    expect(result(queryCapacity({ totalSize: '40.8KB', consistency: 'eventual' })).units).toBe(5.5);
  });

  it('BatchGetItem rounds each item: 1.5 KB + 6.5 KB → 4 KB + 8 KB = 3 RCU', async () => {
    const r = result(batchGetCapacity({ sizes: '1.5KB, 6.5KB' }));
    expect(r.units).toBe(3);
    expect(r.steps.join('\n')).toMatch(/1\.5 KB → 4 KB, 6\.5 KB → 8 KB/);
    expect(result(batchGetCapacity({ sizes: '1.5KB,6.5KB', consistency: 'eventual' })).units).toBe(1.5);
  });

  it('on-demand uses request units with the same sizes and multipliers, and provisions nothing', async () => {
    const r = result(readCapacity({ size: '6KB', rate: '10', consistency: 'eventual', mode: 'on-demand' }));
    expect(r).toMatchObject({ unit: 'RRU', units: 10 });
    expect(r.provision).toBeUndefined();
    expect(result(writeCapacity({ size: '3KB', rate: '1', transactional: true, mode: 'on-demand' }))).toMatchObject({
      unit: 'WRU',
      units: 6,
    });
  });

  it('provisioned capacity is a whole number of at least 1', async () => {
    expect(result(readCapacity({ size: '1KB', rate: '10/min' }))).toMatchObject({ provision: 1 });
    expect(result(readCapacity({ size: '5KB', rate: '3', consistency: 'eventual' }))).toMatchObject({ units: 3, provision: 3 });
    expect(result(readCapacity({ size: '4KB', rate: '3', consistency: 'eventual' }))).toMatchObject({ units: 1.5, provision: 2 });
  });
});

describe('parsers', () => {
  it.each([
    ['512', 512],
    ['512B', 512],
    ['512 bytes', 512],
    ['3KB', 3072],
    ['6 KB', 6144],
    ['1.5KB', 1536],
    ['0.5MB', 524288],
    ['1 MiB', 1048576],
    ['4kb', 4096],
    ['1.2KB', 1229],
  ])('size %s = %i bytes', async (text, bytes) => {
    const parsed = parseSize(text);
    expect(parsed.ok && parsed.value.bytes).toBe(bytes);
  });

  it.each([
    ['100', 100],
    ['100/s', 100],
    ['100 / sec', 100],
    ['300/30s', 10],
    ['10/min', 10 / 60],
    ['5/h', 5 / 3600],
    ['120 per minute', 2],
    ['7200/2h', 1],
  ])('rate %s = %f per second', async (text, perSecond) => {
    const parsed = parseRate(text);
    expect(parsed.ok && parsed.value.perSecond).toBeCloseTo(perSecond, 10);
  });

  it.each([
    ['', /size is empty/],
    ['   ', /size is empty/],
    ['0', /more than 0 bytes/],
    ['-3KB', /cannot be negative/],
    ['abc', /'abc' is not a size: give a number with an optional unit/],
    ['3 XB', /unknown unit 'XB'.*use B, KB or MB/],
    ['1e999', /too large/],
    ['NaN', /is not a size/],
    ['Infinity KB', /is not a size/],
  ])('size %j is refused: %s', async (text, message) => {
    const parsed = parseSize(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('names what was wrong with the right article: "an item size", "a record size"', async () => {
    const item = parseSize('zz', 'item size');
    expect(item.ok || item.error).toMatch(/^'zz' is not an item size: give/);
    const record = parseSize('zz', 'record size');
    expect(record.ok || record.error).toMatch(/^'zz' is not a record size: give/);
    const rate = parseRate('fast', 'record rate');
    expect(rate.ok || rate.error).toMatch(/^'fast' is not a record rate: give/);
  });

  it.each([
    ['', /rate is empty/],
    ['0', /more than 0/],
    ['-5/s', /cannot be negative/],
    ['fast', /is not a rate/],
    ['10/fortnight', /unknown period 'fortnight'/],
    ['10/0s', /longer than 0/],
    ['1e12', /more than 1,000,000,000 per second/],
    ['10/s/s', /is not a rate/],
  ])('rate %j is refused: %s', async (text, message) => {
    const parsed = parseRate(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

describe('invalid capacity inputs are returned errors naming the field', () => {
  it.each([
    [() => readCapacity({ size: '401KB', rate: '1' }), 'size', /400 KB item limit/],
    [() => writeCapacity({ size: '1MB', rate: '1' }), 'size', /400 KB item limit/],
    [() => readCapacity({ size: '4KB', rate: 'often' }), 'rate', /not a rate/],
    [() => queryCapacity({ totalSize: '2MB' }), 'total-size', /at most 1 MB/],
    [() => queryCapacity({ totalSize: '4KB', consistency: 'transactional' as 'strong' }), 'consistency', /TransactGetItems/],
    [() => batchGetCapacity({ sizes: '' }), 'sizes', /empty/],
    [() => batchGetCapacity({ sizes: '1KB,,2KB' }), 'sizes', /item 2: item size is empty/],
    [() => batchGetCapacity({ sizes: Array(101).fill('1KB').join(',') }), 'sizes', /at most 100 items/],
    [
      () => batchGetCapacity({ sizes: Array(100).fill('400KB').join(',') }),
      'sizes',
      /at most 16 MB per call; these 100 items total 39\.063 MB/,
    ],
    [() => kinesisShards({ records: '10', recordSize: '11MiB' }), 'record-size', /10 MiB/],
    [() => kinesisShards({ records: '10', recordSize: '1KB', consumers: '0' }), 'consumers', /whole number from 1/],
    [() => kinesisShards({ records: '10', recordSize: '1KB', consumers: 'two' }), 'consumers', /whole number from 1/],
  ])('%#', async (calculate, field, message) => {
    const c = calculate();
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(c.field).toBe(field);
      expect(c.error).toMatch(message);
    }
  });
});

describe('Kinesis shards', () => {
  it('1 MiB/s or 1,000 records/s in per shard, whichever is hit first', async () => {
    expect(result2(kinesisShards({ records: '1000', recordSize: '1KB' }))).toMatchObject({ shards: 1, limitedBy: 'write-records' });
    expect(result2(kinesisShards({ records: '3500', recordSize: '100B' }))).toMatchObject({ shards: 4, limitedBy: 'write-records' });
    expect(result2(kinesisShards({ records: '500', recordSize: '10KB' }))).toMatchObject({ shards: 5, limitedBy: 'write-throughput' });
  });

  it('shared consumers split 2 MiB/s per shard; enhanced fan-out does not', async () => {
    const shared = result2(kinesisShards({ records: '2000/s', recordSize: '2KB', consumers: '3' }));
    expect(shared).toMatchObject({ shards: 6, limitedBy: 'read-throughput' });
    const fanOut = result2(kinesisShards({ records: '2000/s', recordSize: '2KB', consumers: '3', fanOut: true }));
    expect(fanOut).toMatchObject({ shards: 4, limitedBy: 'write-throughput' });
    expect(fanOut.steps.join('\n')).toMatch(/Enhanced fan-out/);
  });

  it('a tiny stream still needs 1 shard', async () => {
    expect(result2(kinesisShards({ records: '1/min', recordSize: '10B' })).shards).toBe(1);
  });
});

function result2(c: ReturnType<typeof kinesisShards>) {
  if (!c.ok) throw new Error(c.error);
  return c.result;
}

describe('under random input', () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.constantFrom('1e308KB', '-0', '0.0000001', '.5', '5.', '1/1e-9s', 'Infinity', '400KB', '409601'),
  );

  it('parsers and calculators never throw and never return NaN', async () => {
    fc.assert(
      fc.property(
        anyText,
        anyText,
        fc.constantFrom('strong', 'eventual', 'transactional' as const),
        fc.boolean(),
        (size, rate, consistency, transactional) => {
          for (const c of [
            readCapacity({ size, rate, consistency }),
            writeCapacity({ size, rate, transactional }),
            queryCapacity({ totalSize: size }),
            batchGetCapacity({ sizes: size }),
          ]) {
            if (c.ok) {
              expect(Number.isFinite(c.result.units)).toBe(true);
              expect(c.result.units).toBeGreaterThan(0);
              if (c.result.provision !== undefined) expect(Number.isInteger(c.result.provision) && c.result.provision >= 1).toBe(true);
            } else expect(c.error.length).toBeGreaterThan(10);
          }
          const k = kinesisShards({ records: rate, recordSize: size });
          if (k.ok) expect(Number.isInteger(k.result.shards) && k.result.shards >= 1).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  const bytes = fc.integer({ min: 1, max: 400 * 1024 });
  const perSecond = fc.integer({ min: 1, max: 100_000 });

  it('a bigger item never costs fewer units', async () => {
    fc.assert(
      fc.property(bytes, bytes, perSecond, (a, b, rate) => {
        const [small, big] = a <= b ? [a, b] : [b, a];
        const cost = (n: number) => result(readCapacity({ size: String(n), rate: String(rate) })).units;
        const wcost = (n: number) => result(writeCapacity({ size: String(n), rate: String(rate) })).units;
        expect(cost(big)).toBeGreaterThanOrEqual(cost(small));
        expect(wcost(big)).toBeGreaterThanOrEqual(wcost(small));
      }),
    );
  });

  it('eventual is half of strong and transactional double, before rounding', async () => {
    fc.assert(
      fc.property(bytes, perSecond, (size, rate) => {
        const units = (consistency: 'strong' | 'eventual' | 'transactional') =>
          result(readCapacity({ size: String(size), rate: String(rate), consistency })).units;
        expect(units('eventual')).toBe(units('strong') / 2);
        expect(units('transactional')).toBe(units('strong') * 2);
      }),
    );
  });

  it('BatchGetItem never costs less than one Query of the same items', async () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 8 * 1024 }), { minLength: 1, maxLength: 100 }), (sizes) => {
        const batch = result(batchGetCapacity({ sizes: sizes.join(',') })).units;
        const query = result(queryCapacity({ totalSize: String(sizes.reduce((a, b) => a + b, 0)) })).units;
        expect(batch).toBeGreaterThanOrEqual(query);
      }),
    );
  });
});

describe('awsnotes calc', () => {
  it('prints the answer, then numbered steps', async () => {
    const r = await runInProcess(['calc', 'dynamodb', 'read', '--size', '6KB', '--rate', '300/30s', '--consistency', 'eventual']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('10 RCU for eventually consistent reads');
    expect(lines.slice(1).every((l, i) => l.startsWith(`  ${i + 1}. `))).toBe(true);
  });

  it('--json: {unit, units, provision, steps} for DynamoDB, {shards, limitedBy, steps} for Kinesis', async () => {
    const read = JSON.parse(
      (await runInProcess(['calc', 'dynamodb', 'write', '--size', '512B', '--rate', '100/s', '--transactional', '--json'])).stdout,
    );
    expect(read).toMatchObject({ unit: 'WCU', units: 200, provision: 200 });
    expect(read.steps.length).toBeGreaterThan(2);
    const onDemand = JSON.parse(
      (await runInProcess(['calc', 'dynamodb', 'read', '--size', '3KB', '--rate', '80', '--mode', 'on-demand', '--json'])).stdout,
    );
    expect(onDemand).toMatchObject({ unit: 'RRU', units: 80 });
    expect(onDemand).not.toHaveProperty('provision');
    expect(JSON.parse((await runInProcess(['calc', 'dynamodb', 'query', '--total-size', '40.8KB', '--json'])).stdout)).toMatchObject({
      unit: 'RCU',
      units: 11,
    });
    expect(JSON.parse((await runInProcess(['calc', 'dynamodb', 'batch-get', '--sizes', '1.5KB,6.5KB', '--json'])).stdout)).toMatchObject({
      units: 3,
    });
    const k = JSON.parse(
      (await runInProcess(['calc', 'kinesis', '--records', '2000/s', '--record-size', '2KB', '--consumers', '3', '--json'])).stdout,
    );
    expect(k).toMatchObject({ shards: 6, limitedBy: 'read-throughput' });
    expect(Array.isArray(k.steps)).toBe(true);
  });

  it.each([
    [['calc'], /dynamodb or kinesis/],
    [['calc', 'sqs'], /unknown service 'sqs'/],
    [['calc', 'dynamodb', 'scan'], /unknown operation 'scan'/],
    [['calc', 'dynamodb', 'read', '--size', '4KB'], /--rate is required/],
    [
      ['calc', 'dynamodb', 'read', '--size', '4KB', '--rate', '1', '--consistency', 'strongish'],
      /--consistency must be strong or eventual or transactional/,
    ],
    [['calc', 'dynamodb', 'read', '--size', '500KB', '--rate', '1'], /--size: .*400 KB item limit/],
    [['calc', 'dynamodb', 'read', '--size', '4KB', '--rate', 'x'], /--rate: 'x' is not a rate/],
    [['calc', 'kinesis', '--records', '10', '--record-size', 'big'], /--record-size: 'big' is not a record size/],
  ])('%j: message on stderr, exit 2', async (args, message) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('format', () => {
  it('never shows a tiny non-zero figure as 0', async () => {
    const { format } = await import('../src/capacity/parse.js');
    expect(format(1 / 3600)).toBe('0.00028');
    expect(format(-1 / 3600)).toBe('-0.00028');
    expect(format(0)).toBe('0');
    const slow = result(readCapacity({ size: '1KB', rate: '1/h', mode: 'on-demand' }));
    expect(slow.summary).toBe('0.00028 RRU per second for strongly consistent reads (on-demand)');
    expect(slow.steps.join('\n')).not.toMatch(/\b0 (reads|RRU)\b/);
    expect(result(readCapacity({ size: '1KB', rate: '1/h' })).summary).toBe(
      '1 RCU for strongly consistent reads, from exactly 0.00028 RCU',
    );
  });

  it('groups thousands and trims decimals like en-US', async () => {
    const { format } = await import('../src/capacity/parse.js');
    for (const v of [0, 1, 0.5, 1228.8, 1048576, 0.1667, 12.3456, 999.9996, 1e9, 41779.2, 2.25]) {
      expect(format(v)).toBe(v.toLocaleString('en-US', { maximumFractionDigits: 3 }));
    }
  });
});
