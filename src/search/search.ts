// Fuzzy search over short fields (titles, aliases, headings, single note lines), used by
// `awsnotes search`, `awsnotes show` and the menu. Two stages, so a keystroke costs about a
// millisecond: the word index (built at build time) picks the records worth scoring, and
// fuse.js scores and highlights those few. The learner's own notes have a small index of
// their own, made when they load (src/own/), searched beside the shipped one: what they
// save is found at once, without a rebuild.
import Fuse, { type FuseResult } from 'fuse.js';
import { ownContent, searchData } from '../content/bundle.js';
import type { OwnContent } from '../own/types.js';
import type { SearchRecord } from '../content/types.js';
import { buildWordIndex, matchWord, tokenize, vocabIndex, type WordIndex } from './index.js';
import { KINDS, kindOf, recordArray, type Kind, type RecordList } from './pack.js';
import { SEARCH_KEYS } from './keys.js';
import { namesService } from './names.js';
import { groupsOf, type SectionGroups, type SectionMatch, sectionMatches, type WordMatches } from './sections.js';

export type HitKind = Kind;

export interface SearchHit {
  service: string;
  section: string | null;
  kind: HitKind;
  text: string;
  /** 0 = perfect, 1 = no match (Fuse's scale). */
  score: number;
  /** Inclusive [start, end] character ranges of `text` that matched. */
  ranges: [number, number][];
}

export const DEFAULT_LIMIT = 10;
/** Records handed to Fuse per query: enough for every real query, few enough to be fast. */
const CANDIDATES = 40;
/** A word matching only the owning service's name (multi-word queries) counts this much. */
const OWNER_WEIGHT = 0.3;
const FIELD_WEIGHT: Record<HitKind, number> = { title: 4, alias: 3.5, heading: 2, line: 1 };

/**
 * Fuse's score is roughly errors ÷ pattern length, so one fixed threshold lets a 3-letter
 * query match anything with two of its letters ("ddb" in "Adding"). Short queries must
 * match exactly, medium ones may have one error, long ones about one in three.
 */
export function thresholdFor(query: string): number {
  const length = query.replace(/\s/g, '').length;
  if (length <= 3) return 0.01;
  if (length <= 5) return 0.21;
  return 0.34;
}

export interface Searcher {
  records: RecordList;
  index: WordIndex;
  /** Indexes of a service's records (made on first use: only multi-word queries ask). */
  recordsOf: (service: string) => readonly number[];
  /** FIELD_WEIGHT of each record's kind, by record index: one letter touches thousands. */
  weights: Float64Array;
  /** The records' sections (made on first use: only multi-word queries ask). */
  groups: () => SectionGroups;
}

let shipped: Searcher | undefined;

/** A searcher over an array of records, with its word index made now. */
export function createSearcher(records: readonly SearchRecord[]): Searcher {
  return searcherOver(records, buildWordIndex(records));
}

/** No record is made until a query needs it (search.json's records are made on demand). */
function searcherOver(records: RecordList, index: WordIndex): Searcher {
  let byService: Map<string, number[]> | undefined;
  const recordsOf = (service: string) => {
    if (!byService) {
      byService = new Map();
      for (let i = 0; i < records.length; i++) {
        const owner = records.at(i)!.service;
        const list = byService.get(owner);
        if (list) list.push(i);
        else byService.set(owner, [i]);
      }
    }
    return byService.get(service) ?? [];
  };
  const weights = new Float64Array(records.length);
  const digits = records.kindDigits?.();
  if (digits === undefined) for (let i = 0; i < records.length; i++) weights[i] = FIELD_WEIGHT[kindOf(records.at(i)!)];
  else {
    // Read off search.json's digits in place: a call per record was most of a cold start's search setup.
    const byDigit = KINDS.map((kind) => FIELD_WEIGHT[kind]);
    for (let i = 0; i < records.length; i++) weights[i] = byDigit[digits.charCodeAt(i) - 48]!;
  }
  let groups: SectionGroups | undefined;
  return { records, index, recordsOf, weights, groups: () => (groups ??= groupsOf(records)) };
}

function shippedSearcher(): Searcher {
  if (!shipped) {
    const data = searchData();
    shipped = searcherOver(data.records, data.index);
  }
  return shipped;
}

let own: { content: OwnContent; searcher: Searcher } | undefined;

/** The index over the learner's records, made again whenever other content of theirs is loaded. */
function ownSearcher(): Searcher | undefined {
  const content = ownContent();
  if (!content) return undefined;
  if (own?.content !== content) {
    const { records, index } = content.search();
    own = { content, searcher: searcherOver(records, index) };
  }
  return own.searcher.records.length ? own.searcher : undefined;
}

export function normalizeQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ').slice(0, 64);
}

/**
 * Stage 1: the records whose words match every query word (or, for several words, whose
 * service's name does), best first by match quality × field weight; and, for several
 * words, the sections that hold them all only between their records. Typed arrays,
 * because one letter can touch thousands of records.
 */
function candidates(
  searcher: Searcher,
  words: string[],
): { pool: SearchRecord[]; matched: Map<number, number>[]; sections: SectionMatch[] } {
  const { index, records, weights } = searcher;
  const matchedByWord: Map<number, number>[] = [];
  const spread: WordMatches[] = [];
  const total = new Float64Array(records.length);
  const matchedWords = new Uint8Array(records.length);
  let alive: number[] = [];
  for (const [n, word] of words.entries()) {
    const quality = new Float64Array(records.length);
    const touched: number[] = [];
    const offer = (r: number, q: number) => {
      if (quality[r] === 0) touched.push(r);
      if (quality[r]! < q) quality[r] = q;
    };
    const matched = matchWord(index, word);
    matchedByWord.push(matched);
    for (const [vocabIndex, q] of matched) for (const r of index.postings.at(vocabIndex)!) offer(r, q);
    if (words.length > 1) {
      // Own matches, before the service's name is offered to the rest of its records.
      spread.push({ own: touched.slice(), quality, owners: [] });
      for (const [service, ownerWords] of Object.entries(index.owners)) {
        if (!ownerWords.some((w) => matched.has(w))) continue;
        spread[n]!.owners.push(service);
        for (const r of searcher.recordsOf(service)) if (quality[r] === 0) offer(r, OWNER_WEIGHT);
      }
    }
    alive = [];
    for (const r of touched) {
      if (matchedWords[r] !== n) continue; // missed an earlier word
      matchedWords[r] = n + 1;
      total[r]! += quality[r]! * weights[r]!;
      alive.push(r);
    }
  }
  const sections = words.length > 1 ? sectionMatches(searcher.groups(), spread, alive) : [];
  const pool = alive
    .sort((a, b) => total[b]! - total[a]! || a - b)
    .slice(0, CANDIDATES)
    .map((r) => records.at(r)!);
  return { pool, matched: matchedByWord, sections };
}

/** Where the words of `text` are ones the query's words matched in the index. */
function matchedRanges(text: string, vocab: readonly string[], matched: Map<number, number>[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const token of text.matchAll(/[a-z0-9]+/gi)) {
    const at = vocabIndex(vocab, token[0].toLowerCase());
    if (at >= 0 && matched.some((m) => m.has(at))) ranges.push([token.index, token.index + token[0].length - 1]);
  }
  return ranges;
}

/** Words of one or two letters are prefixes being typed: matched at word starts, no fuzziness. */
function prefixMatches(pool: SearchRecord[], word: string): Map<SearchRecord, { score: number; ranges: [number, number][] }> {
  const found = new Map<SearchRecord, { score: number; ranges: [number, number][] }>();
  for (const record of pool) {
    const text = record[kindOf(record)] ?? '';
    const ranges: [number, number][] = [];
    let exact = false;
    for (const match of text.matchAll(/[a-z0-9]+/gi)) {
      const token = match[0].toLowerCase();
      if (!token.startsWith(word)) continue;
      ranges.push([match.index, match.index + word.length - 1]);
      if (token === word) exact = true;
    }
    if (ranges.length) found.set(record, { score: exact ? 0 : 0.1, ranges });
  }
  return found;
}

/** Score of a word that matched only the record's service name ("sqs" in "sqs fifo"). */
const OWNER_SCORE = 0.5;

interface Scored {
  record: SearchRecord;
  score: number;
  ranges: [number, number][];
}

/** Stage 2: Fuse scores each word on the candidates' own text; a record's score is the mean. */
function score(pool: SearchRecord[], words: string[], owners: Map<string, Set<string>>): Scored[] {
  const fuses = new Map<number, Fuse<SearchRecord>>();
  const fuseFor = (threshold: number) => {
    let fuse = fuses.get(threshold);
    if (!fuse) {
      // Lines are short (one bullet), so a match anywhere in them counts the same.
      fuse = new Fuse(pool, {
        keys: [...SEARCH_KEYS],
        includeScore: true,
        includeMatches: true,
        ignoreLocation: true,
        threshold,
        minMatchCharLength: 2,
      });
      fuses.set(threshold, fuse);
    }
    return fuse;
  };
  const perWord = words.map((word) => {
    if (word.length <= 2) return prefixMatches(pool, word);
    const byRecord = new Map<SearchRecord, { score: number; ranges: [number, number][] }>();
    for (const result of fuseFor(thresholdFor(word)).search(word)) {
      const ranges = rangesOf(result, kindOf(result.item));
      // Scattered letters are not the word: "lambda" within "downstream database" matches
      // "am" and "da". A typo keeps a run of at least half the word ("lamda", "lmabda").
      if (!ranges.some(([a, b]) => b - a + 1 >= Math.ceil(word.length / 2))) continue;
      byRecord.set(result.item, { score: result.score ?? 1, ranges });
    }
    return byRecord;
  });
  const scored: Scored[] = [];
  for (const record of pool) {
    let total = 0;
    let own = 0;
    const ranges: [number, number][] = [];
    let ok = true;
    for (const [n, word] of words.entries()) {
      const result = perWord[n]!.get(record);
      if (result) {
        own++;
        total += result.score;
        ranges.push(...result.ranges);
      } else if (words.length > 1 && owners.get(record.service)?.has(word)) total += OWNER_SCORE;
      else {
        ok = false;
        break;
      }
    }
    // At least one word must be in the record itself, not only in its service's name.
    if (ok && own > 0) scored.push({ record, score: total / words.length, ranges: mergeRanges(ranges) });
  }
  return scored;
}

function rangesOf(result: FuseResult<SearchRecord>, kind: HitKind): [number, number][] {
  return (result.matches ?? []).filter((m) => m.key === kind).flatMap((m) => m.indices.map(([a, b]) => [a, b] as [number, number]));
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const range of sorted) {
    const last = out.at(-1);
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else out.push([...range]);
  }
  return out;
}

const byRank = (a: SearchHit, b: SearchHit) => a.score - b.score || a.text.length - b.text.length;

/** What one index holds for a query: hits on one line, and hits across one section. */
interface IndexHits {
  /** Best first (score, then the shorter text: "lamda" finds "Lambda" before "Lambda@Edge"). */
  onLine: SearchHit[];
  /**
   * Sections holding the words only between their lines, best first: each with its own
   * score (0.5 to 0.8), made into a hit, with the score it is shown with, only if shown.
   */
  acrossSection: { score: number; hit(shownScore: number): SearchHit }[];
}

function indexHits(searcher: Searcher, words: string[]): IndexHits {
  const { pool, matched, sections } = candidates(searcher, words);
  if (pool.length === 0 && sections.length === 0) return { onLine: [], acrossSection: [] };
  // Which query words each candidate's service name matches, for multi-word queries.
  const owners = new Map<string, Set<string>>();
  if (words.length > 1) {
    for (const record of pool) {
      if (owners.has(record.service)) continue;
      const name = searcher.index.owners[record.service] ?? [];
      owners.set(record.service, new Set(words.filter((_, n) => name.some((w) => matched[n]!.has(w)))));
    }
  }
  const onLine = score(pool, words, owners)
    .map(({ record, score: s, ranges }): SearchHit => {
      const kind = kindOf(record);
      return { service: record.service, section: record.section, kind, text: record[kind] ?? '', score: s, ranges };
    })
    .sort(byRank);
  const acrossSection = sections
    .sort((a, b) => a.score - b.score || a.record - b.record)
    .map(({ record: r, score: s }) => ({
      score: s,
      hit: (shownScore: number): SearchHit => {
        const record = searcher.records.at(r)!;
        const kind = kindOf(record);
        const text = record[kind] ?? '';
        const ranges = matchedRanges(text, searcher.index.vocab, matched);
        return { service: record.service, section: record.section, kind, text, score: shownScore, ranges };
      },
    }));
  return { onLine, acrossSection };
}

/** Searches the shipped notes and the learner's (or only `searcher`, when given). */
export function search(query: string, options: { limit?: number; searcher?: Searcher } = {}): SearchHit[] {
  const q = normalizeQuery(query);
  if (!q) return [];
  const limit = options.limit ?? DEFAULT_LIMIT;
  const words = tokenize(q);
  if (words.length === 0) return [];
  const searchers = options.searcher ? [options.searcher] : [shippedSearcher(), ownSearcher()];
  const found = searchers.flatMap((searcher) => (searcher ? [indexHits(searcher, words)] : []));
  const ranked = found.flatMap((f) => f.onLine).sort(byRank);
  // A service's title and its aliases are one answer: keep only its best name hit.
  const named = new Set<string>();
  const hits: SearchHit[] = [];
  for (const hit of ranked) {
    if (hit.kind === 'title' || hit.kind === 'alias') {
      if (named.has(hit.service)) continue;
      named.add(hit.service);
    }
    hits.push(hit);
    if (hits.length === limit) return hits;
  }
  // Then the sections that hold the words only between their lines, of either index,
  // scored past every hit on one line (Fuse's scores of long lines reach 0.9 and more), so
  // that the order by score stays the order shown. The sort is stable: within one index
  // the sections keep their order.
  const worst = ranked.reduce((max, hit) => Math.max(max, hit.score), 0);
  const spread = found
    .flatMap((f) => f.acrossSection)
    .sort((a, b) => a.score - b.score)
    .slice(0, limit - hits.length);
  for (const section of spread) hits.push(section.hit(worst + (1 - worst) * section.score));
  return hits;
}

/** Hits grouped by service, services ordered by their best hit. */
export function groupByService(hits: SearchHit[]): { service: string; hits: SearchHit[] }[] {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.service) ?? [];
    list.push(hit);
    groups.set(hit.service, list);
  }
  return [...groups].map(([service, list]) => ({ service, hits: list }));
}

/** For tests and the bench: the records behind the shipped index. */
export function shippedRecords(): SearchRecord[] {
  return recordArray(shippedSearcher().records);
}

/**
 * The services a query names as the menu reads it: the start of a service's own name, or a
 * whole alias, a typo allowed in each word ("lamda", "secrets", "kinesis data streams").
 */
export function servicesNamed<T extends Parameters<typeof namesService>[1]>(query: string, services: readonly T[]): T[] {
  return services.filter((service) => namesService(query, service));
}
