// The search records, build-time only: every title, alias, heading and note line as one
// searchable record (src/search/ builds its word index over them). A table gives one
// record per row, its header row included: a comparison table names what it compares
// there ("Local secondary index (LSI) | Global secondary index (GSI)").
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

export function searchRecords(services: Service[]): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const service of services) {
    records.push({ service: service.id, section: null, title: service.title });
    for (const alias of service.aliases) records.push({ service: service.id, section: null, alias });
    let section: string | null = null;
    for (const block of service.blocks) {
      if (block.type === 'heading') {
        section = block.slug;
        records.push({ service: service.id, section, heading: plainText(block.spans) });
        continue;
      }
      for (const line of blockLines(block)) {
        const text = line.trim();
        if (text) records.push({ service: service.id, section, line: text });
      }
    }
  }
  return records;
}
