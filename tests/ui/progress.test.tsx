// The Progress screen with ink-testing-library, from a known history.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { examGuide, questions, services } from '../../src/content/bundle.js';
import { taskCoverage } from '../../src/quiz/coverage.js';
import { ProgressStore } from '../../src/progress/store.js';
import { correctIndexes } from '../../src/quiz/attempt.js';
import { recordAnswer } from '../../src/quiz/record.js';
import { App } from '../../src/ui/App.js';
import { tempDir } from '../helpers/cli.js';
import { KEY, type, until } from '../helpers/ink.js';
import { NOTE_COUNT } from '../helpers/content.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function start(size = { columns: 100, rows: 40 }) {
  const store = ProgressStore.open({ dir: tempDir() });
  const sqs = questions()
    .filter((q) => q.service === 'sqs')
    .slice(0, 4);
  const earlier = new Date(Date.now() - 3 * 86_400_000);
  for (const [i, q] of sqs.entries())
    recordAnswer(store, { question: q.id, chosen: i < 2 ? correctIndexes(q) : [], correct: i < 2, ms: 1000, source: 'quiz' }, earlier);
  store.markRead('sqs');
  const app = render(<App store={store} color={false} size={size} start={{ screen: 'progress' }} onExit={() => {}} />);
  cleanup = () => app.unmount();
  const frame = () => app.lastFrame() ?? '';
  return { ...app, store, frame, wait: (test: (f: string) => boolean, what?: string) => until(frame, test, what) };
}

describe('Progress screen', () => {
  it('shows where the learner stands and the next steps', async () => {
    const app = start();
    const f = await app.wait((f) => f.includes('Next best steps'));
    expect(f).toMatch(new RegExp(`Notes read +1/${NOTE_COUNT}\\b`));
    expect(f).toMatch(/Answers +4 \(2 right, 50%\)/);
    expect(f).toMatch(/Expected score \d+/);
    expect(f).toMatch(/Development with AWS Services +32%/);
    expect(f).toMatch(/› .*SQS card/);
  });

  it('Enter on a next step goes there', async () => {
    const app = start();
    await app.wait((f) => /› .*SQS card/.test(f));
    app.stdin.write(KEY.enter);
    await app.wait((f) => /Question 1\/\d+/.test(f), 'the due quiz');
  });

  it('e sets the exam date; a bad date is refused', async () => {
    const app = start();
    await app.wait((f) => f.includes('exam date: not set'));
    app.stdin.write('e');
    await app.wait((f) => f.includes('Exam date (YYYY-MM-DD'), 'prompt');
    await type(app.stdin, app.frame, '2027-02-30', 'Exam date (YYYY-MM-DD, empty clears): ');
    app.stdin.write(KEY.enter);
    await app.wait((f) => f.includes("'2027-02-30' is not a date"), 'refused');
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes('exam date: not set'), 'cancelled');
    app.stdin.write('e');
    await app.wait((f) => f.includes('Exam date (YYYY-MM-DD'), 'prompt again');
    await type(app.stdin, app.frame, '2027-03-15', 'Exam date (YYYY-MM-DD, empty clears): ');
    app.stdin.write(KEY.enter);
    await app.wait((f) => f.includes('exam date: 2027-03-15'), 'saved');
    expect(app.store.read().settings.examDate).toBe('2027-03-15');
  });

  it('shows fresh figures each time it is shown again', async () => {
    const app = start();
    await app.wait((f) => /Answers +4 \(/.test(f));
    app.stdin.write('2');
    await app.wait((f) => f.includes('where should the questions come from'), 'quiz screen');
    const q = questions().find((x) => x.service === 'kms')!;
    recordAnswer(app.store, { question: q.id, chosen: correctIndexes(q), correct: true, ms: 500, source: 'quiz' }, new Date());
    app.stdin.write('4');
    await app.wait((f) => /Answers +5 \(3 right, 60%\)/.test(f), 'the new answer counted');
  });

  it('shows the weakest task statements of the exam guide; Enter on one starts a quiz on it', async () => {
    const app = start();
    const f = await app.wait((f) => f.includes('Weakest task statements of the exam guide'), 'the weak tasks');
    const rows = f.split('\n').filter((l) => /^[ ›] \d\.\d mastery \d+% · /.test(l));
    expect(rows).toHaveLength(3);
    const shown = rows.map((l) => /(\d\.\d) mastery (\d+)%/.exec(l)!.slice(1));
    const coverage = taskCoverage(examGuide(), services(), questions(), app.store.read(), new Date());
    const lowest = Math.min(...coverage.filter((t) => t.questions > 0).map((t) => Math.round(t.mastery * 100)));
    expect(Number(shown[0]![1])).toBe(lowest);
    expect(shown.map(([, m]) => Number(m))).toEqual([...shown.map(([, m]) => Number(m))].sort((a, b) => a - b));
    const task = shown[0]![0]!;
    const row = coverage.find((t) => t.task === task)!;
    expect(rows[0]).toBe(`  ${task} mastery ${shown[0]![1]}% · ${row.title} (${row.questions} questions, ${row.answered} answered)`);
    // ↓ past the next steps onto the first task.
    for (let i = 0; i < 6 && !/^› \d\.\d mastery/m.test(app.frame()); i++) {
      const before = app.frame();
      app.stdin.write(KEY.down);
      await app.wait((f) => f !== before, `step ${i + 1}`);
    }
    expect(app.frame()).toMatch(new RegExp(`^› ${task.replace('.', '\\.')} mastery`, 'm'));
    app.stdin.write(KEY.enter);
    const asked = await app.wait((f) => /Question 1\/\d+/.test(f), `a quiz on ${task}`);
    const onTask = questions().filter((q) => q.tasks.includes(task));
    expect(onTask.some((q) => asked.replace(/\s+/g, ' ').includes(q.question.replace(/\s+/g, ' ').slice(0, 50)))).toBe(true);
    // One answer, then q: back on the Progress screen, the score in one line naming the task.
    const needed = Number(/· choose (\d)$/m.exec(asked)?.[1] ?? 1);
    for (const letter of 'abc'.slice(0, needed)) app.stdin.write(letter);
    app.stdin.write(KEY.enter);
    await app.wait((f) => /(✓ Correct|✗ Wrong)\./.test(f), 'the verdict');
    app.stdin.write('q');
    await app.wait(
      (f) =>
        f.includes('Weakest task statements of the exam guide') &&
        new RegExp(`^Task ${task.replace('.', '\\.')}: [01]/1 correct`, 'm').test(f),
      'back on Progress, the score naming the task',
    );
  });

  it('at 40 columns each service row keeps its figures; a name too long ends with an ellipsis', async () => {
    const app = start({ columns: 40, rows: 60 });
    await app.wait((f) => f.includes('By service'), 'the service rows');
    for (let i = 0; i < 40; i++) {
      const before = app.frame();
      app.stdin.write('j');
      await app.wait((f) => f !== before || /Systems Manager|X-Ray/.test(f), 'scrolled');
      if (/X-Ray/.test(app.frame())) break;
    }
    const rows = app
      .frame()
      .split('\n')
      .filter((l) => /^[✓·] /.test(l));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect([...row].length, row).toBeLessThanOrEqual(40);
      // answered, right, due, then the mastery bar: nothing cut at the end.
      expect(row, row).toMatch(/ +\d+ +(—|\d+%) +\d+ {2}[█░]{8}$/);
    }
    expect(rows.some((row) => /^[✓·] \S.*… +\d+ /.test(row))).toBe(true);
  });
});
