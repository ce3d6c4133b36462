// Finds the service a learner means: an id, a title, an alias, or a fuzzy query.
import { serviceMeta, type ServiceMeta } from './bundle.js';
import { nameKey } from './types.js';

export type Lookup = { found: ServiceMeta } | { found?: undefined; candidates: ServiceMeta[] };

/** A fuzzy winner must beat the runner-up by this much (Fuse scores, 0 = perfect). */
const CLEAR_LEAD = 0.12;

/**
 * The service a query names exactly (id, title or alias, ignoring case, punctuation and an
 * Amazon/AWS prefix), or the fuzzy search's clear winner. Loads the search (and its index)
 * only when no name matches exactly, so `awsnotes show sqs` never reads it.
 */
export async function findService(query: string): Promise<Lookup> {
  const exact = exactService(query);
  if (exact) return exact;
  const { search, servicesNamed } = await import('../search/search.js');
  // A name with a typo ("lamda") is the service named, though other notes mention it as much.
  const named = servicesNamed(query, serviceMeta());
  if (named.length === 1) return { found: named[0]! };
  return fuzzyService(query, search);
}

function exactService(query: string): Lookup | undefined {
  const key = nameKey(query);
  if (!key) return { candidates: [] };
  const exact = serviceMeta().filter((s) => nameKey(s.id) === key || nameKey(s.title) === key || s.aliases.some((a) => nameKey(a) === key));
  if (exact.length === 1) return { found: exact[0]! };
  if (exact.length > 1) return { candidates: exact };
  return undefined;
}

function fuzzyService(query: string, search: typeof import('../search/search.js').search): Lookup {
  const all = serviceMeta();

  const best = new Map<string, number>();
  for (const hit of search(query, { limit: 40 })) {
    if (!best.has(hit.service)) best.set(hit.service, hit.score);
  }
  const ranked = [...best].sort((a, b) => a[1] - b[1]);
  const byId = (id: string) => all.find((s) => s.id === id)!;
  const [first, second] = ranked;
  if (first && (!second || second[1] - first[1] >= CLEAR_LEAD)) return { found: byId(first[0]) };
  return { candidates: ranked.slice(0, 5).map(([id]) => byId(id)) };
}
