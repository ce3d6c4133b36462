// The search records: every title, alias, heading and note line as one searchable record
// (src/search/ builds its word index over them). At build time for content/, at run time
// for the learner's notes (src/own/). A table gives one record per row, its header row
// included: a comparison table names what it compares there ("Local secondary index (LSI) |
// Global secondary index (GSI)").
import { plainText, type Block, type SearchRecord, type Service, type Span } from './types.js';

/** A row's cells joined by " | ", without the empty ones (a header's corner cell). */
function tableRow(cells: Span[][]): string {
  return cells
    .map((cell) => plainText(cell).trim())
    .filter(Boolean)
    .join(' | ');
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
      return [plainText(block.spans)];
    case 'list':
      return block.items.flatMap((item) => [plainText(item.spans), ...item.children.flatMap(blockLines)]);
    case 'table':
      return [block.header, ...block.rows].map(tableRow);
    default:
      return [];
  }
}

/** The records of a service's title and aliases. */
export function nameRecords(service: Pick<Service, 'id' | 'title' | 'aliases'>): SearchRecord[] {
  return [
    { service: service.id, section: null, title: service.title },
    ...service.aliases.map((alias) => ({ service: service.id, section: null, alias })),
  ];
}

/** The records of a note's headings and lines, each under its section. */
export function blockRecords(serviceId: string, blocks: readonly Block[]): SearchRecord[] {
  const records: SearchRecord[] = [];
  let section: string | null = null;
  for (const block of blocks) {
    if (block.type === 'heading') {
      section = block.slug;
      records.push({ service: serviceId, section, heading: plainText(block.spans) });
      continue;
    }
    for (const line of blockLines(block)) {
      // One line: a paragraph written over several lines is searched, and shown, as one.
      const text = line.replace(/\s*\n\s*/g, ' ').trim();
      if (text) records.push({ service: serviceId, section, line: text });
    }
  }
  return records;
}

export function searchRecords(services: Service[]): SearchRecord[] {
  return services.flatMap((service) => [...nameRecords(service), ...blockRecords(service.id, service.blocks)]);
}
