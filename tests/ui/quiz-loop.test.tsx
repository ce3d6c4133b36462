// The Quiz screen in the daily loop, rendered with ink-testing-library: what a missed
// option looks like, taking an answer back, the rating keys with their intervals, the
// pickers that filter as you type, the quiz length, and q going back one level.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { questions } from '../../src/content/bundle.js';
import type { Question } from '../../src/content/types.js';
import { scanJournal } from '../../src/progress/journal.js';
import { ProgressStore } from '../../src/progress/store.js';
import { toggleFlag } from '../../src/quiz/record.js';
import { App, type AppStart } from '../../src/ui/App.js';
import { tempDir } from '../helpers/cli.js';
import { KEY, type, until } from '../helpers/ink.js';
import { answersIn } from '../helpers/journal.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function start(startAt?: AppStart, store = ProgressStore.open({ dir: tempDir() }), size = { columns: 100, rows: 40 }) {
  const exits: number[] = [];
  const app = render(<App store={store} color={false} size={size} start={startAt} onExit={(code) => exits.push(code)} />);
  cleanup = () => app.unmount();
  const frame = () => app.lastFrame() ?? '';
  const wait = (test: (f: string) => boolean, what?: string) => until(frame, test, what);
  /** ↓ one row at a time, each once the frame shows the last, until the row `target` is selected. */
  const moveTo = async (target: RegExp) => {
    const selected = () =>
      frame()
        .split('\n')
        .find((l) => l.startsWith('› ')) ?? '';
    for (let i = 0; i < 20 && !target.test(selected()); i++) {
      const before = selected();
      app.stdin.write(KEY.down);
      await wait(() => selected() !== before, `the row after ${before}`);
    }
    expect(selected()).toMatch(target);
  };
  return { ...app, store, exits, frame, wait, moveTo };
}

const footer = (f: string) => f.trimEnd().split('\n').at(-1) ?? '';
const status = (f: string) =>
  f
    .split('\n')
    .filter((l) => l.startsWith('Question '))
    .at(-1) ?? '';

/** A "choose two" question with five options, flagged so that the Flagged source asks it first. */
const chooseTwo = questions().find(
  (q): q is Question => q.kind === 'multiple' && q.options.length >= 4 && q.options.filter((o) => o.correct).length === 2,
)!;
function flaggedStore() {
  const store = ProgressStore.open({ dir: tempDir() });
  toggleFlag(store, chooseTwo.id, new Date());
  return store;
}
/** The letters of the right and the wrong options, read from the options as shown. */
function lettersShown(frame: string): { right: string[]; wrong: string[] } {
  const shown = [...frame.matchAll(/^(?:\[ \]|\[x\]) ([A-F])\. (.+)$/gm)].map(([, letter, text]) => ({ letter: letter!, text: text! }));
  const isRight = (text: string) =>
    chooseTwo.options.some((o) => o.correct && o.text.replace(/\s+/g, ' ').startsWith(text.trim().slice(0, 25)));
  return {
    right: shown.filter((o) => isRight(o.text)).map((o) => o.letter),
    wrong: shown.filter((o) => !isRight(o.text)).map((o) => o.letter),
  };
}

describe('answering in the Quiz screen', () => {
  it('a right option not picked is shown as missed; u takes the answer back (card and flag as they were) and asks again', async () => {
    const app = start({ screen: 'quiz', source: { kind: 'flagged' } }, flaggedStore());
    const asked = await app.wait((f) => /Question 1\/1/.test(status(f)) && status(f).includes('⚑ flagged'), 'the flagged question');
    const { right, wrong } = lettersShown(asked);
    expect(right).toHaveLength(2);
    // One right, one wrong: the other right one is missed.
    for (const letter of [right[0]!, wrong[0]!]) {
      app.stdin.write(letter.toLowerCase());
      await app.wait((f) => f.includes(`[x] ${letter}.`), `${letter} picked`);
    }
    app.stdin.write(KEY.enter);
    const judged = await app.wait((f) => f.includes('✗ Wrong.'), 'the verdict');
    expect(judged).toMatch(new RegExp(`^\\[✓\\] ${right[0]}\\. `, 'm'));
    expect(judged).toMatch(new RegExp(`^\\[✗\\] ${wrong[0]}\\. `, 'm'));
    expect(judged).toMatch(new RegExp(`^\\[!\\] ${right[1]}\\. missed: `, 'm'));
    const yours = [right[0]!, wrong[0]!].sort().join(', ');
    expect(judged).toContain(`Your answer: ${yours} · missed: ${right[1]} · wrong: ${wrong[0]}.`);
    // After a wrong answer there is no rating to choose: no 2/3/4 anywhere.
    expect(judged).not.toMatch(/2 hard|hard\/good\/easy|2\/3\/4/);
    expect(footer(judged)).toContain('u undo');
    expect(answersIn(app.store)).toHaveLength(1);
    expect(app.store.read().cards[chooseTwo.id]).toBeDefined();

    // Unflagged after answering; the undo puts the flag back as it was when answered.
    app.stdin.write('f');
    await app.wait((f) => !status(f).includes('⚑ flagged'), 'unflagged');
    app.stdin.write('u');
    const again = await app.wait((f) => /Question 1\/1 · 0\/0 right · ⚑ flagged/.test(status(f)), 'asked again, flagged again');
    expect(again).not.toMatch(/Wrong|missed|\[x\]/);
    const progress = app.store.read();
    expect(progress.cards[chooseTwo.id]).toBeUndefined();
    expect(progress.flags[chooseTwo.id]).toBeDefined();
    expect(progress.stats[chooseTwo.id]).toBeUndefined();
    const undone: string[] = [];
    scanJournal(app.store.journalPath, (event) => {
      if (event.kind === 'undo') undone.push(event.answer);
    });
    expect(undone).toEqual([answersIn(app.store)[0]!.id]);

    for (const letter of right) {
      app.stdin.write(letter.toLowerCase());
      await app.wait((f) => f.includes(`[x] ${letter}.`), `${letter} picked`);
    }
    app.stdin.write(KEY.enter);
    const correct = await app.wait((f) => f.includes('✓ Correct.'), 'right this time');
    // Each rating key with the wait it schedules, from the card as it was before the answer (a new card).
    expect(correct).toMatch(/^2 hard 6m · 3 good 10m · 4 easy \d+d · Enter good$/m);
    expect(correct).toContain(`Your answer: ${right.join(', ')}.`);
    expect(app.store.read().stats[chooseTwo.id]).toMatchObject({ answers: 1, right: 1 });
  });

  /** The Cognito note opened from the menu, and a quiz started from it with t. */
  async function quizFromNote() {
    const app = start();
    await app.wait((f) => f.includes('type to search'), 'the menu');
    await type(app.stdin, app.frame, 'cognito');
    await app.wait((f) => /^› .*Cognito/m.test(f));
    app.stdin.write(KEY.enter);
    const note = await app.wait((f) => /\d+\/\d+ +\d+%/.test(f), 'the note');
    app.stdin.write('t');
    const question = await app.wait((f) => /Question 1\//.test(status(f)), 'the quiz on Cognito');
    return { app, note, question };
  }

  it('a quiz started from a note (t) ends back in the note with one q, its score in one line', async () => {
    const { app, note, question } = await quizFromNote();
    const needed = Number(/· choose (\d)$/m.exec(question)?.[1] ?? 1);
    for (const letter of 'abc'.slice(0, needed)) app.stdin.write(letter);
    app.stdin.write(KEY.enter);
    await app.wait((f) => /(✓ Correct|✗ Wrong)\./.test(f), 'the verdict');
    app.stdin.write('q');
    // The notice takes a row, so the position's line count moves by one; the top of the view does not.
    const top = (f: string) => f.split('\n').slice(1, 6).join('\n');
    const back = await app.wait(
      (f) => top(f) === top(note) && /Amazon Cognito: [01]\/1 correct/.test(f),
      'back in the note, the score told',
    );
    expect(back).not.toContain('Missed (they come back when due)');
    expect(back.split('\n')[0]).toMatch(/awsnotes +1 Services/);
    expect(app.exits).toEqual([]);
  });

  it('q at the first question of a quiz started from a note goes back without a score', async () => {
    const { app, note } = await quizFromNote();
    const position = /(\d+\/\d+ +\d+%)/.exec(note)![1]!;
    app.stdin.write('q');
    const back = await app.wait((f) => f.includes(position), 'back in the note');
    expect(back).not.toMatch(/correct \(|no question answered/);
  });

  it('stopping at the first question says nothing was answered, not "0/0 correct (0%)"', async () => {
    const app = start({ screen: 'quiz', source: { kind: 'service', service: 'kms' } });
    await app.wait((f) => /Question 1\//.test(status(f)), 'a question');
    app.stdin.write('q');
    const summary = await app.wait((f) => f.includes('AWS Key Management Service (AWS KMS): no question answered'), 'the summary');
    expect(summary).not.toMatch(/0\/0|\(0%\)/);
  });
});

describe('choosing what to practise', () => {
  const sources = (f: string) => f.includes('where should the questions come from');

  it('the services list filters as you type (q included, without quitting); Esc goes back; Enter starts the match', async () => {
    const app = start({ screen: 'quiz' });
    await app.wait(sources, 'the sources');
    app.stdin.write('j');
    await app.wait((f) => /› Missed last time/.test(f), 'j moves');
    await app.moveTo(/^› One service…/);
    app.stdin.write(KEY.enter);
    await app.wait((f) => f.includes('Quiz on one service'), 'the services list');
    expect(footer(app.frame())).toBe('type to filter · ↓ move · Enter start · Esc back');
    await type(app.stdin, app.frame, 'sqs', 'Filter: ');
    const filtered = await app.wait((f) => /^› Amazon Simple Queue Service/m.test(f), 'SQS first');
    expect(app.exits).toEqual([]);
    expect(filtered).not.toContain('Amazon DynamoDB');
    app.stdin.write(KEY.escape);
    await app.wait((f) => sources(f) && /^› One service…/m.test(f), 'back to the sources, on the list it left');
    expect(app.exits).toEqual([]);
    app.stdin.write(KEY.enter);
    await app.wait(
      (f) => f.includes('Quiz on one service') && f.includes('Filter: type to filter'),
      'the services list again, empty filter',
    );
    await type(app.stdin, app.frame, 'ddb', 'Filter: ');
    await app.wait((f) => /^› Amazon DynamoDB/m.test(f), 'an alias finds it');
    app.stdin.write(KEY.enter);
    await app.wait((f) => /Question 1\//.test(status(f)) && f.includes('Amazon DynamoDB · '), 'a DynamoDB question');
  });

  it('the short domain list moves with j/k and q goes back to the sources, not out of the app', async () => {
    const app = start({ screen: 'quiz' });
    await app.wait(sources);
    await app.moveTo(/^› One exam domain…/);
    app.stdin.write(KEY.enter);
    await app.wait((f) => f.includes('Quiz on one exam domain') && /› Development with AWS Services/.test(f), 'the domain list');
    app.stdin.write('j');
    await app.wait((f) => /› Security/.test(f), 'j moves');
    app.stdin.write('k');
    await app.wait((f) => /› Development with AWS Services/.test(f), 'k moves back');
    app.stdin.write('q');
    await app.wait(sources, 'q goes back one level');
    expect(app.exits).toEqual([]);
    app.stdin.write('q');
    await until(
      () => app.exits.join(),
      (e) => e === '0',
      'q at the top level quits',
    );
  });

  it('the "No questions" view goes back with q, as it says, instead of quitting', async () => {
    const app = start({ screen: 'quiz', source: { kind: 'flagged' } });
    const empty = await app.wait((f) => f.includes('No questions for "Flagged" right now.'), 'the empty view');
    expect(footer(empty)).toBe('Enter/q back · ? help');
    app.stdin.write('q');
    await app.wait(sources, 'back to the sources');
    expect(app.exits).toEqual([]);
  });

  it('one task statement: a filtering list of the exam guide with mastery; Enter quizzes on that task', async () => {
    const app = start({ screen: 'quiz' });
    await app.wait(sources);
    await app.moveTo(/^› One task statement of the exam guide…/);
    app.stdin.write(KEY.enter);
    const list = await app.wait((f) => f.includes('Quiz on one task statement'), 'the task list');
    expect(list).toMatch(/^› 1\.1 +0% {2}Develop code for applications hosted on AWS \(\d+\)$/m);
    await type(app.stdin, app.frame, '2.3', 'Filter: ');
    await app.wait((f) => /^› 2\.3 +0% {2}Manage sensitive data in application code/m.test(f), '2.3 alone');
    app.stdin.write(KEY.enter);
    const asked = await app.wait((f) => /Question 1\/\d+/.test(status(f)), 'a question on 2.3');
    const shown = questions().filter((q) => q.tasks.includes('2.3'));
    expect(shown.some((q) => asked.replace(/\s+/g, ' ').includes(q.question.replace(/\s+/g, ' ').slice(0, 50)))).toBe(true);
    app.stdin.write('q');
    await app.wait((f) => f.includes('Task 2.3: no question answered'), 'its summary');
  });

  it('the quiz length: 20 by default, ←/→ choose 10, 20, 40 or all; `quiz --count N` starts with N', async () => {
    const app = start({ screen: 'quiz' });
    const first = await app.wait(sources);
    expect(first).toContain('Questions per quiz: 10 [20] 40 all (←/→)');
    // "All" says what it asks: the due reviews, today's new questions (20 a day), then those seen ahead of schedule.
    expect(first).toContain('All questions for now (20): 0 due, 20 new today, 0 ahead of schedule');
    app.stdin.write(KEY.left);
    await app.wait((f) => f.includes('Questions per quiz: [10] 20 40 all'), '10 chosen');
    await app.moveTo(/^› One service…/);
    app.stdin.write(KEY.enter);
    await app.wait((f) => f.includes('Quiz on one service'), 'the services list');
    await type(app.stdin, app.frame, 'lambda', 'Filter: ');
    await app.wait((f) => /^› AWS Lambda \(\d+\)/m.test(f));
    app.stdin.write(KEY.enter);
    await app.wait((f) => /^Question 1\/10 /m.test(status(f)), 'ten questions');
    cleanup?.();

    const counted = start({ screen: 'quiz', source: { kind: 'service', service: 'lambda' }, count: 3 });
    await counted.wait((f) => /^Question 1\/3 /.test(status(f)), 'three questions, as --count asked');
    counted.stdin.write('q');
    await counted.wait((f) => f.includes('no question answered'));
    counted.stdin.write(KEY.enter);
    await counted.wait((f) => f.includes('Questions per quiz: 3 10 20 40 all'.replace('3', '[3]')), 'the count among the lengths');
  });
});
