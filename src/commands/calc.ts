// `awsnotes calc`: DynamoDB capacity and Kinesis shards, the answer then the worked steps.
import { batchGetCapacity, queryCapacity, readCapacity, writeCapacity, type Calculated, type Mode } from '../capacity/dynamodb.js';
import { kinesisShards } from '../capacity/kinesis.js';
import { lineToAnsi } from '../render/ansi.js';
import { printable } from '../term/printable.js';
import { parse, type Options } from './args.js';
import { EXIT, UsageError, type Io } from './io.js';

const MODE = { mode: { type: 'string' }, json: { type: 'boolean' } } as const satisfies Options;

function choice<T extends string>(command: string, flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${command}: --${flag} must be ${allowed.join(' or ')}, not '${value}'`);
}

function required(command: string, flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${command}: --${flag} is required`);
  return value;
}

function print(io: Io, summary: string, steps: string[]): void {
  io.out(`${lineToAnsi({ segments: [{ text: summary, bold: true, role: 'success' }] }, io.color)}\n`);
  steps.forEach((step, i) => {
    io.out(`${lineToAnsi({ segments: [{ text: `  ${i + 1}. `, role: 'muted' }, { text: step }] }, io.color)}\n`);
  });
}

function report(io: Io, json: boolean | undefined, calculated: Calculated): number {
  if (!calculated.ok) {
    io.err(`awsnotes: --${calculated.field}: ${printable(calculated.error)}\n`);
    return EXIT.usage;
  }
  const { unit, units, provision, steps, summary } = calculated.result;
  if (json) io.out(`${JSON.stringify({ unit, units, ...(provision !== undefined ? { provision } : {}), summary, steps }, null, 2)}\n`);
  else print(io, summary, steps);
  return EXIT.ok;
}

const CONSISTENCIES = ['strong', 'eventual', 'transactional'] as const;
const MODES = ['provisioned', 'on-demand'] as const;

function dynamodb(args: string[], io: Io): number {
  const [operation, ...rest] = args;
  const command = `calc dynamodb ${operation ?? ''}`.trim();
  switch (operation) {
    case 'read': {
      const { values } = parse(command, rest, {
        ...MODE,
        size: { type: 'string' },
        rate: { type: 'string' },
        consistency: { type: 'string' },
      });
      return report(
        io,
        values.json,
        readCapacity({
          size: required(command, 'size', values.size),
          rate: required(command, 'rate', values.rate),
          consistency: choice(command, 'consistency', values.consistency, CONSISTENCIES, 'strong'),
          mode: choice<Mode>(command, 'mode', values.mode, MODES, 'provisioned'),
        }),
      );
    }
    case 'write': {
      const { values } = parse(command, rest, {
        ...MODE,
        size: { type: 'string' },
        rate: { type: 'string' },
        transactional: { type: 'boolean' },
      });
      return report(
        io,
        values.json,
        writeCapacity({
          size: required(command, 'size', values.size),
          rate: required(command, 'rate', values.rate),
          transactional: values.transactional === true,
          mode: choice<Mode>(command, 'mode', values.mode, MODES, 'provisioned'),
        }),
      );
    }
    case 'query': {
      const { values } = parse(command, rest, {
        ...MODE,
        'total-size': { type: 'string' },
        rate: { type: 'string' },
        consistency: { type: 'string' },
      });
      return report(
        io,
        values.json,
        queryCapacity({
          totalSize: required(command, 'total-size', values['total-size']),
          consistency: choice(command, 'consistency', values.consistency, ['strong', 'eventual'] as const, 'strong'),
          mode: choice<Mode>(command, 'mode', values.mode, MODES, 'provisioned'),
          ...(values.rate !== undefined ? { rate: values.rate } : {}),
        }),
      );
    }
    case 'batch-get': {
      const { values } = parse(command, rest, { ...MODE, sizes: { type: 'string' }, consistency: { type: 'string' } });
      return report(
        io,
        values.json,
        batchGetCapacity({
          sizes: required(command, 'sizes', values.sizes),
          consistency: choice(command, 'consistency', values.consistency, ['strong', 'eventual'] as const, 'strong'),
          mode: choice<Mode>(command, 'mode', values.mode, MODES, 'provisioned'),
        }),
      );
    }
    default:
      throw new UsageError(
        operation
          ? `calc dynamodb: unknown operation '${operation}' (read, write, query or batch-get)`
          : 'calc dynamodb: which operation? read, write, query or batch-get',
      );
  }
}

function kinesis(args: string[], io: Io): number {
  const command = 'calc kinesis';
  const { values } = parse(command, args, {
    records: { type: 'string' },
    'record-size': { type: 'string' },
    consumers: { type: 'string' },
    'fan-out': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const calculated = kinesisShards({
    records: required(command, 'records', values.records),
    recordSize: required(command, 'record-size', values['record-size']),
    ...(values.consumers !== undefined ? { consumers: values.consumers } : {}),
    fanOut: values['fan-out'] === true,
  });
  if (!calculated.ok) {
    io.err(`awsnotes: --${calculated.field}: ${printable(calculated.error)}\n`);
    return EXIT.usage;
  }
  const { shards, limitedBy, steps, summary } = calculated.result;
  if (values.json) io.out(`${JSON.stringify({ shards, limitedBy, summary, steps }, null, 2)}\n`);
  else print(io, summary, steps);
  return EXIT.ok;
}

export function calc(args: string[], io: Io): number {
  const [service, ...rest] = args;
  if (service === 'dynamodb') return dynamodb(rest, io);
  if (service === 'kinesis') return kinesis(rest, io);
  throw new UsageError(
    service ? `calc: unknown service '${service}' (dynamodb or kinesis)` : 'calc: dynamodb or kinesis? (awsnotes calc --help)',
  );
}
