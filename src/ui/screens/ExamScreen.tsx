import path from 'node:path';
import { Box, type Key, Text } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { questions as bank, services } from '../../content/bundle.js';
import type { ProgressStore } from '../../progress/store.js';
import { isCorrect, LETTERS, present } from '../../quiz/attempt.js';
import { drawExam } from '../../quiz/exam.js';
import { discardExam, EXAM_FILE, type OpenedExam, openExam, type ExamState as SavedExam, saveExam } from '../../quiz/exam-save.js';
import {
  type ExamEvent,
  examFinished,
  type ExamMachine,
  type ExamResult,
  examSaved,
  reduceExam,
  shownQuestion,
  startExam,
} from '../../quiz/exam-state.js';
import { examStatus, GRID_HEADER, gridColumns, gridLines, resultLines, resultsStatus } from '../../quiz/exam-view.js';
import { createRng, randomSeed } from '../../quiz/random.js';
import { recordAnswers, recordExam } from '../../quiz/record.js';
import { questionLines } from '../../quiz/view.js';
import type { Line } from '../../render/lines.js';
import { wrap } from '../../render/note.js';
import { clampTop, ScrollLines } from '../components/ScrollLines.js';
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
  /** For tests: a fixed draw and clock, read every `tickMs` (a second by default). */
  seed?: number;
  now?: () => number;
  tickMs?: number;
}

/** What a key means in the exam: an event for its state, or leaving the results. */
function examEvent(m: ExamMachine, input: string, key: Key, now: number): ExamEvent | 'done' | null {
  const scroll = (down: boolean, page: boolean): ExamEvent =>
    page ? { type: 'page', by: down ? 1 : -1 } : { type: 'scroll', by: down ? 1 : -1 };
  switch (m.phase) {
    case 'results':
      if (isKey('results.next', input, key)) return { type: 'next' };
      if (isKey('results.prev', input, key)) return { type: 'prev' };
      if (isKey('results.filter', input, key)) return { type: 'filter' };
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
        const dx = key.leftArrow || input === 'h' ? -1 : key.rightArrow || input === 'l' ? 1 : 0;
        const dy = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : 0;
        return { type: 'grid-move', dx, dy };
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

/** The input mode of each phase: the footer then offers that phase's keys, and only them. */
function modeOf(m: ExamMachine): InputMode {
  if (m.phase === 'results') return 'exam-results';
  if (m.phase === 'grid') return 'exam-grid';
  return 'exam';
}

type Opened = (OpenedExam & { saveProblem: string | null }) | { refused: string };

export function ExamScreen(props: ExamScreenProps) {
  const { store, seed, now = Date.now } = props;
  // Saved beside the progress file after every change (quiz/exam-save.ts), and resumed here.
  // Opened once per mount (a state initialiser, not a memo: opening may move a file aside).
  // Saved at once too: from its first second, the exam outlives a closed terminal.
  const dir = path.dirname(store.path);
  const [opened] = useState((): Opened => {
    const recorded = new Set(store.read().exams.map((e) => e.startedAt));
    const exam = openExam(dir, bank(), now(), recorded, () => {
      const rng = createRng(seed ?? randomSeed());
      return drawExam(bank(), services(), rng).map((q) => present(q, rng));
    });
    if ('refused' in exam) return exam;
    return { ...exam, saveProblem: trySave(dir, exam.state) };
  });
  if ('refused' in opened) return <ExamRefused {...props} why={opened.refused} />;
  return <RunningExam {...props} dir={dir} opened={opened} />;
}

/** Another awsnotes runs an exam on this config: say which, and go back. */
function ExamRefused({ width, height, active, onMode, onDone, why }: ExamScreenProps & { why: string }) {
  useReportMode(onMode, 'exam-refused');
  useKeys(
    (input, key) => {
      if (isKey('exam-refused.back', input, key)) onDone();
    },
    { isActive: active },
  );
  const lines: Line[] = [
    ...wrap([{ text: 'No second exam: one is running.', bold: true, role: 'warning' }], width),
    { segments: [] },
    ...wrap([{ text: why }], width),
    { segments: [] },
    ...wrap([{ text: 'One exam runs per config at a time, so that neither saves over the other’s answers.', role: 'muted' }], width),
    ...wrap([{ text: 'q or Esc: back to the list of sources', role: 'muted' }], width),
  ];
  return <ScrollLines lines={lines} top={0} height={height} width={width} />;
}

function RunningExam({
  width,
  height,
  active,
  store,
  onMode,
  onNotice,
  onDone,
  now = Date.now,
  tickMs = 1000,
  dir,
  opened,
}: ExamScreenProps & { dir: string; opened: OpenedExam & { saveProblem: string | null } }) {
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
        ms: exam.spent.get(q.id) ?? 0,
        source: 'exam' as const,
      })),
      at,
    );
    const { finishedAt, ...score } = result;
    recordExam(store, { ...score, at: finishedAt, startedAt: exam.startedAt });
    discard();
    const notices = store.notices.splice(0);
    if (notices.length) onNotice(notices.join(' '));
  };

  const bodyHeight = Math.max(3, height - 1);
  const columns = gridColumns(width);
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
  useReportMode(onMode, modeOf(m));

  // The countdown: one tick a second, and one at once (an exam whose time ran out while
  // awsnotes was closed is submitted as it stood); at zero the exam is submitted.
  const running = m.phase !== 'results' && m.phase !== 'abandoned';
  useEffect(() => {
    if (!running) return;
    const tick = () => dispatch({ type: 'tick', now: now() });
    tick();
    const timer = setInterval(tick, tickMs);
    return () => clearInterval(timer);
  }, [running, dispatch, now, tickMs]);

  const { exam, phase, result } = m;
  const shown = shownQuestion(m);
  const questionShown = useMemo((): Line[] => {
    if (!shown) return [];
    // While the exam runs, no service or domain above the stem: the real exam names neither.
    return questionLines(
      shown,
      width,
      { picked: exam.answers.get(shown.question.id) ?? [], revealed: phase === 'results', hideLabels: true },
      titles.get(shown.question.service),
    );
  }, [phase, shown, exam.answers, width, titles]);
  const lines = phase === 'results' && result && !shown ? resultLines(m, result, width) : questionShown;

  useKeys(
    (input, key) => {
      const event = examEvent(m, input, key, now());
      if (event === 'done') onDone();
      else if (event) dispatch(event);
    },
    { isActive: active },
  );

  if (phase === 'results' && result) {
    const status = resultsStatus(m, { top: clampTop(m.scroll, lines.length, bodyHeight), lines: lines.length, height: bodyHeight }, width);
    return (
      <Box flexDirection="column" height={height}>
        <ScrollLines lines={lines} top={m.scroll} height={bodyHeight} width={width} />
        <Text {...ROLE_STYLE.muted} wrap="truncate">
          {status}
        </Text>
      </Box>
    );
  }

  let body: Line[];
  let top = m.scroll;
  if (phase === 'grid') {
    body = gridLines(m, width);
    const gridRow = GRID_HEADER + Math.floor(m.grid / columns);
    top = Math.max(0, gridRow - bodyHeight + 1);
  } else body = lines;
  const answered = exam.presented.filter((p) => (exam.answers.get(p.question.id) ?? []).length > 0).length;
  const status =
    phase === 'confirm-submit'
      ? `Submit the exam with ${answered}/${exam.presented.length} answered? y / n`
      : phase === 'confirm-leave'
        ? 'Abandon this exam? Nothing will be recorded. y / n'
        : examStatus(m, width);
  return (
    <Box flexDirection="column" height={height}>
      <ScrollLines lines={body} top={top} height={bodyHeight} width={width} />
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
