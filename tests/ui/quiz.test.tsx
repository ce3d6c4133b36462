// The Quiz screen and the exam simulation, rendered with ink-testing-library.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { questions } from '../../src/content/bundle.js';
import { ProgressStore } from '../../src/progress/store.js';
import { toggleFlag } from '../../src/quiz/record.js';
import { answersIn } from '../helpers/journal.js';
import { App, type AppStart } from '../../src/ui/App.js';
import { ExamScreen } from '../../src/ui/screens/ExamScreen.js';
import { runInProcess, tempDir } from '../helpers/cli.js';
import { NOTE_COUNT } from '../helpers/content.js';
import { KEY, type, until, withKeys } from '../helpers/ink.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function start(startAt?: AppStart, size = { columns: 100, rows: 40 }) {
  const store = ProgressStore.open({ dir: tempDir() });
  const exits: number[] = [];
  const app = render(<App store={store} color={false} size={size} start={startAt} onExit={(code) => exits.push(code)} />);
  cleanup = () => app.unmount();
  const frame = () => app.lastFrame() ?? '';
  return { ...app, store, exits, frame, wait: (test: (f: string) => boolean, what?: string) => until(frame, test, what) };
}

const status = (f: string) =>
  f
    .split('\n')
    .filter((l) => l.startsWith('Question ') || l.startsWith('Drill '))
    .at(-1) ?? '';

describe('Quiz screen', () => {
  it('chooses a source with the list, then asks, judges, explains and records', async () => {
    const app = start({ screen: 'quiz' });
    await app.wait((f) => f.includes('where should the questions come from'));
    app.stdin.write(KEY.down);
    await app.wait((f) => /› Missed last time/.test(f), 'second item highlighted');
    app.stdin.write(KEY.down);
    await app.wait((f) => /› All questions/.test(f), 'All questions highlighted');
    app.stdin.write(KEY.enter);
    await app.wait((f) => /Question 1\/\d+/.test(status(f)), 'first question');
    app.stdin.write(KEY.enter);
    await app.wait((f) => /pick an answer first/.test(f), 'Enter without a pick is refused');
    app.stdin.write('a');
    await app.wait((f) => /\(•\) A\.|\[x\] A\./.test(f), 'A picked');
    const isMultiple = /\[x\] A\./.test(app.frame());
    if (isMultiple) {
      app.stdin.write('b');
      await app.wait((f) => /\[x\] B\./.test(f), 'B picked');
      const needed = Number(/choose (\d)/.exec(app.frame())![1]);
      if (needed === 3) {
        app.stdin.write('c');
        await app.wait((f) => /\[x\] C\./.test(f), 'C picked');
      }
    }
    app.stdin.write(KEY.enter);
    const f = await app.wait((f) => /(✓ Correct|✗ Wrong)\./.test(f), 'verdict');
    expect(f).toMatch(/The answer is [A-F]/);
    // The right answer is marked, picked or missed.
    expect(f).toMatch(/\[✓\] [A-F]\. |\[!\] [A-F]\. missed: /);
    expect(answersIn(app.store)).toHaveLength(1);
    expect(answersIn(app.store)[0]!.source).toBe('quiz');
    expect(Object.keys(app.store.read().cards)).toHaveLength(1);
  });

  it('f flags, g opens the tested note and q comes back, q ends with a summary', async () => {
    const app = start({ screen: 'quiz', source: { kind: 'service', service: 'sqs' } });
    await app.wait((f) => /Question 1\/\d+/.test(status(f)), 'an SQS question');
    // Pick as many options as the question asks for ("choose 2"), then submit.
    const needed = Number(/choose (\d)/.exec(app.frame())?.[1] ?? 1);
    for (let i = 1; i <= needed; i++) {
      app.stdin.write(String(i));
      await app.wait((f) => new RegExp(`(\\(•\\)|\\[x\\]) ${'ABC'[i - 1]}\\.`).test(f), `option ${i} picked`);
    }
    app.stdin.write(KEY.enter);
    await app.wait((f) => /(✓ Correct|✗ Wrong)/.test(f), 'verdict');
    app.stdin.write('f');
    await app.wait((f) => status(f).includes('⚑ flagged'), 'flagged');
    expect(Object.keys(app.store.read().flags)).toHaveLength(1);
    app.stdin.write('g');
    await app.wait((f) => /Amazon Simple Queue Service .*›/.test(f) && /\d+\/\d+ +\d+%/.test(f), 'the note');
    app.stdin.write('q');
    await app.wait((f) => /(✓ Correct|✗ Wrong)/.test(f), 'back at the verdict');
    app.stdin.write('q');
    const summary = await app.wait((f) => /Amazon Simple Queue Service \(Amazon SQS\): \d\/1 correct/.test(f), 'summary');
    expect(summary).toMatch(/Development with AWS Services|Security|Deployment|Troubleshooting/);
    app.stdin.write(KEY.enter);
    await app.wait((f) => f.includes('where should the questions come from'), 'sources again');
    expect(app.exits).toEqual([]);
  });

  it('digits pick answers, they do not switch screens', async () => {
    const app = start({ screen: 'quiz', source: { kind: 'service', service: 'kms' } });
    await app.wait((f) => /Question 1\//.test(status(f)));
    app.stdin.write('1');
    await app.wait((f) => /\(•\) A\.|\[x\] A\./.test(f), 'picked with 1');
    expect(app.frame()).not.toContain('type to search');
  });

  it('t in a note starts a quiz on that service', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'cognito');
    await app.wait((f) => /^› .*Cognito/m.test(f));
    app.stdin.write(KEY.enter);
    await app.wait((f) => /\d+\/\d+ +\d+%/.test(f), 'reader');
    app.stdin.write('t');
    const f = await app.wait((f) => /Question 1\/\d+/.test(status(f)), 'quiz');
    expect(f).toContain('Amazon Cognito · ');
  });

  it('drills ask sizing questions with the worked steps as the explanation', async () => {
    const app = start({ screen: 'quiz', source: { kind: 'drills' } });
    await app.wait((f) => /Drill 1/.test(status(f)), 'a drill');
    app.stdin.write('a');
    await app.wait((f) => /\(•\) A\./.test(f));
    app.stdin.write(KEY.enter);
    const f = await app.wait((f) => /(✓ Correct|✗ Wrong)/.test(f), 'verdict');
    expect(f).toMatch(/1\. /);
    expect(answersIn(app.store)[0]!.question).toMatch(/^drill-/);
    app.stdin.write(KEY.enter);
    await app.wait((f) => /Drill 2/.test(status(f)), 'next drill');
  });
});

describe('one session for the app and the plain quiz', () => {
  // A "choose two" question, the only one flagged, so that both ask it first.
  const question = questions().find((q) => q.kind === 'multiple' && q.options.filter((o) => o.correct).length === 2)!;
  const rightTexts = question.options.filter((o) => o.correct).map((o) => o.text.replace(/\s+/g, ' ').slice(0, 30));
  const flaggedStore = () => {
    const dir = tempDir();
    toggleFlag(ProgressStore.open({ dir }), question.id, new Date());
    return dir;
  };
  /** The letters of the right options, read from the options as shown ("A. …" lines). */
  const rightLetters = (shown: string) =>
    [...shown.matchAll(/(?:\[ \]|\[x\]|\( \)) ([A-F])\. (.+)/g)]
      .filter(([, , text]) => rightTexts.some((t) => text!.replace(/\s+/g, ' ').startsWith(t.slice(0, 20))))
      .map(([, letter]) => letter!);
  const answers = (dir: string) => answersIn(ProgressStore.open({ dir }));

  it('one letter for "choose two" is refused in the app, nothing recorded; both letters are right', async () => {
    const dir = flaggedStore();
    const flagged = render(
      <App
        store={ProgressStore.open({ dir })}
        color={false}
        size={{ columns: 140, rows: 40 }}
        start={{ screen: 'quiz', source: { kind: 'flagged' } }}
        onExit={() => {}}
      />,
    );
    cleanup = () => flagged.unmount();
    const frame = () => flagged.lastFrame() ?? '';
    await until(frame, (f) => /Question 1\/1/.test(f), 'the flagged question');
    const [first, second] = rightLetters(frame());
    expect(second).toBeDefined();
    flagged.stdin.write(first!.toLowerCase());
    await until(frame, (f) => f.includes(`[x] ${first}.`), 'one picked');
    flagged.stdin.write(KEY.enter);
    await until(frame, (f) => f.includes('choose 2 answers (1 picked)'), 'refused');
    expect(answers(dir)).toHaveLength(0);
    flagged.stdin.write(second!.toLowerCase());
    await until(frame, (f) => f.includes(`[x] ${second}.`), 'both picked');
    flagged.stdin.write(KEY.enter);
    await until(frame, (f) => f.includes('✓ Correct.'), 'right');
    expect(answers(dir)).toMatchObject([{ question: question.id, correct: true, source: 'quiz' }]);
  });

  it('quiz --plain marks the options as the app does: a right one not picked is missed, and says what was answered', async () => {
    const dir = flaggedStore();
    const env = { AWSNOTES_SEED: '3' };
    const look = await runInProcess(['quiz', '--plain', '--flagged'], { input: '', configDir: dir, env });
    const [first, second] = rightLetters(look.stdout);
    const wrong = ['A', 'B', 'C', 'D'].find((l) => l !== first && l !== second)!;
    const r = await runInProcess(['quiz', '--plain', '--flagged'], { input: `${first}${wrong}\n`, configDir: dir, env });
    const after = r.stdout.slice(r.stdout.indexOf(`Answer (letters, e.g. AC): ${first}${wrong}\n`));
    expect(after).toMatch(new RegExp(`^\\[✓\\] ${first}\\. `, 'm'));
    expect(after).toMatch(new RegExp(`^\\[✗\\] ${wrong}\\. `, 'm'));
    expect(after).toMatch(new RegExp(`^\\[!\\] ${second}\\. missed: `, 'm'));
    expect(after).toContain(`Your answer: ${[first, wrong].sort().join(', ')} · missed: ${second} · wrong: ${wrong}.`);
    expect(after).toMatch(/^✗ Wrong\. The answer is /m);
    expect(answers(dir)).toMatchObject([{ question: question.id, correct: false, source: 'plain' }]);
  });

  it('the same in quiz --plain: one letter is refused and asked again, nothing recorded; both letters are right', async () => {
    const dir = flaggedStore();
    const env = { AWSNOTES_SEED: '3' };
    const look = await runInProcess(['quiz', '--plain', '--flagged'], { input: '', configDir: dir, env });
    const [first, second] = rightLetters(look.stdout);
    expect(second).toBeDefined();
    const r = await runInProcess(['quiz', '--plain', '--flagged'], { input: `${first}\n${first}${second}\n`, configDir: dir, env });
    expect(r.stdout).toContain(
      `Answer (letters, e.g. AC): ${first}\nchoose 2 answers (1 picked)\nAnswer (letters, e.g. AC): ${first}${second}\n`,
    );
    expect(r.stdout).toMatch(/^✓ Correct\./m);
    expect(answers(dir)).toMatchObject([{ question: question.id, correct: true, source: 'plain' }]);
  });
});

describe('Exam simulation', () => {
  function exam(now: () => number, dir = tempDir(), seed = 7) {
    const store = ProgressStore.open({ dir });
    const modes: string[] = [];
    const notices: string[] = [];
    let done = 0;
    const app = render(
      withKeys(
        <ExamScreen
          width={100}
          height={30}
          active
          store={store}
          seed={seed}
          now={now}
          tickMs={20}
          onMode={(m) => modes.push(m)}
          onNotice={(n) => notices.push(n)}
          onDone={() => done++}
        />,
      ),
    );
    cleanup = () => app.unmount();
    const frame = () => app.lastFrame() ?? '';
    return {
      ...app,
      store,
      dir,
      notices,
      frame,
      done: () => done,
      wait: (test: (f: string) => boolean, what?: string) => until(frame, test, what),
    };
  }
  const saved = (dir: string) => path.join(dir, 'exam-in-progress.json');
  /** Waits for the exam, then picks `key` on question 1. */
  async function answerFirst(app: ReturnType<typeof exam>, key: string) {
    await app.wait((f) => clock(f) === '130:00', 'the clock');
    app.stdin.write(key);
    await app.wait((f) => /answered 1/.test(f), 'answered');
  }
  const questionText = (f: string) => f.split('\n').slice(1, 3).join('\n');
  const clock = (f: string) => /⏱ (\d+:\d\d) left/.exec(f)?.[1];

  it('counts down from 130:00, marks, jumps through the grid, and scores on submit', async () => {
    let t = 1_000_000;
    const app = exam(() => t);
    await app.wait((f) => clock(f) === '130:00', 'the clock');
    expect(app.frame()).toMatch(/Q 1\/65/);
    app.stdin.write('a');
    await app.wait((f) => /answered 1/.test(f), 'answered');
    expect(app.frame()).not.toMatch(/Correct|Wrong/); // no feedback during the exam
    app.stdin.write('m');
    await app.wait((f) => /marked 1/.test(f), 'marked');
    app.stdin.write('n');
    await app.wait((f) => /Q 2\/65/.test(f), 'next');
    app.stdin.write('r');
    await app.wait((f) => f.includes('Review grid'), 'grid');
    expect(app.frame()).toMatch(/ 1✓\?/);
    app.stdin.write(KEY.right);
    await app.wait((f) => /\[ 3○ \]/.test(f), 'grid on 3');
    app.stdin.write(KEY.right);
    await app.wait((f) => /\[ 4○ \]/.test(f), 'grid on 4');
    app.stdin.write(KEY.enter);
    await app.wait((f) => /Q 4\/65/.test(f), 'jumped to 4');
    t += 61_000;
    await app.wait((f) => clock(f) === '128:59', 'a minute later');
    app.stdin.write('S');
    await app.wait((f) => /Submit the exam with 1\/65 answered\? y \/ n/.test(f), 'confirm');
    app.stdin.write('y');
    const f = await app.wait((f) => /Scaled score \d+ \/ 1000/.test(f), 'results');
    expect(f).toMatch(/FAIL \(720 needed\)/);
    expect(f).toMatch(/Development with AWS Services +[█░]+ \d+\/21/);
    const saved = app.store.read();
    expect(saved.exams).toHaveLength(1);
    expect(saved.exams[0]).toMatchObject({ questions: 65, timedOut: false, passed: false });
    expect(answersIn(app.store).filter((a) => a.source === 'exam')).toHaveLength(1);
    app.stdin.write(KEY.right);
    await app.wait((f) => /Question 1\/65/.test(f) && /(✓ Correct|✗ Wrong)/.test(f), 'walk through with explanations');
    app.stdin.write('q');
    await until(
      () => String(app.done()),
      (d) => d === '1',
      'done',
    );
  });

  it('submits by itself when the time runs out', async () => {
    let t = 5_000_000;
    const app = exam(() => t);
    await answerFirst(app, 'b');
    t += 130 * 60_000;
    const f = await app.wait((f) => /Scaled score/.test(f), 'auto-submit');
    expect(f).toMatch(/time ran out/);
    expect(app.store.read().exams[0]).toMatchObject({ timedOut: true });
  });

  it('q asks before abandoning, and abandoning records nothing', async () => {
    const app = exam(() => 0);
    await app.wait((f) => clock(f) === '130:00');
    app.stdin.write('q');
    await app.wait((f) => /Abandon this exam\?/.test(f));
    app.stdin.write('n');
    await app.wait((f) => /⏱/.test(f));
    app.stdin.write('q');
    await app.wait((f) => /Abandon this exam\?/.test(f));
    app.stdin.write('y');
    await until(
      () => String(app.done()),
      (d) => d === '1',
      'done',
    );
    expect(app.store.read().exams).toHaveLength(0);
  });
  it('a closed exam resumes where it was, answers and marks kept, its clock having run on', async () => {
    let t = 2_000_000;
    const first = exam(() => t);
    await answerFirst(first, 'a');
    first.stdin.write('m');
    await first.wait((f) => /marked 1/.test(f), 'marked');
    first.stdin.write('n');
    const before = await first.wait((f) => /Q 2\/65/.test(f), 'next');
    // The terminal closes: nothing runs on the way out, the save is already on disk.
    first.unmount();
    t += 10 * 60_000;
    const again = exam(() => t, first.dir, 99);
    const f = await again.wait((f) => /Q 2\/65/.test(f), 'resumed on question 2');
    expect(f).toMatch(/answered 1 · marked 1 · ⏱ 120:00 left/);
    expect(questionText(f)).toBe(questionText(before));
    await until(
      () => again.notices.join(' '),
      (n) => /^Resumed your exam from \d\d:\d\d \(1\/65 answered\); its clock kept running\.$/.test(n),
      'the notice',
    );
    again.stdin.write('p');
    await again.wait((f) => /Q 1\/65 \? marked/.test(f), 'question 1, marked, as left');
  });

  it('an exam whose time ran out while closed is submitted as it stood', async () => {
    let t = 3_000_000;
    const first = exam(() => t);
    await answerFirst(first, 'b');
    first.unmount();
    t += 131 * 60_000;
    const again = exam(() => t, first.dir);
    const f = await again.wait((f) => /Scaled score/.test(f), 'submitted on opening');
    expect(f).toMatch(/time ran out/);
    await until(
      () => again.notices.join(' '),
      (n) => /^Time ran out on your exam from \d\d:\d\d while awsnotes was closed: submitted as it stood\.$/.test(n),
      'the notice',
    );
    const progress = again.store.read();
    expect(progress.exams).toHaveLength(1);
    expect(progress.exams[0]).toMatchObject({ timedOut: true, startedAt: new Date(3_000_000).toISOString() });
    expect(answersIn(again.store).filter((a) => a.source === 'exam')).toHaveLength(1);
    expect(existsSync(saved(first.dir))).toBe(false);
  });

  it('submitting or abandoning deletes the saved exam: the next one is new', async () => {
    for (const end of ['submit', 'abandon'] as const) {
      const first = exam(() => 4_000_000);
      await answerFirst(first, 'a');
      expect(existsSync(saved(first.dir))).toBe(true);
      first.stdin.write(end === 'submit' ? 'S' : 'q');
      await first.wait((f) => /y \/ n/.test(f), 'asked');
      first.stdin.write('y');
      if (end === 'submit') await first.wait((f) => /Scaled score/.test(f), 'results');
      else
        await until(
          () => String(first.done()),
          (d) => d === '1',
          'left',
        );
      expect(existsSync(saved(first.dir)), end).toBe(false);
      first.unmount();
      const again = exam(() => 4_000_000, first.dir);
      await again.wait((f) => /Q 1\/65 · answered 0/.test(f), `a new exam after ${end}`);
      expect(again.notices).toEqual([]);
      again.unmount();
    }
  });

  it.each([
    ['not JSON', '{"version": 1, "questions": [', 'it is not valid JSON'],
    [
      'a time no date can hold',
      JSON.stringify({ version: 1, startedAt: 1e300, deadline: 1e300, questions: [], answers: {}, marked: [], current: 0 }),
      'it does not have the expected fields',
    ],
  ])('a saved exam that cannot be resumed (%s) is moved aside, reported, and a new exam starts', async (_name, text, reason) => {
    const dir = tempDir();
    writeFileSync(saved(dir), text);
    const app = exam(() => 5_000_000, dir);
    await app.wait((f) => /Q 1\/65 · answered 0/.test(f), 'a new exam');
    await until(
      () => app.notices.join(' '),
      (n) =>
        n.startsWith(`The exam in progress could not be resumed (${reason}); it was kept as `) &&
        /exam-in-progress\.corrupt-.*\.json\. A new exam starts\.$/.test(n),
      'the notice',
    );
    const aside = readdirSync(dir).find((f) => f.startsWith('exam-in-progress.corrupt-'))!;
    expect(readFileSync(path.join(dir, aside), 'utf8')).toBe(text);
  });
});
