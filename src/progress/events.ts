// The events of the study history, and their one-line JSON form in the journal.
//
// Every line starts with the event's unique id and its type (`{"i":"…","e":"a",…}`), so a
// line can be told apart, deduplicated and recovered from a torn neighbour without parsing
// the rest. Keys are short and defaults are not written: an answer is at most ~150 bytes
// (times are epoch milliseconds; a right answer's default rating is Good, a wrong one's
// Again; the source is written only when it is not the app's quiz).
//
// Decoding checks every field by hand (no schema library: `awsnotes show` appends its read
// mark with this module alone) and returns undefined for anything malformed. An event type
// from a newer awsnotes decodes as `unknown` and is kept but not applied.
import { randomName } from './random.js';

/** The journal's format; a journal whose header says more is left to the awsnotes that wrote it. */
export const JOURNAL_VERSION = 1;

export type Rating = 1 | 2 | 3 | 4;
export type AnswerSource = 'quiz' | 'exam' | 'drill' | 'plain';
export const SETTING_KEYS = ['examDate', 'newPerDay'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

interface Base {
  id: string;
  /** Epoch milliseconds. */
  at: number;
}
export interface HeaderEvent extends Base {
  kind: 'journal';
  version: number;
}
export interface AnswerEvent extends Base {
  kind: 'answer';
  question: string;
  /** Indexes of the chosen options, in the bank's order. */
  chosen: number[];
  correct: boolean;
  /** Time from showing the question to the answer. */
  ms: number;
  source: AnswerSource;
  rating: Rating;
}
/** A right answer rated Hard or Easy (2, 4) instead of Good, or back. */
export interface RerateEvent extends Base {
  kind: 'rerate';
  question: string;
  answer: string;
  rating: Rating;
}
/** The answer is taken back: as if it had never been given. */
export interface UndoEvent extends Base {
  kind: 'undo';
  question: string;
  answer: string;
}
export interface FlagEvent extends Base {
  kind: 'flag';
  question: string;
  on: boolean;
}
/** A note opened. `first` and `count` carry the aggregate of an older file (version 2). */
export interface ReadEvent extends Base {
  kind: 'read';
  service: string;
  first?: number;
  count?: number;
}
/** A submitted exam simulation; `at` is when it finished. */
export interface ExamEvent extends Base {
  kind: 'exam';
  startedAt: number;
  questions: number;
  correct: number;
  scaled: number;
  passed: boolean;
  timedOut: boolean;
  domains: Record<string, { questions: number; correct: number }>;
}
/**
 * A setting, as awsnotes saved them before settings.json: no longer written, still read to
 * move them there once (progress/store.ts) and from older backups (progress/backup.ts).
 */
export interface SettingEvent extends Base {
  kind: 'setting';
  key: SettingKey;
  /** null clears the setting. */
  value: string | number | null;
}
/**
 * Progress carried over without its history (the journal was lost but the snapshot was
 * not, or a backup held only a snapshot): merged into the state like an import, see
 * progress/state.ts. `state` is checked when applied.
 */
export interface BaselineEvent extends Base {
  kind: 'baseline';
  state: unknown;
}
export interface UnknownEvent extends Base {
  kind: 'unknown';
  type: string;
}

export type Event =
  | HeaderEvent
  | AnswerEvent
  | RerateEvent
  | UndoEvent
  | FlagEvent
  | ReadEvent
  | ExamEvent
  | SettingEvent
  | BaselineEvent
  | UnknownEvent;

/** The `e` letter of each event type in the journal. */
export const TYPE_CODES: Record<Event['kind'], string> = {
  journal: 'h',
  answer: 'a',
  rerate: 'r',
  undo: 'u',
  flag: 'f',
  read: 'n',
  exam: 'x',
  setting: 's',
  baseline: 'b',
  unknown: '?',
};

/** 12 random URL-safe characters (72 bits): unique across every machine's history. */
export function newEventId(): string {
  return randomName(12);
}

const SOURCE_CODE: Record<AnswerSource, string | undefined> = { quiz: undefined, exam: 'e', drill: 'd', plain: 'p' };
const SOURCE_OF = new Map<string, AnswerSource>([
  ['e', 'exam'],
  ['d', 'drill'],
  ['p', 'plain'],
]);

export const defaultRating = (correct: boolean): Rating => (correct ? 3 : 1);

/** The event as one JSON line, without the newline. */
export function encodeEvent(event: Event): string {
  const head = `{"i":${JSON.stringify(event.id)}`;
  switch (event.kind) {
    case 'journal':
      return `${head},"e":"h","v":${event.version},"at":${event.at}}`;
    case 'answer': {
      let line = `${head},"e":"a","q":${JSON.stringify(event.question)},"c":${JSON.stringify(event.chosen)}`;
      if (event.correct) line += ',"ok":1';
      line += `,"at":${event.at}`;
      if (event.ms) line += `,"ms":${event.ms}`;
      const source = SOURCE_CODE[event.source];
      if (source) line += `,"s":"${source}"`;
      if (event.rating !== defaultRating(event.correct)) line += `,"r":${event.rating}`;
      return `${line}}`;
    }
    case 'rerate':
      return `${head},"e":"r","q":${JSON.stringify(event.question)},"of":${JSON.stringify(event.answer)},"r":${event.rating},"at":${event.at}}`;
    case 'undo':
      return `${head},"e":"u","q":${JSON.stringify(event.question)},"of":${JSON.stringify(event.answer)},"at":${event.at}}`;
    case 'flag':
      return `${head},"e":"f","q":${JSON.stringify(event.question)}${event.on ? '' : ',"off":1'},"at":${event.at}}`;
    case 'read': {
      let line = `${head},"e":"n","sv":${JSON.stringify(event.service)},"at":${event.at}`;
      if (event.first !== undefined) line += `,"first":${event.first}`;
      if (event.count !== undefined) line += `,"n":${event.count}`;
      return `${line}}`;
    }
    case 'exam':
      return `${head},"e":"x","at":${event.at},"st":${event.startedAt},"n":${event.questions},"ok":${event.correct},"sc":${event.scaled},"pass":${event.passed ? 1 : 0},"to":${event.timedOut ? 1 : 0},"d":${JSON.stringify(Object.fromEntries(Object.entries(event.domains).map(([d, v]) => [d, [v.questions, v.correct]])))}}`;
    case 'setting':
      return `${head},"e":"s","k":"${event.key}","v":${JSON.stringify(event.value)},"at":${event.at}}`;
    case 'baseline':
      return `${head},"e":"b","at":${event.at},"state":${JSON.stringify(event.state)}}`;
    case 'unknown':
      throw new Error(`an event of unknown type ${event.type} cannot be written`);
  }
}

// ---- decoding ---------------------------------------------------------------------------

type Raw = Record<string, unknown>;

/** The latest time a Date can hold (epoch milliseconds). */
export const MAX_TIME = 8.64e15;

const isTime = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_TIME;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1e9;
const isRating = (v: unknown): v is Rating => v === 1 || v === 2 || v === 3 || v === 4;
/** An id or a name: 1 to 200 characters, none of them a control character. */
export const isName = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= 200 && !/[\u0000-\u001f\u007f-\u009f]/.test(v);
const isFlag = (v: unknown) => v === undefined || v === 0 || v === 1;
const isChosen = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length <= 26 && v.every((n) => Number.isInteger(n) && n >= 0 && n < 26);

function domains(v: unknown): ExamEvent['domains'] | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const out: ExamEvent['domains'] = {};
  for (const [key, value] of Object.entries(v)) {
    if (!isName(key) || !Array.isArray(value) || value.length !== 2 || !isCount(value[0]) || !isCount(value[1])) return undefined;
    out[key] = { questions: value[0], correct: value[1] };
  }
  return out;
}

/** An event from its parsed line, or undefined when the line is not a valid event. */
export function eventFromJson(raw: unknown): Event | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Raw;
  const id = r.i;
  const at = r.at;
  if (!isName(id) || typeof r.e !== 'string' || !isTime(at)) return undefined;
  switch (r.e) {
    case 'b':
      return { kind: 'baseline', id, at, state: r.state };
    case 'h':
      return Number.isInteger(r.v) && (r.v as number) >= 1 ? { kind: 'journal', id, at, version: r.v as number } : undefined;
    case 'a': {
      if (!isName(r.q) || !isChosen(r.c) || !isFlag(r.ok)) return undefined;
      const correct = r.ok === 1;
      const ms = r.ms ?? 0;
      const source = r.s === undefined ? 'quiz' : typeof r.s === 'string' ? SOURCE_OF.get(r.s) : undefined;
      const rating = r.r ?? defaultRating(correct);
      if (!isCount(ms) || !source || !isRating(rating)) return undefined;
      return { kind: 'answer', id, at, question: r.q, chosen: r.c, correct, ms, source, rating };
    }
    case 'r':
      return isName(r.q) && isName(r.of) && isRating(r.r)
        ? { kind: 'rerate', id, at, question: r.q, answer: r.of, rating: r.r }
        : undefined;
    case 'u':
      return isName(r.q) && isName(r.of) ? { kind: 'undo', id, at, question: r.q, answer: r.of } : undefined;
    case 'f':
      return isName(r.q) && isFlag(r.off) ? { kind: 'flag', id, at, question: r.q, on: r.off !== 1 } : undefined;
    case 'n': {
      if (!isName(r.sv) || (r.first !== undefined && !isTime(r.first)) || (r.n !== undefined && (!isCount(r.n) || r.n === 0)))
        return undefined;
      const event: ReadEvent = { kind: 'read', id, at, service: r.sv };
      if (r.first !== undefined) event.first = r.first as number;
      if (r.n !== undefined) event.count = r.n as number;
      return event;
    }
    case 'x': {
      const d = domains(r.d);
      if (!isTime(r.st) || !isCount(r.n) || !isCount(r.ok) || !Number.isInteger(r.sc) || !isFlag(r.pass) || !isFlag(r.to) || !d)
        return undefined;
      const scaled = r.sc as number;
      if (scaled < 100 || scaled > 1000 || (r.ok as number) > (r.n as number)) return undefined;
      return {
        kind: 'exam',
        id,
        at,
        startedAt: r.st,
        questions: r.n,
        correct: r.ok as number,
        scaled,
        passed: r.pass === 1,
        timedOut: r.to === 1,
        domains: d,
      };
    }
    case 's': {
      const key = r.k as SettingKey;
      if (!SETTING_KEYS.includes(key)) return undefined;
      const value = r.v;
      if (value !== null && !validSetting(key, value)) return undefined;
      return { kind: 'setting', id, at, key, value: value as string | number | null };
    }
    default:
      return { kind: 'unknown', id, at, type: r.e };
  }
}

/** 'YYYY-MM-DD' naming a real calendar day. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1970 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const MAX_NEW_PER_DAY = 1000;

export function validSetting(key: SettingKey, value: unknown): boolean {
  if (key === 'examDate') return typeof value === 'string' && isCalendarDate(value);
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_NEW_PER_DAY;
}

/** The event on one line of the journal, or undefined when it is not one. */
export function decodeLine(line: string): Event | undefined {
  return answerAt(line, 0, line.length) ?? parseLine(line);
}

/** decodeLine without its fast path: JSON.parse and the checks of eventFromJson. */
export function parseLine(line: string): Event | undefined {
  try {
    return eventFromJson(JSON.parse(line));
  } catch {
    return undefined;
  }
}

// ---- the answer line, read without JSON.parse --------------------------------------------
//
// Answers are nearly every line of a long journal, and JSON.parse plus the checks cost
// about 1 µs a line: with a million answers, a second of `awsnotes doctor` or `export`.
// An answer exactly as encodeEvent writes it (its keys in that order, no escapes, no
// spaces) is recognised by one regular expression holding the same limits, then read by
// position; anything else, valid or not, is left to parseLine. So this returns what
// parseLine would, or nothing (tests/journal.test.ts holds the two equal on random and
// mutated lines). About 3 times faster (docs/performance.md).

const ANSWER_AFTER_ID = '","e":"a","q":"';
const CHOSEN_START = '","c":[';
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/** Where the last digits read by `digitsAt` end. */
let digitsEnd = 0;

/** The digits at `start` as a number (the line's shape is checked: there are some). */
function digitsAt(text: string, start: number): number {
  let value = 0;
  let i = start;
  for (let digit = text.charCodeAt(i) - 48; digit >= 0 && digit <= 9; digit = text.charCodeAt(++i) - 48) value = value * 10 + digit;
  digitsEnd = i;
  return value;
}

/**
 * An answer line exactly as encodeEvent writes it: names without escapes or control
 * characters (isName), at most 26 options of 0 to 25, integers without leading zeros.
 * Sticky: it is tried where a line starts in a chunk, and must end where the line ends.
 */
const ANSWER_LINE =
  /\{"i":"[^"\\\u0000-\u001f\u007f-\u009f]{1,200}","e":"a","q":"[^"\\\u0000-\u001f\u007f-\u009f]{1,200}","c":\[(?:(?:1?\d|2[0-5])(?:,(?:1?\d|2[0-5])){0,25})?\](?:,"ok":1)?,"at":(?:0|[1-9]\d{0,15})(?:,"ms":(?:0|[1-9]\d{0,9}))?(?:,"s":"[edp]")?(?:,"r":[1-4])?\}/y;

/**
 * The answer on text[start, end) if that is a line written by encodeEvent, else undefined.
 * It reads a journal's chunk in place: only the id and the question are cut out of it.
 */
export function answerAt(text: string, start: number, end: number): AnswerEvent | undefined {
  ANSWER_LINE.lastIndex = start;
  if (!ANSWER_LINE.test(text) || ANSWER_LINE.lastIndex !== end) return undefined;
  // The line is known to have that shape: the fields are found by their first letters.
  const idEnd = text.indexOf('"', start + 6);
  const questionStart = idEnd + ANSWER_AFTER_ID.length;
  const questionEnd = text.indexOf('"', questionStart);
  const chosen: number[] = [];
  let i = questionEnd + CHOSEN_START.length;
  while (text.charCodeAt(i) !== CLOSE_BRACKET) {
    chosen.push(digitsAt(text, i));
    i = text.charCodeAt(digitsEnd) === COMMA ? digitsEnd + 1 : digitsEnd;
  }
  i++;
  const correct = text.charCodeAt(i + 2) === 0x6f; // ,"ok":1
  if (correct) i += 7;
  const at = digitsAt(text, i + 6); // ,"at":
  i = digitsEnd;
  let ms = 0;
  if (text.charCodeAt(i + 2) === 0x6d) {
    ms = digitsAt(text, i + 6); // ,"ms":
    i = digitsEnd;
  }
  let source: AnswerSource = 'quiz';
  if (text.charCodeAt(i + 2) === 0x73) {
    source = SOURCE_OF.get(text[i + 6]!)!; // ,"s":"p"
    i += 8;
  }
  const rating = text.charCodeAt(i + 2) === 0x72 ? ((text.charCodeAt(i + 5) - 48) as Rating) : defaultRating(correct); // ,"r":2
  if (!isTime(at) || !isCount(ms)) return undefined;
  return {
    kind: 'answer',
    id: text.slice(start + 6, idEnd),
    at,
    question: text.slice(questionStart, questionEnd),
    chosen,
    correct,
    ms,
    source,
    rating,
  };
}
