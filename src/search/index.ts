// A word index over the search records, built at build time: the sorted vocabulary and,
// for each word, the records that contain it. It finds the few records worth scoring, so
// Fuse scores dozens of short lines instead of every line of every note.
import type { SearchRecord } from '../content/types.js';

export interface WordIndex {
  /** Every word of the records' own text (title, alias, heading or line), sorted. */
  vocab: string[];
  /** postings.at(i) = indexes of the records whose own text contains vocab[i]. */
  postings: PostingLists;
  /** Per service id: indexes into vocab of the words of its name (id, title, aliases). */
  owners: Record<string, number[]>;
}

/** An array of lists, or search.json's packed form decoded list by list (search/pack.ts). */
export interface PostingLists {
  at(i: number): readonly number[] | undefined;
  readonly length: number;
}

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

export const ownText = (r: SearchRecord) => r.title ?? r.alias ?? r.heading ?? r.line ?? '';

/**
 * `otherNames`: the names (id, title, aliases) of services whose title and alias records
 * are in another index: the learner's notes on a shipped service are indexed apart from
 * it, and "sqs retry" must still find a line of theirs about retries under SQS.
 */
export function buildWordIndex(records: readonly SearchRecord[], otherNames: Record<string, readonly string[]> = {}): WordIndex {
  const words = new Map<string, Set<number>>();
  // A service's name: its id and the text of its title and alias records.
  const names = new Map<string, Set<string>>();
  for (const [service, texts] of Object.entries(otherNames)) {
    names.set(service, new Set([...tokenize(service), ...texts.flatMap(tokenize)]));
  }
  records.forEach((record, i) => {
    const tokens = tokenize(ownText(record));
    for (const word of tokens) {
      let set = words.get(word);
      if (!set) {
        set = new Set();
        words.set(word, set);
      }
      set.add(i);
    }
    let name = names.get(record.service);
    if (!name) {
      name = new Set(tokenize(record.service));
      names.set(record.service, name);
    }
    if (record.title !== undefined || record.alias !== undefined) for (const word of tokens) name.add(word);
  });
  for (const name of names.values()) for (const word of name) if (!words.has(word)) words.set(word, new Set());
  const vocab = [...words.keys()].sort();
  const position = new Map(vocab.map((w, i) => [w, i]));
  return {
    vocab,
    postings: vocab.map((w) => [...words.get(w)!]),
    owners: Object.fromEntries([...names].map(([service, set]) => [service, [...set].map((w) => position.get(w)!)])),
  };
}

/** First index in sorted `vocab` whose word is >= `word`. */
function lowerBound(vocab: readonly string[], word: string): number {
  let lo = 0;
  let hi = vocab.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocab[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of `word` in sorted `vocab`, or -1. */
export function vocabIndex(vocab: readonly string[], word: string): number {
  const i = lowerBound(vocab, word);
  return vocab[i] === word ? i : -1;
}

const rowA = new Int32Array(64);
const rowB = new Int32Array(64);
const rowC = new Int32Array(64);

/**
 * Edit distance where swapping two neighbouring letters is one edit ("lmabda" → "lambda",
 * the commonest typo) as are inserting, deleting and replacing one (optimal string
 * alignment); giving up (returning max + 1) once it must exceed `max`.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length >= rowA.length) return max + 1;
  let beforePrevious = rowC;
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    // Past max in every cell: the row before held max at best (one edit less at most), and a
    // swap from it adds one, so no later row comes back under.
    if (best > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]! <= max ? previous[b.length]! : max + 1;
}

/** The vocabulary as one string, words separated by a newline (no word holds one). */
const joined = new WeakMap<readonly string[], { text: string; starts: Int32Array }>();

function joinedVocab(vocab: readonly string[]): { text: string; starts: Int32Array } {
  let found = joined.get(vocab);
  if (!found) {
    const starts = new Int32Array(vocab.length);
    for (let i = 1; i < vocab.length; i++) starts[i] = starts[i - 1]! + vocab[i - 1]!.length + 1;
    found = { text: vocab.join('\n'), starts };
    joined.set(vocab, found);
  }
  return found;
}

/** The index of the word that holds position `at` of the joined vocabulary. */
function wordAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The vocabulary words a typed word may mean, with a quality from 1 (the same word) down:
 * a prefix ("dyn" → "dynamodb"), a word containing it, or a typo ("kinessis" → "kinesis").
 */
export function matchWord(index: WordIndex, word: string): Map<number, number> {
  const { vocab } = index;
  const found = new Map<number, number>();
  const offer = (i: number, quality: number) => {
    if ((found.get(i) ?? 0) < quality) found.set(i, quality);
  };
  for (let i = lowerBound(vocab, word); i < vocab.length && vocab[i]!.startsWith(word); i++) offer(i, vocab[i] === word ? 1 : 0.8);
  if (word.length >= 3) {
    // Words containing it: found by indexOf in the joined vocabulary, not word by word.
    const { text, starts } = joinedVocab(vocab);
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const i = wordAt(starts, at);
      if (vocab[i]!.length > word.length) offer(i, 0.6);
    }
  }
  // Typos only for a word the notes do not contain: "kinessis", not "dynamo".
  if (word.length >= 4 && found.size === 0) {
    const max = word.length >= 7 ? 2 : 1;
    vocab.forEach((v, i) => {
      if (found.has(i)) return;
      const distance = boundedDistance(word, v, max);
      if (distance <= max) offer(i, distance === 1 ? 0.5 : 0.4);
    });
  }
  return found;
}
