// The compiled content. It lives in its own chunks of the bundle, imported by
// loadContent() only on the paths that need it (so `awsnotes --version` never reads it),
// and parsed on first use: JSON.parse of one string is much cheaper for V8 than an
// equally large object literal.
import type { ContentBundle, Question, SearchRecord, Service } from './types.js';

let sources: { notes: string; search: string } | undefined;
let notes: Pick<ContentBundle, 'services' | 'questions'> | undefined;
let search: Pick<ContentBundle, 'records' | 'index'> | undefined;

export async function loadContent(): Promise<void> {
  if (sources) return;
  const [n, s] = await Promise.all([import('../../generated/notes.js'), import('../../generated/search.js')]);
  sources = { notes: n.NOTES_JSON, search: s.SEARCH_JSON };
}

function loaded(): { notes: string; search: string } {
  if (!sources) throw new Error('content used before loadContent() finished');
  return sources;
}

export function services(): Service[] {
  notes ??= JSON.parse(loaded().notes) as Pick<ContentBundle, 'services' | 'questions'>;
  return notes.services;
}

export function questions(): Question[] {
  services();
  return notes!.questions;
}

export function searchData(): { records: SearchRecord[]; index: unknown } {
  search ??= JSON.parse(loaded().search) as Pick<ContentBundle, 'records' | 'index'>;
  return search;
}

export function serviceById(id: string): Service | undefined {
  return services().find((s) => s.id === id);
}
