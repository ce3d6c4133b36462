// Whether a menu query is a name: the whole of a service's id, title or alias ("sqs",
// "parameter store", "Simple Queue Service"), or the whole of a section's heading. A query
// that names a service asks for its note, not for the first section that mentions it.
import type { ServiceMeta } from '../content/bundle.js';
import { boundedDistance, tokenize } from './index.js';

/** Words of a name that nobody needs to type: "Amazon SQS", "AWS Lambda", "(AWS CDK)". */
const VENDOR = new Set(['amazon', 'aws']);

/** The words that matter, of a name or a query: without the vendor's (unless that is all). */
export function nameWords(text: string): string[] {
  const words = tokenize(text);
  const kept = words.filter((word) => !VENDOR.has(word));
  return kept.length ? kept : words;
}

/** A typed word for a word of a name: the same, a typo of it, or (the last one) its start. */
function wordMatches(typed: string, word: string, last: boolean): boolean {
  if (typed === word || (last && word.startsWith(typed))) return true;
  if (typed.length < 4) return false;
  const allowed = typed.length >= 7 ? 2 : 1;
  return boundedDistance(typed, word, allowed) <= allowed;
}

/** Whether the query's words are the words of a name, in order (typos and a word being typed allowed). */
function isName(queryWords: readonly string[], words: readonly string[]): boolean {
  return words.length === queryWords.length && isStartOf(queryWords, words);
}

/** Whether the query's words begin a name: "secrets" of "Secrets Manager", "simple queue" of "Simple Queue Service". */
function isStartOf(queryWords: readonly string[], words: readonly string[]): boolean {
  return words.length >= queryWords.length && queryWords.every((typed, i) => wordMatches(typed, words[i]!, i === queryWords.length - 1));
}

/**
 * A service's names: its id, its title, the title's parts around parentheses ("Amazon
 * Simple Queue Service (Amazon SQS)" is also "Simple Queue Service" and "SQS"), its aliases.
 */
export function serviceNames(service: Pick<ServiceMeta, 'id' | 'title' | 'aliases'>): string[] {
  const parts = service.title
    .split(/[()]/)
    .map((part) => part.trim())
    .filter(Boolean);
  return [service.id, service.title, ...parts, ...service.aliases];
}

type Named = Pick<ServiceMeta, 'id' | 'title' | 'aliases' | 'sections'>;

/** The words of each name and heading, made once per service (the menu asks on every key). */
const wordsOf = new WeakMap<Named, { proper: string[][]; names: string[][]; headings: { slug: string; words: string[] }[] }>();

function namesOf(service: Named) {
  let found = wordsOf.get(service);
  if (!found) {
    found = {
      proper: serviceNames({ ...service, aliases: [] }).map(nameWords),
      names: serviceNames(service).map(nameWords),
      headings: service.sections.map((section) => ({ slug: section.slug, words: nameWords(section.title) })),
    };
    wordsOf.set(service, found);
  }
  return found;
}

export function namesService(query: string, service: Named): boolean {
  const words = nameWords(query);
  if (words.length === 0) return false;
  const { proper, names } = namesOf(service);
  // The service's own name may be typed in part; an alias only whole ("fifo" is a topic of
  // SQS, not its name, though "FIFO queue" is one of its aliases).
  return proper.some((name) => isStartOf(words, name)) || names.some((name) => isName(words, name));
}

/** The section whose whole heading the query is ("dead-letter queues"), if any. */
export function namedSection(query: string, service: Named): string | null {
  const words = nameWords(query);
  if (words.length === 0) return null;
  return namesOf(service).headings.find((heading) => isName(words, heading.words))?.slug ?? null;
}

/** The query's words that are not its service's proper name (id, title): what it is about. */
export function subjectWords(query: string, service: Pick<ServiceMeta, 'id' | 'title'>): string[] {
  const proper = new Set(nameWords(`${service.id} ${service.title}`));
  return nameWords(query).filter((word) => !proper.has(word));
}
