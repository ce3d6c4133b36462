// The search index as stored in search.json: the records as parallel arrays (service and
// section as numbers into name tables, the kind as a digit, the text) rather than 1,770
// objects repeating "service", "section" and their values; and the postings (3,000 lists
// of record numbers) as one string, decoded list by list when a query matches the word.
// A third smaller, and JSON.parse builds a few arrays and strings instead of thousands of
// objects and arrays: `awsnotes search` parses the index in half the time.
import type { SearchRecord } from '../content/types.js';
import type { PostingLists, WordIndex } from './index.js';

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
  text: string[];
  /** The word index, its postings packed by packPostings. */
  index: Omit<WordIndex, 'postings'> & { postings: string };
}

/** Lists separated by spaces, each its record numbers in base 36 separated by commas. */
export function packPostings(lists: PostingLists): string {
  const packed: string[] = [];
  for (let i = 0; i < lists.length; i++) packed.push(lists.at(i)!.map((n) => n.toString(36)).join(','));
  return packed.join(' ');
}

/** The lists of a packed string, each decoded the first time it is asked for. */
export class PackedPostings implements PostingLists {
  private starts: Int32Array | undefined;
  private readonly decoded: (readonly number[])[] = [];

  /** `length`: how many lists (the vocabulary's size; "" is one empty list or none). */
  constructor(
    private readonly packed: string,
    readonly length: number,
  ) {}

  at(i: number): readonly number[] | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) return undefined;
    let list = this.decoded[i];
    if (!list) {
      const starts = (this.starts ??= this.findStarts());
      const text = this.packed.slice(starts[i]!, starts[i + 1]! - 1);
      list = text ? text.split(',').map((n) => parseInt(n, 36)) : [];
      this.decoded[i] = list;
    }
    return list;
  }

  private findStarts(): Int32Array {
    const starts = new Int32Array(this.length + 1);
    let list = 1;
    for (let at = this.packed.indexOf(' '); at >= 0 && list < this.length; at = this.packed.indexOf(' ', at + 1)) starts[list++] = at + 1;
    if (list !== this.length) throw new Error(`search.json: ${list} posting lists for ${this.length} words`);
    starts[this.length] = this.packed.length + 1;
    return starts;
  }
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
    text: records.map((r) => r[kindOf(r)] ?? ''),
    index: { ...index, postings: packPostings(index.postings) },
  };
}

export function unpackSearch(packed: PackedSearch): { records: SearchRecord[]; index: WordIndex } {
  const { services, sections, service, section, kind, text } = packed;
  const records = text.map((value, i): SearchRecord => {
    const record: SearchRecord = { service: services[service[i]!]!, section: section[i]! < 0 ? null : sections[section[i]!]! };
    record[KINDS[Number(kind[i])]!] = value;
    return record;
  });
  return { records, index: { ...packed.index, postings: new PackedPostings(packed.index.postings, packed.index.vocab.length) } };
}
