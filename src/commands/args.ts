// util.parseArgs with the errors turned into one-line usage messages.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(command: string, args: string[], options: T, positionals: 'none' | 'some' = 'none') {
  try {
    return parseArgs({ args, options, allowPositionals: positionals === 'some', strict: true });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]?.replace(/\.$/, '') ?? 'invalid arguments';
    const ambiguous = /^Option '(-[^']+)' argument is ambiguous/.exec(message);
    if (ambiguous)
      throw new UsageError(`${command}: ${ambiguous[1]} needs a value; one starting with '-' must be written ${ambiguous[1]}=-VALUE`);
    const missing = /^Option '(-[^']+?)(?: <value>)?' argument missing/.exec(message);
    if (missing) throw new UsageError(`${command}: ${missing[1]!.split(',').at(-1)!.trim()} needs a value`);
    throw new UsageError(
      `${command}: ${message.replace(/^Unknown option '([^']*)'.*$/, "unknown option '$1'").replace(/^Unexpected argument '([^']*)'.*$/, "unexpected argument '$1'")}`,
    );
  }
}

export function positiveInt(command: string, flag: string, value: string | undefined, fallback: number, max = 10_000): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`${command}: --${flag} takes a whole number from 1 to ${max}, not '${value}'`);
  }
  return Number(value);
}
