// The app shell, menu and reader rendered with ink-testing-library.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import { App } from '../../src/ui/App.js';
import { helpLines } from '../../src/ui/components/HelpOverlay.js';
import { BINDINGS } from '../../src/ui/keys.js';
import { tempDir } from '../helpers/cli.js';
import { NOTE_COUNT } from '../helpers/content.js';
import { KEY, type, until } from '../helpers/ink.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function start(size = { columns: 100, rows: 30 }, dir = tempDir()) {
  const store = ProgressStore.open({ dir });
  const exits: number[] = [];
  const app = render(<App store={store} color={false} size={size} onExit={(code) => exits.push(code)} />);
  cleanup = () => app.unmount();
  const frame = () => app.lastFrame() ?? '';
  return { ...app, store, exits, frame, wait: (test: (f: string) => boolean, what?: string) => until(frame, test, what) };
}

describe('Services menu', () => {
  it('lists every service by category, with the search box focused', async () => {
    const app = start();
    const f = await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    expect(f).toMatch(/awsnotes +1 Services/);
    expect(f).toContain('Compute');
    expect(f).toContain('type to search');
  });

  it('filters as you type: ddb finds DynamoDB, kinessis finds Kinesis', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'ddb');
    let f = await app.wait((f) => f.includes('service') && f.includes('match'));
    expect(f.split('\n').find((l) => l.startsWith('›') && l.includes('Amazon'))).toContain('Amazon DynamoDB');
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`), 'query cleared');
    await type(app.stdin, app.frame, 'kinessis');
    f = await app.wait((f) => /^› .*Amazon «?Kinesis/m.test(f), 'Kinesis selected');
    expect(f).toContain('Kinesis');
  });

  it('letters typed in the box never trigger global keys (q, ?, digits)', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    // type() waits for the box to show each key: by then the app has handled it.
    await type(app.stdin, app.frame, 'q?1');
    expect(app.exits).toEqual([]);
    expect(app.frame()).not.toContain('Keys (');
  });

  it('↓ and Ctrl+N/Ctrl+P move the selection without typing into the box', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    const selected = () =>
      app
        .frame()
        .split('\n')
        .find((l) => l.startsWith('›') && !l.startsWith('› type'));
    const first = selected();
    app.stdin.write(KEY.down);
    await app.wait(() => selected() !== first, 'moved down');
    const second = selected();
    app.stdin.write(KEY.ctrlN);
    await app.wait(() => selected() !== second, 'moved with Ctrl+N');
    app.stdin.write(KEY.ctrlP);
    await app.wait(() => selected() === second, 'back with Ctrl+P');
    expect(app.frame()).toContain('type to search'); // nothing was typed
  });

  it('Enter opens the note at the matched section; q goes back with the query kept and marks it read', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'fifo');
    await app.wait((f) => /› .*Simple Queue Service/.test(f), 'SQS first');
    app.stdin.write(KEY.enter);
    const f = await app.wait((f) => f.includes('Standard vs FIFO queues') && /\d+\/\d+ \d+%/.test(f), 'reader');
    expect(f).toMatch(/Amazon Simple Queue Service .*› Standard vs FIFO queues/);
    expect(Object.keys(app.store.read().notesRead)).toEqual(['sqs']);
    app.stdin.write('q');
    await app.wait((f) => f.includes('› fifo'), 'menu with the query');
    expect(app.exits).toEqual([]);
  });

  it("a service's name and Enter open its note at the top: sqs, then parameter store", async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'sqs');
    await app.wait((f) => /^› .*Simple Queue Service/m.test(f), 'SQS selected');
    app.stdin.write(KEY.enter);
    let f = await app.wait((f) => /\d+\/\d+ \d+%/.test(f), 'reader');
    expect(f).toMatch(/ 0%/);
    expect(f.split('\n')[1]).toContain('Amazon Simple Queue Service');
    app.stdin.write('q');
    await app.wait((f) => f.includes('› sqs'), 'menu');
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`), 'query cleared');
    await type(app.stdin, app.frame, 'parameter store');
    await app.wait((f) => /^› .*Parameter Store/m.test(f), 'Parameter Store selected');
    app.stdin.write(KEY.enter);
    f = await app.wait((f) => /\d+\/\d+ \d+%/.test(f), 'reader');
    expect(f).toMatch(/ 0%/);
  });

  it('the search box edits like a shell line: Ctrl+W deletes a word, Ctrl+U the rest, ← and Delete in place', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'sqs fifo');
    app.stdin.write(KEY.ctrlW);
    await app.wait((f) => /^› sqs\s*$/m.test(f), 'the word deleted');
    // "sqs ": three to the left puts the cursor on the q.
    app.stdin.write(KEY.left);
    app.stdin.write(KEY.left);
    app.stdin.write(KEY.left);
    app.stdin.write(KEY.delete);
    await app.wait((f) => /^› ss\s*$/m.test(f), 'the q deleted, forward');
    app.stdin.write(KEY.ctrlU);
    await app.wait((f) => /^› s\s*$/m.test(f), 'the start deleted up to the cursor');
    app.stdin.write(KEY.ctrlE);
    app.stdin.write(KEY.backspace);
    app.stdin.write('x');
    await app.wait((f) => /^› sx\s*$/m.test(f), 'Backspace deleted the space before the cursor');
    app.stdin.write(KEY.ctrlU);
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`), 'empty again: every service');
  });

  it('outside the box a letter starts a new search: Esc Esc then "sqs" finds SQS, the q does not quit', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'kms');
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`), 'query cleared');
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes('press / to search'), 'box left');
    app.stdin.write('s');
    await app.wait((f) => /^› s\s*$/m.test(f), 'a search for "s"');
    app.stdin.write('q');
    await app.wait((f) => /^› sq\s*$/m.test(f), '"sq": the q was typed');
    app.stdin.write('s');
    await app.wait((f) => /^› sqs\s*$/m.test(f) && /^› .*Simple Queue Service/m.test(f), 'SQS found');
    expect(app.exits).toEqual([]);
  });

  it('outside the box j and k move in the list; q quits from there, the top level', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes('press / to search'), 'box left');
    const selected = () =>
      app
        .frame()
        .split('\n')
        .find((l) => l.startsWith('› ·') || l.startsWith('› ✓'));
    const first = selected();
    app.stdin.write('j');
    await app.wait(() => selected() !== first, 'moved down with j');
    expect(app.frame()).toContain('press / to search'); // not typed
    app.stdin.write('k');
    await app.wait(() => selected() === first, 'back up with k');
    app.stdin.write('q');
    await app.wait(() => app.exits.length > 0, 'exit');
    expect(app.exits).toEqual([0]);
  });

  it('Esc on an empty box leaves it; then ? opens help and q quits with 0', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes('press / to search'), 'box left');
    app.stdin.write('?');
    const help = await app.wait((f) => f.includes('Keys ('), 'help');
    // The first rows of the help the key table generates: its first heading and binding.
    const generated = helpLines([...new Set(BINDINGS.map((b) => b.scope))]);
    expect(help).toContain(generated[0]!.text);
    expect(help).toContain(generated[1]!.text.trim());
    app.stdin.write('?');
    await app.wait((f) => !f.includes('Keys ('), 'help closed');
    app.stdin.write('q');
    await app.wait(() => app.exits.length > 0, 'exit');
    expect(app.exits).toEqual([0]);
  });

  it('Ctrl+C quits with 130 even while typing', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'sq');
    app.stdin.write(KEY.ctrlC);
    await app.wait(() => app.exits.length > 0, 'exit');
    expect(app.exits).toEqual([130]);
  });
});

describe('Note reader', () => {
  async function openNote(query: string, size?: { columns: number; rows: number }) {
    const app = start(size);
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, query);
    await app.wait((f) => f.includes('match'));
    app.stdin.write(KEY.enter);
    await app.wait((f) => /\d+\/\d+ \d+%/.test(f), 'reader');
    return app;
  }
  const position = (f: string) =>
    f
      .match(/(\d+)\/(\d+) (\d+)%/)!
      .slice(1)
      .map(Number);

  it('scrolls by line, page, and to the ends', async () => {
    const app = await openNote('dynamodb');
    app.stdin.write('g');
    await app.wait((f) => position(f)[2] === 0, 'top');
    const [, total] = position(app.frame());
    app.stdin.write('j');
    await app.wait((f) => position(f)[0] === 27, 'one line down');
    app.stdin.write(' ');
    await app.wait((f) => position(f)[0] === 27 + 25, 'a page down');
    app.stdin.write('b');
    await app.wait((f) => position(f)[0] === 27, 'a page up');
    app.stdin.write('G');
    await app.wait((f) => position(f)[0] === total && position(f)[2] === 100, 'end');
  });

  it('/ searches in the note, n/N walk the hits', async () => {
    const app = await openNote('dynamodb');
    app.stdin.write('g');
    await app.wait((f) => / 0%/.test(f), 'top');
    app.stdin.write('/');
    await app.wait((f) => f.split('\n').some((l) => l.startsWith('/')), 'find prompt');
    await type(app.stdin, app.frame, 'RCU', '/');
    app.stdin.write(KEY.enter);
    const f = await app.wait((f) => /"RCU" 1\/\d+/.test(f), 'first hit');
    const count = Number(f.match(/"RCU" 1\/(\d+)/)![1]);
    expect(count).toBeGreaterThan(3);
    expect(f).toContain('«RCU»');
    app.stdin.write('n');
    await app.wait((f) => f.includes(`"RCU" 2/${count}`), 'second hit');
    app.stdin.write('N');
    app.stdin.write('N');
    await app.wait((f) => f.includes(`"RCU" ${count}/${count}`), 'wrapped to the last hit');
  });

  it('o opens the outline and Enter jumps to a section', async () => {
    const app = await openNote('dynamodb');
    app.stdin.write('o');
    await app.wait((f) => f.includes('Outline of Amazon DynamoDB'), 'outline');
    const selected = () =>
      app
        .frame()
        .split('\n')
        .findIndex((l) => l.startsWith('› '));
    const first = selected();
    app.stdin.write(KEY.down);
    await app.wait(() => selected() === first + 1, 'the next section');
    app.stdin.write(KEY.down);
    await app.wait(() => selected() === first + 2, 'the one after');
    app.stdin.write(KEY.enter);
    const f = await app.wait((f) => !f.includes('Outline of') && /› /.test(f.split('\n').at(-2) ?? ''), 'jumped');
    expect(f).toMatch(/Amazon DynamoDB › /);
  });

  it('Ctrl+D and Ctrl+U move half a page; ] and [ go from section to section', async () => {
    const app = await openNote('dynamodb');
    app.stdin.write('g');
    await app.wait((f) => / 0%/.test(f), 'top');
    // 100×30: the note shows 26 lines, half a page is 13.
    app.stdin.write(KEY.ctrlD);
    await app.wait((f) => position(f)[0] === 26 + 13, 'half a page down');
    app.stdin.write(KEY.ctrlU);
    await app.wait((f) => position(f)[0] === 26, 'half a page up');
    const sectionOf = (f: string) => /Amazon DynamoDB › (.+?) {2,}/.exec(f)?.[1] ?? '';
    app.stdin.write(']');
    const first = sectionOf(await app.wait((f) => sectionOf(f) !== '', 'the first section'));
    app.stdin.write(']');
    const second = sectionOf(await app.wait((f) => sectionOf(f) !== first, 'the next section'));
    expect(app.frame().split('\n')[1]).toContain(second); // its heading is the first line shown
    app.stdin.write('[');
    await app.wait((f) => sectionOf(f) === first, 'back to the previous section');
  });

  it('a note opens where it was left, in this session and the next; a section asked for wins', async () => {
    /** The last line shown, or NaN while the note is not on screen. */
    const shown = (f: string) => Number(/(\d+)\/\d+ \d+%/.exec(f)?.[1] ?? Number.NaN);
    const dir = tempDir();
    let app = start(undefined, dir);
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'sqs');
    await app.wait((f) => /^› .*Simple Queue Service/m.test(f), 'SQS selected');
    app.stdin.write(KEY.enter);
    await app.wait((f) => / 0%/.test(f), 'the note, at the top');
    for (const _ of [1, 2, 3]) {
      const before = shown(app.frame());
      app.stdin.write(']');
      await app.wait((f) => shown(f) !== before, 'the next section');
    }
    const left = app.frame().split('\n')[1];
    const at = shown(app.frame());
    app.stdin.write('q');
    await app.wait((f) => f.includes('› sqs'), 'the menu');
    app.stdin.write(KEY.enter);
    await app.wait((f) => shown(f) === at, 'the same place');
    expect(app.frame().split('\n')[1]).toBe(left);
    app.unmount();

    app = start(undefined, dir);
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'sqs');
    await app.wait((f) => /^› .*Simple Queue Service/m.test(f), 'SQS selected');
    app.stdin.write(KEY.enter);
    await app.wait((f) => shown(f) === at, 'the same place, the next session');
    app.stdin.write('q');
    await app.wait((f) => f.includes('› sqs'), 'the menu');
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`), 'query cleared');
    await type(app.stdin, app.frame, 'fifo');
    await app.wait((f) => /› .*Simple Queue Service/.test(f), 'SQS first');
    app.stdin.write(KEY.enter);
    await app.wait((f) => /Amazon Simple Queue Service .*› Standard vs FIFO queues/.test(f), 'the section asked for');
  });

  it('every frame is shorter than the terminal', async () => {
    const app = await openNote('sqs', { columns: 40, rows: 12 });
    expect(app.frame().split('\n').length).toBeLessThan(12);
    for (const line of app.frame().split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
  });
});

describe('terminal size', () => {
  it('below 40×12 shows one line until it grows', async () => {
    const app = start({ columns: 39, rows: 12 });
    const f = await app.wait((f) => f.includes('terminal too small'));
    expect(f.trim()).toBe('terminal too small (need 40×12)');
  });

  it('at 40×12 the menu still works, names truncated', async () => {
    const app = start({ columns: 40, rows: 12 });
    const f = await app.wait((f) => f.includes('services'));
    expect(f.split('\n').length).toBeLessThan(12);
    expect(f).toContain('…');
  });
});
