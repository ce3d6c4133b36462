// The Progress screen with ink-testing-library, from a known history.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { questions } from '../../src/content/bundle.js';
import { ProgressStore } from '../../src/progress/store.js';
import { correctIndexes } from '../../src/quiz/attempt.js';
import { recordAnswer } from '../../src/quiz/record.js';
import { App } from '../../src/ui/App.js';
import { tempDir } from '../helpers/cli.js';
import { KEY, type, until } from '../helpers/ink.js';
import { NOTE_COUNT } from '../helpers/content.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function start() {
  const store = ProgressStore.open({ dir: tempDir() });
  const sqs = questions()
    .filter((q) => q.service === 'sqs')
    .slice(0, 4);
  const earlier = new Date(Date.now() - 3 * 86_400_000);
  for (const [i, q] of sqs.entries())
    recordAnswer(store, { question: q.id, chosen: i < 2 ? correctIndexes(q) : [], correct: i < 2, ms: 1000, source: 'quiz' }, earlier);
  store.markRead('sqs');
  const app = render(
    <App store={store} color={false} size={{ columns: 100, rows: 40 }} start={{ screen: 'progress' }} onExit={() => {}} />,
  );
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
});
