import path from 'node:path';
import { Box, type Key, Text } from 'ink';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { questions as bank, services } from '../../content/bundle.js';
import { DOMAIN_INFO, DOMAINS } from '../../content/types.js';
import type { ProgressStore } from '../../progress/store.js';
import { isCorrect, LETTERS, present } from '../../quiz/attempt.js';
import { drawExam, formatClock, PASS_SCORE } from '../../quiz/exam.js';
import { discardExam, EXAM_FILE, type ExamState as SavedExam, openExam, saveExam } from '../../quiz/exam-save.js';
import {
  answeredCount,
  type ExamEvent,
  examFinished,
  type ExamMachine,
  type ExamResult,
  examSaved,
  examTotal,
  reduceExam,
  shownQuestion,
  startExam,
} from '../../quiz/exam-state.js';
import { createRng, randomSeed } from '../../quiz/random.js';
import { recordAnswers, recordExam } from '../../quiz/record.js';
import { questionLines } from '../../quiz/view.js';
import type { Line } from '../../render/lines.js';
import { ScrollLines } from '../components/ScrollLines.js';
import { useKeys } from '../input.js';
import { isKey } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
import { useMachine } from '../useMachine.js';
import { useReportMode } from '../useReportMode.js';
import type { InputMode } from './types.js';

export interface ExamScreenProps {
  width: number;
  height: number;
  active: boolean;
  store: ProgressStore;
  onMode(mode: InputMode): void;
  onNotice(text: string): void;
  onDone(): void;
  /** For tests: a fixed draw and clock. */
  seed?: number;
  now?: () => number;
}

const GRID_CELL = 5;

/** What a key means in the exam: an event for its state, or leaving the results. */
function examEvent(m: ExamMachine, input: string, key: Key, now: number): ExamEvent | 'done' | null {
  const scroll = (down: boolean, page: boolean): ExamEvent =>
    page ? { type: 'page', by: down ? 1 : -1 } : { type: 'scroll', by: down ? 1 : -1 };
  switch (m.phase) {
    case 'results':
      if (isKey('results.next', input, key)) return { type: 'next' };
      if (isKey('results.prev', input, key)) return { type: 'prev' };
      if (isKey('results.scroll-down', input, key)) return scroll(true, key.pageDown);
      if (isKey('results.scroll-up', input, key)) return scroll(false, key.pageUp);
      if (isKey('results.close', input, key)) return 'done';
      return null;
    case 'confirm-submit':
    case 'confirm-leave':
      if (isKey('exam.confirm', input, key)) return { type: 'confirm', now };
      if (isKey('exam.cancel', input, key)) return { type: 'cancel' };
      return null;
    case 'grid':
      if (isKey('grid.move', input, key)) {
        return { type: 'grid-move', dx: key.leftArrow ? -1 : key.rightArrow ? 1 : 0, dy: key.upArrow ? -1 : key.downArrow ? 1 : 0 };
      }
      if (isKey('grid.jump', input, key)) return { type: 'grid-jump' };
      if (isKey('grid.close', input, key)) return { type: 'close-grid' };
      return null;
    case 'question':
      if (isKey('exam.pick', input, key))
        return { type: 'pick', display: /[1-6]/.test(input) ? Number(input) - 1 : LETTERS.toLowerCase().indexOf(input) };
      if (isKey('exam.next', input, key)) return { type: 'next' };
      if (isKey('exam.prev', input, key)) return { type: 'prev' };
      if (isKey('exam.mark', input, key)) return { type: 'mark' };
      if (isKey('exam.grid', input, key)) return { type: 'open-grid' };
      if (isKey('exam.scroll-down', input, key)) return scroll(true, key.pageDown);
      if (isKey('exam.scroll-up', input, key)) return scroll(false, key.pageUp);
      if (isKey('exam.submit', input, key)) return { type: 'ask-submit' };
      if (isKey('exam.leave', input, key)) return { type: 'ask-leave' };
      return null;
    case 'abandoned':
      return null;
  }
}

export function ExamScreen({ width, height, active, store, onMode, onNotice, onDone, seed, now = Date.now }: ExamScreenProps) {
  // Saved beside the progress file after every change (quiz/exam-save.ts), and resumed here.
  // Opened once per mount (a state initialiser, not a memo: opening may move a file aside).
  // Saved at once too: from its first second, the exam outlives a closed terminal.
  const dir = path.dirname(store.path);
  const [opened] = useState(() => {
    const recorded = new Set(store.read().exams.map((e) => e.startedAt));
    const exam = openExam(dir, bank(), now(), recorded, () => {
      const rng = createRng(seed ?? randomSeed());
      return drawExam(bank(), services(), rng).map((q) => present(q, rng));
    });
    return { ...exam, saveProblem: trySave(dir, exam.state) };
  });
  const titles = useMemo(() => new Map(services().map((s) => [s.id, s.title])), []);
  // A save that fails is reported once, then not tried again.
  const saving = useRef(opened.saveProblem === null);
  useEffect(() => {
    if (opened.notice) onNotice(opened.notice);
    if (opened.saveProblem) onNotice(cannotSave(opened.saveProblem));
  }, [opened, onNotice]);

  const discard = () => {
    try {
      discardExam(dir);
    } catch (error) {
      onNotice(`The saved exam ${path.join(dir, EXAM_FILE)} could not be deleted (${(error as Error).message}).`);
    }
  };

  const record = (m: ExamMachine, result: ExamResult) => {
    const { exam } = m;
    const at = new Date(result.finishedAt);
    const answered = exam.presented.map((p) => p.question).filter((q) => (exam.answers.get(q.id) ?? []).length > 0);
    recordAnswers(
      store,
      answered.map((q) => ({
        question: q.id,
        chosen: exam.answers.get(q.id)!,
        correct: isCorrect(q, exam.answers.get(q.id)!),
        ms: 0,
        source: 'exam' as const,
      })),
      at,
    );
    recordExam(store, {
      startedAt: new Date(exam.startedAt).toISOString(),
      finishedAt: at.toISOString(),
      questions: result.questions,
      correct: result.correct,
      scaled: result.scaled,
      passed: result.passed,
      timedOut: result.timedOut,
      domains: result.domains,
    });
    discard();
    const notices = store.notices.splice(0);
    if (notices.length) onNotice(notices.join(' '));
  };

  const bodyHeight = Math.max(3, height - 1);
  const columns = Math.max(1, Math.floor(width / GRID_CELL));
  const [m, dispatch] = useMachine<ExamMachine, ExamEvent>(
    () => startExam(opened.state, now()),
    (state, event): ExamMachine => reduceExam(state, event, { lines: lines.length, height: bodyHeight, columns }),
    (before, after) => {
      const toSave = examSaved(before, after);
      if (toSave && saving.current) {
        const problem = trySave(dir, toSave);
        if (problem) {
          saving.current = false;
          onNotice(cannotSave(problem));
        }
      }
      const result = examFinished(before, after);
      if (result) record(after, result);
      if (after.phase === 'abandoned') {
        discard();
        onDone();
      }
    },
  );
  useReportMode(onMode, 'exam');

  // The countdown: one tick a second, and one at once (an exam whose time ran out while
  // awsnotes was closed is submitted as it stood); at zero the exam is submitted.
  const running = m.phase !== 'results' && m.phase !== 'abandoned';
  useEffect(() => {
    if (!running) return;
    const tick = () => dispatch({ type: 'tick', now: now() });
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [running, dispatch, now]);

  const { exam, phase, result } = m;
  const total = examTotal(m);
  const shown = shownQuestion(m);
  const lines = useMemo((): Line[] => {
    if (phase === 'results' && result && !shown) return resultLines(result, width);
    if (!shown) return [];
    // While the exam runs, no service or domain above the stem: the real exam names neither.
    return questionLines(
      shown,
      width,
      { picked: exam.answers.get(shown.question.id) ?? [], revealed: phase === 'results', hideLabels: true },
      titles.get(shown.question.service),
    );
  }, [phase, result, shown, exam.answers, width, titles]);

  useKeys(
    (input, key) => {
      const event = examEvent(m, input, key, now());
      if (event === 'done') onDone();
      else if (event) dispatch(event);
    },
    { isActive: active },
  );

  const { answers, marked, current } = exam;
  const answered = answeredCount(exam);
  const left = formatClock(exam.deadline - m.clock);

  if (phase === 'results' && result) {
    const where = m.review < 0 ? 'Results' : `Question ${m.review + 1}/${total}`;
    return (
      <Box flexDirection="column" height={height}>
        <ScrollLines lines={lines} top={m.scroll} height={bodyHeight} width={width} />
        <Text {...ROLE_STYLE.muted} wrap="truncate">{`${where} · → next, ← back · q done`}</Text>
      </Box>
    );
  }

  let body: ReactNode;
  if (phase === 'grid') {
    const rows: Line[] = [{ segments: [{ text: 'Review grid: ✓ answered · ? marked · Enter to jump, Esc to close', role: 'muted' }] }];
    for (let start = 0; start < total; start += columns) {
      const segments = exam.presented.slice(start, start + columns).map(({ question: q }, i) => {
        const index = start + i;
        const done = (answers.get(q.id) ?? []).length > 0;
        const label = `${String(index + 1).padStart(2)}${marked.has(q.id) ? '?' : done ? '✓' : ' '}`;
        return {
          text: `${index === m.grid ? `[${label}]` : ` ${label} `}`.padEnd(GRID_CELL),
          role: index === m.grid ? ('accent' as const) : done ? undefined : ('muted' as const),
          bold: index === m.grid,
        };
      });
      rows.push({ segments });
    }
    const gridRow = Math.floor(m.grid / columns) + 1;
    body = <ScrollLines lines={rows} top={Math.max(0, gridRow - bodyHeight + 1)} height={bodyHeight} width={width} />;
  } else {
    body = <ScrollLines lines={lines} top={m.scroll} height={bodyHeight} width={width} />;
  }
  const id = exam.presented[current]?.question.id ?? '';
  const status =
    phase === 'confirm-submit'
      ? `Submit the exam with ${answered}/${total} answered? y / n`
      : phase === 'confirm-leave'
        ? 'Abandon this exam? Nothing will be recorded. y / n'
        : `Q ${current + 1}/${total}${marked.has(id) ? ' ? marked' : ''} · answered ${answered} · marked ${marked.size} · ⏱ ${left} left`;
  return (
    <Box flexDirection="column" height={height}>
      {body}
      <Text {...(phase.startsWith('confirm') ? ROLE_STYLE.warning : ROLE_STYLE.muted)} wrap="truncate">
        {status}
      </Text>
    </Box>
  );
}

/** Saves the exam; the problem, if it could not be saved. */
function trySave(dir: string, exam: SavedExam): string | null {
  try {
    saveExam(dir, exam);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const cannotSave = (problem: string) => `This exam cannot be saved as you go (${problem}): if awsnotes closes, it is lost.`;

function resultLines(result: ExamResult, width: number): Line[] {
  const bar = (share: number, size: number) => '█'.repeat(Math.round(share * size)).padEnd(size, '░');
  const size = Math.max(10, Math.min(30, width - 50));
  const lines: Line[] = [
    {
      segments: [
        { text: `Scaled score ${result.scaled} / 1000 · `, bold: true },
        result.passed
          ? { text: `PASS (${PASS_SCORE} needed)`, role: 'success', bold: true }
          : { text: `FAIL (${PASS_SCORE} needed)`, role: 'error', bold: true },
      ],
    },
    {
      segments: [
        {
          text: `${result.correct} of ${result.questions} correct${result.timedOut ? ' · time ran out: submitted as it stood' : ''}`,
          role: 'muted',
        },
      ],
    },
    { segments: [] },
  ];
  for (const d of DOMAINS) {
    const { questions, correct } = result.domains[d];
    const share = questions ? correct / questions : 0;
    lines.push({
      segments: [
        { text: `${DOMAIN_INFO[d].title.padEnd(34)} ` },
        { text: bar(share, size), role: share >= 0.72 ? 'success' : 'warning' },
        { text: ` ${correct}/${questions} (${Math.round(share * 100)}%)` },
      ],
    });
  }
  lines.push({ segments: [] }, { segments: [{ text: 'Press → to walk through every question with its explanation.', role: 'muted' }] });
  lines.push({
    segments: [{ text: 'The score is scaled linearly (100 + 900 × share correct); AWS does not publish its mapping.', role: 'muted' }],
  });
  return lines;
}
