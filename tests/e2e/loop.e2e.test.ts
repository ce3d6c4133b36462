// The daily loop in a real terminal (tmux), as issue 14 describes it: find a note, read it,
// test yourself with t, see what you missed, take the answer back with u, answer again,
// and come back to the note.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { questions } from '../../src/content/bundle.js';
import { tempDir } from '../helpers/cli.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

const suite = hasTmux || process.env.CI ? describe : describe.skip;

let terminal: Terminal | undefined;
afterEach(() => terminal?.kill());

const searchBox = (screen: string) =>
  screen
    .split('\n')
    .find((l) => l.startsWith('› '))
    ?.slice(2)
    .trimEnd() ?? '';
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const events = (dir: string, kind: string) =>
  readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .filter((event) => event.e === kind);

/** The SQS question on screen, and the letters of its right and wrong options as shown. */
function shown(screen: string) {
  const text = flat(screen);
  const question = questions().find((q) => q.service === 'sqs' && text.includes(flat(q.question).slice(0, 60)));
  const options = [...screen.matchAll(/^(?:\[ \]|\( \)) ([A-F])\. (.+)$/gm)].map(([, letter, line]) => ({
    letter: letter!,
    start: flat(line!).slice(0, 30),
  }));
  const isRight = (start: string) => question!.options.some((o) => o.correct && flat(o.text).startsWith(start));
  return {
    question,
    right: options.filter((o) => isRight(o.start)).map((o) => o.letter),
    wrong: options.filter((o) => !isRight(o.start)).map((o) => o.letter),
  };
}

suite('the daily loop in a terminal', { timeout: 120_000 }, () => {
  it('sqs, Enter, t; a "choose two" with one right option missed shows it missed; u takes it back; answered again; q: back to the note', async () => {
    const dir = tempDir();
    terminal = new Terminal([], { columns: 100, rows: 30, env: { AWSNOTES_CONFIG_DIR: dir } });
    await terminal.waitFor((s) => s.includes('type to search'), 'the menu');
    await terminal.type('sqs', searchBox);
    await terminal.waitFor((s) => /^› .*Simple Queue Service/m.test(s), 'SQS selected');
    terminal.send('Enter');
    const note = await terminal.waitFor((s) => /\d+\/\d+ +\d+%/.test(s), 'the note');
    // At the top: the title first under the tab bar, and 0% read (issue 14: not "Using SQS with Lambda" at 92%).
    const rows = note.split('\n');
    expect(rows[1]).toMatch(/^Amazon Simple Queue Service/);
    expect(note).toMatch(/ \d+\/\d+ +0%$/m);
    const top = (s: string) => s.split('\n').slice(1, 6).join('\n');
    terminal.send('t');

    // Answer (A, or A to C for "choose 3") and go on until a "choose two" question comes up: SQS has several.
    let screen = await terminal.waitFor((s) => /Question 1\/\d+/.test(s), 'the quiz on SQS');
    for (let n = 1; !/· choose 2$/m.test(screen); n++) {
      expect(n).toBeLessThan(16);
      const needed = Number(/· choose (\d)$/m.exec(screen)?.[1] ?? 1);
      for (const letter of 'ABC'.slice(0, needed)) {
        terminal.send(letter.toLowerCase());
        await terminal.waitFor((s) => new RegExp(`(\\(•\\)|\\[x\\]) ${letter}\\.`).test(s), `question ${n}: ${letter} picked`);
      }
      terminal.send('Enter');
      await terminal.waitFor((s) => /(✓ Correct|✗ Wrong)\./.test(s), `question ${n}: the verdict`);
      terminal.send('Enter');
      screen = await terminal.waitFor((s) => new RegExp(`Question ${n + 1}/\\d+`).test(s), `question ${n + 1}`);
    }
    const { question, right, wrong } = shown(screen);
    expect(question, 'the question on screen, found in the bank').toBeDefined();
    expect(right).toHaveLength(2);
    const answersBefore = events(dir, 'a').length;

    for (const letter of [right[0]!, wrong[0]!]) {
      terminal.send(letter.toLowerCase());
      await terminal.waitFor((s) => s.includes(`[x] ${letter}.`), `${letter} picked`);
    }
    terminal.send('Enter');
    screen = await terminal.waitFor((s) => s.includes('✗ Wrong.'), 'the verdict');
    expect(screen).toMatch(new RegExp(`^\\[!\\] ${right[1]}\\. missed: `, 'm'));
    expect(screen).toMatch(new RegExp(`^\\[✓\\] ${right[0]}\\. `, 'm'));
    expect(screen).toMatch(new RegExp(`^\\[✗\\] ${wrong[0]}\\. `, 'm'));
    expect(events(dir, 'a')).toHaveLength(answersBefore + 1);

    terminal.send('u');
    screen = await terminal.waitFor((s) => !s.includes('✗ Wrong.') && s.includes(`[ ] ${right[0]}.`), 'asked again, unanswered');
    const undone = events(dir, 'u');
    expect(undone).toHaveLength(1);

    for (const letter of right) {
      terminal.send(letter.toLowerCase());
      await terminal.waitFor((s) => s.includes(`[x] ${letter}.`), `${letter} picked`);
    }
    terminal.send('Enter');
    screen = await terminal.waitFor((s) => s.includes('✓ Correct.'), 'right this time');
    expect(screen).toMatch(/^2 hard \S+ · 3 good \S+ · 4 easy \S+ · Enter good$/m);

    terminal.send('q');
    await terminal.waitFor(
      (s) => top(s) === top(note) && /Amazon Simple Queue Service \(Amazon SQS\): \d+\/\d+ correct/.test(s),
      'back in the note at the top, the score in one line',
    );
    terminal.send('q');
    await terminal.waitFor((s) => searchBox(s) === 'sqs', 'the menu, the query kept');
  });

  it('awsnotes quiz --count 3 asks three questions in the app', async () => {
    terminal = new Terminal(['quiz', '--service', 'kms', '--count', '3'], {
      columns: 80,
      rows: 24,
      env: { AWSNOTES_CONFIG_DIR: tempDir() },
    });
    const screen = await terminal.waitFor((s) => /Question 1\/\d+/.test(s), 'the quiz');
    expect(screen).toMatch(/Question 1\/3 /);
  });
});
