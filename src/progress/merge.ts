// What an import adds to the journal. Pure.
//
// - By event id: an event already in the journal (or twice in the file) counts once, so
//   importing the same backup twice adds nothing the second time.
// - Events about questions or notes this question bank does not have are not merged: they
//   are kept aside (the caller writes them to a file that can be imported later) and
//   reported. So are events of a kind this awsnotes does not know.
// - Times in the future (a machine whose clock ran ahead) are set to now, and counted, so
//   no card is ever reviewed "before" its last review by mistake.
// Imported events come after the journal's own (journal order is replay order): a history
// from another machine counts after the one already here.
import type { Event } from './events.js';
import type { BaselineState } from './schema.js';
import { validateBaseline } from './schema.js';

export interface ImportPlan {
  /** Events to append, in the file's order. */
  add: Event[];
  /** Answers among them. */
  answers: number;
  /** Events already in the journal (or repeated in the file). */
  already: number;
  /** Events not merged: about questions or notes not in this bank, or of an unknown kind. */
  aside: Event[];
  /** Times in the future that were set to now. */
  clamped: number;
}

export interface Known {
  questions: ReadonlySet<string>;
  services: ReadonlySet<string>;
}

/** The question or note an event is about, if any. */
function subject(event: Event): { question: string } | { service: string } | undefined {
  switch (event.kind) {
    case 'answer':
    case 'rerate':
    case 'undo':
    case 'flag':
      return { question: event.question };
    case 'read':
      return { service: event.service };
    default:
      return undefined;
  }
}

/** A baseline split in what this bank knows and what it does not, its future times clamped. */
function splitBaseline(state: BaselineState, known: Known, clamp: (iso: string) => string): { kept: BaselineState; aside?: BaselineState } {
  const kept: BaselineState = { ...state, cards: {}, stats: {}, flags: {}, notesRead: {} };
  const aside: BaselineState = { settings: {}, notesRead: {}, cards: {}, flags: {}, stats: {}, exams: [], days: {} };
  let setAside = false;
  const place = (isKnown: boolean) => {
    if (!isKnown) setAside = true;
    return isKnown ? kept : aside;
  };
  for (const [id, card] of Object.entries(state.cards)) {
    const target = place(known.questions.has(id));
    target.cards[id] = card.last_review ? { ...card, last_review: clamp(card.last_review) } : card;
  }
  for (const [id, stats] of Object.entries(state.stats)) {
    const target = place(known.questions.has(id));
    target.stats[id] = { ...stats, first: clamp(stats.first), last: clamp(stats.last) };
  }
  for (const [id, at] of Object.entries(state.flags)) {
    const target = place(known.questions.has(id));
    target.flags[id] = clamp(at);
  }
  for (const [id, read] of Object.entries(state.notesRead)) {
    const target = place(known.services.has(id));
    target.notesRead[id] = { ...read, first: clamp(read.first), last: clamp(read.last) };
  }
  kept.exams = state.exams.map((e) => ({ ...e, startedAt: clamp(e.startedAt), finishedAt: clamp(e.finishedAt) }));
  return setAside ? { kept, aside } : { kept };
}

export function planImport(events: readonly Event[], existing: ReadonlySet<string>, known: Known, now: Date): ImportPlan {
  const plan: ImportPlan = { add: [], answers: 0, already: 0, aside: [], clamped: 0 };
  const limit = now.getTime();
  const clampTime = (time: number) => {
    if (time <= limit) return time;
    plan.clamped++;
    return limit;
  };
  const clampIso = (iso: string) => (Date.parse(iso) > limit ? new Date(clampTime(Date.parse(iso))).toISOString() : iso);
  const seen = new Set<string>();
  for (const original of events) {
    if (original.kind === 'journal') continue;
    if (existing.has(original.id) || seen.has(original.id)) {
      plan.already++;
      continue;
    }
    seen.add(original.id);
    if (original.kind === 'unknown') {
      plan.aside.push(original);
      continue;
    }
    const about = subject(original);
    if (about && ('question' in about ? !known.questions.has(about.question) : !known.services.has(about.service))) {
      plan.aside.push(original);
      continue;
    }
    const event = { ...original, at: clampTime(original.at) } as Event;
    if (event.kind === 'read' && event.first !== undefined) event.first = clampTime(event.first);
    if (event.kind === 'exam') event.startedAt = clampTime(event.startedAt);
    if (event.kind === 'baseline') {
      const state = validateBaseline(event.state);
      if (!state) {
        plan.aside.push(original);
        continue;
      }
      const { kept, aside } = splitBaseline(state, known, clampIso);
      event.state = kept;
      if (aside) plan.aside.push({ ...event, id: `${event.id}-aside`, state: aside });
    }
    if (event.kind === 'answer') plan.answers++;
    plan.add.push(event);
  }
  return plan;
}
