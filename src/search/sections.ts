// Words of a query spread over one section. "sqs duplicates visibility" may have no line
// holding all three words, yet the SQS section on the visibility timeout holds them all:
// such a section is a hit, ranked below every hit on one line. The records of a section
// (its heading and its lines) form a group; titles and aliases belong to none, since a
// word of the service's name already counts for every record of the service.
import type { SearchRecord } from '../content/types.js';
import type { RecordList } from './pack.js';

export interface SectionGroups {
  /** The group of each record, or -1 for a title or an alias. */
  of: Int32Array;
  count: number;
  /** The groups of each service, by service id. */
  byService: Map<string, number[]>;
}

/** A record list that can tell its groups without making its records (search.json's). */
export interface GroupedRecordList extends RecordList {
  sectionGroups(): SectionGroups;
}

const hasGroups = (records: RecordList): records is GroupedRecordList =>
  typeof (records as Partial<GroupedRecordList>).sectionGroups === 'function';

/** Groups over records known one by one: dense ids in order of first appearance. */
export function groupsOf(records: RecordList): SectionGroups {
  if (hasGroups(records)) return records.sectionGroups();
  const of = new Int32Array(records.length);
  const ids = new Map<string, number>();
  const byService = new Map<string, number[]>();
  for (let i = 0; i < records.length; i++) {
    const record: SearchRecord = records.at(i)!;
    if (record.title !== undefined || record.alias !== undefined) {
      of[i] = -1;
      continue;
    }
    const key = `${record.service}#${record.section ?? ''}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
      const list = byService.get(record.service);
      if (list) list.push(id);
      else byService.set(record.service, [id]);
    }
    of[i] = id;
  }
  return { of, count: ids.size, byService };
}

/** A record's match on one word of the query, from the word index (stage 1 of the search). */
export interface WordMatches {
  /** Records whose own text matched the word. */
  own: readonly number[];
  /** The match quality of each of those, by record index (1 = the word itself). */
  quality: Float64Array;
  /** Services whose name matched the word: it counts for every record of theirs. */
  owners: string[];
}

export interface SectionMatch {
  /** The record shown for the section: the one holding most of the query's words. */
  record: number;
  /** From 0.5 (every word itself) to 0.8 (every word a typo or a part of a word). */
  score: number;
}

/** Score of a word matched only by the service's name, as for hits on one line. */
const OWNER_SCORE = 0.5;

/**
 * The sections holding every word of a query of several words, two at least in their own
 * text, where no single record holds them all (those are hits on one line already): the
 * record to show for each, and its score.
 */
export function sectionMatches(groups: SectionGroups, words: WordMatches[], onOneLine: Iterable<number>): SectionMatch[] {
  if (words.length < 2) return [];
  const { of, count, byService } = groups;
  /** How many words, in order, each group has had so far. */
  const reached = new Uint8Array(count);
  const ownWords = new Uint8Array(count);
  const scoreSum = new Float64Array(count);
  /** Word number + 1 for which each group was last credited, and by its own text. */
  const creditedFor = new Int32Array(count);
  const ownFor = new Int32Array(count);
  /** The best score of the current word in each group. */
  const best = new Float64Array(count);
  const perRecord = new Map<number, { words: number; quality: number }>();
  let alive: number[] = [];
  for (const [n, word] of words.entries()) {
    const credited: number[] = [];
    const credit = (group: number, score: number, own: boolean) => {
      if (reached[group] !== n) return; // an earlier word is missing there
      if (creditedFor[group] !== n + 1) {
        creditedFor[group] = n + 1;
        best[group] = score;
        credited.push(group);
      } else if (score < best[group]!) best[group] = score;
      if (own && ownFor[group] !== n + 1) {
        ownFor[group] = n + 1;
        ownWords[group]!++;
      }
    };
    for (const record of word.own) {
      const quality = word.quality[record]!;
      const group = of[record]!;
      if (group < 0) continue;
      credit(group, 1 - quality, true);
      const seen = perRecord.get(record);
      if (seen) {
        seen.words++;
        seen.quality += quality;
      } else perRecord.set(record, { words: 1, quality });
    }
    for (const service of word.owners) for (const group of byService.get(service) ?? []) credit(group, OWNER_SCORE, false);
    alive = credited;
    for (const group of credited) {
      reached[group] = n + 1;
      scoreSum[group]! += best[group]!;
    }
  }
  const excluded = new Set<number>();
  for (const record of onOneLine) if (of[record]! >= 0) excluded.add(of[record]!);
  const shown = new Map<number, number>();
  for (const group of alive) if (ownWords[group]! >= 2 && !excluded.has(group)) shown.set(group, -1);
  if (shown.size === 0) return [];
  const better = (a: number, b: number) => {
    const x = perRecord.get(a)!;
    const y = perRecord.get(b)!;
    return x.words !== y.words ? x.words > y.words : x.quality !== y.quality ? x.quality > y.quality : a < b;
  };
  for (const record of perRecord.keys()) {
    const group = of[record]!;
    const current = shown.get(group);
    if (current === undefined) continue;
    if (current < 0 || better(record, current)) shown.set(group, record);
  }
  return [...shown].map(([group, record]) => ({ record, score: 0.5 + scoreSum[group]! / words.length / 2 }));
}
