// The Quiz screen as a state machine: which view is shown (the list of sources, a question
// and its verdict, the note it tests, the summary, the exam) over a quiz session
// (session.ts). Pure: what needs the progress store, the clock or randomness (choosing the
// questions, presenting the next one, recording an answer) is done by the screen, which
// hands the outcome in as an event and reads the state to know what to record.
import type { Question } from '../content/types.js';
import { next as nextQuestion, pick, type Session, submit } from './session.js';
import type { Source } from './sources.js';

export type SourceList = 'main' | 'services' | 'domains' | 'tasks';

/**
 * Lists longer than about ten entries filter as you type (letters go to the filter): the
 * services and the task statements. The shorter ones move with j/k and go back with q.
 */
export const FILTERED_LISTS: ReadonlySet<SourceList> = new Set(['services', 'tasks']);

/** How many questions a quiz asks: a number, or every question of the source. */
export type QuizLength = number | 'all';
export const QUIZ_LENGTHS: readonly QuizLength[] = [10, 20, 40, 'all'];
/** A session's worth: enough to learn from, short enough to finish. */
export const DEFAULT_QUIZ_LENGTH = 20;

/** The lengths the picker offers: 10, 20, 40, all, and `length` itself (`quiz --count 15`). */
export function lengthChoices(length: QuizLength): QuizLength[] {
  if (QUIZ_LENGTHS.includes(length)) return [...QUIZ_LENGTHS];
  const numbers = [...QUIZ_LENGTHS.filter((l): l is number => l !== 'all'), length as number].sort((a, b) => a - b);
  return [...numbers, 'all'];
}

/** The first `length` questions of a queue. */
export function limitQueue(queue: Question[], length: QuizLength): Question[] {
  return length === 'all' ? queue : queue.slice(0, length);
}

export type QuizView =
  | { kind: 'sources'; list: SourceList }
  /** The chosen source has no question right now. */
  | { kind: 'empty'; label: string }
  /** The session's question, or its verdict once answered. */
  | { kind: 'question' }
  /** The note the question tests, opened from the verdict. */
  | { kind: 'note' }
  | { kind: 'summary' }
  | { kind: 'exam' };

export interface QuizState {
  view: QuizView;
  session: Session | null;
  /** First line shown of the question (or verdict). */
  scroll: number;
  /** Whether the question on screen is flagged. */
  flagged: boolean;
  /** Questions a quiz asks, and the lengths the picker cycles through. */
  length: QuizLength;
  lengths: readonly QuizLength[];
  /** What is typed in a filtering list (FILTERED_LISTS). */
  filter: string;
  /**
   * The entry of the main list last chosen ('services', 'due', …): back on the list, it is
   * selected again, so that Esc from a sub-list or the end of a quiz leaves the learner
   * where they were.
   */
  chosen: string;
  /**
   * The last answer, to take back with u (as in Anki): the session as it stood before the
   * answer, its picks cleared. Kept when the quiz moves on, so u also returns to it from the
   * next question; one answer deep.
   */
  undo: Session | null;
}

export type QuizEvent =
  | { type: 'open-list'; list: SourceList }
  | { type: 'exam' }
  /** The session of a chosen source (null: no questions), and whether its first question is flagged. */
  | { type: 'started'; source: Source; session: Session | null; label: string; flagged: boolean }
  | { type: 'pick'; display: number }
  | { type: 'submit' }
  | { type: 'scroll'; by: number }
  | { type: 'page'; by: number }
  | { type: 'flagged'; flagged: boolean }
  /** The next question presented (null at the end of the queue), and whether it is flagged. */
  | { type: 'advanced'; session: Session | null; flagged: boolean }
  | { type: 'open-note' }
  | { type: 'close-note' }
  /** Stop: the summary of what was answered. */
  | { type: 'stop' }
  /** Back to the main list of sources. */
  | { type: 'sources' }
  | { type: 'filter'; text: string }
  /** The next (1) or previous (-1) quiz length. */
  | { type: 'length'; by: 1 | -1 }
  /** The last answer was taken back (quiz/record.ts undoAnswer): ask it again; `flagged` as the store now has it. */
  | { type: 'undo'; flagged: boolean; now: number };

/** How many lines the question takes and how many fit, for scrolling. */
export interface QuizLayout {
  lines: number;
  height: number;
}

/** Drills come in batches of this many, generated one at a time. */
export const DRILL_BATCH = 10;

export const initialQuiz = (length: QuizLength = DEFAULT_QUIZ_LENGTH): QuizState => ({
  view: { kind: 'sources', list: 'main' },
  session: null,
  scroll: 0,
  flagged: false,
  length,
  lengths: lengthChoices(length),
  filter: '',
  chosen: 'due',
  undo: null,
});

/** The entry of the main list a source is chosen with: a service, a domain or a task from their lists. */
export function mainEntry(source: Source | { kind: 'exam' }): string {
  switch (source.kind) {
    case 'service':
      return 'services';
    case 'domain':
      return 'domains';
    case 'task':
      return 'tasks';
    default:
      return source.kind;
  }
}

const clampTop = (top: number, layout: QuizLayout) => Math.max(0, Math.min(top, layout.lines - layout.height));

export function reduceQuiz(state: QuizState, event: QuizEvent, layout: QuizLayout): QuizState {
  const { session } = state;
  switch (event.type) {
    case 'open-list':
      return { ...state, view: { kind: 'sources', list: event.list }, filter: '', chosen: event.list };
    case 'sources':
      return { ...state, view: { kind: 'sources', list: 'main' }, filter: '' };
    case 'filter':
      return state.view.kind === 'sources' && FILTERED_LISTS.has(state.view.list) ? { ...state, filter: event.text } : state;
    case 'length': {
      if (state.view.kind !== 'sources') return state;
      const at = state.lengths.indexOf(state.length);
      const length = state.lengths[Math.max(0, Math.min(state.lengths.length - 1, at + event.by))]!;
      return length === state.length ? state : { ...state, length };
    }
    case 'exam':
      return { ...state, view: { kind: 'exam' }, chosen: 'exam' };
    case 'started': {
      const chosen = mainEntry(event.source);
      if (!event.session) return { ...state, view: { kind: 'empty', label: event.label }, chosen };
      return { ...state, view: { kind: 'question' }, session: event.session, scroll: 0, flagged: event.flagged, undo: null, chosen };
    }
    case 'advanced':
      if (!event.session) return { ...state, view: { kind: 'summary' }, scroll: 0 };
      return { ...state, view: { kind: 'question' }, session: event.session, scroll: 0, flagged: event.flagged };
    case 'stop':
      return session ? { ...state, view: { kind: 'summary' } } : state;
    case 'undo': {
      const back = state.undo;
      if (!back || (state.view.kind !== 'question' && state.view.kind !== 'summary')) return state;
      return {
        ...state,
        view: { kind: 'question' },
        session: { ...back, shownAt: event.now },
        scroll: 0,
        flagged: event.flagged,
        undo: null,
      };
    }
  }
  if (!session || state.view.kind !== 'question') {
    // The note's own keys are the reader's; only closing it comes back here.
    return event.type === 'close-note' && state.view.kind === 'note' ? { ...state, view: { kind: 'question' } } : state;
  }
  const page = Math.max(1, layout.height - 1);
  switch (event.type) {
    case 'pick': {
      const picked = pick(session, event.display);
      return picked === session ? state : { ...state, session: picked };
    }
    case 'submit': {
      const submitted = submit(session);
      if (submitted === session) return state;
      if (!submitted.verdict) return { ...state, session: submitted };
      return { ...state, session: submitted, scroll: 0, undo: { ...session, picked: [], hint: '' } };
    }
    case 'scroll':
      return { ...state, scroll: event.by > 0 ? clampTop(state.scroll + event.by, layout) : Math.max(0, state.scroll + event.by) };
    case 'page':
      return reduceQuiz(state, { type: 'scroll', by: event.by * page }, layout);
    case 'flagged':
      return { ...state, flagged: event.flagged };
    case 'open-note':
      return session.verdict ? { ...state, view: { kind: 'note' } } : state;
    case 'close-note':
      return state;
  }
}

/** The answer the learner just submitted, when `after` is the submission of `before`. */
export function justAnswered(before: QuizState, after: QuizState): Session | null {
  const session = after.session;
  return session?.verdict && session !== before.session && !before.session?.verdict ? session : null;
}

/**
 * The question after this one: the next of the queue, or for drills (generated one at a
 * time) a new one from `drill`, until `length` are answered ('all': until the learner
 * stops). null when the session is over.
 */
export function followingQuestion(
  session: Session,
  rng: () => number,
  now: number,
  drill: () => Question,
  length: QuizLength = DRILL_BATCH,
): Session | null {
  const endOfQueue = session.index + 1 >= session.queue.length;
  const more = length === 'all' || session.results.length < length;
  const extra = session.source.kind === 'drills' && endOfQueue && more ? drill() : undefined;
  return nextQuestion(session, rng, now, extra);
}
