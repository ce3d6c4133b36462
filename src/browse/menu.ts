// The rows of the Services menu for a query: with no query every service grouped by
// category; otherwise the fuzzy hits grouped by service, each service followed by its
// section hits. Pure, so the menu's behaviour is tested without rendering.
import { serviceMeta, type ServiceMeta } from '../content/bundle.js';
import { CATEGORIES } from '../content/types.js';
import { tokenize } from '../search/index.js';
import { groupByService, search, type HitKind, type SearchHit } from '../search/search.js';
import { namedSection, namesService, subjectWords } from '../search/names.js';

export type MenuRow =
  | { kind: 'category'; label: string }
  | { kind: 'service'; service: ServiceMeta; read: boolean; ranges: [number, number][]; target: string | null }
  | {
      kind: 'hit';
      service: ServiceMeta;
      section: string | null;
      sectionTitle: string | null;
      hitKind: HitKind;
      text: string;
      ranges: [number, number][];
    };

export const isSelectable = (row: MenuRow | undefined) => row !== undefined && row.kind !== 'category';

const HITS_PER_SERVICE = 3;
const SEARCH_LIMIT = 60;

export function menuRows(query: string, readIds: ReadonlySet<string>): MenuRow[] {
  const all = serviceMeta();
  if (!query.trim()) {
    const rows: MenuRow[] = [];
    for (const [category, label] of Object.entries(CATEGORIES)) {
      const inCategory = all.filter((s) => s.category === category);
      if (inCategory.length === 0) continue;
      rows.push({ kind: 'category', label });
      for (const service of inCategory) rows.push({ kind: 'service', service, read: readIds.has(service.id), ranges: [], target: null });
    }
    return rows;
  }
  const byId = new Map(all.map((s) => [s.id, s]));
  const rows: MenuRow[] = [];
  for (const group of groupByService(search(query, { limit: SEARCH_LIMIT }))) {
    const service = byId.get(group.service);
    if (!service) continue;
    const titleHit = group.hits.find((h) => h.kind === 'title');
    const sectionHits = bySubject(
      group.hits.filter((h) => h.kind === 'heading' || h.kind === 'line'),
      subjectWords(query, service),
    );
    // A query that names the service (its id, title or an alias: "sqs", "parameter store")
    // asks for the note itself, which opens at the top (or where the learner left it),
    // unless it names one of its sections as well ("dead-letter queues"). Otherwise the
    // note opens at the best section hit: "fifo" or "sqs fifo" opens SQS at its FIFO section.
    const target = namedSection(query, service) ?? (namesService(query, service) ? null : (sectionHits[0]?.section ?? null));
    rows.push({ kind: 'service', service, read: readIds.has(service.id), ranges: titleHit?.ranges ?? [], target });
    for (const hit of sectionHits.slice(0, HITS_PER_SERVICE)) {
      const sectionTitle = hit.section ? (service.sections.find((s) => s.slug === hit.section)?.title ?? null) : null;
      rows.push({ kind: 'hit', service, section: hit.section, sectionTitle, hitKind: hit.kind, text: hit.text, ranges: hit.ranges });
    }
  }
  return rows;
}

/**
 * A service's hits, those holding more of the query's subject first (stable): in "sqs
 * fifo" the subject is FIFO, and "Standard vs FIFO queues" comes before "Using SQS with
 * Lambda", which the search ranks alike (each holds one word, the other being the
 * service's name, FIFO queue being one of its aliases).
 */
function bySubject(hits: SearchHit[], subject: string[]): SearchHit[] {
  if (subject.length === 0) return hits;
  const held = (hit: SearchHit) => {
    const words = tokenize(hit.text);
    return subject.filter((s) => words.some((w) => w.startsWith(s))).length;
  };
  return hits
    .map((hit, order) => ({ hit, order, held: held(hit) }))
    .sort((a, b) => b.held - a.held || a.order - b.order)
    .map(({ hit }) => hit);
}

/** Index of the next selectable row from `from` in direction `step`, or `from` if none. */
export function moveSelection(rows: MenuRow[], from: number, step: number): number {
  let i = from;
  const direction = Math.sign(step) || 1;
  let remaining = Math.abs(step) || 1;
  let last = from;
  while (remaining > 0) {
    i += direction;
    if (i < 0 || i >= rows.length) break;
    if (isSelectable(rows[i])) {
      last = i;
      remaining--;
    }
  }
  return last;
}

export function firstSelectable(rows: MenuRow[]): number {
  const i = rows.findIndex(isSelectable);
  return i === -1 ? 0 : i;
}
