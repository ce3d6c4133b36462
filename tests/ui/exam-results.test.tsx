// The exam simulation's results and review grid, and a second exam refused, rendered with
// ink-testing-library.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { questions, services } from '../../src/content/bundle.js';
import { ProgressStore } from '../../src/progress/store.js';
import { present } from '../../src/quiz/attempt.js';
import { drawExam } from '../../src/quiz/exam.js';
import { createRng } from '../../src/quiz/random.js';
import { App } from '../../src/ui/App.js';
import { ExamScreen } from '../../src/ui/screens/ExamScreen.js';
import { tempDir } from '../helpers/cli.js';
import { KEY, until, withKeys } from '../helpers/ink.js';
import { answersIn } from '../helpers/journal.js';
import { startHelper } from '../helpers/processes.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function exam(now: () => number, width = 80, dir = tempDir()) {
  const store = ProgressStore.open({ dir });
  let done = 0;
  const app = render(
    withKeys(
      <ExamScreen
        width={width}
        height={14}
        active
        store={store}
        seed={7}
        now={now}
        tickMs={20}
        onMode={() => {}}
        onNotice={() => {}}
        onDone={() => done++}
      />,
    ),
  );
  cleanups.push(() => app.unmount());
  const frame = () => app.lastFrame() ?? '';
  return { ...app, store, dir, frame, done: () => done, wait: (test: (f: string) => boolean, what?: string) => until(frame, test, what) };
}
const lastLine = (f: string) => f.trimEnd().split('\n').at(-1) ?? '';
const clock = (f: string) => /⏱ (\d+:\d\d)/.exec(f)?.[1];

describe('exam results', () => {
  it("in the app, the results' footer replaces the exam's: no answer keys below the results", async () => {
    const store = ProgressStore.open({ dir: tempDir() });
    const app = render(
      <App
        store={store}
        color={false}
        size={{ columns: 100, rows: 30 }}
        start={{ screen: 'quiz', source: { kind: 'exam' } }}
        onExit={() => {}}
      />,
    );
    cleanups.push(() => app.unmount());
    const frame = () => app.lastFrame() ?? '';
    await until(frame, (f) => /Q 1\/65 · answered 0/.test(f), 'the exam');
    expect(lastLine(frame())).toMatch(/^1–6 pick · → next/);
    app.stdin.write('S');
    await until(frame, (f) => /Submit the exam/.test(f), 'asked');
    app.stdin.write('y');
    const results = await until(frame, (f) => /Scaled score/.test(f), 'the results');
    expect(lastLine(results)).toBe('→ next · ← prev · f filter · q done · ? help');
    expect(results).not.toMatch(/pick|m mark|S submit/);
  });

  it('time per question, "Not answered", the filters and a scroll hint; no line cut at 80 columns', async () => {
    let t = 1_000_000;
    const app = exam(() => t);
    await app.wait((f) => clock(f) === '130:00', 'the clock');
    // Question 1 answered wrong: the exam screen draws with its seed, as here.
    const rng = createRng(7);
    const drawn = present(drawExam(questions(), services(), rng)[0]!, rng);
    app.stdin.write('abcdef'[drawn.order.findIndex((o) => !drawn.question.options[o]!.correct)]!);
    await app.wait((f) => /answered 1/.test(f), 'answered');
    t += 65_000;
    await app.wait((f) => clock(f) === '128:55', 'a minute on question 1');
    app.stdin.write('n');
    await app.wait((f) => /Q 2\/65/.test(f), 'question 2');
    app.stdin.write('m');
    await app.wait((f) => /marked 1/.test(f), 'marked, left unanswered');
    t += 20_000;
    await app.wait((f) => clock(f) === '128:35', '20 s on question 2');
    app.stdin.write('S');
    await app.wait((f) => /y \/ n/.test(f));
    app.stdin.write('y');
    const score = await app.wait((f) => /Scaled score/.test(f), 'the score');
    for (const line of score.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(score).not.toMatch(/…$/m);
    expect(score).toContain('Time spent 1:25, 1:05 a question answered on average');
    expect(score).toContain('Review: [all 65] · wrong 1 · marked 1 · not answered 64');
    expect(lastLine(score)).toMatch(/^Results · ↓ more \d+\/\d+ · review: all$/);
    expect(answersIn(app.store)).toMatchObject([{ ms: 65_000, source: 'exam', correct: false }]);
    app.stdin.write(KEY.pageDown);
    const end = await app.wait((f) => /^Results · ↓ more (\d+)\/\1 /.test(lastLine(f)), 'the end of the score page');
    expect(end).toContain('AWS does not publish');
    expect(end).not.toMatch(/…$/m);
    app.stdin.write(KEY.pageUp);
    await app.wait((f) => f.includes('Scaled score'), 'back to the top');

    app.stdin.write(KEY.right);
    const first = await app.wait((f) => /^Question 1\/65/.test(lastLine(f)), 'question 1');
    expect(lastLine(first)).toMatch(/^Question 1\/65 · ✗ wrong · ↓ more \d+\/\d+ · 1:05 on it · all 1\/65$/);
    expect(first).not.toMatch(/…$/m);
    app.stdin.write(KEY.right);
    const second = await app.wait((f) => /^Question 2\/65/.test(lastLine(f)), 'question 2');
    expect(lastLine(second)).toMatch(/^Question 2\/65 · ○ not answered · ↓ more \d+\/\d+ · 0:20 on it · \? marked · all 2\/65$/);
    // The hint is true: the verdict is further down.
    app.stdin.write('j');
    await app.wait((f) => lastLine(f) !== lastLine(second), 'scrolled');
    app.stdin.write(KEY.pageDown);
    const verdict = await app.wait((f) => f.includes('○ Not answered. The answer is'), 'the verdict, scrolled to');
    expect(verdict).not.toContain('Wrong');
    // f: the wrong ones (question 1), the marked ones (question 2), the unanswered from where it is.
    app.stdin.write('f');
    await app.wait((f) => /^Question 1\/65 · ✗ wrong .* wrong 1\/1$/.test(lastLine(f)), 'filtered: wrong');
    app.stdin.write('f');
    await app.wait((f) => /^Question 2\/65 .* marked 1\/1$/.test(lastLine(f)), 'filtered: marked');
    app.stdin.write(KEY.left);
    await app.wait((f) => /^Results .*review: marked$/.test(lastLine(f)), 'before the first marked one: the score');
    app.stdin.write(KEY.right);
    await app.wait((f) => /^Question 2\/65 .* marked 1\/1$/.test(lastLine(f)), 'the only marked one');
    app.stdin.write(KEY.right);
    await app.wait((f) => /^Question 2\/65 .* marked 1\/1$/.test(lastLine(f)), 'and the last');
    app.stdin.write('f');
    await app.wait((f) => /^Question 2\/65 .* not answered 1\/64$/.test(lastLine(f)), 'filtered: not answered, from question 2');
    app.stdin.write('q');
    await until(
      () => String(app.done()),
      (d) => d === '1',
      'done',
    );
  });

  it('at 40 columns the clock is whole and the grid tells unanswered from answered, marked or not', async () => {
    const app = exam(() => 2_000_000, 40);
    await app.wait((f) => /⏱ 130:00 left/.test(f), 'the whole clock');
    app.stdin.write('a');
    await app.wait((f) => /⏱ 130:00/.test(lastLine(f)) && !/answered 0/.test(f), 'answered');
    app.stdin.write('m');
    await app.wait((f) => /Q 1\/65 \? marked/.test(f), 'marked');
    app.stdin.write('n');
    await app.wait((f) => /Q 2\/65/.test(f), 'question 2');
    app.stdin.write('m');
    await app.wait((f) => /Q 2\/65 \? marked/.test(f), 'marked too');
    for (const line of app.frame().split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
    expect(lastLine(app.frame())).toMatch(/⏱ 130:00/);
    app.stdin.write('r');
    const grid = await app.wait((f) => f.includes('Review grid'), 'the grid');
    expect(grid).toMatch(/^ {2}1✓\? \[ 2○\?\] {2}3○ {4}4○ /m);
    expect(grid).toContain('1 answered · 64 not answered · 2 marked');
  });
});

describe('a second exam', () => {
  it('while another awsnotes runs one, the exam screen refuses, naming it, and q goes back; nothing is saved', async () => {
    const dir = tempDir();
    const { child } = await startHelper('hold-lock', [path.join(dir, 'exam.lock')], /^held/);
    cleanups.push(() => child.kill('SIGKILL'));
    const app = exam(() => 3_000_000, 80, dir);
    const f = await app.wait((f) => f.includes('No second exam: one is running.'), 'the refusal');
    expect(f.replace(/\s+/g, ' ')).toMatch(
      new RegExp(
        `awsnotes process ${child.pid} since \\d\\d:\\d\\d is already running an exam on this config: finish or quit it there first\\.`,
      ),
    );
    expect(f).not.toMatch(/⏱|Q 1\/65/);
    app.stdin.write('q');
    await until(
      () => String(app.done()),
      (d) => d === '1',
      'back',
    );
    expect(existsSync(path.join(dir, 'exam-in-progress.json'))).toBe(false);
  });
});
