// The question bank, scoring, the exam draw and score, FSRS wiring, sources, recording.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questions, services } from '../src/content/bundle.js';
import { DOMAIN_INFO, DOMAINS, type Question } from '../src/content/types.js';
import { emptyProgress, type Progress } from '../src/progress/schema.js';
import { applyEvent } from '../src/progress/state.js';
import { ProgressStore } from '../src/progress/store.js';
import { correctIndexes, isCorrect, lettersOf, parseLetters, present, toggle } from '../src/quiz/attempt.js';
import { domainCounts, drawExam, EXAM_QUESTIONS, examPool, PASS_SCORE, scaledScore, scoreExam } from '../src/quiz/exam.js';
import { claimExam, discardExam, loadExam, openExam, saveExam } from '../src/quiz/exam-save.js';
import { questionLines } from '../src/quiz/view.js';
import { lineText } from '../src/render/lines.js';
import { fixtureQuestion, fixtureService } from './helpers/bank-fixture.js';
import { createRng } from '../src/quiz/random.js';
import { recordAnswer, recordExam, rerate, toggleFlag, undoAnswer } from '../src/quiz/record.js';
import { next, pick, startSession, submit, tally } from '../src/quiz/session.js';
import { selectQuestions } from '../src/quiz/sources.js';
import { isDue, recall, review } from '../src/quiz/srs.js';
import { tempDir } from './helpers/cli.js';
import { startHelper } from './helpers/processes.js';

const bank = () => questions();
const firstOf = (kind: Question['kind']) => bank().find((q) => q.kind === kind)!;

describe('the question bank', () => {
  it('has at least 200 questions, 4+ per service and 10+ for the heavy hitters', () => {
    expect(bank().length).toBeGreaterThanOrEqual(200);
    const count = (id: string) => bank().filter((q) => q.service === id).length;
    for (const s of services()) expect(count(s.id), s.id).toBeGreaterThanOrEqual(4);
    for (const id of [
      'dynamodb',
      'lambda',
      'iam',
      's3',
      'sqs',
      'api-gateway',
      'codebuild',
      'codedeploy',
      'codepipeline',
      'cloudformation',
      'elastic-beanstalk',
    ]) {
      expect(count(id), id).toBeGreaterThanOrEqual(10);
    }
    expect(count('sqs') + count('sns')).toBeGreaterThanOrEqual(10);
  });

  it('is at least 20% multiple response, and every kind follows its rules', () => {
    const multiple = bank().filter((q) => q.kind === 'multiple');
    expect(multiple.length / bank().length).toBeGreaterThanOrEqual(0.2);
    for (const q of bank()) {
      const right = correctIndexes(q).length;
      if (q.kind === 'single') expect([q.options.length, right], q.id).toEqual([4, 1]);
      if (q.kind === 'boolean')
        expect(
          q.options.map((o) => o.text),
          q.id,
        ).toEqual(['True', 'False']);
      if (q.kind === 'multiple') {
        expect(q.options.length, q.id).toBeGreaterThanOrEqual(5);
        expect([2, 3], q.id).toContain(right);
        expect(q.question, q.id).toMatch(right === 2 ? /\(Choose two\.\)$/ : /\(Choose three\.\)$/);
      }
      expect(
        q.options.every((o) => o.why.length > 10),
        q.id,
      ).toBe(true);
    }
  });

  it('mixes the domains within 5 points of 32/26/24/18', () => {
    for (const d of DOMAINS) {
      const share = bank().filter((q) => q.domain === d).length / bank().length;
      expect(Math.abs(share - DOMAIN_INFO[d].weight), d).toBeLessThanOrEqual(0.05);
    }
  });

  it('has unique ids', () => {
    expect(new Set(bank().map((q) => q.id)).size).toBe(bank().length);
  });
});

describe('attempts and scoring', () => {
  it('shuffles options differently across attempts, but never True/False', () => {
    const q = firstOf('single');
    const orders = new Set(Array.from({ length: 20 }, (_, i) => present(q, createRng(i)).order.join()));
    expect(orders.size).toBeGreaterThan(3);
    // The bank has no true/false questions (not an exam format), but the kind stays supported.
    const statement: Question = {
      ...q,
      id: 'statement',
      kind: 'boolean',
      options: [
        { text: 'True', correct: true, why: 'Because it is.' },
        { text: 'False', correct: false, why: 'Because it is not.' },
      ],
    };
    expect(present(statement, createRng(1)).order).toEqual([0, 1]);
  });

  it('is all or nothing, like the exam', () => {
    const q = firstOf('multiple');
    const right = correctIndexes(q);
    const wrong = q.options.map((_, i) => i).find((i) => !right.includes(i))!;
    expect(isCorrect(q, right)).toBe(true);
    expect(isCorrect(q, [...right].reverse())).toBe(true);
    expect(isCorrect(q, right.slice(1))).toBe(false);
    expect(isCorrect(q, [...right, wrong])).toBe(false);
    expect(isCorrect(q, [])).toBe(false);
  });

  it('single answers replace the pick; multiple responses toggle', () => {
    const single = present(firstOf('single'), createRng(3));
    expect(toggle(single, toggle(single, [], 0), 1)).toEqual([single.order[1]]);
    const multi = present(firstOf('multiple'), createRng(3));
    const two = toggle(multi, toggle(multi, [], 0), 1);
    expect(two).toEqual([multi.order[0], multi.order[1]]);
    expect(toggle(multi, two, 0)).toEqual([multi.order[1]]);
  });

  it('reads typed letters through the shuffled order', () => {
    const p = present(firstOf('multiple'), createRng(9));
    const parsed = parseLetters(p, 'a c');
    expect(parsed).toEqual({ ok: true, chosen: [p.order[0], p.order[2]] });
    expect(lettersOf(p, [p.order[2]!, p.order[0]!])).toBe('AC');
    expect(parseLetters(p, 'Z')).toMatchObject({ ok: false, error: expect.stringMatching(/'Z' is not an option/) });
    expect(parseLetters(present(firstOf('single'), createRng(1)), 'AB')).toMatchObject({ ok: false, error: 'choose one answer' });
  });
});

describe('a quiz session', () => {
  it('needs as many picks as answers before submitting a multiple response', () => {
    const q = firstOf('multiple');
    let s = startSession({ kind: 'all' }, [q], createRng(1), 0)!;
    s = submit(s);
    expect(s.verdict).toBeNull();
    expect(s.hint).toMatch(/pick an answer/);
    s = pick(s, 0);
    s = submit(s);
    expect(s.hint).toMatch(/choose \d answers \(1 picked\)/);
    const rightDisplays = s.presented.order.flatMap((o, d) => (q.options[o]!.correct ? [d] : []));
    s = startSession({ kind: 'all' }, [q], createRng(1), 0)!;
    for (const d of rightDisplays) s = pick(s, d);
    s = submit(s);
    expect(s.verdict).toEqual({ correct: true });
    expect(tally(s.results)).toEqual({ answered: 1, correct: 1, percent: 100 });
    expect(next(s, createRng(2), 1)).toBeNull();
  });
});

describe('the exam', () => {
  it('splits 65 questions by the domain weights', () => {
    expect(domainCounts()).toEqual({ development: 21, security: 17, deployment: 15, troubleshooting: 12 });
  });

  it('draws 65 distinct questions with those counts', () => {
    for (const seed of [1, 2, 3]) {
      const exam = drawExam(bank(), services(), createRng(seed));
      expect(exam).toHaveLength(EXAM_QUESTIONS);
      expect(new Set(exam.map((q) => q.id)).size).toBe(EXAM_QUESTIONS);
      for (const d of DOMAINS) expect(exam.filter((q) => q.domain === d).length).toBe(domainCounts()[d]);
    }
    expect(drawExam(bank(), services(), createRng(1)).map((q) => q.id)).not.toEqual(
      drawExam(bank(), services(), createRng(2)).map((q) => q.id),
    );
  });

  it('asks only single and multiple-response questions on current, in-scope services', () => {
    const notes = [
      fixtureService('alpha'),
      fixtureService('beta', { status: 'retired' }),
      fixtureService('gamma', { status: 'out-of-scope' }),
    ];
    const pool = Array.from({ length: 30 }, (_, n) => fixtureQuestion(n, notes[n % 3]!.id));
    const trueFalse: Question = {
      ...fixtureQuestion(99, 'alpha'),
      kind: 'boolean',
      options: [
        { text: 'True', correct: true, why: 'It is true.' },
        { text: 'False', correct: false, why: 'It is not false.' },
      ],
    };
    const kept = examPool([...pool, trueFalse], notes).map((q) => q.id);
    expect(kept).toEqual(pool.filter((q) => q.service === 'alpha').map((q) => q.id));
    const exam = drawExam([...pool, trueFalse], notes, createRng(4));
    expect(exam.map((q) => q.id).sort()).toEqual([...kept].sort());

    // The shipped bank: no true/false, nothing retired or out of scope.
    const status = new Map(services().map((s) => [s.id, s.status]));
    for (const seed of [1, 2, 3]) {
      for (const q of drawExam(bank(), services(), createRng(seed))) {
        expect(q.kind, q.id).not.toBe('boolean');
        expect(status.get(q.service), q.id).toBeUndefined();
      }
    }
  });

  it('hides the service and the domain while it runs, and shows them in the review', () => {
    const q = firstOf('single');
    const presented = present(q, createRng(1));
    const title = services().find((s) => s.id === q.service)!.title;
    const head = (view: Parameters<typeof questionLines>[2]) => lineText(questionLines(presented, 200, view, title)[0]!);
    expect(head({ picked: [], revealed: false, hideLabels: true })).toBe('choose 1');
    expect(head({ picked: [], revealed: true, hideLabels: true })).toBe(`${title} · ${DOMAIN_INFO[q.domain].title} · choose 1`);
    expect(head({ picked: [], revealed: false })).toBe(`${title} · ${DOMAIN_INFO[q.domain].title} · choose 1`);
    const text = questionLines(presented, 200, { picked: [], revealed: false, hideLabels: true }, title).map(lineText).join('\n');
    expect(text).not.toContain(title);
    expect(text).not.toContain(DOMAIN_INFO[q.domain].title);
  });

  it('scales 100–1,000 with 720 to pass', () => {
    expect(scaledScore(0, 65)).toBe(100);
    expect(scaledScore(65, 65)).toBe(1000);
    expect(scaledScore(45, 65)).toBe(723);
    expect(scaledScore(44, 65)).toBe(709);
    expect(PASS_SCORE).toBe(720);
  });

  it('scores per domain, unanswered counting as wrong', () => {
    const exam = drawExam(bank(), services(), createRng(5));
    const answers = new Map(exam.slice(0, 50).map((q) => [q.id, correctIndexes(q)]));
    const score = scoreExam(exam, answers);
    expect(score).toMatchObject({ questions: 65, correct: 50, scaled: scaledScore(50, 65), passed: true });
    expect(Object.values(score.domains).reduce((a, d) => a + d.questions, 0)).toBe(65);
    expect(Object.values(score.domains).reduce((a, d) => a + d.correct, 0)).toBe(50);
  });
});

describe('spaced repetition (ts-fsrs)', () => {
  const now = new Date('2026-05-01T10:00:00Z');

  it('a wrong answer makes the card due sooner than a right one', () => {
    const again = review(undefined, 1, now);
    const good = review(undefined, 3, now);
    const easy = review(undefined, 4, now);
    expect(Date.parse(again.due)).toBeLessThan(Date.parse(good.due));
    expect(Date.parse(good.due)).toBeLessThanOrEqual(Date.parse(easy.due));
    const lapsed = review(review(good, 3, new Date(good.due)), 1, new Date(Date.parse(good.due) + 86_400_000));
    expect(lapsed.lapses).toBe(1);
  });

  it('tracks due dates and predicted recall', () => {
    const card = review(undefined, 3, now);
    expect(isDue(card, now)).toBe(false);
    expect(isDue(card, new Date(Date.parse(card.due) + 1))).toBe(true);
    expect(recall(undefined, now)).toBe(0);
    const soon = recall(card, new Date(now.getTime() + 3_600_000));
    const later = recall(card, new Date(now.getTime() + 60 * 86_400_000));
    expect(soon).toBeGreaterThan(later);
    expect(later).toBeGreaterThan(0);
  });
});

describe('recording', () => {
  const now = new Date('2026-05-01T10:00:00Z');
  const journalAnswers = (dir: string) =>
    readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((e) => e.e === 'a');

  it('saves every answer and its card at once, with rating, time and chosen options', () => {
    const dir = tempDir();
    const store = ProgressStore.open({ dir });
    const q = firstOf('single');
    const right = correctIndexes(q);
    const wrong = (right[0]! + 1) % 4;
    const recorded = recordAnswer(store, { question: q.id, chosen: [wrong], correct: false, ms: 4200, source: 'plain' }, now);
    expect(recorded).toMatchObject({ question: q.id, rating: 1, saved: true, before: undefined });
    expect(journalAnswers(dir)).toEqual([{ i: recorded.answerId, e: 'a', q: q.id, c: [wrong], at: now.getTime(), ms: 4200, s: 'p' }]);
    const saved = ProgressStore.open({ dir }).read();
    expect(saved.stats[q.id]).toEqual({ answers: 1, right: 0, first: now.toISOString(), last: now.toISOString(), lastRight: false });
    expect(saved.cards[q.id]).toEqual(review(undefined, 1, now));
  });

  it('re-rating a right answer reschedules from the card before it, counting the answer once', () => {
    const dir = tempDir();
    const store = ProgressStore.open({ dir });
    const q = firstOf('single');
    const recorded = recordAnswer(store, { question: q.id, chosen: correctIndexes(q), correct: true, ms: 1000, source: 'quiz' }, now);
    const good = store.read().cards[q.id]!;
    rerate(store, q.id, recorded, 4, now);
    const easy = store.read().cards[q.id]!;
    expect(Date.parse(easy.due)).toBeGreaterThan(Date.parse(good.due));
    expect(easy.reps).toBe(good.reps);
    expect(store.read().stats[q.id]).toMatchObject({ answers: 1, right: 1 });
    // Another process reading the journal sees the same card.
    expect(ProgressStore.open({ dir }).read().cards[q.id]).toEqual(easy);
  });

  it('undo takes the answer back: the answer, the card and the flag as they were', () => {
    const dir = tempDir();
    const store = ProgressStore.open({ dir });
    const q = firstOf('single');
    recordAnswer(store, { question: q.id, chosen: correctIndexes(q), correct: true, ms: 1000, source: 'quiz' }, now);
    toggleFlag(store, q.id, now);
    const before = structuredClone(store.read());
    const later = new Date(now.getTime() + 86_400_000);
    const recorded = recordAnswer(store, { question: q.id, chosen: [], correct: false, ms: 1000, source: 'quiz' }, later);
    // Unflagged after answering: undo flags it again, as it was.
    toggleFlag(store, q.id, later);
    expect(undoAnswer(store, recorded)).toBe(true);
    for (const reader of [store, ProgressStore.open({ dir })]) {
      const after = reader.read();
      expect(after.cards[q.id]).toEqual(before.cards[q.id]);
      expect(after.stats[q.id]).toEqual(before.stats[q.id]);
      expect(after.flags[q.id]).toBe(before.flags[q.id]);
      expect(after.days).toEqual(before.days);
    }
    // The history keeps the answer and its undo: an export shows what happened.
    expect(journalAnswers(dir).map((a) => a.i)).toContain(recorded.answerId);
  });

  it('undo of a first answer leaves the question new again', () => {
    const store = ProgressStore.open({ dir: tempDir() });
    const q = firstOf('single');
    const recorded = recordAnswer(store, { question: q.id, chosen: [0], correct: false, ms: 1000, source: 'quiz' }, now);
    undoAnswer(store, recorded);
    expect(store.read().cards[q.id]).toBeUndefined();
    expect(store.read().stats[q.id]).toBeUndefined();
  });

  it('an answer to a card last reviewed in the future is saved, not lost to "Invalid delta_t"', () => {
    const dir = tempDir();
    const store = ProgressStore.open({ dir });
    const q = firstOf('single');
    recordAnswer(store, { question: q.id, chosen: [0], correct: true, ms: 1, source: 'quiz' }, new Date(now.getTime() + 90 * 86_400_000));
    const recorded = recordAnswer(store, { question: q.id, chosen: [0], correct: false, ms: 1, source: 'exam' }, now);
    expect(recorded.saved).toBe(true);
    expect(ProgressStore.open({ dir }).read().stats[q.id]?.answers).toBe(2);
  });

  it('flags toggle, and exams are kept', () => {
    const store = ProgressStore.open({ dir: tempDir() });
    expect(toggleFlag(store, 'sqs-x', now)).toBe(true);
    expect(store.read().flags).toHaveProperty('sqs-x');
    expect(toggleFlag(store, 'sqs-x', now)).toBe(false);
    const id = recordExam(store, {
      startedAt: now.getTime(),
      at: now.getTime(),
      questions: 65,
      correct: 50,
      scaled: 792,
      passed: true,
      timedOut: false,
      domains: { development: { questions: 21, correct: 17 } },
    });
    expect(store.read().exams).toEqual([
      {
        id,
        startedAt: now.toISOString(),
        finishedAt: now.toISOString(),
        questions: 65,
        correct: 50,
        scaled: 792,
        passed: true,
        timedOut: false,
      },
    ]);
  });
});

describe('sources', () => {
  const now = new Date('2026-05-01T10:00:00Z');
  const progressWith = (fill: (p: Progress) => void) => {
    const p = emptyProgress();
    fill(p);
    return p;
  };
  const answered = (p: Progress, question: string, correct: boolean, at: string, id: string) =>
    applyEvent(p, {
      kind: 'answer',
      id,
      at: Date.parse(at),
      question,
      chosen: [0],
      correct,
      ms: 1,
      source: 'quiz',
      rating: correct ? 3 : 1,
    });

  it('missed and flagged come from the progress; a service or a domain asks all of it', () => {
    const [, b, c] = bank();
    const progress = progressWith((p) => {
      answered(p, c!.id, true, '2026-04-01T00:00:00.000Z', '1');
      answered(p, c!.id, false, '2026-04-02T00:00:00.000Z', '2');
      answered(p, b!.id, false, '2026-04-01T00:00:00.000Z', '3');
      answered(p, b!.id, true, '2026-04-03T00:00:00.000Z', '4');
      p.flags[c!.id] = now.toISOString();
    });
    const ids = (kind: 'missed' | 'flagged') => selectQuestions(bank(), { kind }, progress, now, createRng(1)).map((q) => q.id);
    expect(ids('missed')).toEqual([c!.id]);
    expect(ids('flagged')).toEqual([c!.id]);
    const kms = selectQuestions(bank(), { kind: 'service', service: 'kms' }, progress, now, createRng(1));
    expect(kms.length).toBe(bank().filter((q) => q.service === 'kms').length);
    expect(
      selectQuestions(bank(), { kind: 'domain', domain: 'security' }, progress, now, createRng(1)).every((q) => q.domain === 'security'),
    ).toBe(true);
  });

  it("due: the reviews whose time has come, soonest first, then today's new questions up to the ration", () => {
    const [a, b, c] = bank();
    const progress = progressWith((p) => {
      p.cards[a!.id] = review(undefined, 1, new Date('2026-04-02T00:00:00Z'));
      p.cards[c!.id] = review(undefined, 1, new Date('2026-04-01T00:00:00Z'));
      p.cards[b!.id] = review(undefined, 4, now); // not due for days
      p.settings.newPerDay = 5;
    });
    const due = selectQuestions(bank(), { kind: 'due' }, progress, now, createRng(1));
    expect(due.slice(0, 2).map((q) => q.id)).toEqual([c!.id, a!.id]);
    expect(due).toHaveLength(2 + 5);
    expect(due.slice(2).every((q) => progress.cards[q.id] === undefined)).toBe(true);
    // The same new questions all day, in every process; others tomorrow.
    expect(selectQuestions(bank(), { kind: 'due' }, progress, new Date('2026-05-01T18:00:00Z'), createRng(9))).toEqual(due);
    const tomorrow = selectQuestions(bank(), { kind: 'due' }, progress, new Date('2026-05-03T10:00:00Z'), createRng(1));
    expect(tomorrow.slice(-5)).not.toEqual(due.slice(-5));
  });

  it("answers to new questions count against the day's ration, even from a picked service", () => {
    const progress = progressWith((p) => {
      p.settings.newPerDay = 3;
    });
    const picked = selectQuestions(bank(), { kind: 'service', service: 'sqs' }, progress, now, createRng(1));
    answered(progress, picked[0]!.id, true, now.toISOString(), 'x1');
    answered(progress, picked[1]!.id, true, now.toISOString(), 'x2');
    expect(selectQuestions(bank(), { kind: 'due' }, progress, now, createRng(1))).toHaveLength(1);
    answered(progress, picked[2]!.id, true, now.toISOString(), 'x3');
    expect(selectQuestions(bank(), { kind: 'due' }, progress, now, createRng(1))).toHaveLength(0);
  });

  it('all: the same due reviews and new questions, then what was seen before, nearest due first; never the whole bank at once', () => {
    const [a, b] = bank();
    const progress = progressWith((p) => {
      p.cards[a!.id] = review(undefined, 1, new Date('2026-04-02T00:00:00Z'));
      p.cards[b!.id] = review(undefined, 4, now);
    });
    const all = selectQuestions(bank(), { kind: 'all' }, progress, now, createRng(1));
    expect(all[0]!.id).toBe(a!.id);
    expect(all.at(-1)!.id).toBe(b!.id);
    expect(all).toHaveLength(1 + 20 + 1);
  });
});

describe('the saved exam', () => {
  /** openExam where no other process runs an exam: it always opens one. */
  const open = (...args: Parameters<typeof openExam>) => {
    const opened = openExam(...args);
    if ('refused' in opened) throw new Error(`refused: ${opened.refused}`);
    return opened;
  };
  const draw = (seed: number) => () => {
    const rng = createRng(seed);
    return drawExam(bank(), services(), rng).map((q) => present(q, rng));
  };
  const savedOne = (dir: string) => {
    const presented = draw(3)();
    const state = {
      presented,
      startedAt: 1_000,
      deadline: 1_000 + 130 * 60_000,
      answers: new Map([[presented[0]!.question.id, [1]]]),
      marked: new Set([presented[2]!.question.id]),
      current: 4,
      spent: new Map([[presented[0]!.question.id, 83_000]]),
    };
    expect(claimExam(dir)).toEqual({ ok: true });
    saveExam(dir, state);
    return state;
  };

  it('reads back exactly what was saved', () => {
    const dir = tempDir();
    const state = savedOne(dir);
    expect(loadExam(dir, bank())).toEqual({ state });
    expect(loadExam(tempDir(), bank())).toBeUndefined();
  });

  it.each([
    ['a question that left the bank', (b: Question[], id: string) => b.filter((q) => q.id !== id), /question .* is no longer in the bank/],
    [
      'a question whose options changed',
      // One option fewer, whatever the kind: a true/false question has only two to begin with.
      (b: Question[], id: string) => b.map((q) => (q.id === id ? { ...q, options: q.options.slice(0, -1) } : q)),
      /the options of .* have changed/,
    ],
  ])('is refused, with the reason, after %s', (_name, change, reason) => {
    const dir = tempDir();
    const state = savedOne(dir);
    const result = loadExam(dir, change(bank(), state.presented[0]!.question.id));
    expect(result && 'problem' in result ? result.problem : '').toMatch(reason);
  });

  it('whatever the file holds, opening the exam never throws: it resumes or starts anew and says why', () => {
    const some = bank().slice(0, 5);
    const ids = some.map((q) => q.id);
    // A real question with its options in some order: often enough to reach the resume path.
    const valid = fc.constantFrom(...some).chain((q) =>
      fc
        .shuffledSubarray(
          q.options.map((_, i) => i),
          { minLength: q.options.length },
        )
        .map((order) => ({ id: q.id, order })),
    );
    const number = fc.oneof(fc.integer({ min: -5, max: 10 }), fc.double(), fc.constant(1e300), fc.constant(Date.UTC(2026, 0, 1)));
    const shaped = fc.record({
      version: fc.constantFrom(1, 1, 1, 2, '1'),
      startedAt: number,
      deadline: number,
      questions: fc.array(
        fc.oneof(
          valid,
          fc.record({ id: fc.constantFrom(...ids, 'gone'), order: fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 6 }) }),
        ),
        { maxLength: 4 },
      ),
      answers: fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom(...ids, 'gone'), fc.array(number, { maxLength: 3 }))),
      marked: fc.array(fc.constantFrom(...ids, 'gone')),
      current: fc.oneof(fc.constant(0), number),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          shaped.map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const dir = tempDir();
          writeFileSync(path.join(dir, 'exam-in-progress.json'), text);
          const opened = open(dir, bank(), Date.UTC(2026, 0, 2), new Set(), draw(1));
          expect(opened.state.presented.length).toBeGreaterThan(0);
          if (!/^(Resumed|Time ran out)/.test(opened.notice ?? '')) {
            expect(opened.notice).toMatch(/^The exam in progress could not be resumed \(.+\); it was kept as /);
            expect(existsSync(path.join(dir, 'exam-in-progress.json'))).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is deleted, not resumed, when the exam it holds was already recorded', () => {
    const dir = tempDir();
    const state = savedOne(dir);
    const opened = open(dir, bank(), 2_000, new Set([new Date(state.startedAt).toISOString()]), draw(9));
    expect(opened.notice).toBeUndefined();
    expect(opened.state.startedAt).toBe(2_000);
    expect(opened.state.answers.size).toBe(0);
    expect(loadExam(dir, bank())).toBeUndefined();
  });

  it('one exam per config: one opened while another process runs one is refused, naming it; nothing of the other is resumed, saved over or deleted', async () => {
    const dir = tempDir();
    const { child } = await startHelper('hold-lock', [path.join(dir, 'exam.lock')], /^held/);
    try {
      writeFileSync(path.join(dir, 'exam-in-progress.json'), 'the other exam');
      const opened = openExam(dir, bank(), 2_000, new Set(), draw(4));
      expect(opened).toEqual({
        refused: expect.stringMatching(
          new RegExp(
            `^awsnotes process ${child.pid} since \\d\\d:\\d\\d is already running an exam on this config: finish or quit it there first\\.$`,
          ),
        ),
      });
      expect(() => saveExam(dir, open(tempDir(), bank(), 2_000, new Set(), draw(4)).state)).toThrow(/another awsnotes runs an exam/);
      discardExam(dir);
      expect(readFileSync(path.join(dir, 'exam-in-progress.json'), 'utf8')).toBe('the other exam');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('quotes what the saved file holds with control characters escaped', () => {
    const dir = tempDir();
    const evil = {
      version: 1,
      startedAt: 1,
      deadline: 2,
      questions: [{ id: 'x\u001b]0;PWNED\u0007', order: [0] }],
      answers: {},
      marked: [],
      current: 0,
    };
    writeFileSync(path.join(dir, 'exam-in-progress.json'), JSON.stringify(evil));
    const opened = open(dir, bank(), 3, new Set(), draw(2));
    expect(opened.notice).toContain('question x\\x1B]0;PWNED\\x07 is no longer in the bank');
    expect(opened.notice).not.toMatch(/[\u0000-\u001f]/);
  });
});
