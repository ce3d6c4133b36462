import { Box, Text, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { generateDrill } from '../../capacity/drills.js';
import { questions as bank, services } from '../../content/bundle.js';
import { DOMAIN_INFO, DOMAINS, type Question } from '../../content/types.js';
import type { ProgressStore } from '../../progress/store.js';
import { LETTERS } from '../../quiz/attempt.js';
import { createRng, randomSeed } from '../../quiz/random.js';
import { recordAnswer, rerate, toggleFlag, type Recorded } from '../../quiz/record.js';
import { next, pick, startSession, submit, tally, type Session } from '../../quiz/session.js';
import { selectQuestions, sourceLabel, type Source } from '../../quiz/sources.js';
import type { RatingValue } from '../../quiz/srs.js';
import { questionLines } from '../../quiz/view.js';
import { wrap } from '../../render/note.js';
import { Menu, type MenuItem } from '../components/Menu.js';
import { clampTop, ScrollLines } from '../components/ScrollLines.js';
import { isKey } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
import { ExamScreen } from './ExamScreen.js';
import { NoteReader } from './NoteReader.js';
import type { InputMode } from './types.js';

/** A request from outside (the reader's `t`, `awsnotes quiz --service`): start this source. */
export interface QuizRequest {
  source: Source | { kind: 'exam' };
  nonce: number;
  /** A drill to ask first (the calculator's "drill this case"). */
  drill?: Question;
}

export interface QuizScreenProps {
  width: number;
  height: number;
  active: boolean;
  store: ProgressStore;
  request: QuizRequest | null;
  onMode(mode: InputMode): void;
  onNotice(text: string): void;
}

type Choice = Source | { kind: 'exam' } | { kind: 'list'; list: 'services' | 'domains' };
type View =
  | { kind: 'sources'; list: 'main' | 'services' | 'domains' }
  | { kind: 'session' }
  | { kind: 'summary' }
  | { kind: 'note' }
  | { kind: 'exam' }
  | { kind: 'empty'; label: string };

const DRILL_BATCH = 10;

export function QuizScreen({ width, height, active, store, request, onMode, onNotice }: QuizScreenProps) {
  const rng = useMemo(() => createRng(randomSeed()), []);
  const [view, setView] = useState<View>({ kind: 'sources', list: 'main' });
  const [session, setSession] = useState<Session | null>(null);
  const [scroll, setScroll] = useState(0);
  const [flagged, setFlagged] = useState(false);
  const recorded = useRef<Recorded | null>(null);
  const titles = useMemo(() => new Map(services().map((s) => [s.id, s.title])), []);

  const setModeFor = (v: View, s: Session | null = session) => {
    if (v.kind === 'sources' || v.kind === 'empty') onMode('quiz-source');
    else if (v.kind === 'summary') onMode('quiz-summary');
    else if (v.kind === 'session') onMode(s?.verdict ? 'quiz-verdict' : 'quiz-question');
  };
  const show = (v: View, s: Session | null = session) => {
    setView(v);
    setModeFor(v, s);
  };

  const begin = (choice: Choice, first?: Question) => {
    if (choice.kind === 'list') return show({ kind: 'sources', list: choice.list });
    if (choice.kind === 'exam') {
      setView({ kind: 'exam' });
      return; // ExamScreen reports its own mode.
    }
    const now = new Date();
    const queue: Question[] =
      choice.kind === 'drills' ? [first ?? generateDrill(rng)] : selectQuestions(bank(), choice, store.read(), now, rng);
    const started = startSession(choice, queue, rng, now.getTime());
    if (!started) return show({ kind: 'empty', label: sourceLabel(choice, titles) });
    setSession(started);
    setScroll(0);
    setFlagged(store.read().flags[started.presented.question.id] !== undefined);
    show({ kind: 'session' }, started);
  };

  // Requests from outside (the reader's `t`, `awsnotes quiz --service …`, `awsnotes exam`).
  useEffect(() => {
    if (request) begin(request.source, request.drill);
  }, [request?.nonce]);

  const advance = (current: Session) => {
    const extra =
      current.source.kind === 'drills' && current.index + 1 >= current.queue.length && current.results.length < DRILL_BATCH
        ? generateDrill(rng)
        : undefined;
    const following = next(current, rng, Date.now(), extra);
    recorded.current = null;
    setScroll(0);
    if (!following) {
      setSession(current);
      return show({ kind: 'summary' }, current);
    }
    setSession(following);
    setFlagged(store.read().flags[following.presented.question.id] !== undefined);
    show({ kind: 'session' }, following);
  };

  const answer = (current: Session) => {
    const submitted = submit(current);
    setSession(submitted);
    if (!submitted.verdict) return;
    const question = submitted.presented.question;
    recorded.current = recordAnswer(
      store,
      {
        question: question.id,
        chosen: submitted.picked,
        correct: submitted.verdict.correct,
        ms: Date.now() - submitted.shownAt,
        source: current.source.kind === 'drills' ? 'drill' : 'quiz',
      },
      new Date(),
    );
    const notices = store.notices.splice(0);
    if (notices.length) onNotice(notices.join(' '));
    setScroll(0);
    onMode('quiz-verdict');
  };

  const rate = (current: Session, rating: RatingValue) => {
    if (current.verdict?.correct && recorded.current && rating !== recorded.current.rating) {
      rerate(store, current.presented.question.id, recorded.current, rating, new Date());
    }
    advance(current);
  };

  const bodyHeight = Math.max(3, height - 1);
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
    [session, width],
  );

  useInput(
    (input, key) => {
      if (view.kind === 'empty') {
        if (key.return || key.escape || input === 'q') show({ kind: 'sources', list: 'main' });
        return;
      }
      if (view.kind === 'sources') {
        if (view.list !== 'main' && isKey('quiz-source.back', input, key)) show({ kind: 'sources', list: 'main' });
        return;
      }
      if (view.kind === 'summary') {
        if (isKey('summary.close', input, key)) show({ kind: 'sources', list: 'main' });
        return;
      }
      if (view.kind !== 'session' || !session) return;
      const page = Math.max(1, bodyHeight - 1);
      if (!session.verdict) {
        if (isKey('quiz.pick', input, key)) {
          const display = /[1-6]/.test(input) ? Number(input) - 1 : LETTERS.toLowerCase().indexOf(input);
          setSession(pick(session, display));
        } else if (isKey('quiz.submit', input, key)) answer(session);
        else if (isKey('quiz.scroll-down', input, key)) setScroll((s) => clampTop(s + (key.pageDown ? page : 1), lines.length, bodyHeight));
        else if (isKey('quiz.scroll-up', input, key)) setScroll((s) => Math.max(0, s - (key.pageUp ? page : 1)));
        else if (isKey('quiz.leave', input, key)) show({ kind: 'summary' });
        return;
      }
      if (isKey('verdict.rate', input, key)) {
        if (session.verdict.correct) rate(session, Number(input) as RatingValue);
      } else if (isKey('verdict.next', input, key)) rate(session, 3);
      else if (isKey('verdict.note', input, key)) {
        setView({ kind: 'note' });
        onMode('reader');
      } else if (isKey('verdict.flag', input, key)) {
        setFlagged(toggleFlag(store, session.presented.question.id, new Date()));
      } else if (isKey('verdict.scroll-down', input, key))
        setScroll((s) => clampTop(s + (key.pageDown ? page : 1), lines.length, bodyHeight));
      else if (isKey('verdict.scroll-up', input, key)) setScroll((s) => Math.max(0, s - (key.pageUp ? page : 1)));
      else if (isKey('verdict.leave', input, key)) show({ kind: 'summary' });
    },
    { isActive: active && view.kind !== 'note' && view.kind !== 'exam' },
  );

  if (view.kind === 'exam') {
    return (
      <ExamScreen
        width={width}
        height={height}
        active={active}
        store={store}
        onMode={onMode}
        onNotice={onNotice}
        onDone={() => show({ kind: 'sources', list: 'main' })}
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
        onBack={() => show({ kind: 'session' })}
      />
    );
  }

  if (view.kind === 'sources') return <SourceMenu view={view} store={store} height={height} active={active} onChoose={begin} />;

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
    flagged ? '⚑ flagged' : '',
    session.hint,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Box flexDirection="column" height={height}>
      <ScrollLines lines={lines} top={scroll} height={bodyHeight} width={width} />
      <Text {...(session.hint ? ROLE_STYLE.warning : ROLE_STYLE.muted)} wrap="truncate">
        {`${status}${lines.length > bodyHeight ? ` · ${Math.min(lines.length, clampTop(scroll, lines.length, bodyHeight) + bodyHeight)}/${lines.length} ↓` : ''}${question.kind === 'multiple' && !session.verdict ? ` · picked ${session.picked.length}` : ''}`}
      </Text>
    </Box>
  );
}

function SourceMenu({
  view,
  store,
  height,
  active,
  onChoose,
}: {
  view: { list: 'main' | 'services' | 'domains' };
  store: ProgressStore;
  height: number;
  active: boolean;
  onChoose(choice: Choice): void;
}) {
  const items = useMemo((): MenuItem<Choice>[] => {
    const progress = store.read();
    const now = new Date();
    const all = bank();
    const count = (source: Source) => selectQuestions(all, source, progress, now, () => 0).length;
    if (view.list === 'services') {
      return services().map((s) => ({
        key: s.id,
        label: `${s.title} (${all.filter((q) => q.service === s.id).length})`,
        value: { kind: 'service', service: s.id },
      }));
    }
    if (view.list === 'domains') {
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
  }, [view.list, active]);
  const title =
    view.list === 'main'
      ? 'Quiz: where should the questions come from?'
      : view.list === 'services'
        ? 'Quiz on one service (Esc: back)'
        : 'Quiz on one exam domain (Esc: back)';
  return <Menu key={view.list} title={title} items={items} active={active} height={height} onSelect={onChoose} />;
}
