import path from 'node:path';
import { Box, Text, useInput } from 'ink';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { questions as bank, services } from '../../content/bundle.js';
import { DOMAIN_INFO, DOMAINS, type Question } from '../../content/types.js';
import type { ProgressStore } from '../../progress/store.js';
import { isCorrect, LETTERS, present, toggle, type Presented } from '../../quiz/attempt.js';
import { drawExam, formatClock, PASS_SCORE, scoreExam, type ExamScore } from '../../quiz/exam.js';
import { discardExam, EXAM_FILE, openExam, saveExam } from '../../quiz/exam-save.js';
import { createRng, randomSeed } from '../../quiz/random.js';
import { recordAnswers, recordExam } from '../../quiz/record.js';
import { questionLines } from '../../quiz/view.js';
import type { Line } from '../../render/lines.js';
import { clampTop, ScrollLines } from '../components/ScrollLines.js';
import { isKey } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
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

type Phase = 'question' | 'grid' | 'confirm-submit' | 'confirm-leave' | 'results';

interface Exam {
  questions: Question[];
  presented: Presented[];
  startedAt: number;
  deadline: number;
}

const GRID_CELL = 5;

export function ExamScreen({ width, height, active, store, onMode, onNotice, onDone, seed, now = Date.now }: ExamScreenProps) {
  // Saved beside the progress file after every change (quiz/exam-save.ts), and resumed here.
  // Opened once per mount (a state initialiser, not a memo: opening may move a file aside).
  const dir = path.dirname(store.path);
  const [opened] = useState(() => {
    const recorded = new Set(store.read().exams.map((e) => e.startedAt));
    return openExam(dir, bank(), now(), recorded, () => {
      const rng = createRng(seed ?? randomSeed());
      return drawExam(bank(), services(), rng).map((q) => present(q, rng));
    });
  });
  const [exam] = useState((): Exam => {
    const { presented, startedAt, deadline } = opened.state;
    return { questions: presented.map((p) => p.question), presented, startedAt, deadline };
  });
  const [answers, setAnswers] = useState<Map<string, number[]>>(opened.state.answers);
  const [marked, setMarked] = useState<Set<string>>(opened.state.marked);
  const [current, setCurrent] = useState(opened.state.current);
  const [phase, setPhase] = useState<Phase>('question');
  const [grid, setGrid] = useState(0);
  const [scroll, setScroll] = useState(0);
  const [clock, setClock] = useState(now());
  const [result, setResult] = useState<(ExamScore & { timedOut: boolean }) | null>(null);
  const titles = useMemo(() => new Map(services().map((s) => [s.id, s.title])), []);

  useEffect(() => {
    if (active) onMode('exam');
  }, [active]);
  useEffect(() => {
    if (opened.notice) onNotice(opened.notice);
  }, []);

  // Every answer, mark and move is saved at once; a save that fails is reported once.
  const saving = useRef(true);
  useEffect(() => {
    if (phase === 'results' || !saving.current) return;
    try {
      saveExam(dir, { ...exam, answers, marked, current });
    } catch (error) {
      saving.current = false;
      onNotice(`This exam cannot be saved as you go (${(error as Error).message}): if awsnotes closes, it is lost.`);
    }
  }, [answers, marked, current, phase]);
  const discard = () => {
    try {
      discardExam(dir);
    } catch (error) {
      onNotice(`The saved exam ${path.join(dir, EXAM_FILE)} could not be deleted (${(error as Error).message}).`);
    }
  };

  const finish = (timedOut: boolean) => {
    const score = scoreExam(exam.questions, answers);
    const at = new Date(now());
    recordAnswers(
      store,
      exam.questions
        .filter((q) => (answers.get(q.id) ?? []).length > 0)
        .map((q) => ({
          question: q.id,
          chosen: answers.get(q.id)!,
          correct: isCorrect(q, answers.get(q.id)!),
          ms: 0,
          source: 'exam' as const,
        })),
      at,
    );
    recordExam(store, {
      startedAt: new Date(exam.startedAt).toISOString(),
      finishedAt: at.toISOString(),
      questions: score.questions,
      correct: score.correct,
      scaled: score.scaled,
      passed: score.passed,
      timedOut,
      domains: score.domains,
    });
    discard();
    const notices = store.notices.splice(0);
    if (notices.length) onNotice(notices.join(' '));
    setResult({ ...score, timedOut });
    setPhase('results');
    setCurrent(-1);
    setScroll(0);
  };

  // The countdown: one tick a second; at zero the exam is submitted as it stands.
  useEffect(() => {
    if (phase === 'results') return;
    const timer = setInterval(() => setClock(now()), 1000);
    return () => clearInterval(timer);
  }, [phase]);
  useEffect(() => {
    if (phase !== 'results' && clock >= exam.deadline) finish(true);
  }, [clock]);

  const bodyHeight = Math.max(3, height - 1);
  const total = exam.questions.length;
  const lines = useMemo((): Line[] => {
    if (phase === 'results' && result) {
      if (current < 0) return resultLines(result, width);
      const p = exam.presented[current]!;
      return questionLines(p, width, { picked: answers.get(p.question.id) ?? [], revealed: true }, titles.get(p.question.service));
    }
    const p = exam.presented[current]!;
    return questionLines(
      p,
      width,
      { picked: answers.get(p.question.id) ?? [], revealed: false, hideLabels: true },
      titles.get(p.question.service),
    );
  }, [phase, current, answers, width, result]);

  const go = (index: number) => {
    setCurrent(Math.max(0, Math.min(total - 1, index)));
    setScroll(0);
  };
  const columns = Math.max(1, Math.floor(width / GRID_CELL));

  useInput(
    (input, key) => {
      const page = Math.max(1, bodyHeight - 1);
      if (phase === 'results') {
        if (isKey('results.next', input, key)) {
          setCurrent((c) => Math.min(total - 1, c + 1));
          setScroll(0);
        } else if (isKey('results.prev', input, key)) {
          setCurrent((c) => Math.max(-1, c - 1));
          setScroll(0);
        } else if (isKey('results.scroll-down', input, key))
          setScroll((s) => clampTop(s + (key.pageDown ? page : 1), lines.length, bodyHeight));
        else if (isKey('results.scroll-up', input, key)) setScroll((s) => Math.max(0, s - (key.pageUp ? page : 1)));
        else if (isKey('results.close', input, key)) onDone();
        return;
      }
      if (phase === 'confirm-submit' || phase === 'confirm-leave') {
        if (isKey('exam.confirm', input, key)) {
          if (phase === 'confirm-submit') finish(false);
          else {
            discard();
            onDone();
          }
        } else if (isKey('exam.cancel', input, key)) setPhase('question');
        return;
      }
      if (phase === 'grid') {
        if (key.leftArrow) setGrid((g) => Math.max(0, g - 1));
        else if (key.rightArrow) setGrid((g) => Math.min(total - 1, g + 1));
        else if (key.upArrow) setGrid((g) => Math.max(0, g - columns));
        else if (key.downArrow) setGrid((g) => Math.min(total - 1, g + columns));
        else if (isKey('grid.jump', input, key)) {
          go(grid);
          setPhase('question');
        } else if (isKey('grid.close', input, key)) setPhase('question');
        return;
      }
      const question = exam.presented[current]!;
      if (isKey('exam.pick', input, key)) {
        const display = /[1-6]/.test(input) ? Number(input) - 1 : LETTERS.toLowerCase().indexOf(input);
        const picked = toggle(question, answers.get(question.question.id) ?? [], display);
        setAnswers(new Map(answers).set(question.question.id, picked));
      } else if (isKey('exam.next', input, key)) go(current + 1);
      else if (isKey('exam.prev', input, key)) go(current - 1);
      else if (isKey('exam.mark', input, key)) {
        const next = new Set(marked);
        if (!next.delete(question.question.id)) next.add(question.question.id);
        setMarked(next);
      } else if (isKey('exam.grid', input, key)) {
        setGrid(current);
        setPhase('grid');
      } else if (isKey('exam.scroll-down', input, key)) setScroll((s) => clampTop(s + (key.pageDown ? page : 1), lines.length, bodyHeight));
      else if (isKey('exam.scroll-up', input, key)) setScroll((s) => Math.max(0, s - (key.pageUp ? page : 1)));
      else if (isKey('exam.submit', input, key)) setPhase('confirm-submit');
      else if (isKey('exam.leave', input, key)) setPhase('confirm-leave');
    },
    { isActive: active },
  );

  const answered = exam.questions.filter((q) => (answers.get(q.id) ?? []).length > 0).length;
  const left = formatClock(exam.deadline - clock);

  if (phase === 'results' && result) {
    const where = current < 0 ? 'Results' : `Question ${current + 1}/${total}`;
    return (
      <Box flexDirection="column" height={height}>
        <ScrollLines lines={lines} top={scroll} height={bodyHeight} width={width} />
        <Text {...ROLE_STYLE.muted} wrap="truncate">{`${where} · → next, ← back · q done`}</Text>
      </Box>
    );
  }

  let body: ReactNode;
  if (phase === 'grid') {
    const rows: Line[] = [{ segments: [{ text: 'Review grid: ✓ answered · ? marked · Enter to jump, Esc to close', role: 'muted' }] }];
    for (let start = 0; start < total; start += columns) {
      const segments = exam.questions.slice(start, start + columns).map((q, i) => {
        const index = start + i;
        const done = (answers.get(q.id) ?? []).length > 0;
        const label = `${String(index + 1).padStart(2)}${marked.has(q.id) ? '?' : done ? '✓' : ' '}`;
        return {
          text: `${index === grid ? `[${label}]` : ` ${label} `}`.padEnd(GRID_CELL),
          role: index === grid ? ('accent' as const) : done ? undefined : ('muted' as const),
          bold: index === grid,
        };
      });
      rows.push({ segments });
    }
    const gridRow = Math.floor(grid / columns) + 1;
    body = <ScrollLines lines={rows} top={Math.max(0, gridRow - bodyHeight + 1)} height={bodyHeight} width={width} />;
  } else {
    body = <ScrollLines lines={lines} top={scroll} height={bodyHeight} width={width} />;
  }
  const id = exam.questions[current]?.id ?? '';
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

function resultLines(result: ExamScore & { timedOut: boolean }, width: number): Line[] {
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
