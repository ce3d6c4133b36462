import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { reportLines } from '../../progress/dashboard.js';
import { checkExamDate } from '../../progress/calendar.js';
import { examGuide, questions, services } from '../../content/bundle.js';
import { DOMAIN_INFO, DOMAINS } from '../../content/types.js';
import { type TaskCoverage, taskCoverage, weakestTasks } from '../../quiz/coverage.js';
import { progressReport, type NextAction } from '../../progress/report.js';
import type { ProgressStore } from '../../progress/store.js';
import { ScrollLines, clampTop } from '../components/ScrollLines.js';
import { TextField } from '../components/TextField.js';
import { useKeys } from '../input.js';
import { isKey } from '../keys.js';
import { ROLE_STYLE } from '../theme.js';
import { useReportMode } from '../useReportMode.js';
import type { InputMode } from './types.js';

export interface ProgressScreenProps {
  width: number;
  height: number;
  active: boolean;
  store: ProgressStore;
  onMode(mode: InputMode): void;
  onAction(action: NextAction): void;
}

/** How many weak task statements the screen offers, and the dashboard lines it keeps below them at least. */
const WEAK_TASKS = 3;
const MIN_DASHBOARD = 3;
const WEIGHTS = Object.fromEntries(DOMAINS.map((d) => [d, DOMAIN_INFO[d].weight])) as Record<(typeof DOMAINS)[number], number>;

/** "2.3 mastery 12% · Manage sensitive data in application code (31 questions, 4 answered)". */
function taskText(task: TaskCoverage): string {
  return `${task.task} mastery ${Math.round(task.mastery * 100)}% · ${task.title} (${task.questions} questions, ${task.answered} answered)`;
}

export function ProgressScreen({ width, height, active, store, onMode, onAction }: ProgressScreenProps) {
  const [selected, setSelected] = useState(0);
  const [scroll, setScroll] = useState(0);
  const [dateDraft, setDateDraft] = useState<string | null>(null);
  const [dateError, setDateError] = useState('');
  useReportMode(onMode, dateDraft === null ? 'progress' : 'progress-date');
  // Recomputed each time the screen is shown again (the quiz may have changed everything)
  // and after a change made here; not while it is hidden.
  const compute = () => {
    const progress = store.read();
    const now = new Date();
    const coverage = taskCoverage(examGuide(), services(), questions(), progress, now);
    return { ...progressReport(progress, questions(), services(), now), weakTasks: weakestTasks(coverage, WEIGHTS, WEAK_TASKS) };
  };
  const [report, setReport] = useState(compute);
  const [wasActive, setWasActive] = useState(active);
  if (active !== wasActive) {
    setWasActive(active);
    if (active) setReport(compute());
  }
  const steps = report.nextSteps.slice(0, 5);
  const lines = useMemo(() => reportLines(report, width), [report, width]);
  const stepsHeight = steps.length + 1;
  // The weakest task statements, under the next steps, when a few lines of the dashboard still fit below.
  const tasks = height - stepsHeight - 1 - (report.weakTasks.length + 1) >= MIN_DASHBOARD ? report.weakTasks : [];
  const tasksHeight = tasks.length ? tasks.length + 1 : 0;
  const bodyHeight = Math.max(1, height - stepsHeight - tasksHeight - 1);
  /** Next steps, then weak tasks: one list for ↑/↓ and Enter. */
  const choices = steps.length + tasks.length;

  const saveDate = (text: string) => {
    const value = text.trim();
    const date = value === '' ? undefined : checkExamDate(value);
    if (date === null) return setDateError(`'${value}' is not a date as YYYY-MM-DD`);
    store.update((p) => {
      if (date) p.settings.examDate = date;
      else delete p.settings.examDate;
    });
    setDateDraft(null);
    setDateError('');
    setReport(compute());
  };

  useKeys(
    (input, key) => {
      if (dateDraft !== null) {
        if (isKey('progress-date.save', input, key)) saveDate(dateDraft);
        else if (isKey('progress-date.cancel', input, key)) {
          setDateDraft(null);
          setDateError('');
        }
        return;
      }
      const page = key.pageDown || key.pageUp || input === ' ' || input === 'b' ? bodyHeight - 1 : 1;
      if (isKey('progress.next-step', input, key)) setSelected((s) => Math.max(0, Math.min(choices - 1, s + (key.downArrow ? 1 : -1))));
      else if (isKey('progress.go', input, key)) {
        const step = steps[selected];
        const task = tasks[selected - steps.length];
        if (step) onAction(step.action);
        else if (task) onAction({ kind: 'quiz', source: { kind: 'task', task: task.task } });
      } else if (isKey('progress.scroll-down', input, key)) setScroll((s) => clampTop(s + page, lines.length, bodyHeight));
      else if (isKey('progress.scroll-up', input, key)) setScroll((s) => Math.max(0, s - page));
      else if (isKey('progress.exam-date', input, key)) {
        setDateDraft(store.read().settings.examDate ?? '');
      }
    },
    { isActive: active },
  );

  return (
    <Box flexDirection="column" height={height}>
      <Text bold {...ROLE_STYLE.accent} wrap="truncate">
        {steps.length ? 'Next best steps (↑/↓, Enter to go)' : 'Nothing due: answer some questions to see your next steps'}
      </Text>
      {steps.map((step, i) => (
        <Text key={step.text} inverse={i === selected} wrap="truncate">
          {`${i === selected ? '›' : ' '} ${step.text}`}
        </Text>
      ))}
      {tasks.length ? (
        <Text bold {...ROLE_STYLE.accent} wrap="truncate">
          Weakest task statements of the exam guide (Enter: a quiz on one)
        </Text>
      ) : null}
      {tasks.map((task, i) => {
        const isSelected = steps.length + i === selected;
        return (
          <Text key={task.task} inverse={isSelected} wrap="truncate">
            {`${isSelected ? '›' : ' '} ${taskText(task)}`}
          </Text>
        );
      })}
      <ScrollLines lines={lines} top={scroll} height={bodyHeight} width={width} />
      {dateDraft !== null ? (
        <Box>
          <Text {...ROLE_STYLE.accent}>Exam date (YYYY-MM-DD, empty clears): </Text>
          <TextField value={dateDraft} focus={active} onChange={setDateDraft} />
          <Text {...ROLE_STYLE.error}>{dateError ? `  ${dateError}` : ''}</Text>
        </Box>
      ) : (
        <Text
          {...ROLE_STYLE.muted}
          wrap="truncate"
        >{`exam date: ${report.readiness.examDate ?? 'not set'} (e to change) · j/k scroll`}</Text>
      )}
    </Box>
  );
}
