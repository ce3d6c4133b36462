// The progress the journal adds up to: events applied in journal order. Pure.
//
// The snapshot is this state after the journal's first N bytes; a reader applies the rest.
// applyEvent() is that step. It needs nothing but the state, so every process applies
// every event the same way, whichever process saved it. A re-rating or an undo of a
// question's latest answer finds what it needs in `latest` (the card and counts before that
// answer); one that targets an earlier answer (another process answered the same question
// in between) cannot be applied that way, and the caller replays the whole journal.
//
// replay() is the definition: the journal read twice, first for the undone answers and the
// final ratings, then every event applied with those. For a journal applied step by step it
// gives the same cards, counts, notes, flags, exams and days (tests/progress-state.test.ts
// checks it on random histories).
//
// Settings are not part of it: they live in settings.json (progress/settings-file.ts). The
// `setting` events an older awsnotes wrote to the journal are left to the store, which
// moves them there once (progress/store.ts).
import { cardFromState, type FsrsCard, reviewCard, reviewTime, review, stateFromCard } from '../quiz/srs.js';
import { localDayKey, startOfLocalDay } from './calendar.js';
import type { Event, ExamEvent, Rating } from './events.js';
import { type BaselineState, type CardState, emptyState, type ProgressState, type QuestionStats, validateBaseline } from './schema.js';

export type Outcome = 'applied' | 'ignored' | 'rebuild';

const iso = (time: number) => new Date(time).toISOString();
const dayOf = (time: number) => localDayKey(new Date(time));

function bumpDay(progress: ProgressState, day: string, by: number): void {
  const count = (progress.days[day] ?? 0) + by;
  if (count > 0) progress.days[day] = count;
  else delete progress.days[day];
}

function applyAnswer(progress: ProgressState, event: Extract<Event, { kind: 'answer' }>, rating = event.rating): void {
  const { question, correct, at } = event;
  const before = { card: progress.cards[question], stats: progress.stats[question] };
  const reviewedAt = reviewTime(before.card, new Date(at));
  progress.cards[question] = review(before.card, rating, reviewedAt);
  const stats = before.stats;
  progress.stats[question] = {
    answers: (stats?.answers ?? 0) + 1,
    right: (stats?.right ?? 0) + (correct ? 1 : 0),
    first: stats?.first ?? iso(at),
    last: iso(at),
    lastRight: correct,
  };
  const day = dayOf(at);
  bumpDay(progress, day, 1);
  const kept: { card?: ProgressState['cards'][string]; stats?: QuestionStats } = {};
  if (before.card) kept.card = before.card;
  if (before.stats) kept.stats = before.stats;
  progress.latest[question] = { answer: event.id, at: reviewedAt.toISOString(), correct, rating, day, before: kept };
}

function examSummary(event: ExamEvent) {
  return {
    id: event.id,
    startedAt: iso(event.startedAt),
    finishedAt: iso(event.at),
    questions: event.questions,
    correct: event.correct,
    scaled: event.scaled,
    passed: event.passed,
    timedOut: event.timedOut,
  };
}

const time = (iso: string | undefined) => (iso === undefined ? Number.NEGATIVE_INFINITY : Date.parse(iso));

/** The card to keep of two: later last review, then more reviews; `a` on a tie. */
export function newerCard<T extends { last_review?: string | undefined; reps: number }>(a: T, b: T): T {
  const diff = time(b.last_review) - time(a.last_review);
  if (diff !== 0) return diff > 0 ? b : a;
  return b.reps > a.reps ? b : a;
}

const earlier = (a: string, b: string) => (Date.parse(b) < Date.parse(a) ? b : a);
const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);

/**
 * A baseline merged in: counts added, the newer card kept (later last review), notes read
 * joined, flags and exams united (settings it may carry are the store's: see above).
 * Questions it touches lose their `latest` (an undo must not restore a card from before the
 * merge).
 */
export function mergeBaseline(progress: ProgressState, baseline: BaselineState): void {
  for (const [id, card] of Object.entries(baseline.cards)) {
    const mine = progress.cards[id];
    progress.cards[id] = mine ? newerCard(mine, card) : card;
    delete progress.latest[id];
  }
  for (const [id, theirs] of Object.entries(baseline.stats)) {
    const mine = progress.stats[id];
    if (!mine) progress.stats[id] = theirs;
    else {
      const theirsLater = Date.parse(theirs.last) > Date.parse(mine.last);
      progress.stats[id] = {
        answers: mine.answers + theirs.answers,
        right: mine.right + theirs.right,
        first: earlier(mine.first, theirs.first),
        last: theirsLater ? theirs.last : mine.last,
        lastRight: theirsLater ? theirs.lastRight : mine.lastRight,
      };
    }
    delete progress.latest[id];
  }
  for (const [id, theirs] of Object.entries(baseline.notesRead)) {
    const mine = progress.notesRead[id];
    progress.notesRead[id] = mine
      ? { first: earlier(mine.first, theirs.first), last: later(mine.last, theirs.last), count: mine.count + theirs.count }
      : theirs;
  }
  for (const [id, at] of Object.entries(baseline.flags)) {
    const mine = progress.flags[id];
    progress.flags[id] = mine ? earlier(mine, at) : at;
  }
  for (const exam of baseline.exams) if (!progress.exams.some((e) => e.id === exam.id)) progress.exams.push(exam);
  for (const [day, count] of Object.entries(baseline.days)) bumpDay(progress, day, count);
}

/** Applies one event in place. */
export function applyEvent(progress: ProgressState, event: Event): Outcome {
  switch (event.kind) {
    case 'journal':
    case 'unknown':
      return 'ignored';
    case 'answer':
      applyAnswer(progress, event);
      return 'applied';
    case 'rerate': {
      const latest = progress.latest[event.question];
      if (latest?.answer !== event.answer) return 'rebuild';
      if (!latest.correct) return 'ignored';
      progress.cards[event.question] = review(latest.before?.card, event.rating, new Date(latest.at));
      latest.rating = event.rating;
      return 'applied';
    }
    case 'undo': {
      const latest = progress.latest[event.question];
      if (latest?.answer !== event.answer) return 'rebuild';
      const { card, stats } = latest.before ?? {};
      if (card) progress.cards[event.question] = card;
      else delete progress.cards[event.question];
      if (stats) progress.stats[event.question] = stats;
      else delete progress.stats[event.question];
      bumpDay(progress, latest.day, -1);
      delete progress.latest[event.question];
      return 'applied';
    }
    case 'flag':
      if (!event.on) delete progress.flags[event.question];
      else if (progress.flags[event.question] === undefined) progress.flags[event.question] = iso(event.at);
      return 'applied';
    case 'read': {
      const entry = progress.notesRead[event.service];
      const first = iso(event.first ?? event.at);
      const last = iso(event.at);
      progress.notesRead[event.service] = entry
        ? { first: earlier(entry.first, first), last: later(entry.last, last), count: entry.count + (event.count ?? 1) }
        : { first: earlier(last, first), last, count: event.count ?? 1 };
      bumpDay(progress, dayOf(event.at), 1);
      if (event.first !== undefined && dayOf(event.first) !== dayOf(event.at)) bumpDay(progress, dayOf(event.first), 1);
      return 'applied';
    }
    case 'exam':
      if (progress.exams.some((e) => e.id === event.id)) return 'ignored';
      progress.exams.push(examSummary(event));
      bumpDay(progress, dayOf(event.at), 1);
      return 'applied';
    case 'setting':
      // An older awsnotes's: moved to settings.json by the store, not part of the state.
      return 'ignored';
    case 'baseline': {
      const baseline = validateBaseline(event.state);
      if (!baseline) return 'ignored';
      mergeBaseline(progress, structuredClone(baseline));
      return 'applied';
    }
  }
}

/** What a replay met besides the state. */
export interface ReplayCounts {
  events: number;
  answers: number;
  /** Events of a type this awsnotes does not know (from a newer one), or baselines that are not valid. */
  ignored: number;
}

/**
 * A source of events in journal order, read as many times as asked; `only`, when given,
 * lists the event types the reader needs (the source may skip decoding the others).
 */
export type EventSource = (visit: (event: Event) => void, only?: readonly Event['kind'][]) => void;

/**
 * A question's state during a replay: a ts-fsrs card (or, without scheduling, only its
 * reviews and last review) and times as numbers, made into JSON at the end. Updated in
 * place (a million answers make little garbage): `before*` keep what the latest answer
 * replaced, for `latest`.
 */
interface Working {
  card: FsrsCard | undefined;
  reviews: number;
  lastReview: number;
  answers: number;
  right: number;
  first: number;
  last: number;
  lastRight: boolean;
  latestId: string | undefined;
  latestAt: number;
  latestCorrect: boolean;
  latestRating: Rating;
  latestDay: string;
  beforeCard: FsrsCard | undefined;
  beforeReviews: number;
  beforeLastReview: number;
  beforeAnswers: number;
  beforeRight: number;
  beforeFirst: number;
  beforeLast: number;
  beforeLastRight: boolean;
}

function working(card: FsrsCard | undefined, stats: QuestionStats | undefined): Working {
  return {
    card,
    reviews: card?.reps ?? 0,
    lastReview: card?.last_review ? card.last_review.getTime() : Number.NEGATIVE_INFINITY,
    answers: stats?.answers ?? 0,
    right: stats?.right ?? 0,
    first: stats ? Date.parse(stats.first) : 0,
    last: stats ? Date.parse(stats.last) : 0,
    lastRight: stats?.lastRight ?? false,
    latestId: undefined,
    latestAt: 0,
    latestCorrect: false,
    latestRating: 3,
    latestDay: '',
    beforeCard: undefined,
    beforeReviews: 0,
    beforeLastReview: Number.NEGATIVE_INFINITY,
    beforeAnswers: 0,
    beforeRight: 0,
    beforeFirst: 0,
    beforeLast: 0,
    beforeLastRight: false,
  };
}

/** Local day keys of times, remembering the last day's bounds (a history is mostly in order). */
function dayKeys(): (time: number) => string {
  let start = 0;
  let end = -1;
  let key = '';
  return (time) => {
    if (time < start || time >= end) {
      const date = new Date(time);
      key = localDayKey(date);
      start = startOfLocalDay(date).getTime();
      end = startOfLocalDay(date, 1).getTime();
    }
    return key;
  };
}

/**
 * The state the journal adds up to: undone answers left out, each answer with its final
 * rating. (Events are applied as often as the journal holds them, as a reader of its tail
 * applies them: the journal has each event once, imports and conversions making sure of
 * it under the lock.) With `cards: false` the ts-fsrs scheduling is skipped and a
 * card holds only its reviews and last review (doctor's quick check of a long history).
 */
export function replay(source: EventSource, options: { cards?: boolean } = {}): { progress: ProgressState; counts: ReplayCounts } {
  const withCards = options.cards ?? true;
  const undone = new Set<string>();
  const ratings = new Map<string, Rating>();
  source(
    (event) => {
      if (event.kind === 'undo') undone.add(event.answer);
      else if (event.kind === 'rerate') ratings.set(event.answer, event.rating);
    },
    ['undo', 'rerate'],
  );
  const progress = emptyState();
  const counts: ReplayCounts = { events: 0, answers: 0, ignored: 0 };
  /** The rating an answer schedules with: its re-rating, if right and re-rated (as applyEvent does). */
  const finalRating = (answer: string, correct: boolean, rating: Rating): Rating => (correct && ratings.get(answer)) || rating;
  const questions = new Map<string, Working>();
  const dayOfTime = dayKeys();

  /** The question's working state: already met, or from `progress` (after a baseline), or new. */
  const load = (question: string): Working => {
    let w = questions.get(question);
    if (!w) {
      const card = progress.cards[question];
      w = working(card ? cardFromState(card) : undefined, progress.stats[question]);
      questions.set(question, w);
    }
    return w;
  };
  const cardJson = (card: FsrsCard | undefined, reviews: number, lastReview: number): CardState | undefined =>
    withCards ? card && stateFromCard(card) : reviews > 0 ? reviewsOnly(reviews, lastReview) : undefined;
  const statsJson = (answers: number, right: number, first: number, last: number, lastRight: boolean): QuestionStats => ({
    answers,
    right,
    first: iso(first),
    last: iso(last),
    lastRight,
  });
  /** Writes the working questions into `progress` (at the end, and before a baseline merges into it). */
  const materialize = () => {
    for (const [question, w] of questions) {
      const card = cardJson(w.card, w.reviews, w.lastReview);
      if (card) progress.cards[question] = card;
      if (w.answers) progress.stats[question] = statsJson(w.answers, w.right, w.first, w.last, w.lastRight);
      if (w.latestId === undefined) continue;
      const before: { card?: CardState; stats?: QuestionStats } = {};
      const beforeCard = cardJson(w.beforeCard, w.beforeReviews, w.beforeLastReview);
      if (beforeCard) before.card = beforeCard;
      if (w.beforeAnswers) before.stats = statsJson(w.beforeAnswers, w.beforeRight, w.beforeFirst, w.beforeLast, w.beforeLastRight);
      progress.latest[question] = {
        answer: w.latestId,
        at: iso(w.latestAt),
        correct: w.latestCorrect,
        rating: withCards ? w.latestRating : finalRating(w.latestId, w.latestCorrect, w.latestRating),
        day: w.latestDay,
        before,
      };
    }
    questions.clear();
  };

  source((event) => {
    counts.events++;
    switch (event.kind) {
      case 'rerate':
      case 'undo':
        return;
      case 'answer': {
        if (undone.size > 0 && undone.has(event.id)) return;
        counts.answers++;
        // Without scheduling the rating is only the latest answer's, looked up at the end:
        // a lookup per answer in the map of re-ratings is a tenth of a long quick replay.
        const rating = withCards ? finalRating(event.id, event.correct, event.rating) : event.rating;
        const w = load(event.question);
        w.beforeCard = w.card;
        w.beforeReviews = w.reviews;
        w.beforeLastReview = w.lastReview;
        w.beforeAnswers = w.answers;
        w.beforeRight = w.right;
        w.beforeFirst = w.first;
        w.beforeLast = w.last;
        w.beforeLastRight = w.lastRight;
        if (withCards) {
          w.card = reviewCard(w.card, rating, event.at);
          w.lastReview = w.card.last_review!.getTime();
        } else if (event.at > w.lastReview) w.lastReview = event.at;
        w.reviews++;
        if (w.answers === 0) w.first = event.at;
        w.answers++;
        if (event.correct) w.right++;
        w.last = event.at;
        w.lastRight = event.correct;
        const day = dayOfTime(event.at);
        progress.days[day] = (progress.days[day] ?? 0) + 1;
        w.latestId = event.id;
        w.latestAt = w.lastReview;
        w.latestCorrect = event.correct;
        w.latestRating = rating;
        w.latestDay = day;
        return;
      }
      case 'baseline':
        materialize();
        if (applyEvent(progress, event) === 'ignored') counts.ignored++;
        return;
      default:
        if (applyEvent(progress, event) === 'ignored' && event.kind === 'unknown') counts.ignored++;
    }
  });
  materialize();
  return { progress, counts };
}

/** A card reduced to what the quick check compares: its reviews and last review. */
function reviewsOnly(reviews: number, lastReview: number): CardState {
  return { ...QUICK_CARD, reps: reviews, last_review: iso(lastReview) };
}

const QUICK_CARD: CardState = {
  due: new Date(0).toISOString(),
  stability: 0,
  difficulty: 0,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 0,
  lapses: 0,
  state: 0,
};

/** The parts of two states that differ, by name (`latest` is bookkeeping, not compared). */
export function differences(a: ProgressState, b: ProgressState, compareCards: 'whole' | 'reviews' = 'whole'): string[] {
  const out: string[] = [];
  const keys = (o: object) => Object.keys(o).sort();
  const sameRecord = <T>(x: Record<string, T>, y: Record<string, T>, view: (value: T | undefined) => unknown = (v) => v) => {
    const differing: string[] = [];
    for (const id of new Set([...keys(x), ...keys(y)])) if (JSON.stringify(view(x[id])) !== JSON.stringify(view(y[id]))) differing.push(id);
    return differing;
  };
  const cards = sameRecord(a.cards, b.cards, compareCards === 'whole' ? undefined : (c) => c && [c.reps, c.last_review]);
  if (cards.length) out.push(`cards of ${cards.length} question${cards.length === 1 ? '' : 's'}`);
  const stats = sameRecord(a.stats, b.stats);
  if (stats.length) out.push(`answer counts of ${stats.length} question${stats.length === 1 ? '' : 's'}`);
  if (sameRecord(a.notesRead, b.notesRead).length) out.push('notes read');
  if (sameRecord(a.flags, b.flags).length) out.push('flags');
  const exams = (p: ProgressState) => JSON.stringify([...p.exams].sort((x, y) => (x.id < y.id ? -1 : 1)));
  if (exams(a) !== exams(b)) out.push('exams');
  if (sameRecord(a.days, b.days).length) out.push('study days');
  return out;
}
