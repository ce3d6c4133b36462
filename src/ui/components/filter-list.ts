// Filtering a list as the learner types, pure: which entries a filter keeps, best first.
// Used by the pickers too long to scan (a service among fifty, a task statement among
// thirteen), where a learner types what they know of the entry: "sqs", "ddb", "2.3".

export interface Filterable {
  label: string;
  /** Other words that find the entry (an id, aliases, a task number). */
  terms: readonly string[];
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The entries every word of `filter` finds (in the label or a term, anywhere), ranked: an
 * entry one of whose terms is the whole filter first ("sqs" is SQS's alias), then those
 * whose label has a word starting with each word typed, then the rest; the list's order
 * within each rank. An empty filter keeps every entry in order.
 */
export function filterEntries<T extends Filterable>(entries: readonly T[], filter: string): T[] {
  const wanted = normalise(filter);
  if (!wanted) return [...entries];
  const words = wanted.split(' ');
  const ranked: { entry: T; rank: number; at: number }[] = [];
  entries.forEach((entry, at) => {
    const terms = entry.terms.map(normalise);
    const label = normalise(entry.label);
    const haystack = `${label} ${terms.join(' ')}`;
    if (!words.every((w) => haystack.includes(w))) return;
    const labelWords = label.split(/[^a-z0-9.]+/);
    const rank = terms.includes(wanted) ? 0 : words.every((w) => labelWords.some((lw) => lw.startsWith(w))) ? 1 : 2;
    ranked.push({ entry, rank, at });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.at - b.at).map((r) => r.entry);
}
