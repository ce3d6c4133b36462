import { Box, type Key, Text } from 'ink';
import { type Ref, useImperativeHandle, useMemo, useRef } from 'react';
import { generateDrill } from '../../capacity/drills.js';
import { questions as bank, services } from '../../content/bundle.js';
import { DOMAIN_INFO, DOMAINS, type Question } from '../../content/types.js';
import type { ProgressStore } from '../../progress/store.js';
import { LETTERS } from '../../quiz/attempt.js';
import {
  followingQuestion,
  initialQuiz,
  justAnswered,
  type QuizEvent,
  type QuizState,
  reduceQuiz,
  type SourceList,
} from '../../quiz/quiz-state.js';
import { createRng, randomSeed } from '../../quiz/random.js';
import { type Recorded, recordAnswer, rerate, toggleFlag } from '../../quiz/record.js';
import { answerRecord, startSession, tally } from '../../quiz/session.js';
import { selectQuestions, type Source, sourceLabel } from '../../quiz/sources.js';
import type { RatingValue } from '../../quiz/srs.js';
import { questionLines } from '../../quiz/view.js';
import { wrap } from '../../render/note.js';
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
  onMode(mode: InputMode): void;
  onNotice(text: string): void;
  ref?: Ref<QuizScreenHandle>;
}

type Choice = Source | { kind: 'exam' } | { kind: 'list'; list: 'services' | 'domains' };

/** The screen's input mode, from its state; null while the note or the exam has the keys. */
function modeOf(state: QuizState): InputMode | null {
  switch (state.view.kind) {
    case 'sources':
    case 'empty':
      return 'quiz-source';
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
type QuizCommand = QuizEvent | { type: 'rate'; rating: RatingValue } | { type: 'flag' };

function quizCommand(state: QuizState, input: string, key: Key): QuizCommand | null {
  const { view, session } = state;
  if (view.kind === 'empty') return key.return || key.escape || input === 'q' ? { type: 'sources' } : null;
  if (view.kind === 'sources') return view.list !== 'main' && isKey('quiz-source.back', input, key) ? { type: 'sources' } : null;
  if (view.kind === 'summary') return isKey('summary.close', input, key) ? { type: 'sources' } : null;
  if (view.kind !== 'question' || !session) return null;
  if (!session.verdict) {
    if (isKey('quiz.pick', input, key))
      return { type: 'pick', display: /[1-6]/.test(input) ? Number(input) - 1 : LETTERS.toLowerCase().indexOf(input) };
    if (isKey('quiz.submit', input, key)) return { type: 'submit' };
    if (isKey('quiz.scroll-down', input, key)) return key.pageDown ? { type: 'page', by: 1 } : { type: 'scroll', by: 1 };
    if (isKey('quiz.scroll-up', input, key)) return key.pageUp ? { type: 'page', by: -1 } : { type: 'scroll', by: -1 };
    if (isKey('quiz.leave', input, key)) return { type: 'stop' };
    return null;
  }
  if (isKey('verdict.rate', input, key)) return session.verdict.correct ? { type: 'rate', rating: Number(input) as RatingValue } : null;
  if (isKey('verdict.next', input, key)) return { type: 'rate', rating: 3 };
  if (isKey('verdict.note', input, key)) return { type: 'open-note' };
  if (isKey('verdict.flag', input, key)) return { type: 'flag' };
  if (isKey('verdict.scroll-down', input, key)) return key.pageDown ? { type: 'page', by: 1 } : { type: 'scroll', by: 1 };
  if (isKey('verdict.scroll-up', input, key)) return key.pageUp ? { type: 'page', by: -1 } : { type: 'scroll', by: -1 };
  if (isKey('verdict.leave', input, key)) return { type: 'stop' };
  return null;
}

export function QuizScreen({ width, height, active, store, initial, onMode, onNotice, ref }: QuizScreenProps) {
  const rng = useMemo(() => createRng(randomSeed()), []);
  const titles = useMemo(() => new Map(services().map((s) => [s.id, s.title])), []);
  /** The store's receipt of the answer on screen, to re-rate it (Hard/Easy). */
  const recorded = useRef<Recorded | null>(null);
  const isFlagged = (question: Question) => store.read().flags[question.id] !== undefined;

  /** The event that starts `start`: questions chosen from the store, the first presented. */
  const startEvent = ({ source, drill }: QuizStart): QuizEvent => {
    if (source.kind === 'exam') return { type: 'exam' };
    const now = new Date();
    const queue = source.kind === 'drills' ? [drill ?? generateDrill(rng)] : selectQuestions(bank(), source, store.read(), now, rng);
    const session = startSession(source, queue, rng, now.getTime());
    return {
      type: 'started',
      session,
      label: sourceLabel(source, titles),
      flagged: session ? isFlagged(session.presented.question) : false,
    };
  };

  const bodyHeight = Math.max(3, height - 1);
  const [state, dispatch] = useMachine<QuizState, QuizEvent>(
    () => {
      const fresh = initialQuiz();
      return initial ? reduceQuiz(fresh, startEvent(initial), { lines: 0, height: bodyHeight }) : fresh;
    },
    (s, event): QuizState => reduceQuiz(s, event, { lines: lines.length, height: bodyHeight }),
    (before, after) => {
      const answered = justAnswered(before, after);
      if (!answered) return;
      recorded.current = recordAnswer(store, answerRecord(answered, 'quiz', Date.now()), new Date());
      const notices = store.notices.splice(0);
      if (notices.length) onNotice(notices.join(' '));
    },
  );
  useReportMode(onMode, modeOf(state));
  useImperativeHandle(ref, () => ({ start: (start) => dispatch(startEvent(start)) }));

  const { session } = state;
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
    const receipt = recorded.current;
    if (session.verdict?.correct && receipt && rating !== receipt.rating) {
      rerate(store, session.presented.question.id, receipt, rating, new Date());
    }
    recorded.current = null;
    const following = followingQuestion(session, rng, Date.now(), () => generateDrill(rng));
    dispatch({ type: 'advanced', session: following, flagged: following ? isFlagged(following.presented.question) : false });
  };

  useKeys(
    (input, key) => {
      const command = quizCommand(state, input, key);
      if (!command) return;
      if (command.type === 'rate') rate(command.rating);
      else if (command.type === 'flag') {
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
        onChoose={(choice) =>
          choice.kind === 'list' ? dispatch({ type: 'open-list', list: choice.list }) : dispatch(startEvent({ source: choice }))
        }
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
      {
        segments: [
          {
            text: `${sourceLabel(session.source, titles)}: ${t.correct}/${t.answered} correct (${t.percent}%)`,
            bold: true,
            role: 'accent' as const,
          },
        ],
      },
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
      <Text {...(session.hint ? ROLE_STYLE.warning : ROLE_STYLE.muted)} wrap="truncate">
        {`${status}${lines.length > bodyHeight ? ` · ${Math.min(lines.length, clampTop(state.scroll, lines.length, bodyHeight) + bodyHeight)}/${lines.length} ↓` : ''}${question.kind === 'multiple' && !session.verdict ? ` · picked ${session.picked.length}` : ''}`}
      </Text>
    </Box>
  );
}

const SOURCE_KEYS = { down: 'quiz-source.down', up: 'quiz-source.up', choose: 'quiz-source.choose' } as const;

function SourceMenu({
  list,
  store,
  height,
  active,
  onChoose,
}: {
  list: SourceList;
  store: ProgressStore;
  height: number;
  active: boolean;
  onChoose(choice: Choice): void;
}) {
  // Counted each time the list is shown, so as the store stands (a quiz elsewhere changes them).
  const items = useMemo(() => (active ? sourceItems(list, store) : []), [list, store, active]);
  const title =
    list === 'main'
      ? 'Quiz: where should the questions come from?'
      : list === 'services'
        ? 'Quiz on one service (Esc: back)'
        : 'Quiz on one exam domain (Esc: back)';
  return <Menu key={list} title={title} items={items} keys={SOURCE_KEYS} active={active} height={height} onSelect={onChoose} />;
}

function sourceItems(list: SourceList, store: ProgressStore): MenuItem<Choice>[] {
  const progress = store.read();
  const now = new Date();
  const all = bank();
  const count = (source: Source) => selectQuestions(all, source, progress, now, () => 0).length;
  if (list === 'services') {
    return services().map((s) => ({
      key: s.id,
      label: `${s.title} (${all.filter((q) => q.service === s.id).length})`,
      value: { kind: 'service', service: s.id },
    }));
  }
  if (list === 'domains') {
    return DOMAINS.map((d) => ({
      key: d,
      label: `${DOMAIN_INFO[d].title} (${all.filter((q) => q.domain === d).length}, ${Math.round(DOMAIN_INFO[d].weight * 100)}% of the exam)`,
      value: { kind: 'domain', domain: d },
    }));
  }
  return [
    { key: 'due', label: `Due for review (${count({ kind: 'due' })})`, value: { kind: 'due' } },
    { key: 'missed', label: `Missed last time (${count({ kind: 'missed' })})`, value: { kind: 'missed' } },
    { key: 'all', label: `All questions (${all.length}), shuffled`, value: { kind: 'all' } },
    { key: 'services', label: 'One service…', value: { kind: 'list', list: 'services' } },
    { key: 'domains', label: 'One exam domain…', value: { kind: 'list', list: 'domains' } },
    { key: 'flagged', label: `Flagged (${count({ kind: 'flagged' })})`, value: { kind: 'flagged' } },
    { key: 'drills', label: 'Capacity drills (DynamoDB and Kinesis sizing)', value: { kind: 'drills' } },
    { key: 'exam', label: 'Exam simulation: 65 questions, 130 minutes', value: { kind: 'exam' } },
  ];
}
