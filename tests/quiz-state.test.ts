// The Quiz screen's state machine and the one quiz session, without rendering.
import { describe, expect, it } from 'vitest';
import { generateDrill } from '../src/capacity/drills.js';
import { questions } from '../src/content/bundle.js';
import type { Question } from '../src/content/types.js';
import { createRng } from '../src/quiz/random.js';
import {
  DEFAULT_QUIZ_LENGTH,
  DRILL_BATCH,
  followingQuestion,
  initialQuiz,
  justAnswered,
  lengthChoices,
  limitQueue,
  type QuizEvent,
  type QuizLayout,
  type QuizState,
  reduceQuiz,
} from '../src/quiz/quiz-state.js';
import { answerRecord, type Session, startSession, submitLetters } from '../src/quiz/session.js';

const layout: QuizLayout = { lines: 40, height: 10 };
const run = (state: QuizState, ...events: QuizEvent[]) => events.reduce((s, e) => reduceQuiz(s, e, layout), state);
const firstOf = (kind: Question['kind']) => questions().find((q) => q.kind === kind)!;
const session = (queue: Question[], seed = 1) => startSession({ kind: 'all' }, queue, createRng(seed), 1_000)!;
const started = (s: Session | null, flagged = false): QuizEvent => ({
  type: 'started',
  source: { kind: 'all' },
  session: s,
  label: 'All questions',
  flagged,
});
/** Display positions of the right options of the question on screen. */
const rightDisplays = (s: Session) =>
  s.presented.order.flatMap((option, display) => (s.presented.question.options[option]!.correct ? [display] : []));
const wrongDisplay = (s: Session) => s.presented.order.findIndex((option) => !s.presented.question.options[option]!.correct);

describe('the Quiz screen state', () => {
  it('opens on the list of sources; sub-lists and the exam are views of it; back returns to the main list', () => {
    const start = initialQuiz();
    expect(start.view).toEqual({ kind: 'sources', list: 'main' });
    expect(run(start, { type: 'open-list', list: 'services' }).view).toEqual({ kind: 'sources', list: 'services' });
    expect(run(start, { type: 'open-list', list: 'domains' }, { type: 'sources' }).view).toEqual({ kind: 'sources', list: 'main' });
    expect(run(start, { type: 'exam' }).view).toEqual({ kind: 'exam' });
    expect(run(start, { type: 'exam' }, { type: 'sources' }).view).toEqual({ kind: 'sources', list: 'main' });
  });

  it('a source with no question says so; one with questions shows the first, flagged or not', () => {
    expect(run(initialQuiz(), started(null)).view).toEqual({ kind: 'empty', label: 'All questions' });
    const s = session([firstOf('single')]);
    expect(run(initialQuiz(), started(s, true))).toEqual({
      view: { kind: 'question' },
      session: s,
      scroll: 0,
      flagged: true,
      length: DEFAULT_QUIZ_LENGTH,
      lengths: [10, 20, 40, 'all'],
      filter: '',
      chosen: 'all',
      undo: null,
    });
  });

  it('picks and submits; a right answer to a single question is judged right, and reported once as just answered', () => {
    const s = session([firstOf('single')]);
    const asked = run(initialQuiz(), started(s));
    const picked = run(asked, { type: 'pick', display: rightDisplays(s)[0]! });
    expect(picked.session?.picked).toHaveLength(1);
    const judged = run(picked, { type: 'submit' });
    expect(judged.session?.verdict).toEqual({ correct: true });
    expect(justAnswered(picked, judged)).toBe(judged.session);
    const again = run(judged, { type: 'submit' });
    expect(justAnswered(judged, again)).toBeNull();
    // After the verdict, picks change nothing.
    expect(run(judged, { type: 'pick', display: wrongDisplay(s) })).toBe(judged);
  });

  it('refuses to submit a "choose two" with one pick, as the plain quiz does, and records nothing', () => {
    const q = firstOf('multiple');
    const s = session([q]);
    const one = run(initialQuiz(), started(s), { type: 'pick', display: rightDisplays(s)[0]! });
    const refused = run(one, { type: 'submit' });
    expect(refused.session?.verdict).toBeNull();
    expect(refused.session?.hint).toBe(`choose ${rightDisplays(s).length} answers (1 picked)`);
    expect(justAnswered(one, refused)).toBeNull();
    // The same answer typed as one letter, as `quiz --plain` reads it.
    const letter = 'ABCDEF'[rightDisplays(s)[0]!]!;
    expect(submitLetters(s, letter)).toEqual(refused.session);
  });

  it('scrolls within the question: a line or a page (one line of context), never past either end', () => {
    const asked = run(initialQuiz(), started(session([firstOf('single')])));
    expect(run(asked, { type: 'scroll', by: 1 }).scroll).toBe(1);
    expect(run(asked, { type: 'scroll', by: -1 }).scroll).toBe(0);
    expect(run(asked, { type: 'page', by: 1 }).scroll).toBe(9);
    expect(run(asked, { type: 'page', by: 1 }, { type: 'page', by: 1 }, { type: 'page', by: 1 }, { type: 'page', by: 1 }).scroll).toBe(30);
    // Submitting shows the verdict from its first line.
    const s = asked.session!;
    const scrolled = run(asked, { type: 'scroll', by: 5 }, { type: 'pick', display: 0 });
    expect(run(scrolled, { type: 'submit' }).scroll).toBe(0);
    expect(run(run(asked, { type: 'scroll', by: 5 }), { type: 'submit' }).scroll).toBe(5); // refused: stays
    expect(s.verdict).toBeNull();
  });

  it('the note opens only from the verdict, and closing it comes back to the verdict', () => {
    const s = session([firstOf('single')]);
    const asked = run(initialQuiz(), started(s));
    expect(run(asked, { type: 'open-note' })).toBe(asked);
    const judged = run(asked, { type: 'pick', display: 0 }, { type: 'submit' });
    const reading = run(judged, { type: 'open-note' });
    expect(reading.view).toEqual({ kind: 'note' });
    // The reader has the keys: nothing else reaches the quiz meanwhile.
    expect(run(reading, { type: 'scroll', by: 3 }, { type: 'flagged', flagged: true })).toBe(reading);
    expect(run(reading, { type: 'close-note' }).view).toEqual({ kind: 'question' });
  });

  it('flags, advances to the next question (scroll and flag its own), and ends with the summary', () => {
    const [a, b] = questions().filter((q) => q.kind === 'single');
    const s = session([a!, b!]);
    const judged = run(initialQuiz(), started(s), { type: 'pick', display: 0 }, { type: 'submit' }, { type: 'flagged', flagged: true });
    expect(judged.flagged).toBe(true);
    const following = followingQuestion(judged.session!, createRng(2), 2_000, () => {
      throw new Error('no drill for a bank quiz');
    });
    expect(following?.presented.question).toBe(b);
    const second = run(judged, { type: 'scroll', by: 4 }, { type: 'advanced', session: following, flagged: false });
    expect(second).toMatchObject({ view: { kind: 'question' }, scroll: 0, flagged: false, session: following });
    const done = run(second, { type: 'pick', display: 0 }, { type: 'submit' });
    expect(followingQuestion(done.session!, createRng(3), 3_000, () => firstOf('single'))).toBeNull();
    const summary = run(done, { type: 'advanced', session: null, flagged: false });
    expect(summary.view).toEqual({ kind: 'summary' });
    expect(summary.session?.results).toHaveLength(2);
    expect(run(second, { type: 'stop' }).view).toEqual({ kind: 'summary' });
    expect(run(summary, { type: 'sources' }).view).toEqual({ kind: 'sources', list: 'main' });
  });

  it(`drills come one at a time, ${DRILL_BATCH} to a batch`, () => {
    const rng = createRng(5);
    let s: Session | null = startSession({ kind: 'drills' }, [generateDrill(rng)], rng, 0);
    let asked = 0;
    while (s && asked <= DRILL_BATCH) {
      asked++;
      s = submitLetters(s, 'A');
      s = followingQuestion(s, rng, 0, () => generateDrill(rng));
    }
    expect(asked).toBe(DRILL_BATCH);
  });
});

describe('the quiz length, the filtering lists, and taking an answer back', () => {
  it('the length is 20 unless asked; ←/→ go through 10, 20, 40 and all, with a --count of its own among them', () => {
    expect(initialQuiz()).toMatchObject({ length: 20, lengths: [10, 20, 40, 'all'] });
    const longer = run(initialQuiz(), { type: 'length', by: 1 });
    expect(longer.length).toBe(40);
    expect(run(longer, { type: 'length', by: 1 }, { type: 'length', by: 1 }).length).toBe('all');
    expect(run(initialQuiz(), { type: 'length', by: -1 }, { type: 'length', by: -1 }).length).toBe(10);
    expect(lengthChoices(15)).toEqual([10, 15, 20, 40, 'all']);
    expect(run(initialQuiz(15), { type: 'length', by: 1 }).length).toBe(20);
    expect(run(initialQuiz(15), { type: 'length', by: -1 }).length).toBe(10);
    const bank = questions().slice(0, 30);
    expect(limitQueue(bank, 10)).toEqual(bank.slice(0, 10));
    expect(limitQueue(bank, 'all')).toEqual(bank);
    // Only the list of sources changes it.
    const asked = run(initialQuiz(), started(session([firstOf('single')])));
    expect(run(asked, { type: 'length', by: 1 })).toBe(asked);
  });

  it('drills stop after the chosen length, or go on until stopped with "all"', () => {
    const rng = createRng(4);
    const answered = (length: 5 | 'all', cap: number) => {
      let s: Session | null = startSession({ kind: 'drills' }, [generateDrill(rng)], rng, 0);
      let asked = 0;
      while (s && asked < cap) {
        asked++;
        s = followingQuestion(submitLetters(s, 'A'), rng, 0, () => generateDrill(rng), length);
      }
      return asked;
    };
    expect(answered(5, 100)).toBe(5);
    expect(answered('all', 30)).toBe(30);
  });

  it('the services and task lists take a filter, the short lists do not; a list opens with an empty filter', () => {
    const services = run(initialQuiz(), { type: 'open-list', list: 'services' }, { type: 'filter', text: 'sqs' });
    expect(services.filter).toBe('sqs');
    expect(run(services, { type: 'sources' }, { type: 'open-list', list: 'tasks' }).filter).toBe('');
    const domains = run(initialQuiz(), { type: 'open-list', list: 'domains' });
    expect(run(domains, { type: 'filter', text: 'q' })).toBe(domains);
  });

  it('u after the verdict asks the question again, unanswered, options in the same order; the tally forgets the answer', () => {
    const s = session([firstOf('single'), firstOf('multiple')]);
    const judged = run(initialQuiz(), started(s), { type: 'pick', display: wrongDisplay(s) }, { type: 'submit' });
    expect(judged.session?.results).toHaveLength(1);
    const again = run(judged, { type: 'undo', flagged: true, now: 9_000 });
    expect(again.session).toMatchObject({ index: 0, picked: [], verdict: null, results: [], shownAt: 9_000 });
    expect(again.session?.presented).toBe(s.presented);
    expect(again.flagged).toBe(true);
    expect(justAnswered(judged, again)).toBeNull();
    // One answer deep: nothing more to take back.
    expect(run(again, { type: 'undo', flagged: false, now: 9_500 })).toBe(again);
    const reanswered = run(again, { type: 'pick', display: rightDisplays(s)[0]! }, { type: 'submit' });
    expect(justAnswered(again, reanswered)?.verdict).toEqual({ correct: true });
  });

  it('u on the next question (or the summary) goes back to the one answered before it', () => {
    const [a, b] = questions().filter((q) => q.kind === 'single');
    const s = session([a!, b!]);
    const judged = run(initialQuiz(), started(s), { type: 'pick', display: 0 }, { type: 'submit' });
    const following = followingQuestion(judged.session!, createRng(2), 2_000, () => firstOf('single'));
    const second = run(judged, { type: 'advanced', session: following, flagged: false });
    const back = run(second, { type: 'undo', flagged: false, now: 3_000 });
    expect(back.session?.presented.question).toBe(a);
    expect(back.session?.verdict).toBeNull();
    const stopped = run(second, { type: 'stop' });
    expect(run(stopped, { type: 'undo', flagged: false, now: 3_000 }).view).toEqual({ kind: 'question' });
    // A new quiz starts with nothing to take back.
    expect(run(judged, started(session([b!]))).undo).toBeNull();
  });
});

describe('one quiz session for the app and the plain quiz', () => {
  it('letters are picks: the right ones are right, a wrong or unknown one is not accepted as right', () => {
    const q = firstOf('multiple');
    const s = session([q]);
    const right = rightDisplays(s)
      .map((d) => 'ABCDEF'[d])
      .join('');
    expect(submitLetters(s, right).verdict).toEqual({ correct: true });
    expect(submitLetters(s, right.toLowerCase()).verdict).toEqual({ correct: true });
    expect(submitLetters(s, 'Z')).toMatchObject({ verdict: null, hint: expect.stringMatching(/^'Z' is not an option \(A, B, C, D/) });
    expect(submitLetters(s, '')).toMatchObject({ verdict: null, hint: 'no answer given' });
    const single = session([firstOf('single')]);
    expect(submitLetters(single, 'AB')).toMatchObject({ verdict: null, hint: 'choose one answer' });
  });

  it('what is recorded: the picks, whether right, the time taken, and which front end asked', () => {
    const s = session([firstOf('single')]);
    const judged = submitLetters(s, 'A');
    expect(answerRecord(judged, 'plain', 4_500)).toEqual({
      question: s.presented.question.id,
      chosen: judged.picked,
      correct: judged.verdict!.correct,
      ms: 3_500,
      source: 'plain',
    });
    expect(answerRecord(judged, 'quiz', 1_000).source).toBe('quiz');
    const drill = submitLetters(startSession({ kind: 'drills' }, [generateDrill(createRng(1))], createRng(1), 0)!, 'A');
    expect(answerRecord(drill, 'plain', 0).source).toBe('drill');
  });
});
