// A quiz session as a pure state machine: the queue, the question on screen, the picks,
// the verdict and the running tally. The one session of both front ends: the Quiz screen
// picks with keys, `quiz --plain` types letters, and both submit through `submit`, so an
// answer is accepted, refused or scored the same way. Recording to the store is the
// caller's side effect (see `answerRecord`).
import type { Question } from '../content/types.js';
import { isCorrect, parseLetters, present, requiredPicks, toggle, type Presented } from './attempt.js';
import type { AnswerInput } from './record.js';
import type { Source } from './sources.js';

export interface SessionResult {
  question: Question;
  correct: boolean;
}

export interface Session {
  source: Source;
  queue: Question[];
  index: number;
  presented: Presented;
  picked: number[];
  /** Set once the answer is submitted. */
  verdict: { correct: boolean } | null;
  /** When the current question appeared (ms since epoch). */
  shownAt: number;
  results: SessionResult[];
  /** Why Enter did nothing, e.g. "choose 2 answers". */
  hint: string;
}

export function startSession(source: Source, queue: Question[], rng: () => number, now: number): Session | null {
  const first = queue[0];
  if (!first) return null;
  return { source, queue, index: 0, presented: present(first, rng), picked: [], verdict: null, shownAt: now, results: [], hint: '' };
}

export function pick(session: Session, display: number): Session {
  if (session.verdict || display >= session.presented.order.length) return session;
  return { ...session, picked: toggle(session.presented, session.picked, display), hint: '' };
}

/** Submits the picks; a multiple-response question needs exactly as many picks as answers. */
export function submit(session: Session): Session {
  if (session.verdict) return session;
  const needed = requiredPicks(session.presented.question);
  if (session.picked.length === 0) return { ...session, hint: 'pick an answer first (1–6 or a–f)' };
  if (session.presented.question.kind === 'multiple' && session.picked.length !== needed) {
    return { ...session, hint: `choose ${needed} answers (${session.picked.length} picked)` };
  }
  const correct = isCorrect(session.presented.question, session.picked);
  return { ...session, verdict: { correct }, hint: '', results: [...session.results, { question: session.presented.question, correct }] };
}

/** Submits the options typed as letters ("B", "AC"), replacing any picks. */
export function submitLetters(session: Session, text: string): Session {
  if (session.verdict) return session;
  const parsed = parseLetters(session.presented, text);
  if (!parsed.ok) return { ...session, hint: parsed.error };
  return submit({ ...session, picked: parsed.chosen, hint: '' });
}

/**
 * What to record for the answer just submitted: `front` is the front end that asked
 * ('quiz' for the app, 'plain' for `quiz --plain`); drills are recorded as drills.
 */
export function answerRecord(session: Session, front: 'quiz' | 'plain', now: number): AnswerInput {
  return {
    question: session.presented.question.id,
    chosen: session.picked,
    correct: session.verdict?.correct === true,
    ms: now - session.shownAt,
    source: session.source.kind === 'drills' ? 'drill' : front,
  };
}

/** The next question, or null at the end of the queue. */
export function next(session: Session, rng: () => number, now: number, extra?: Question): Session | null {
  const queue = extra ? [...session.queue, extra] : session.queue;
  const question = queue[session.index + 1];
  if (!question) return null;
  return {
    ...session,
    queue,
    index: session.index + 1,
    presented: present(question, rng),
    picked: [],
    verdict: null,
    shownAt: now,
    hint: '',
  };
}

export interface Tally {
  answered: number;
  correct: number;
  percent: number;
}

export function tally(results: readonly SessionResult[]): Tally {
  const correct = results.filter((r) => r.correct).length;
  return { answered: results.length, correct, percent: results.length ? Math.round((correct / results.length) * 100) : 0 };
}

/** "3/5 correct (60%)"; with nothing answered there is no score to give, not "0/0 correct (0%)". */
export function scoreText(t: Tally): string {
  return t.answered === 0 ? 'no question answered' : `${t.correct}/${t.answered} correct (${t.percent}%)`;
}
