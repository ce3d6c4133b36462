// Parsing what a learner types for sizes ("3KB", "1.5 KB", "512") and rates ("100/s",
// "300/30s", "10/min"). Errors are values with a message that says what is accepted.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** Binary units, as DynamoDB and Kinesis use them: 1 KB = 1,024 bytes. */
const SIZE_UNITS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

export const SIZE_HELP = 'a number with an optional unit: 512, 512B, 3KB, 1.5 KB, 0.5MB (1 KB = 1,024 bytes)';
export const RATE_HELP = 'a count per second or per period: 100, 100/s, 300/30s, 10/min, 5/h';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** "a size", "an item size": the article for what is being parsed. */
const withArticle = (what: string) => `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}`;

export interface Size {
  /** Whole bytes: a fraction of a byte is counted as a whole one. */
  bytes: number;
  /** What the learner typed, tidied: "3 KB". */
  text: string;
  /** The exact value before rounding to whole bytes, when it differed. */
  exactBytes?: number;
}

export function parseSize(input: string, what = 'size'): Parsed<Size> {
  const text = input.trim();
  if (!text) return fail(`${what} is empty: give ${SIZE_HELP}`);
  const match = /^(.*?)\s*([a-z]*)$/i.exec(text);
  const numberText = match?.[1] ?? '';
  const unitText = (match?.[2] ?? '').toLowerCase();
  if (!NUMBER.test(numberText)) return fail(`'${input.trim()}' is not ${withArticle(what)}: give ${SIZE_HELP}`);
  const unit = unitText === '' ? 1 : SIZE_UNITS[unitText];
  if (unit === undefined) return fail(`unknown unit '${match?.[2]}' in ${what} '${text}': use B, KB or MB (1 KB = 1,024 bytes)`);
  const value = Number(numberText);
  if (!Number.isFinite(value)) return fail(`${what} '${text}' is too large`);
  if (value < 0) return fail(`${what} cannot be negative ('${text}')`);
  if (value === 0) return fail(`${what} must be more than 0 bytes (even an item with just its key has at least 1 byte)`);
  const exact = value * unit;
  const bytes = Math.ceil(exact - 1e-9);
  const unitLabel = unitText === '' || unit === 1 ? 'bytes' : (match?.[2] ?? '').toUpperCase().replace('IB', 'iB');
  const size: Size = { bytes: Math.max(1, bytes), text: unit === 1 ? `${format(value)} bytes` : `${format(value)} ${unitLabel}` };
  if (Math.abs(exact - bytes) > 1e-9) size.exactBytes = exact;
  return ok(size);
}

const PERIOD_UNITS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
};

export interface Rate {
  perSecond: number;
  count: number;
  /** Seconds in the period the count was given for (1 for "100/s"). */
  seconds: number;
  text: string;
}

/** The most items per second we accept: far beyond any table, small enough to stay exact. */
export const MAX_RATE = 1e9;

export function parseRate(input: string, what = 'rate'): Parsed<Rate> {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return fail(`${what} is empty: give ${RATE_HELP}`);
  const match = /^([^/]+?)\s*(?:(?:\/|per )\s*([^/]*))?$/i.exec(text);
  const countText = (match?.[1] ?? '').trim();
  if (!NUMBER.test(countText)) return fail(`'${text}' is not ${withArticle(what)}: give ${RATE_HELP}`);
  const count = Number(countText);
  if (!Number.isFinite(count) || count > MAX_RATE * 3600) return fail(`${what} '${text}' is too large`);
  if (count < 0) return fail(`${what} cannot be negative ('${text}')`);
  if (count === 0) return fail(`${what} must be more than 0 ('${text}')`);

  let seconds = 1;
  const periodText = match?.[2]?.trim();
  if (periodText !== undefined) {
    const period = /^(\d+(?:\.\d+)?)?\s*([a-z]+)$/i.exec(periodText);
    const unit = period ? PERIOD_UNITS[period[2]!.toLowerCase()] : undefined;
    if (!period || unit === undefined)
      return fail(`unknown period '${periodText}' in ${what} '${text}': use s, min or h, e.g. 300/30s or 10/min`);
    const amount = period[1] === undefined ? 1 : Number(period[1]);
    if (amount === 0) return fail(`the period in ${what} '${text}' must be longer than 0`);
    seconds = amount * unit;
  }
  const perSecond = count / seconds;
  if (perSecond > MAX_RATE) return fail(`${what} '${text}' is more than ${format(MAX_RATE)} per second`);
  return ok({ perSecond, count, seconds, text });
}

/**
 * A number for people: thousands separators, at most `decimals` decimals, no trailing
 * zeros ("1,228.8"). Written out rather than Intl.NumberFormat, whose first use loads ICU
 * data and costs a plain `awsnotes calc` a noticeable part of its start-up.
 */
export function format(value: number, decimals = 3): string {
  if (!Number.isFinite(value)) return String(value);
  const negative = value < 0;
  // A tiny rate is not zero: 1 read an hour is 0.00028 reads per second, never "0".
  const magnitude = Math.abs(value);
  if (magnitude > 0 && magnitude < 10 ** -decimals) decimals = Math.min(20, Math.ceil(-Math.log10(magnitude)) + 1);
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.replace(/0+$/, '');
  const text = trimmed ? `${grouped}.${trimmed}` : grouped;
  return negative && text !== '0' ? `-${text}` : text;
}

export function describeSeconds(seconds: number): string {
  if (seconds === 1) return 'second';
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${format(seconds / 3600)} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${format(seconds / 60)} minutes`;
  return `${format(seconds)} seconds`;
}
