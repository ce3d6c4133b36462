// The Quiz screen as a state machine: which view is shown (the list of sources, a question
// and its verdict, the note it tests, the summary, the exam) over a quiz session
// (session.ts). Pure: what needs the progress store, the clock or randomness (choosing the
// questions, presenting the next one, recording an answer) is done by the screen, which
// hands the outcome in as an event and reads the state to know what to record.
import type { Question } from '../content/types.js';
import { next as nextQuestion, pick, type Session, submit } from './session.js';

export type SourceList = 'main' | 'services' | 'domains';

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
}

export type QuizEvent =
  | { type: 'open-list'; list: SourceList }
  | { type: 'exam' }
  /** The session of a chosen source (null: no questions), and whether its first question is flagged. */
  | { type: 'started'; session: Session | null; label: string; flagged: boolean }
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
  | { type: 'sources' };

/** How many lines the question takes and how many fit, for scrolling. */
export interface QuizLayout {
  lines: number;
  height: number;
}

/** Drills come in batches of this many, generated one at a time. */
export const DRILL_BATCH = 10;

export const initialQuiz = (): QuizState => ({ view: { kind: 'sources', list: 'main' }, session: null, scroll: 0, flagged: false });

const clampTop = (top: number, layout: QuizLayout) => Math.max(0, Math.min(top, layout.lines - layout.height));

export function reduceQuiz(state: QuizState, event: QuizEvent, layout: QuizLayout): QuizState {
  const { session } = state;
  switch (event.type) {
    case 'open-list':
      return { ...state, view: { kind: 'sources', list: event.list } };
    case 'sources':
      return { ...state, view: { kind: 'sources', list: 'main' } };
    case 'exam':
      return { ...state, view: { kind: 'exam' } };
    case 'started':
      if (!event.session) return { ...state, view: { kind: 'empty', label: event.label } };
      return { view: { kind: 'question' }, session: event.session, scroll: 0, flagged: event.flagged };
    case 'advanced':
      if (!event.session) return { ...state, view: { kind: 'summary' }, scroll: 0 };
      return { view: { kind: 'question' }, session: event.session, scroll: 0, flagged: event.flagged };
    case 'stop':
      return session ? { ...state, view: { kind: 'summary' } } : state;
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
      return { ...state, session: submitted, scroll: submitted.verdict ? 0 : state.scroll };
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
 * time) a new one from `drill`, until a batch is done. null when the session is over.
 */
export function followingQuestion(session: Session, rng: () => number, now: number, drill: () => Question): Session | null {
  const endOfQueue = session.index + 1 >= session.queue.length;
  const extra = session.source.kind === 'drills' && endOfQueue && session.results.length < DRILL_BATCH ? drill() : undefined;
  return nextQuestion(session, rng, now, extra);
}
