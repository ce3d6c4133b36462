// The search index as stored in search.json: the records as parallel arrays (service and
// section as numbers into name tables, the kind as a digit) and their texts as one string,
// rather than 1,770 objects repeating "service", "section" and their values; and the
// postings (3,000 lists of record numbers) as one string, decoded list by list when a
// query matches the word. JSON.parse builds a few arrays and strings instead of thousands
// of objects, and a query makes only the records it scores: `awsnotes search` makes ~40.
//
// The build writes the two long strings apart (packSearchFiles): search.json holds the
// rest, and search.bin the texts and postings as bytes, each piece found by an offset
// table at its start. search.bin stays a buffer outside the JavaScript heap and only the
// pieces a query reaches become strings: parsed from JSON, those 600 KB were copied into
// the young generation (a scavenge at every start) and scanned for every separator.
import type { SearchRecord } from '../content/types.js';
import type { PostingLists, WordIndex } from './index.js';
import type { GroupedRecordList, SectionGroups } from './sections.js';

/** Search records by number: an array, or search.json's records made on demand. */
export interface RecordList {
  at(i: number): SearchRecord | undefined;
  readonly length: number;
  /** Each record's index into KINDS as a digit, one a record, where known without making them. */
  kindDigits?(): string;
}

export const KINDS = ['title', 'alias', 'heading', 'line'] as const;
export type Kind = (typeof KINDS)[number];

export interface PackedSearch {
  services: string[];
  /** Section slugs; a record's section is an index here, or -1 for none. */
  sections: string[];
  service: number[];
  section: number[];
  /** Index into KINDS of each record's own text. */
  kind: string;
  /** The records' own texts, one per line. */
  text: string;
  /** The word index, its postings packed by packPostings. */
  index: Omit<WordIndex, 'postings'> & { postings: string };
}

/** Lists separated by spaces, each its record numbers in base 36 separated by commas. */
export function packPostings(lists: PostingLists): string {
  const packed: string[] = [];
  for (let i = 0; i < lists.length; i++)
    packed.push(
      lists
        .at(i)!
        .map((n) => n.toString(36))
        .join(','),
    );
  return packed.join(' ');
}

/** The i-th of a run of strings kept packed (i below the count the caller knows). */
type Pieces = (i: number) => string;

/** Pieces of one string, `separator` between them: where each starts is found when the first is asked for. */
function separated(text: string, separator: string, count: number, what: string): Pieces {
  let starts: Int32Array | undefined;
  return (i) => {
    starts ??= pieceStarts(text, separator, count, what);
    return text.slice(starts[i]!, starts[i + 1]! - 1);
  };
}

/**
 * Pieces of a buffer: `count` + 1 offsets (32-bit little-endian) at `table`, piece i being
 * the bytes from offset i to offset i + 1, counted from `data`.
 */
function tabled(bytes: Buffer, table: number, data: number, encoding: 'utf8' | 'latin1'): Pieces {
  return (i) => bytes.toString(encoding, data + bytes.readInt32LE(table + 4 * i), data + bytes.readInt32LE(table + 4 * i + 4));
}

/** The lists of a packed string, each decoded the first time it is asked for. */
export class PackedPostings implements PostingLists {
  private readonly decoded: (readonly number[])[] = [];
  private readonly piece: Pieces;

  /** `length`: how many lists (the vocabulary's size; "" is one empty list or none). */
  constructor(
    packed: string | Pieces,
    readonly length: number,
  ) {
    this.piece = typeof packed === 'string' ? separated(packed, ' ', length, 'posting lists') : packed;
  }

  at(i: number): readonly number[] | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    let list = this.decoded[i];
    if (!list) {
      const text = this.piece(i);
      list = text ? text.split(',').map((n) => parseInt(n, 36)) : [];
      this.decoded[i] = list;
    }
    return list;
  }
}

/**
 * Where each of the `count` pieces of `text` starts, the pieces separated by `separator`;
 * entry `count` is one past the end, so piece i is text.slice(starts[i], starts[i + 1] - 1).
 */
function pieceStarts(text: string, separator: string, count: number, what: string): Int32Array {
  const starts = new Int32Array(count + 1);
  let piece = 1;
  for (let at = text.indexOf(separator); at >= 0 && piece < count; at = text.indexOf(separator, at + 1)) starts[piece++] = at + 1;
  if (piece !== count) throw new Error(`search.json: ${piece} ${what} where ${count} were expected`);
  starts[count] = text.length + 1;
  return starts;
}

/** The first of KINDS the record has; called for every record when a searcher is made. */
export function kindOf(record: SearchRecord): Kind {
  if (record.title !== undefined) return 'title';
  if (record.alias !== undefined) return 'alias';
  if (record.heading !== undefined) return 'heading';
  return 'line';
}

export function packSearch(records: readonly SearchRecord[], index: WordIndex): PackedSearch {
  const services: string[] = [];
  const sections: string[] = [];
  const position = (list: string[], value: string) => {
    let i = list.indexOf(value);
    if (i < 0) i = list.push(value) - 1;
    return i;
  };
  return {
    services,
    sections,
    service: records.map((r) => position(services, r.service)),
    section: records.map((r) => (r.section === null ? -1 : position(sections, r.section))),
    kind: records.map((r) => KINDS.indexOf(kindOf(r))).join(''),
    text: records
      .map((r) => {
        const text = r[kindOf(r)] ?? '';
        if (text.includes('\n')) throw new Error(`search record of ${r.service} spans lines: ${JSON.stringify(text)}`);
        return text;
      })
      .join('\n'),
    index: { ...index, postings: packPostings(index.postings) },
  };
}

/** search.json as the build writes it: the packed index without its texts and postings (in search.bin). */
export type PackedSearchHead = Omit<PackedSearch, 'text' | 'index'> & { index: Omit<PackedSearch['index'], 'postings'> };

/**
 * The packed index as two files: search.json, and search.bin with the records' texts
 * (UTF-8) and the posting lists (ASCII), each run after its offset table.
 */
export function packSearchFiles(records: readonly SearchRecord[], index: WordIndex): { head: PackedSearchHead; bytes: Buffer } {
  const { text, index: packedIndex, ...rest } = packSearch(records, index);
  const { postings, ...indexRest } = packedIndex;
  const texts = text.split('\n').map((t) => Buffer.from(t, 'utf8'));
  const lists = index.vocab.length ? postings.split(' ').map((p) => Buffer.from(p, 'latin1')) : [];
  const table = (pieces: Buffer[]) => {
    const offsets = Buffer.alloc(4 * (pieces.length + 1));
    let at = 0;
    pieces.forEach((piece, i) => {
      offsets.writeInt32LE(at, 4 * i);
      at += piece.length;
    });
    offsets.writeInt32LE(at, 4 * pieces.length);
    return offsets;
  };
  if (texts.length !== records.length || lists.length !== index.vocab.length)
    throw new Error('search.bin: the pieces do not match the index');
  return { head: { ...rest, index: indexRest }, bytes: Buffer.concat([table(texts), table(lists), ...texts, ...lists]) };
}

/** search.json and the bytes of search.bin (left as bytes: a piece becomes a string when asked for). */
export function unpackSearchFiles(head: PackedSearchHead, bytes: Buffer): { records: PackedRecords; index: WordIndex } {
  const count = head.service.length;
  const lists = head.index.vocab.length;
  const listTable = 4 * (count + 1);
  const textData = listTable + 4 * (lists + 1);
  const listData = textData + (bytes.length >= listTable ? bytes.readInt32LE(4 * count) : 0);
  if (bytes.length < textData || listData + bytes.readInt32LE(listTable + 4 * lists) !== bytes.length)
    throw new Error(`search.bin does not match search.json (${bytes.length} bytes)`);
  return {
    records: new PackedRecords(head, tabled(bytes, 0, textData, 'utf8')),
    index: { ...head.index, postings: new PackedPostings(tabled(bytes, listTable, listData, 'latin1'), lists) },
  };
}

/** The records of search.json, each made the first time it is asked for. */
export class PackedRecords implements GroupedRecordList {
  readonly length: number;
  private groups: SectionGroups | undefined;
  private readonly made: SearchRecord[] = [];

  /** `texts`: each record's own text, as a piece of search.bin or of the packed `text`. */
  constructor(
    private readonly packed: Omit<PackedSearch, 'index' | 'text'>,
    private readonly texts: Pieces,
  ) {
    this.length = packed.service.length;
  }

  at(i: number): SearchRecord | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    let record = this.made[i];
    if (!record) {
      const { services, sections, service, section, kind } = this.packed;
      record = { service: services[service[i]!]!, section: section[i]! < 0 ? null : sections[section[i]!]! };
      record[KINDS[Number(kind[i])]!] = this.texts(i);
      this.made[i] = record;
    }
    return record;
  }

  kindDigits(): string {
    return this.packed.kind;
  }

  /** The records' sections as groups, from the parallel arrays: no record is made. */
  sectionGroups(): SectionGroups {
    if (this.groups) return this.groups;
    const { services, sections, service, section, kind } = this.packed;
    const of = new Int32Array(this.length);
    const ids = new Map<number, number>();
    const byService = new Map<string, number[]>();
    const named = [KINDS.indexOf('title'), KINDS.indexOf('alias')].map(String);
    for (let i = 0; i < this.length; i++) {
      if (named.includes(kind[i]!)) {
        of[i] = -1;
        continue;
      }
      const key = service[i]! * (sections.length + 1) + section[i]! + 1;
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        const name = services[service[i]!]!;
        const list = byService.get(name);
        if (list) list.push(id);
        else byService.set(name, [id]);
      }
      of[i] = id;
    }
    this.groups = { of, count: ids.size, byService };
    return this.groups;
  }
}

export function unpackSearch(packed: PackedSearch): { records: PackedRecords; index: WordIndex } {
  return {
    records: new PackedRecords(packed, separated(packed.text, '\n', packed.service.length, 'record texts')),
    index: { ...packed.index, postings: new PackedPostings(packed.index.postings, packed.index.vocab.length) },
  };
}

/** Every record of a list, as an array (tests, the bench's synthetic corpus). */
export function recordArray(list: RecordList): SearchRecord[] {
  return Array.from({ length: list.length }, (_, i) => list.at(i)!);
}
