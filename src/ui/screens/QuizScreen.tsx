import { Box, type Key, Text } from 'ink';
import { type Ref, useImperativeHandle, useMemo, useRef } from 'react';
import { generateDrill } from '../../capacity/drills.js';
import { questions as bank, examGuide, services } from '../../content/bundle.js';
import { DOMAIN_INFO, DOMAINS, type Question } from '../../content/types.js';
import type { ProgressStore } from '../../progress/store.js';
import { LETTERS } from '../../quiz/attempt.js';
import { taskCoverage } from '../../quiz/coverage.js';
import {
  DEFAULT_QUIZ_LENGTH,
  FILTERED_LISTS,
  followingQuestion,
  initialQuiz,
  justAnswered,
  limitQueue,
  type QuizEvent,
  type QuizLength,
  type QuizState,
  reduceQuiz,
  type SourceList,
} from '../../quiz/quiz-state.js';
import { createRng, randomSeed } from '../../quiz/random.js';
import { type Recorded, recordAnswer, rerate, toggleFlag, undoAnswer } from '../../quiz/record.js';
import { answerRecord, scoreText, startSession, tally } from '../../quiz/session.js';
import { dueReviews, selectQuestions, type Source, sourceLabel, todaysNew } from '../../quiz/sources.js';
import { formatInterval, previewRatings, type RatingValue } from '../../quiz/srs.js';
import { questionLines } from '../../quiz/view.js';
import { wrap } from '../../render/note.js';
import { type FilterItem, FilterMenu } from '../components/FilterMenu.js';
import { Menu, type MenuItem } from '../components/Menu.js';
import { clampTop, ScrollLines } from '../components/ScrollLines.js';
import { useKeys } from '../input.js';
import { isKey } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
import { useMachine } from '../useMachine.js';
import { useReportMode } from '../useReportMode.js';
import { ExamScreen } from './ExamScreen.js';
import { NoteReader } from './NoteReader.js';
import type { InputMode } from './types.js';

/** A quiz to start: a source, or the exam; for drills, the drill to ask first (the calculator's case). */
export interface QuizStart {
  source: Source | { kind: 'exam' };
  drill?: Question;
  /** The screen that started it (the reader's `t`, a next step, a drill of a case): the quiz ends back there. */
  returnTo?: 'services' | 'calc' | 'progress';
}

/** Starting a quiz from outside the screen (the reader's `t`, a next step, a drill of a case). */
export interface QuizScreenHandle {
  start(start: QuizStart): void;
}

export interface QuizScreenProps {
  width: number;
  height: number;
  active: boolean;
  store: ProgressStore;
  /** The quiz to start as the screen opens (`awsnotes quiz --service …`, `awsnotes exam`). */
  initial?: QuizStart | null;
  /** Questions a quiz asks at first (`awsnotes quiz --count N`); the picker changes it. */
  initialLength?: QuizLength;
  onMode(mode: InputMode): void;
  onNotice(text: string): void;
  /** Leaves for the screen a quiz was started from, when it ends. */
  onReturn?(screen: NonNullable<QuizStart['returnTo']>): void;
  ref?: Ref<QuizScreenHandle>;
}

type Choice = Source | { kind: 'exam' } | { kind: 'list'; list: Exclude<SourceList, 'main'> };

/** The screen's input mode, from its state; null while the note or the exam has the keys. */
function modeOf(state: QuizState): InputMode | null {
  switch (state.view.kind) {
    case 'sources':
      if (state.view.list === 'main') return 'quiz-source';
      return FILTERED_LISTS.has(state.view.list) ? 'quiz-filter' : 'quiz-list';
    case 'empty':
      return 'quiz-empty';
    case 'summary':
      return 'quiz-summary';
    case 'question':
      return state.session?.verdict ? 'quiz-verdict' : 'quiz-question';
    case 'note':
    case 'exam':
      return null;
  }
}

/** What a key means for the quiz: an event, or a command the screen carries out with the store. */
type QuizCommand = QuizEvent | { type: 'rate'; rating: RatingValue } | { type: 'flag' } | { type: 'take-back' };

function quizCommand(state: QuizState, input: string, key: Key): QuizCommand | null {
  const { view, session } = state;
  if (view.kind === 'empty') return isKey('quiz-empty.back', input, key) ? { type: 'sources' } : null;
  if (view.kind === 'sources') {
    if (view.list === 'main') return isKey('quiz-source.length', input, key) ? { type: 'length', by: key.rightArrow ? 1 : -1 } : null;
    const back = FILTERED_LISTS.has(view.list) ? isKey('quiz-filter.back', input, key) : isKey('quiz-list.back', input, key);
    return back ? { type: 'sources' } : null;
  }
  if (view.kind === 'summary') {
    if (isKey('summary.close', input, key)) return { type: 'sources' };
    return isKey('summary.undo', input, key) ? { type: 'take-back' } : null;
  }
  if (view.kind !== 'question' || !session) return null;
  if (!session.verdict) {
    if (isKey('quiz.pick', input, key))
      return { type: 'pick', display: /[1-6]/.test(input) ? Number(input) - 1 : LETTERS.toLowerCase().indexOf(input) };
    if (isKey('quiz.submit', input, key)) return { type: 'submit' };
    if (isKey('quiz.scroll-down', input, key)) return key.pageDown ? { type: 'page', by: 1 } : { type: 'scroll', by: 1 };
    if (isKey('quiz.scroll-up', input, key)) return key.pageUp ? { type: 'page', by: -1 } : { type: 'scroll', by: -1 };
    if (isKey('quiz.undo', input, key)) return { type: 'take-back' };
    if (isKey('quiz.leave', input, key)) return { type: 'stop' };
    return null;
  }
  if (isKey('verdict.rate', input, key)) return session.verdict.correct ? { type: 'rate', rating: Number(input) as RatingValue } : null;
  if (isKey('verdict.next', input, key)) return { type: 'rate', rating: 3 };
  if (isKey('verdict.note', input, key)) return { type: 'open-note' };
  if (isKey('verdict.flag', input, key)) return { type: 'flag' };
  if (isKey('verdict.undo', input, key)) return { type: 'take-back' };
  if (isKey('verdict.scroll-down', input, key)) return key.pageDown ? { type: 'page', by: 1 } : { type: 'scroll', by: 1 };
  if (isKey('verdict.scroll-up', input, key)) return key.pageUp ? { type: 'page', by: -1 } : { type: 'scroll', by: -1 };
  if (isKey('verdict.leave', input, key)) return { type: 'stop' };
  return null;
}

/** The store's receipt of the last answer (to re-rate it, or take it back) and when it was given. */
interface LastAnswer {
  recorded: Recorded;
  at: Date;
}

/** "2 hard 1d · 3 good 3d · 4 easy 8d": each rating key with the wait it schedules. */
function ratingLine(answer: LastAnswer): string {
  const waits = previewRatings(answer.recorded.before, answer.at);
  return `2 hard ${formatInterval(waits[2])} · 3 good ${formatInterval(waits[3])} · 4 easy ${formatInterval(waits[4])} · Enter good`;
}

export function QuizScreen({ width, height, active, store, initial, initialLength, onMode, onNotice, onReturn, ref }: QuizScreenProps) {
  const rng = useMemo(() => createRng(randomSeed()), []);
  const titles = useMemo(() => new Map(services().map((s) => [s.id, s.title])), []);
  const lastAnswer = useRef<LastAnswer | null>(null);
  /** Where the quiz on screen was started from, to go back there when it ends. */
  const returnTo = useRef<QuizStart['returnTo']>(initial?.returnTo);
  const isFlagged = (question: Question) => store.read().flags[question.id] !== undefined;
  const tellNotices = () => {
    const notices = store.notices.splice(0);
    if (notices.length) onNotice(notices.join(' '));
  };

  /** The event that starts `start`: questions chosen from the store, as many as `length`, the first presented. */
  const startEvent = ({ source, drill }: QuizStart, length: QuizLength): QuizEvent => {
    if (source.kind === 'exam') return { type: 'exam' };
    const now = new Date();
    const queue =
      source.kind === 'drills'
        ? [drill ?? generateDrill(rng)]
        : limitQueue(selectQuestions(bank(), source, store.read(), now, rng), length);
    const session = startSession(source, queue, rng, now.getTime());
    return {
      type: 'started',
      source,
      session,
      label: sourceLabel(source, titles),
      flagged: session ? isFlagged(session.presented.question) : false,
    };
  };

  const [state, dispatch] = useMachine<QuizState, QuizEvent>(
    () => {
      const fresh = initialQuiz(initialLength ?? DEFAULT_QUIZ_LENGTH);
      return initial ? reduceQuiz(fresh, startEvent(initial, fresh.length), { lines: 0, height }) : fresh;
    },
    (s, event): QuizState => reduceQuiz(s, event, { lines: lines.length, height: bodyHeight }),
    (before, after) => {
      const answered = justAnswered(before, after);
      if (!answered) return;
      const at = new Date();
      lastAnswer.current = { recorded: recordAnswer(store, answerRecord(answered, 'quiz', at.getTime()), at), at };
      tellNotices();
    },
  );
  useReportMode(onMode, modeOf(state));
  useImperativeHandle(ref, () => ({
    start: (start) => {
      returnTo.current = start.returnTo;
      dispatch(startEvent(start, state.length));
    },
  }));

  /** Back to the sources, or to the screen the quiz came from. */
  const leave = () => {
    const from = returnTo.current;
    returnTo.current = undefined;
    dispatch({ type: 'sources' });
    if (from) onReturn?.(from);
  };

  const { session } = state;
  // After a right answer, a line offers each rating with the wait it schedules.
  const rating = session?.verdict?.correct && lastAnswer.current ? ratingLine(lastAnswer.current) : null;
  const bodyHeight = Math.max(3, height - 1 - (rating ? 1 : 0));
  const lines = useMemo(
    () =>
      session
        ? questionLines(
            session.presented,
            width,
            { picked: session.picked, revealed: session.verdict !== null },
            titles.get(session.presented.question.service),
          )
        : [],
    [session, width, titles],
  );

  const rate = (rating: RatingValue) => {
    if (!session) return;
    const answer = lastAnswer.current;
    if (session.verdict?.correct && answer && rating !== answer.recorded.rating) {
      rerate(store, session.presented.question.id, answer.recorded, rating, new Date());
      tellNotices();
    }
    const following = followingQuestion(session, rng, Date.now(), () => generateDrill(rng), state.length);
    dispatch({ type: 'advanced', session: following, flagged: following ? isFlagged(following.presented.question) : false });
  };

  /** u: the last answer no longer counts, its card and flag are as they were, and it is asked again. */
  const takeBack = () => {
    const answer = lastAnswer.current;
    if (!answer || !state.undo) return;
    undoAnswer(store, answer.recorded);
    lastAnswer.current = null;
    tellNotices();
    dispatch({ type: 'undo', flagged: isFlagged(state.undo.presented.question), now: Date.now() });
  };

  useKeys(
    (input, key) => {
      const command = quizCommand(state, input, key);
      if (!command) return;
      if (command.type === 'rate') rate(command.rating);
      else if (command.type === 'take-back') takeBack();
      else if (command.type === 'sources' && (state.view.kind === 'summary' || state.view.kind === 'empty')) leave();
      else if (command.type === 'stop' && returnTo.current && session) {
        // Started from a note, a drill or Progress: q goes back there at once, the score in one line.
        const t = tally(session.results);
        const missed = t.answered - t.correct;
        leave();
        if (t.answered)
          onNotice(`${sourceLabel(session.source, titles)}: ${scoreText(t)}${missed ? ` · ${missed} missed, asked again when due` : ''}`);
      } else if (command.type === 'flag') {
        if (session) dispatch({ type: 'flagged', flagged: toggleFlag(store, session.presented.question.id, new Date()) });
      } else dispatch(command);
    },
    { isActive: active && state.view.kind !== 'note' && state.view.kind !== 'exam' },
  );

  const { view } = state;
  if (view.kind === 'exam') {
    return (
      <ExamScreen
        width={width}
        height={height}
        active={active}
        store={store}
        onMode={onMode}
        onNotice={onNotice}
        onDone={() => dispatch({ type: 'sources' })}
      />
    );
  }

  if (view.kind === 'note' && session) {
    const question = session.presented.question;
    const service = services().find((s) => s.id === question.service)!;
    return (
      <NoteReader
        service={service}
        section={question.section}
        width={width}
        height={height}
        active={active}
        onMode={onMode}
        onBack={() => dispatch({ type: 'close-note' })}
      />
    );
  }

  if (view.kind === 'sources') {
    return (
      <SourceMenu
        list={view.list}
        store={store}
        height={height}
        active={active}
        length={state.length}
        lengths={state.lengths}
        filter={state.filter}
        chosen={state.chosen}
        onFilter={(text) => dispatch({ type: 'filter', text })}
        onChoose={(choice) => {
          if (choice.kind === 'list') return dispatch({ type: 'open-list', list: choice.list });
          returnTo.current = undefined;
          dispatch(startEvent({ source: choice }, state.length));
        }}
      />
    );
  }

  if (view.kind === 'empty') {
    return (
      <Box flexDirection="column" height={height}>
        <Text wrap="truncate">{`No questions for "${view.label}" right now.`}</Text>
        <Text {...ROLE_STYLE.muted} wrap="truncate">
          Enter or q: back to the list of sources
        </Text>
      </Box>
    );
  }

  if (view.kind === 'summary' && session) {
    const t = tally(session.results);
    const byDomain = DOMAINS.map((d) => ({ d, ...tally(session.results.filter((r) => r.question.domain === d)) })).filter(
      (x) => x.answered > 0,
    );
    const missed = session.results.filter((r) => !r.correct);
    const summary = [
      ...wrap([{ text: `${sourceLabel(session.source, titles)}: ${scoreText(t)}`, bold: true, role: 'accent' as const }], width),
      { segments: [] },
      ...byDomain.map((x) => ({ segments: [{ text: `${DOMAIN_INFO[x.d].title}: ${x.correct}/${x.answered}` }] })),
      ...(missed.length ? [{ segments: [] }, { segments: [{ text: 'Missed (they come back when due):', bold: true }] }] : []),
      ...missed.flatMap((r) =>
        wrap([{ text: `• ${r.question.question.replace(/\s+/g, ' ')}`, role: 'muted' as const }], width).slice(0, 1),
      ),
    ];
    return <ScrollLines lines={summary} top={0} height={height} width={width} />;
  }

  if (!session) return null;
  const t = tally(session.results);
  const question = session.presented.question;
  const status = [
    session.source.kind === 'drills' ? `Drill ${session.index + 1}` : `Question ${session.index + 1}/${session.queue.length}`,
    `${t.correct}/${t.answered} right`,
    state.flagged ? '⚑ flagged' : '',
    session.hint,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Box flexDirection="column" height={height}>
      <ScrollLines lines={lines} top={state.scroll} height={bodyHeight} width={width} />
      {rating ? (
        <Text {...ROLE_STYLE.accent} wrap="truncate">
          {rating}
        </Text>
      ) : null}
      <Text {...(session.hint ? ROLE_STYLE.warning : ROLE_STYLE.muted)} wrap="truncate">
        {`${status}${lines.length > bodyHeight ? ` · ${Math.min(lines.length, clampTop(state.scroll, lines.length, bodyHeight) + bodyHeight)}/${lines.length} ↓` : ''}${question.kind === 'multiple' && !session.verdict ? ` · picked ${session.picked.length}` : ''}`}
      </Text>
    </Box>
  );
}

const SOURCE_KEYS = { down: 'quiz-source.down', up: 'quiz-source.up', choose: 'quiz-source.choose' } as const;
const LIST_KEYS = { down: 'quiz-list.down', up: 'quiz-list.up', choose: 'quiz-list.choose' } as const;
const FILTER_KEYS = {
  down: 'quiz-filter.down',
  up: 'quiz-filter.up',
  pageDown: 'quiz-filter.page-down',
  pageUp: 'quiz-filter.page-up',
  choose: 'quiz-filter.choose',
} as const;

const lengthName = (length: QuizLength) => (length === 'all' ? 'all' : String(length));

function SourceMenu({
  list,
  store,
  height,
  active,
  length,
  lengths,
  filter,
  chosen,
  onFilter,
  onChoose,
}: {
  list: SourceList;
  store: ProgressStore;
  height: number;
  active: boolean;
  length: QuizLength;
  lengths: readonly QuizLength[];
  filter: string;
  chosen: string;
  onFilter(text: string): void;
  onChoose(choice: Choice): void;
}) {
  // Counted each time the list is shown, so as the store stands (a quiz elsewhere changes them).
  const items = useMemo(() => (active ? sourceItems(list, store) : []), [list, store, active]);
  if (list === 'services' || list === 'tasks') {
    const title = list === 'services' ? 'Quiz on one service (Esc: back)' : 'Quiz on one task statement of the exam guide (Esc: back)';
    return (
      <FilterMenu
        key={list}
        title={title}
        items={items}
        keys={FILTER_KEYS}
        filter={filter}
        active={active}
        height={height}
        onFilter={onFilter}
        onSelect={onChoose}
      />
    );
  }
  if (list === 'domains') {
    return (
      <Menu
        key={list}
        title="Quiz on one exam domain (q: back)"
        items={items}
        keys={LIST_KEYS}
        active={active}
        height={height}
        onSelect={onChoose}
      />
    );
  }
  // The chosen length in brackets: visible without colour.
  const choices = lengths.map((l) => (l === length ? `[${lengthName(l)}]` : lengthName(l))).join(' ');
  return (
    <Box flexDirection="column" height={height}>
      <Menu
        title="Quiz: where should the questions come from?"
        items={items}
        initialKey={chosen}
        keys={SOURCE_KEYS}
        active={active}
        height={Math.min(height - 1, items.length + 1)}
        onSelect={onChoose}
      />
      <Text {...ROLE_STYLE.muted} wrap="truncate">{`Questions per quiz: ${choices} (←/→)`}</Text>
    </Box>
  );
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The entries of a list; only the filtering ones have terms to find them by. */
function sourceItems(list: SourceList, store: ProgressStore): FilterItem<Choice>[] {
  const unfiltered = (items: MenuItem<Choice>[]) => items.map((item) => ({ ...item, terms: [] }));
  const progress = store.read();
  const now = new Date();
  const all = bank();
  const count = (source: Source) => selectQuestions(all, source, progress, now, () => 0).length;
  if (list === 'services') {
    return services().map(
      (s): FilterItem<Choice> => ({
        key: s.id,
        label: `${s.title} (${all.filter((q) => q.service === s.id).length})`,
        terms: [s.id, ...s.aliases],
        value: { kind: 'service', service: s.id },
      }),
    );
  }
  if (list === 'tasks') {
    return taskCoverage(examGuide(), services(), all, progress, now).map(
      (row): FilterItem<Choice> => ({
        key: row.task,
        label: `${row.task} ${percent(row.mastery).padStart(4)}  ${row.title} (${row.questions})`,
        terms: [row.task],
        value: { kind: 'task', task: row.task },
      }),
    );
  }
  if (list === 'domains') {
    return unfiltered(
      DOMAINS.map((d) => ({
        key: d,
        label: `${DOMAIN_INFO[d].title} (${all.filter((q) => q.domain === d).length}, ${Math.round(DOMAIN_INFO[d].weight * 100)}% of the exam)`,
        value: { kind: 'domain', domain: d },
      })),
    );
  }
  // "All" is what can be studied now, in the order asked (quiz/sources.ts): not the whole bank.
  const reviews = dueReviews(all, progress, now).length;
  const fresh = todaysNew(all, progress, now).length;
  const everything = count({ kind: 'all' });
  return unfiltered([
    { key: 'due', label: `Due for review (${count({ kind: 'due' })})`, value: { kind: 'due' } },
    { key: 'missed', label: `Missed last time (${count({ kind: 'missed' })})`, value: { kind: 'missed' } },
    {
      key: 'all',
      label: `All questions for now (${everything}): ${reviews} due, ${fresh} new today, ${everything - reviews - fresh} ahead of schedule`,
      value: { kind: 'all' },
    },
    { key: 'services', label: 'One service…', value: { kind: 'list', list: 'services' } },
    { key: 'domains', label: 'One exam domain…', value: { kind: 'list', list: 'domains' } },
    { key: 'tasks', label: 'One task statement of the exam guide…', value: { kind: 'list', list: 'tasks' } },
    { key: 'flagged', label: `Flagged (${count({ kind: 'flagged' })})`, value: { kind: 'flagged' } },
    { key: 'drills', label: 'Capacity drills (DynamoDB and Kinesis sizing)', value: { kind: 'drills' } },
    { key: 'exam', label: 'Exam simulation: 65 questions, 130 minutes', value: { kind: 'exam' } },
  ]);
}
