// The Progress dashboard's figures and the readiness estimate, from hand-built histories.
// Dates are built with local constructors (new Date(y, m, d, h)), so the tests hold in
// any time zone.
import { describe, expect, it } from 'vitest';
import { questions, services } from '../src/content/bundle.js';
import { DOMAIN_INFO, DOMAINS, type Domain, type Question, type Service } from '../src/content/types.js';
import { streakFromDays } from '../src/progress/calendar.js';
import type { AnswerSource, Event } from '../src/progress/events.js';
import { progressReport, readiness } from '../src/progress/report.js';
import { type CardState, emptyProgress, type Progress } from '../src/progress/schema.js';
import { applyEvent } from '../src/progress/state.js';
import { domainCounts } from '../src/quiz/exam.js';
import { mastery, review } from '../src/quiz/srs.js';

const NOW = new Date(2026, 2, 15, 10, 0); // 15 March 2026, 10:00 local
const at = (dayOffset: number, hour: number, minute = 0) => new Date(2026, 2, 15 + dayOffset, hour, minute);
const iso = (date: Date) => date.toISOString();

function question(id: string, service: string, domain: Domain): Question {
  return {
    id,
    service,
    domain,
    tasks: ['1.1'],
    kind: 'single',
    section: 'overview',
    question: `About ${id}?`,
    options: [
      { text: 'Right', correct: true, why: 'because it is right' },
      { text: 'Wrong', correct: false, why: 'because it is wrong' },
    ],
    explanation: 'Explained.',
  };
}

function service(id: string, title: string): Service {
  return { id, title, aliases: [], category: 'compute', domains: [], sections: [], blocks: [] };
}

let eventCount = 0;
/** Saves an answer's counts and study day as the journal would; the tests set the cards themselves. */
function answer(progress: Progress, questionId: string, correct: boolean, when: Date, source: AnswerSource = 'quiz'): void {
  const cards = { ...progress.cards };
  const event: Event = {
    kind: 'answer',
    id: `a${++eventCount}`,
    at: when.getTime(),
    question: questionId,
    chosen: [correct ? 0 : 1],
    correct,
    ms: 1000,
    source,
    rating: correct ? 3 : 1,
  };
  applyEvent(progress, event);
  progress.cards = cards;
}

function read(progress: Progress, service: string, first: Date, last = first, count = 1): void {
  applyEvent(progress, { kind: 'read', id: `n${++eventCount}`, at: last.getTime(), service, first: first.getTime(), count });
}

function exam(progress: Progress, id: string, started: Date, finished: Date, correct: number, scaled: number, timedOut: boolean): void {
  applyEvent(progress, {
    kind: 'exam',
    id,
    at: finished.getTime(),
    startedAt: started.getTime(),
    questions: 65,
    correct,
    scaled,
    passed: scaled >= 720,
    timedOut,
    domains: {},
  });
}

/** A card due at `due`, last reviewed a day before. */
function cardDue(due: Date): CardState {
  const last = new Date(due.getTime() - 86_400_000);
  return {
    due: iso(due),
    stability: 1,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 1,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    last_review: iso(last),
  };
}

const SERVICES = [service('sqs', 'SQS'), service('kms', 'KMS'), service('lambda', 'Lambda')];
const BANK = [
  question('sqs-1', 'sqs', 'development'),
  question('sqs-2', 'sqs', 'development'),
  question('kms-1', 'kms', 'security'),
  question('lambda-1', 'lambda', 'deployment'),
  question('lambda-2', 'lambda', 'troubleshooting'),
];

function history(): Progress {
  const progress = emptyProgress();
  // Written in the reverse of the services' order: the report follows the services.
  read(progress, 'lambda', at(-5, 9));
  read(progress, 'sqs', at(-3, 20), at(0, 8), 4);
  answer(progress, 'sqs-1', false, at(-1, 23, 30));
  answer(progress, 'sqs-1', true, at(0, 0, 30));
  answer(progress, 'drill-dynamodb-read', true, at(0, 9), 'drill');
  answer(progress, 'kms-1', false, at(-2, 14), 'exam');
  answer(progress, 'retired-question', true, at(-2, 15));
  progress.cards = {
    'sqs-1': cardDue(at(0, 9)), // due an hour ago
    'sqs-2': cardDue(at(0, 23)), // due later today
    'kms-1': cardDue(at(1, 9)), // tomorrow
    'lambda-2': cardDue(at(1, 0)), // tomorrow, at the very start
    'lambda-1': cardDue(at(2, 0)), // the day after tomorrow, at the very start
    'drill-dynamodb-read': cardDue(at(-1, 12)), // a drill template, overdue (quiz --due asks bank questions)
    'retired-question': cardDue(at(-10, 12)), // no longer in the bank: not counted
  };
  exam(progress, 'e2', at(-1, 8), at(-1, 10), 50, 792, false);
  exam(progress, 'e1', at(-4, 8), at(-4, 10), 40, 654, true);
  return progress;
}

describe('the progress report', () => {
  it('counts notes, answers (every attempt, drills and exams included) and what is due', () => {
    const report = progressReport(history(), BANK, SERVICES, NOW);
    expect(report.notesRead).toEqual(['sqs', 'lambda']);
    expect(report.notesTotal).toBe(3);
    expect(report.answered).toBe(5);
    expect(report.correct).toBe(3);
    // Due now, as quiz --due asks it: sqs-1 (the drill is not a bank question; every bank
    // question has a card, so none is new). Later today sqs-2; tomorrow kms-1 and lambda-2.
    expect(report).toMatchObject({ due: 1, dueReviews: 1, dueNew: 0, learning: 0, laterToday: 1, dueTomorrow: 2 });
  });

  it('counts cards in learning steps apart: due within minutes, not due yet', () => {
    const progress = emptyProgress();
    const justBefore = new Date(2026, 2, 15, 9, 59, 30);
    progress.cards['sqs-1'] = review(undefined, 1, justBefore); // Again: back in a minute
    progress.cards['sqs-2'] = review(undefined, 3, justBefore); // Good, new: back in ten
    expect(progress.cards['sqs-1']!.state).toBe(1);
    const report = progressReport(progress, BANK, SERVICES, NOW);
    expect(report).toMatchObject({ due: 3, dueReviews: 0, dueNew: 3, learning: 2 });
    const soon = progressReport(progress, BANK, SERVICES, at(0, 10, 30));
    expect(soon.dueReviews).toBe(2);
  });

  it("rations new questions: today's remaining ones are due, the rest wait", () => {
    const progress = emptyProgress();
    progress.settings.newPerDay = 2;
    expect(progressReport(progress, BANK, SERVICES, NOW)).toMatchObject({ due: 2, dueNew: 2, newToday: 0 });
    answer(progress, 'sqs-1', true, at(0, 8));
    expect(progressReport(progress, BANK, SERVICES, NOW)).toMatchObject({ dueNew: 1, newToday: 1 });
    // A question first answered yesterday is not today's.
    answer(progress, 'kms-1', true, at(-1, 8));
    expect(progressReport(progress, BANK, SERVICES, NOW)).toMatchObject({ dueNew: 1, newToday: 1 });
  });

  it('lists exams oldest first', () => {
    const report = progressReport(history(), BANK, SERVICES, NOW);
    expect(report.exams).toEqual([
      { id: 'e1', finishedAt: iso(at(-4, 10)), scaled: 654, passed: false, correct: 40, questions: 65 },
      { id: 'e2', finishedAt: iso(at(-1, 10)), scaled: 792, passed: true, correct: 50, questions: 65 },
    ]);
  });

  it('sums up each service and each domain', () => {
    const progress = history();
    const report = progressReport(progress, BANK, SERVICES, NOW);
    const sqsMastery = (mastery(progress.cards['sqs-1'], NOW) + mastery(progress.cards['sqs-2'], NOW)) / 2;
    expect(report.services).toEqual([
      { id: 'sqs', title: 'SQS', read: true, answered: 2, correct: 1, share: 0.5, due: 1, questions: 2, mastery: sqsMastery },
      {
        id: 'kms',
        title: 'KMS',
        read: false,
        answered: 1,
        correct: 0,
        share: 0,
        due: 0,
        questions: 1,
        mastery: mastery(progress.cards['kms-1'], NOW),
      },
      {
        id: 'lambda',
        title: 'Lambda',
        read: true,
        answered: 0,
        correct: 0,
        share: null,
        due: 0,
        questions: 2,
        mastery: (mastery(progress.cards['lambda-1'], NOW) + mastery(progress.cards['lambda-2'], NOW)) / 2,
      },
    ]);
    expect(sqsMastery).toBeGreaterThan(0);
    expect(sqsMastery).toBeLessThan(1);
    const development = report.domains.find((d) => d.domain === 'development')!;
    // sqs-1 twice and the drill; the retired question counts in the totals only.
    expect(development).toMatchObject({
      title: DOMAIN_INFO.development.title,
      weight: 0.32,
      questions: 2,
      answered: 3,
      correct: 2,
      mastery: sqsMastery,
    });
    expect(report.domains.map((d) => d.domain)).toEqual([...DOMAINS]);
    expect(report.domains.find((d) => d.domain === 'security')).toMatchObject({ questions: 1, answered: 1, correct: 0 });
  });

  it('gives mastery 0 to questions never answered', () => {
    const report = progressReport(emptyProgress(), BANK, SERVICES, NOW);
    expect(report.services.every((s) => s.mastery === 0 && s.share === null)).toBe(true);
    expect(report.domains.every((d) => d.mastery === 0)).toBe(true);
    expect(report).toMatchObject({
      answered: 0,
      correct: 0,
      dueReviews: 0,
      laterToday: 0,
      dueTomorrow: 0,
      streakDays: 0,
      exams: [],
      notesRead: [],
    });
  });

  it('splits today from tomorrow at local midnight', () => {
    const progress = emptyProgress();
    progress.cards['sqs-1'] = cardDue(at(0, 23, 59));
    progress.cards['sqs-2'] = cardDue(at(1, 0, 0));
    progress.cards['kms-1'] = cardDue(at(1, 23, 59));
    progress.cards['lambda-1'] = cardDue(at(2, 0, 0));
    const report = progressReport(progress, BANK, SERVICES, NOW);
    expect([report.dueReviews, report.laterToday, report.dueTomorrow]).toEqual([0, 1, 2]);
    // Late in the evening the same cards: the one due today is due now, and tomorrow's are tomorrow's.
    const late = progressReport(progress, BANK, SERVICES, at(0, 23, 59));
    expect([late.dueReviews, late.laterToday, late.dueTomorrow]).toEqual([1, 0, 2]);
  });
});

describe('the streak', () => {
  function withAnswersOn(...times: Date[]): Progress {
    const progress = emptyProgress();
    for (const t of times) answer(progress, 'sqs-1', true, t);
    return progress;
  }
  const streakDays = (progress: Progress, now: Date) => streakFromDays(progress.days, now);

  it('counts consecutive local days ending today', () => {
    expect(streakDays(withAnswersOn(at(-2, 12), at(-1, 12), at(0, 8)), NOW)).toBe(3);
  });

  it('is not broken until the day is over: it may end yesterday', () => {
    expect(streakDays(withAnswersOn(at(-2, 12), at(-1, 12)), NOW)).toBe(2);
    expect(streakDays(withAnswersOn(at(-2, 12), at(-1, 12)), at(0, 23, 59))).toBe(2);
    // ...but once a full day has passed without activity it is gone.
    expect(streakDays(withAnswersOn(at(-2, 12), at(-1, 12)), at(1, 0, 1))).toBe(0);
  });

  it('spans midnight: 23:59 and 00:01 are two days', () => {
    expect(streakDays(withAnswersOn(at(-1, 23, 59), at(0, 0, 1)), NOW)).toBe(2);
    expect(streakDays(withAnswersOn(at(0, 0, 1), at(0, 9)), NOW)).toBe(1);
  });

  it('a day without activity breaks it', () => {
    expect(streakDays(withAnswersOn(at(-5, 12), at(-4, 12), at(-3, 12), at(-1, 12), at(0, 9)), NOW)).toBe(2);
    expect(streakDays(withAnswersOn(at(-3, 12), at(-2, 12)), NOW)).toBe(0);
    expect(streakDays(emptyProgress(), NOW)).toBe(0);
  });

  it('counts calendar days across daylight-saving changes (Europe, US and southern dates)', () => {
    for (const [year, month, day] of [
      [2026, 2, 29], // EU clocks forward
      [2026, 9, 25], // EU clocks back
      [2026, 2, 8], // US clocks forward
      [2026, 3, 5], // Australia/NZ clocks back
    ] as const) {
      const days = [-2, -1, 0, 1].map((offset) => new Date(year, month, day + offset, 12));
      expect(streakDays(withAnswersOn(...days), new Date(year, month, day + 1, 18)), `${year}-${month + 1}-${day}`).toBe(4);
      expect(streakDays(withAnswersOn(...days), new Date(year, month, day + 2, 23, 30)), `${year}-${month + 1}-${day}`).toBe(4);
    }
  });

  it('counts notes read (first and last) and exams finished as activity; an undone answer does not count', () => {
    const progress = emptyProgress();
    read(progress, 'sqs', at(-3, 12), at(-2, 12), 2);
    expect(streakDays(progress, NOW)).toBe(0);
    read(progress, 'kms', at(-1, 22));
    expect(streakDays(progress, NOW)).toBe(3);
    exam(progress, 'e', at(0, 7), at(0, 9), 0, 100, false);
    expect(streakDays(progress, NOW)).toBe(4);
    expect(progressReport(progress, BANK, SERVICES, NOW).streakDays).toBe(4);
    const undone = emptyProgress();
    applyEvent(undone, {
      kind: 'answer',
      id: 'x',
      at: at(0, 8).getTime(),
      question: 'sqs-1',
      chosen: [0],
      correct: true,
      ms: 1,
      source: 'quiz',
      rating: 3,
    });
    applyEvent(undone, { kind: 'undo', id: 'u', at: at(0, 8).getTime(), question: 'sqs-1', answer: 'x' });
    expect(streakDays(undone, NOW)).toBe(0);
  });
});

describe('next steps', () => {
  function scenario(): Progress {
    const progress = emptyProgress();
    // Development known (reviewed Easy just now), the rest unknown.
    answer(progress, 'sqs-1', false, at(-1, 9));
    answer(progress, 'sqs-1', true, at(0, 9, 58));
    answer(progress, 'sqs-2', false, at(0, 9, 59));
    progress.cards['sqs-1'] = { ...review(undefined, 4, at(0, 9, 58)), due: iso(at(0, 9, 59)) };
    progress.cards['sqs-2'] = review(undefined, 4, at(0, 9, 59));
    read(progress, 'sqs', at(-1, 8));
    return progress;
  }

  it('puts what is due first, then the weakest unread note, services never practised, missed questions, the weakest domain', () => {
    const report = progressReport(scenario(), BANK, SERVICES, NOW);
    expect(report.nextSteps).toEqual([
      { text: '1 SQS card due for review, then 3 new questions for today', action: { kind: 'quiz', source: { kind: 'due' } } },
      // Security, deployment and troubleshooting are all unknown: the heaviest, security, is the weakest.
      { text: `KMS note never read (${DOMAIN_INFO.security.title})`, action: { kind: 'read', service: 'kms' } },
      { text: 'Lambda never practised (2 questions)', action: { kind: 'quiz', source: { kind: 'service', service: 'lambda' } } },
      { text: '1 question missed last time', action: { kind: 'quiz', source: { kind: 'missed' } } },
      {
        text: `Practise ${DOMAIN_INFO.security.title} (mastery 0%)`,
        action: { kind: 'quiz', source: { kind: 'domain', domain: 'security' } },
      },
    ]);
  });

  it('is deterministic and at most five, on the real bank too', () => {
    const fresh = progressReport(emptyProgress(), questions(), services(), NOW);
    expect(fresh.nextSteps).toHaveLength(5);
    expect(fresh.nextSteps[0]).toEqual({ text: '20 new questions for today', action: { kind: 'quiz', source: { kind: 'due' } } });
    expect(fresh.nextSteps[1]!.action.kind).toBe('read');
    expect(fresh.nextSteps.slice(2).every((s) => s.action.kind === 'quiz')).toBe(true);
    expect(progressReport(emptyProgress(), questions(), services(), NOW).nextSteps).toEqual(fresh.nextSteps);
    const texts = fresh.nextSteps.map((s) => s.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('names the top service when due cards span several', () => {
    const progress = emptyProgress();
    progress.cards['sqs-1'] = cardDue(at(0, 8));
    progress.cards['sqs-2'] = cardDue(at(0, 8));
    progress.cards['kms-1'] = cardDue(at(0, 8));
    progress.settings.newPerDay = 0;
    expect(progressReport(progress, BANK, SERVICES, NOW).nextSteps[0]).toEqual({
      text: '3 cards due for review (2 SQS)',
      action: { kind: 'quiz', source: { kind: 'due' } },
    });
  });
});

describe('readiness', () => {
  const bank = () => questions();

  /** Every bank question of `domains` reviewed Easy a minute before `when`. */
  function knowing(domains: readonly Domain[], when: Date, filter: (q: Question, i: number) => boolean = () => true): Progress {
    const progress = emptyProgress();
    const reviewed = new Date(when.getTime() - 60_000);
    bank()
      .filter((q) => domains.includes(q.domain))
      .filter(filter)
      .forEach((q) => {
        progress.cards[q.id] = review(undefined, 4, reviewed);
      });
    return progress;
  }

  it('all unknown: 100, with a narrow band', () => {
    const r = readiness(emptyProgress(), bank(), NOW);
    expect(r).toMatchObject({ expected: 100, low: 100, high: 100, passLine: 720, likelyPass: false, examDate: null, at: iso(NOW) });
    expect(r.domains.map((d) => d.expectedRecall)).toEqual([0, 0, 0, 0]);
    // All tied at 0: the heaviest domain is the weakest.
    expect(r.weakestDomain).toBe('development');
  });

  it('all known just before: close to 1000 and likely to pass', () => {
    const r = readiness(knowing(DOMAINS, NOW), bank(), NOW);
    expect(r.expected).toBeGreaterThanOrEqual(995);
    expect(r.low).toBeGreaterThanOrEqual(990);
    expect(r.high).toBeLessThanOrEqual(1000);
    expect(r.likelyPass).toBe(true);
    // Equal recall everywhere (up to rounding): the heaviest domain is the weakest.
    expect(r.weakestDomain).toBe('development');
  });

  it('a mix: half of each domain known gives a mid score with a real band', () => {
    const r = readiness(
      knowing(DOMAINS, NOW, (_, i) => i % 2 === 0),
      bank(),
      NOW,
    );
    const p = new Map(r.domains.map((d) => [d.domain, d.expectedRecall]));
    const share = DOMAINS.reduce((sum, d) => sum + DOMAIN_INFO[d].weight * p.get(d)!, 0);
    const counts = domainCounts();
    const sd = Math.sqrt(DOMAINS.reduce((sum, d) => sum + (DOMAIN_INFO[d].weight ** 2 * p.get(d)! * (1 - p.get(d)!)) / counts[d], 0));
    expect(r.expected).toBe(Math.round(100 + 900 * share));
    expect(r.low).toBe(Math.round(100 + 900 * (share - 1.96 * sd)));
    expect(r.high).toBe(Math.round(100 + 900 * (share + 1.96 * sd)));
    expect(r.expected).toBeGreaterThan(450);
    expect(r.expected).toBeLessThan(650);
    expect(r.high - r.low).toBeGreaterThan(150);
    expect(r.likelyPass).toBe(false);
  });

  it('weights the domains: knowing all of development moves the score more than all of troubleshooting', () => {
    const development = readiness(knowing(['development'], NOW), bank(), NOW);
    const troubleshooting = readiness(knowing(['troubleshooting'], NOW), bank(), NOW);
    expect(development.expected).toBeCloseTo(100 + 900 * 0.32, -1);
    expect(troubleshooting.expected).toBeCloseTo(100 + 900 * 0.18, -1);
    expect(development.expected).toBeGreaterThan(troubleshooting.expected);
    expect(development.weakestDomain).toBe('security');
    expect(readiness(knowing(['development', 'deployment', 'troubleshooting'], NOW), bank(), NOW).weakestDomain).toBe('security');
  });

  it('evaluates at the exam date when it is set and ahead: recall is lower by then', () => {
    const progress = knowing(DOMAINS, NOW);
    const today = readiness(progress, bank(), NOW);
    progress.settings.examDate = '2026-05-15';
    const atExam = readiness(progress, bank(), NOW);
    expect(atExam.at).toBe(iso(new Date(2026, 4, 15)));
    expect(atExam.examDate).toBe('2026-05-15');
    expect(atExam.expected).toBeLessThan(today.expected - 50);
    for (const d of atExam.domains) expect(d.expectedRecall).toBeLessThan(today.domains.find((t) => t.domain === d.domain)!.expectedRecall);
    // An explicit date wins over the setting; a date already past means now.
    const sooner = readiness(progress, bank(), NOW, new Date(2026, 2, 22));
    expect(sooner.examDate).toBe('2026-03-22');
    expect(sooner.expected).toBeGreaterThan(atExam.expected);
    progress.settings.examDate = '2026-03-01';
    expect(readiness(progress, bank(), NOW)).toMatchObject({
      at: iso(NOW),
      examDate: '2026-03-01',
      examDatePassed: true,
      expected: today.expected,
    });
    expect(atExam.examDatePassed).toBe(false);
  });

  it('is part of the report', () => {
    const progress = knowing(['development'], NOW);
    expect(progressReport(progress, bank(), services(), NOW).readiness).toEqual(readiness(progress, bank(), NOW));
  });
});
