// Merging two progress files (a backup into the current one, or two machines' files).
// Pure: the inputs are never mutated and the result shares no objects with them.
//
// Rules:
// - answers: union by `id`, each answer once (current's copy wins on a clash), sorted by
//   `at`, then `id`;
// - cards: per question the newer card: later `last_review`, then more `reps` (current's on a tie);
// - notesRead: the earliest `first`, the latest `last`, the larger `count`;
// - flags: union, the earliest time for a question flagged in both;
// - exams: union by `id` (current's copy wins), sorted by `finishedAt`, then `id`;
// - settings: current's values, missing ones filled from incoming.
import { PROGRESS_VERSION, type Answer, type CardState, type ExamResult, type Progress } from './schema.js';

const time = (iso: string | undefined) => (iso === undefined ? -Infinity : Date.parse(iso));
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function unionById<T extends { id: string }>(current: readonly T[], incoming: readonly T[]): T[] {
  const merged = new Map<string, T>();
  for (const item of incoming) merged.set(item.id, item);
  for (const item of current) merged.set(item.id, item);
  return [...merged.values()];
}

/** The card to keep: later last review, then more reviews; `a` on a tie. */
export function newerCard(a: CardState, b: CardState): CardState {
  const diff = time(b.last_review) - time(a.last_review);
  if (diff > 0) return b;
  if (diff < 0) return a;
  return b.reps > a.reps ? b : a;
}

const earlier = (a: string, b: string) => (time(b) < time(a) ? b : a);
const later = (a: string, b: string) => (time(b) > time(a) ? b : a);

export function mergeProgress(current: Progress, incoming: Progress): Progress {
  const answers: Answer[] = unionById(current.answers, incoming.answers).sort((a, b) => time(a.at) - time(b.at) || byId(a, b));

  const cards: Record<string, CardState> = { ...incoming.cards };
  for (const [id, card] of Object.entries(current.cards)) {
    const other = cards[id];
    cards[id] = other ? newerCard(card, other) : card;
  }

  const notesRead: Progress['notesRead'] = { ...incoming.notesRead };
  for (const [id, entry] of Object.entries(current.notesRead)) {
    const other = notesRead[id];
    notesRead[id] = other
      ? { first: earlier(entry.first, other.first), last: later(entry.last, other.last), count: Math.max(entry.count, other.count) }
      : entry;
  }

  const flags: Progress['flags'] = { ...incoming.flags };
  for (const [id, at] of Object.entries(current.flags)) {
    const other = flags[id];
    flags[id] = other ? earlier(at, other) : at;
  }

  const exams: ExamResult[] = unionById(current.exams, incoming.exams).sort(
    (a, b) => time(a.finishedAt) - time(b.finishedAt) || byId(a, b),
  );

  const settings: Progress['settings'] = { ...incoming.settings };
  for (const [key, value] of Object.entries(current.settings) as [keyof Progress['settings'], string | undefined][]) {
    if (value !== undefined) settings[key] = value;
  }

  // Copy everything so the result never aliases the inputs' objects.
  return structuredClone({ version: PROGRESS_VERSION, notesRead, answers, cards, flags, exams, settings });
}
