// The built awsnotes in a real terminal (tmux): what a learner sees and gets back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { NOTE_COUNT } from '../helpers/content.js';
import { boxAfter, openTerminal, searchBox, terminalSuite } from '../helpers/tmux.js';

const findBox = boxAfter('/');

// Generous time: these share two cores with the rest of the suite in CI. Concurrent: each
// test has a terminal of its own, and most of a test is waiting for its app.
terminalSuite('awsnotes in a terminal', { timeout: 120_000, concurrent: true }, () => {
  it('type a query, open the note, scroll, search, quit: exit 0, screen restored, note read', async (test) => {
    const dir = tempDir();
    const terminal = openTerminal(test, [], { env: { AWSNOTES_CONFIG_DIR: dir } });
    await terminal.waitFor((s) => s.includes(`${NOTE_COUNT} services`), 'the menu');
    expect(terminal.alternateOn()).toBe(true);

    await terminal.type('kinessis', searchBox);
    let screen = await terminal.waitFor((s) => /^› .*Amazon Kinesis/m.test(s), 'Kinesis selected');

    terminal.send('Enter');
    screen = await terminal.waitFor((s) => /\d+\/\d+ +\d+%/.test(s), 'the note');
    expect(screen).toContain('Amazon Kinesis');
    // NaN while a capture catches the screen between two writes of a frame.
    const position = (s: string) => Number(/(\d+)\/\d+ +\d+%/.exec(s)?.[1] ?? NaN);

    terminal.send('g');
    screen = await terminal.waitFor((s) => / 0%/.test(s), 'top of the note');
    const start = position(screen);
    terminal.send('j');
    await terminal.waitFor((s) => position(s) === start + 1, 'scrolled a line');
    terminal.send('Space');
    await terminal.waitFor((s) => position(s) > start + 10, 'scrolled a page');

    terminal.send('/');
    await terminal.waitFor((s) => s.split('\n').some((l) => l.startsWith('/')), 'find prompt');
    await terminal.type('shard', findBox);
    terminal.send('Enter');
    screen = await terminal.waitFor((s) => /"shard" \d+\/\d+/.test(s), 'hits counted');
    // Like less(1), the search starts at the first hit on or below the current page.
    const [current, total] = /"shard" (\d+)\/(\d+)/.exec(screen)!.slice(1).map(Number) as [number, number];
    expect(total).toBeGreaterThan(5);
    terminal.send('n');
    await terminal.waitFor((s) => s.includes(`"shard" ${(current % total) + 1}/${total}`), 'next hit');

    terminal.send('q');
    await terminal.waitFor((s) => searchBox(s) === 'kinessis', 'back to the menu with the query');
    terminal.send('Escape');
    await terminal.waitFor((s) => s.includes(`${NOTE_COUNT} services`), 'query cleared');
    terminal.send('Escape');
    await terminal.waitFor((s) => s.includes('press / to search'), 'box left');
    terminal.send('q');
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.alternateOn()).toBe(false);
    expect(terminal.screen()).not.toContain(`${NOTE_COUNT} services`);

    const reads = readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((event) => event.e === 'n');
    expect(reads.map((event) => event.sv)).toEqual(['kinesis']);
  });

  it('the study loop starts from a name: sqs, Enter, the note at the top; t, a quiz on SQS', async (test) => {
    const terminal = openTerminal(test, [], { env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    await terminal.waitFor((s) => s.includes(`${NOTE_COUNT} services`), 'the menu');
    await terminal.type('sqs', searchBox);
    await terminal.waitFor((s) => /^› .*Simple Queue Service/m.test(s), 'SQS selected');
    terminal.send('Enter');
    const screen = await terminal.waitFor((s) => /\d+\/\d+ +\d+%/.test(s), 'the note');
    expect(screen).toMatch(/ 0%/);
    expect(screen.split('\n')[1]).toContain('Amazon Simple Queue Service');
    terminal.send('t');
    await terminal.waitFor((s) => /Question 1\/\d+/.test(s) && s.includes('Amazon Simple Queue Service'), 'a question on SQS');
  });

  it('works at 40×12 and says "too small" below it until the window grows', async (test) => {
    const terminal = openTerminal(test, [], { columns: 40, rows: 12, env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    let screen = await terminal.waitFor((s) => s.includes('services'), 'the menu');
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
    await terminal.type('sqs', searchBox);
    terminal.send('Enter');
    screen = await terminal.waitFor((s) => /\d+\/\d+ +\d+%/.test(s), 'the note');
    expect(screen).toContain('Simple Queue');
    terminal.resize(35, 10);
    await terminal.waitFor((s) => s.includes('terminal too small (need 40×12)'), 'too small');
    terminal.resize(20, 10);
    await terminal.waitFor((s) => s.includes('need 40×12') && !s.includes('Simple Queue'), 'too small, narrower');
    terminal.resize(60, 20);
    screen = await terminal.waitFor((s) => /\d+\/\d+ +\d+%/.test(s), 'the note again');
    expect(screen).toContain('Simple Queue');
  });

  it('Ctrl+C exits 130 and restores the screen', async (test) => {
    const terminal = openTerminal(test, [], { env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    await terminal.waitFor((s) => s.includes(`${NOTE_COUNT} services`), 'the menu');
    terminal.send('C-c');
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.alternateOn()).toBe(false);
  });

  it('exam: closing the terminal mid-exam loses nothing; the next exam resumes it', async (test) => {
    const dir = tempDir();
    let terminal = openTerminal(test, ['exam'], { env: { AWSNOTES_CONFIG_DIR: dir } });
    await terminal.waitFor((s) => /Q 1\/65 · answered 0/.test(s), 'the exam');
    terminal.send('a');
    await terminal.waitFor((s) => /Q 1\/65 · answered 1/.test(s), 'an answer');
    terminal.send('n');
    await terminal.waitFor((s) => /Q 2\/65 · answered 1/.test(s), 'question 2');
    // Closing the window: the pane and awsnotes go with it (SIGHUP), with no chance to save.
    terminal.kill();
    terminal = openTerminal(test, ['exam'], { env: { AWSNOTES_CONFIG_DIR: dir } });
    // The notice comes a frame after the question: wait for both.
    await terminal.waitFor(
      (s) => /Q 2\/65 · answered 1/.test(s) && /Resumed your exam from \d\d:\d\d \(1\/65 answered\); its clock kept running\./.test(s),
      'the same exam, on question 2, and the notice',
    );
  });

  it('quiz: answer a question, read the verdict, stop, quit; the answer is recorded', async (test) => {
    const dir = tempDir();
    const terminal = openTerminal(test, ['quiz', '--service', 'kms'], { env: { AWSNOTES_CONFIG_DIR: dir } });
    let screen = await terminal.waitFor((s) => /Question 1\/\d+/.test(s), 'the first question');
    const needed = Number(/choose (\d)/.exec(screen)?.[1] ?? 1);
    for (let i = 1; i <= needed; i++) {
      terminal.send(String(i));
      await terminal.waitFor((s) => new RegExp(`(\\(•\\)|\\[x\\]) ${'ABC'[i - 1]}\\.`).test(s), `option ${i} picked`);
    }
    terminal.send('Enter');
    screen = await terminal.waitFor((s) => /(✓ Correct|✗ Wrong)\. The answer is/.test(s), 'the verdict');
    terminal.send('q');
    await terminal.waitFor((s) => /: \d\/1 correct/.test(s), 'the summary');
    terminal.send('Enter');
    await terminal.waitFor((s) => s.includes('where should the questions come from'), 'the sources');
    terminal.send('q');
    expect(await terminal.exitCode()).toBe(0);
    const answers = readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((event) => event.e === 'a');
    expect(answers).toHaveLength(1);
    expect(answers[0].q).toMatch(/^kms-/);
  });

  const SCREENS = [
    { key: '1', marker: /services · ✓ read|press \/ to search/ },
    { key: '2', marker: /Quiz: where should/ },
    { key: '3', marker: /Calculation/ },
    { key: '4', marker: /Next best steps|Nothing due/ },
  ];
  const fits = (screen: string, columns: number) => screen.split('\n').every((l) => [...l].length <= columns);

  it('every screen at 40×12 and 200×60, and while resizing between them', async (test) => {
    const terminal = openTerminal(test, [], { columns: 40, rows: 12, env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    await terminal.waitFor((s) => s.includes('services'), 'the menu');
    terminal.send('Escape');
    await terminal.waitFor((s) => s.includes('press / to search'), 'box left');
    for (const { key, marker } of SCREENS) {
      terminal.send(key);
      let screen = await terminal.waitFor((s) => marker.test(s), `screen ${key} at 40×12`);
      expect(fits(screen, 40)).toBe(true);
      expect(screen).not.toContain('too small');
      terminal.resize(200, 60);
      screen = await terminal.waitFor((s) => marker.test(s) && s.split('\n')[0]!.includes('4 Progress'), `screen ${key} at 200×60`);
      expect(fits(screen, 200)).toBe(true);
      terminal.resize(40, 12);
      screen = await terminal.waitFor((s) => marker.test(s) && !s.split('\n')[0]!.includes('4 Progress'), `screen ${key} back at 40×12`);
      expect(fits(screen, 40)).toBe(true);
      if (key === '3') {
        terminal.send('Escape'); // leave the calculator's fields so 4 switches screens
        await terminal.waitFor((s) => s.includes('Enter or / to edit'), 'fields left');
      }
    }
  });

  it.for(SCREENS.map((s) => [s.key, s.marker] as const))(
    'Ctrl+C on screen %s exits 130 with the screen restored',
    async ([key, marker], test) => {
      const terminal = openTerminal(test, [], { env: { AWSNOTES_CONFIG_DIR: tempDir() } });
      await terminal.waitFor((s) => s.includes(`${NOTE_COUNT} services`), 'the menu');
      terminal.send('Escape');
      await terminal.waitFor((s) => s.includes('press / to search'), 'box left');
      terminal.send(key);
      await terminal.waitFor((s) => marker.test(s), `screen ${key}`);
      terminal.send('C-c');
      expect(await terminal.exitCode()).toBe(130);
      expect(terminal.alternateOn()).toBe(false);
    },
  );

  it('a plain command on a terminal wraps to its width: show at 50 columns', async (test) => {
    const terminal = openTerminal(test, ['show', 'sqs'], { columns: 50, rows: 200, env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    expect(await terminal.exitCode()).toBe(0);
    const lines = terminal.writtenLines();
    expect(lines.some((l) => l.startsWith('• Message retention: default 4 days'))).toBe(true);
    // Wrapped by awsnotes, not by the terminal: no line is wider, several use most of it.
    expect(lines.every((l) => [...l].length <= 50)).toBe(true);
    expect(lines.filter((l) => [...l].length > 40).length).toBeGreaterThan(3);
  });

  it('Ctrl+Z gives the shell back, its terminal as it was; fg brings the app back, redrawn and listening; so does kill -TSTP', async (test) => {
    const terminal = openTerminal(test, [], { shell: true, env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    await terminal.waitFor((s) => s.includes(`${NOTE_COUNT} services`), 'the menu');
    await terminal.type('sqs', searchBox);
    for (const stop of [() => terminal.send('C-z'), () => process.kill(terminal.appPid(), 'SIGTSTP')]) {
      stop();
      await terminal.waitFor((s) => /Stopped/.test(s), 'the shell, the job stopped');
      expect(terminal.alternateOn()).toBe(false);
      expect(terminal.cursorShown()).toBe(true);
      // Cooked mode: the shell's line editing and echo work (stty reports icanon, echo).
      terminal.line('stty -a | grep -o -- "-*icanon\\|-*echo " | tr "\\n" " "; echo');
      await terminal.waitFor((s) => /^icanon echo\s*$/m.test(s), 'stty: icanon echo');
      terminal.line('clear; fg');
      await terminal.waitFor((s) => searchBox(s) === 'sqs' && /^› .*Simple Queue Service/m.test(s), 'the app, redrawn');
      expect(terminal.alternateOn()).toBe(true);
    }
    // It listens in raw mode: a key typed alone acts at once.
    terminal.send('Escape');
    await terminal.waitFor((s) => s.includes(`${NOTE_COUNT} services`), 'query cleared by Esc alone');
    terminal.send('C-c');
    await terminal.waitFor((s) => !terminal.alternateOn() && /^\$\s*$/m.test(s), 'the shell');
    expect(await terminal.shellExitCode()).toBe(130);
  });

  it.for([
    ['SIGINT', 130],
    ['SIGQUIT', 131],
    ['SIGHUP', 129],
    ['SIGTERM', 143],
  ] as const)('%s sent with kill: exit %i, the alternate screen left, the cursor shown, stderr clean', async ([signal, code], test) => {
    const log = path.join(tempDir(), 'stderr.log');
    const terminal = openTerminal(test, [], { stderr: log, env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    await terminal.waitFor((s) => s.includes(`${NOTE_COUNT} services`), 'the menu');
    expect(terminal.cursorShown()).toBe(false);
    process.kill(terminal.appPid(), signal);
    expect(await terminal.exitCode()).toBe(code);
    expect(terminal.alternateOn()).toBe(false);
    expect(terminal.cursorShown()).toBe(true);
    expect(readFileSync(log, 'utf8')).toBe('');
  });

  it('quitting with q writes nothing to stderr: awsnotes 2>log keeps the log clean', async (test) => {
    const log = path.join(tempDir(), 'stderr.log');
    const terminal = openTerminal(test, [], { stderr: log, env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    await terminal.waitFor((s) => s.includes(`${NOTE_COUNT} services`), 'the menu');
    terminal.send('Escape');
    await terminal.waitFor((s) => s.includes('press / to search'), 'box left');
    terminal.send('q');
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.cursorShown()).toBe(true);
    expect(readFileSync(log, 'utf8')).toBe('');
  });

  it('--help at 60 columns: wrapped by awsnotes between words, not by the terminal', async (test) => {
    const terminal = openTerminal(test, ['--help'], { columns: 60, rows: 300, env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    expect(await terminal.exitCode()).toBe(0);
    const lines = terminal.writtenLines();
    expect(lines.some((l) => l.startsWith('  awsnotes quiz [--service S'))).toBe(true);
    expect(lines.filter((l) => [...l].length > 60)).toEqual([]);
  });

  it('stdin from a pipe: the message, exit 2', async (test) => {
    const terminal = openTerminal(test, [], { stdin: '<(echo hello)', env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    expect(await terminal.exitCode()).toBe(2);
    expect(terminal.screen()).toContain('needs a terminal; plain commands:');
  });

  it('stdin from /dev/null: a message naming the plain commands, exit 2', async (test) => {
    const terminal = openTerminal(test, [], { stdin: '/dev/null', env: { AWSNOTES_CONFIG_DIR: tempDir() } });
    expect(await terminal.exitCode()).toBe(2);
    expect(terminal.screen()).toContain('needs a terminal; plain commands: list, show, search');
  });
});
