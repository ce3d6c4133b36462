// Keys that arrive together: split into the keys Ink reports for each alone, and handled
// in order by whoever had the keys at that point.
import { type Key, Text, useInput } from 'ink';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import { App, type AppStart } from '../../src/ui/App.js';
import { keyOf, splitKeys } from '../../src/ui/split-keys.js';
import { tempDir } from '../helpers/cli.js';
import { NOTE_COUNT } from '../helpers/content.js';
import { KEY, type, until } from '../helpers/ink.js';
import { answersIn } from '../helpers/journal.js';

/** Ink's own report of each key, and how many came. */
function Recorder({ seen }: { seen: { input: string; key: Key }[] }) {
  const [count, setCount] = useState(0);
  useInput((input, key) => {
    seen.push({ input, key: { ...key } });
    setCount((c) => c + 1);
  });
  return <Text>{`keys ${count}`}</Text>;
}

describe('splitting a run of characters', () => {
  it('gives, for every byte a run can hold, the key Ink reports when that byte comes alone', async () => {
    const seen: { input: string; key: Key }[] = [];
    const app = render(<Recorder seen={seen} />);
    // Every byte but ESC (Ink parses escape sequences itself, they never come in a run).
    const chars = [...Array(128).keys()].filter((c) => c !== 27).map((c) => String.fromCharCode(c));
    chars.push('é', '€', '😀');
    for (const [i, char] of chars.entries()) {
      app.stdin.write(char);
      await until(app.lastFrame, (f) => f === `keys ${i + 1}`, `key ${JSON.stringify(char)}`);
    }
    app.unmount();
    const strip = (k: Key) => Object.fromEntries(Object.entries(k).filter(([name]) => name !== 'eventType'));
    for (const [i, char] of chars.entries()) {
      const mine = keyOf(char);
      expect({ char, input: mine.input, key: strip(mine.key) }).toEqual({ char, input: seen[i]!.input, key: strip(seen[i]!.key) });
    }
  });

  it('splits "jj" and "1\\r" into their keys, and leaves a lone key or an arrow whole', () => {
    const run = { ...keyOf('x').key };
    expect(splitKeys('jj', run).map((k) => k.input)).toEqual(['j', 'j']);
    const [one, enter] = splitKeys('1\r', run);
    expect(one).toMatchObject({ input: '1', key: { return: false } });
    expect(enter).toMatchObject({ key: { return: true } });
    expect(splitKeys('j', run)).toEqual([{ input: 'j', key: run }]);
    const down = { ...run, downArrow: true };
    expect(splitKeys('', down)).toEqual([{ input: '', key: down }]);
    expect(splitKeys('😀é', run).map((k) => k.input)).toEqual(['😀', 'é']);
  });

  it('reads two Escapes in one write as two presses of Esc, as Ink reports Esc alone', async () => {
    const seen: { input: string; key: Key }[] = [];
    const app = render(<Recorder seen={seen} />);
    app.stdin.write('\x1b');
    await until(app.lastFrame, (f) => f === 'keys 1', 'Esc');
    app.unmount();
    const lone = seen[0]!;
    expect(lone.key.escape).toBe(true);
    const { eventType: _, ...alone } = lone.key as Key & { eventType?: unknown };
    expect(splitKeys('\x1b', { ...keyOf('x').key, escape: true, meta: true }, '\x1b\x1b')).toEqual([
      { input: lone.input, key: { ...keyOf('x').key, ...alone } },
      { input: lone.input, key: { ...keyOf('x').key, ...alone } },
    ]);
  });

  it('tells the Backspace key (DEL) from the Delete key (ESC [3~), which Ink reports alike', () => {
    const deleted = { ...keyOf('\x7f').key };
    expect(deleted.delete).toBe(true);
    expect(splitKeys('', deleted, '\x7f')).toEqual([{ input: '', key: { ...deleted, delete: false, backspace: true } }]);
    expect(splitKeys('', deleted, '\x1b[3~')).toEqual([{ input: '', key: deleted }]);
    const [letter, back] = splitKeys('a\x7f', { ...keyOf('x').key }, 'a\x7f');
    expect(letter!.input).toBe('a');
    expect(back!.key).toMatchObject({ backspace: true, delete: false });
  });
});

describe('keys that arrive in one write', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());
  function start(startAt?: AppStart) {
    const store = ProgressStore.open({ dir: tempDir() });
    const exits: number[] = [];
    const app = render(
      <App store={store} color={false} size={{ columns: 100, rows: 30 }} start={startAt} onExit={(code) => exits.push(code)} />,
    );
    unmount = () => app.unmount();
    const frame = () => app.lastFrame() ?? '';
    return { ...app, store, exits, frame, wait: (test: (f: string) => boolean, what?: string) => until(frame, test, what) };
  }
  const position = (f: string) => Number(/(\d+)\/\d+ +\d+%/.exec(f)?.[1] ?? Number.NaN);

  it('Esc twice in one write clears the search box and leaves it: 4 then opens Progress', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'sqs');
    await app.wait((f) => /^› .*Simple Queue Service/m.test(f), 'SQS found');
    app.stdin.write('\x1b\x1b');
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`) && !/^› sqs/m.test(f), 'the box cleared');
    app.stdin.write('4');
    await app.wait((f) => f.includes('Where you stand'), 'the Progress screen');
  });

  it('"jj" scrolls the note two lines, "kkk" three back', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'dynamodb');
    await app.wait((f) => /^› .*DynamoDB/m.test(f), 'DynamoDB selected');
    app.stdin.write(KEY.enter);
    await app.wait((f) => !Number.isNaN(position(f)), 'the note');
    app.stdin.write('g');
    const top = position(await app.wait((f) => / 0%/.test(f), 'top'));
    app.stdin.write('jj');
    await app.wait((f) => position(f) === top + 2, 'two lines down');
    app.stdin.write('jjjkkk');
    app.stdin.write('j');
    await app.wait((f) => position(f) === top + 3, 'down three, back three, one more');
  });

  it('"1" and Enter together pick the first option, then submit it', async () => {
    const app = start({ screen: 'quiz', source: { kind: 'service', service: 'sqs' } });
    const f = await app.wait((f) => /Question 1\/\d+/.test(f), 'a question');
    const needed = Number(/choose (\d)/.exec(f)?.[1] ?? 1);
    app.stdin.write('1\r');
    if (needed === 1) {
      const verdict = await app.wait((f) => /(✓ Correct|✗ Wrong)\./.test(f), 'the verdict');
      expect(verdict).toMatch(/\[[✓✗]\] A\./);
      expect(answersIn(app.store)).toHaveLength(1);
    } else {
      // "Choose two": the pick counts, and the submit is refused as with two keys.
      await app.wait((f) => f.includes(`choose ${needed} answers (1 picked)`), 'picked, then refused');
      expect(answersIn(app.store)).toHaveLength(0);
    }
  });

  it('a list takes "jj" then Enter in one write: the third source starts', async () => {
    const app = start({ screen: 'quiz' });
    await app.wait((f) => f.includes('where should the questions come from'));
    app.stdin.write('jj\r');
    await app.wait((f) => /Question 1\/\d+/.test(f), 'a quiz started');
    app.stdin.write('q');
    await app.wait((f) => f.includes('All questions: no question answered'), 'its summary names the third source');
  });

  it('global keys too: "?" and "j" open the help and scroll it; "q" and "3" close it and switch screens, without quitting', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes('press / to search'), 'box left');
    const shown = (f: string) => Number(/Keys \((\d+)\//.exec(f)?.[1] ?? Number.NaN);
    app.stdin.write('?');
    const first = shown(await app.wait((f) => !Number.isNaN(shown(f)), 'the help'));
    app.stdin.write('?');
    await app.wait((f) => Number.isNaN(shown(f)), 'help closed');
    app.stdin.write('?j');
    await app.wait((f) => shown(f) === first + 1, 'help opened and scrolled a line');
    // If q had quit, or the help were still open, 3 would not open the calculator.
    app.stdin.write('q3');
    await app.wait((f) => f.includes('Calculation'), 'help closed, then the calculator');
    expect(app.exits).toEqual([]);
  });

  it('typed ahead: "/" and a query and Enter in one write search the note', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'kinesis');
    await app.wait((f) => /^› .*Kinesis/m.test(f));
    app.stdin.write(KEY.enter);
    await app.wait((f) => !Number.isNaN(position(f)), 'the note');
    app.stdin.write('g/shard\r');
    const f = await app.wait((f) => /"shard" 1\/\d+/.test(f), 'searched');
    expect(f).toContain('«shard»');
  });

  it('a query and Enter in one write open the note the query finds', async () => {
    const app = start();
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    app.stdin.write('fifo\r');
    const f = await app.wait((f) => /\d+\/\d+ +\d+%/.test(f), 'a note');
    expect(f).toMatch(/Amazon Simple Queue Service .*› Standard vs FIFO queues/);
  });
});
