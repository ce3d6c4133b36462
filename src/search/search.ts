// Fuzzy search over short fields (titles, aliases, headings, single note lines), with the
// index built at build time. Used by `awsnotes search`, `awsnotes show` and the menu.
import Fuse, { type Expression, type FuseIndex, type FuseResult } from 'fuse.js';
import { searchData } from '../content/bundle.js';
import type { SearchRecord } from '../content/types.js';
import { SEARCH_KEYS, type SearchKey } from './keys.js';

export type HitKind = 'title' | 'alias' | 'heading' | 'line';

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

const FIELDS: HitKind[] = ['title', 'alias', 'heading', 'line'];
export const DEFAULT_LIMIT = 10;

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
  records: SearchRecord[];
  index: FuseIndex<SearchRecord>;
  byThreshold: Map<number, Fuse<SearchRecord>>;
}

let shipped: Searcher | undefined;

/** Builds a searcher; the index is parsed from the build's JSON or made from the records. */
export function createSearcher(records: SearchRecord[], index?: unknown): Searcher {
  const parsed = index
    ? Fuse.parseIndex<SearchRecord>(index as Parameters<typeof Fuse.parseIndex>[0])
    : Fuse.createIndex<SearchRecord>([...SEARCH_KEYS], records);
  return { records, index: parsed, byThreshold: new Map() };
}

function fuseFor(searcher: Searcher, threshold: number): Fuse<SearchRecord> {
  let fuse = searcher.byThreshold.get(threshold);
  if (!fuse) {
    fuse = new Fuse(
      searcher.records,
      {
        keys: [...SEARCH_KEYS],
        includeScore: true,
        includeMatches: true,
        // Lines are short (one bullet), so a match anywhere in them counts the same.
        ignoreLocation: true,
        threshold,
        minMatchCharLength: 2,
      },
      searcher.index,
    );
    searcher.byThreshold.set(threshold, fuse);
  }
  return fuse;
}

function shippedSearcher(): Searcher {
  if (!shipped) {
    const data = searchData();
    shipped = createSearcher(data.records, data.index);
  }
  return shipped;
}

export function normalizeQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ').slice(0, 64);
}

const OWN_KEYS: SearchKey[] = ['title', 'alias', 'heading', 'line'];

/** One word matches the record's own text; `owner` would make every line of a service match its name. */
function singleWordExpression(word: string): Expression {
  return { $or: OWN_KEYS.map((key) => ({ [key]: word })) };
}

/** Every word must match somewhere in the record or its owning service. */
function multiWordExpression(words: string[]): Expression {
  return {
    $and: words.map((word) => ({
      $or: (['title', 'alias', 'heading', 'line', 'owner'] as SearchKey[]).map((key) => ({ [key]: word })),
    })),
  };
}

function toHit(result: FuseResult<SearchRecord>): SearchHit {
  const record = result.item;
  const kind = FIELDS.find((field) => record[field] !== undefined) ?? 'line';
  const text = record[kind] ?? '';
  const ranges: [number, number][] = [];
  for (const match of result.matches ?? []) {
    if (match.key !== kind) continue;
    for (const [start, end] of match.indices) ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  return { service: record.service, section: record.section, kind, text, score: result.score ?? 1, ranges };
}

export function search(query: string, options: { limit?: number; searcher?: Searcher } = {}): SearchHit[] {
  const q = normalizeQuery(query);
  if (!q) return [];
  const searcher = options.searcher ?? shippedSearcher();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const words = q.split(' ');
  // Multi-word: each word must match on its own, so each gets its own threshold; the
  // strictest (shortest word) applies to all, keeping "s3 cors" from matching noise.
  const threshold = Math.min(...words.map(thresholdFor));
  const fuse = fuseFor(searcher, threshold);
  const expression = words.length > 1 ? multiWordExpression(words) : singleWordExpression(q);
  // A service's title and its aliases are one answer: keep only its best name hit.
  const named = new Set<string>();
  const hits: SearchHit[] = [];
  // Equal scores: the shorter text is the closer match ("lamda": "Lambda" before "Lambda@Edge").
  const ranked = fuse
    .search(expression, { limit: limit * 3 })
    .map(toHit)
    .sort((a, b) => a.score - b.score || a.text.length - b.text.length);
  for (const hit of ranked) {
    if (hit.kind === 'title' || hit.kind === 'alias') {
      if (named.has(hit.service)) continue;
      named.add(hit.service);
    }
    hits.push(hit);
    if (hits.length === limit) break;
  }
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
  return shippedSearcher().records;
}
