// What an import adds: each event once, unknown questions kept aside, future times clamped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Event } from '../src/progress/events.js';
import { planImport } from '../src/progress/merge.js';
import { emptyProgress } from '../src/progress/schema.js';
import { review } from '../src/quiz/srs.js';

const NOW = new Date(Date.UTC(2026, 4, 1, 12));
const KNOWN = { questions: new Set(['q1', 'q2']), services: new Set(['sqs']) };

const answer = (id: string, at = NOW.getTime() - 3_600_000, question = 'q1'): Event => ({
  kind: 'answer',
  id,
  at,
  question,
  chosen: [0],
  correct: true,
  ms: 1,
  source: 'quiz',
  rating: 3,
});

describe('planning an import', () => {
  it('adds only what the journal does not have, each event once, in the file order', () => {
    const plan = planImport([answer('a1'), answer('a2'), answer('a1'), answer('a3')], new Set(['a2']), KNOWN, NOW);
    expect(plan.add.map((e) => e.id)).toEqual(['a1', 'a3']);
    expect(plan).toMatchObject({ answers: 2, already: 2, aside: [], clamped: 0 });
  });

  it('keeps aside events about questions and notes this bank does not have, and events of unknown kinds', () => {
    const plan = planImport(
      [
        answer('a1'),
        answer('gone', undefined, 'retired'),
        { kind: 'flag', id: 'f1', at: 1, question: 'retired', on: true },
        { kind: 'read', id: 'n1', at: 1, service: 'nope' },
        { kind: 'unknown', id: 'u1', at: 1, type: 'z' },
        { kind: 'read', id: 'n2', at: 1, service: 'sqs' },
      ],
      new Set(),
      KNOWN,
      NOW,
    );
    expect(plan.add.map((e) => e.id)).toEqual(['a1', 'n2']);
    expect(plan.aside.map((e) => e.id)).toEqual(['gone', 'f1', 'n1', 'u1']);
  });

  it('sets times in the future to now and counts them; past times stay', () => {
    const later = NOW.getTime() + 86_400_000;
    const plan = planImport(
      [
        answer('a1', later),
        answer('a2'),
        {
          kind: 'exam',
          id: 'x1',
          at: later,
          startedAt: later,
          questions: 65,
          correct: 40,
          scaled: 654,
          passed: false,
          timedOut: false,
          domains: {},
        },
      ],
      new Set(),
      KNOWN,
      NOW,
    );
    expect(plan.add.map((e) => e.at)).toEqual([NOW.getTime(), NOW.getTime() - 3_600_000, NOW.getTime()]);
    expect(plan.clamped).toBe(3);
  });

  it('splits a baseline: what this bank knows is merged, the rest kept aside; its future reviews clamped', () => {
    const state = { ...emptyProgress() } as Record<string, unknown>;
    delete state.version;
    delete state.latest;
    const baseline = {
      ...state,
      cards: { q1: review(undefined, 3, new Date(NOW.getTime() + 86_400_000)), retired: review(undefined, 3, NOW) },
      stats: {},
    };
    const plan = planImport([{ kind: 'baseline', id: 'b1', at: 1, state: baseline }], new Set(), KNOWN, NOW);
    const kept = plan.add[0] as Extract<Event, { kind: 'baseline' }>;
    expect(Object.keys((kept.state as { cards: object }).cards)).toEqual(['q1']);
    expect((kept.state as { cards: { q1: { last_review: string } } }).cards.q1.last_review).toBe(NOW.toISOString());
    expect(plan.aside).toHaveLength(1);
    expect(Object.keys((plan.aside[0] as { state: { cards: object } }).state.cards)).toEqual(['retired']);
  });

  it('importing the plan twice adds nothing the second time (random histories)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 }), (ids) => {
        const events = ids.map((n) => answer(`a${n}`));
        const first = planImport(events, new Set(), KNOWN, NOW);
        const second = planImport(events, new Set(first.add.map((e) => e.id)), KNOWN, NOW);
        expect(second.add).toEqual([]);
        expect(first.add.length).toBe(new Set(ids).size);
      }),
    );
  });
});
