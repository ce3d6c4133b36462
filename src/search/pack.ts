// The search index as stored in search.json: the records as parallel arrays (service and
// section as numbers into name tables, the kind as a digit, the text) rather than 1,770
// objects repeating "service", "section" and their values. A third smaller, and JSON.parse
// builds a few arrays instead of thousands of objects (measured in `npm run bench`).
import type { SearchRecord } from '../content/types.js';
import type { WordIndex } from './index.js';

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
  index: WordIndex;
}

export function kindOf(record: SearchRecord): Kind {
  return KINDS.find((k) => record[k] !== undefined) ?? 'line';
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
    index,
  };
}

export function unpackSearch(packed: PackedSearch): { records: SearchRecord[]; index: WordIndex } {
  const { services, sections, service, section, kind, text } = packed;
  const records = text.map((value, i): SearchRecord => {
    const record: SearchRecord = { service: services[service[i]!]!, section: section[i]! < 0 ? null : sections[section[i]!]! };
    record[KINDS[Number(kind[i])]!] = value;
    return record;
  });
  return { records, index: packed.index };
}
