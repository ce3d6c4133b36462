// The Calculator screen: type a case, see the result and steps; type garbage, see the error.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { ProgressStore } from '../../src/progress/store.js';
import { App } from '../../src/ui/App.js';
import { CalculatorScreen } from '../../src/ui/screens/CalculatorScreen.js';
import { tempDir } from '../helpers/cli.js';
import { KEY, until, withKeys } from '../helpers/ink.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function start() {
  const drills: Question[] = [];
  const modes: string[] = [];
  const app = render(
    withKeys(<CalculatorScreen width={100} height={24} active onMode={(m) => modes.push(m)} onDrill={(d) => drills.push(d)} />),
  );
  cleanup = () => app.unmount();
  const frame = () => app.lastFrame() ?? '';
  const field = (label: string) =>
    frame()
      .split('\n')
      .find((l) => l.slice(2).startsWith(label)) ?? '';
  return { ...app, drills, modes, frame, field, wait: (test: (f: string) => boolean, what?: string) => until(frame, test, what) };
}

async function clear(app: ReturnType<typeof start>, label: string) {
  while (/\S/.test(app.field(label).slice(17).split('  ✗')[0]!)) {
    const before = app.field(label);
    app.stdin.write(KEY.backspace);
    await app.wait(() => app.field(label) !== before, 'a character deleted');
  }
}

async function typeInto(app: ReturnType<typeof start>, label: string, text: string) {
  for (const char of text) {
    const before = app.field(label);
    app.stdin.write(char);
    await app.wait(() => app.field(label) !== before, `"${char}" typed`);
  }
}

describe('Calculator screen', () => {
  it("opens on the notes' example with its worked steps", async () => {
    const app = start();
    const f = await app.wait((f) => f.includes('= 20 RCU for strongly consistent reads'));
    expect(f).toMatch(/300 reads every 30 seconds = 300 ÷ 30 = 10 reads per second/);
    expect(f).toMatch(/6 KB ÷ 4 KB = 1\.5, rounded up = 2 RCU/);
  });

  it('updates as you type and moves between fields with Tab and arrows', async () => {
    const app = start();
    await app.wait((f) => f.includes('= 20 RCU'));
    await clear(app, 'Item size');
    await app.wait((f) => f.includes('Fill in: Item size'), 'missing field, no error');
    await typeInto(app, 'Item size', '3KB');
    await app.wait((f) => f.includes('= 10 RCU for strongly consistent reads'), '3 KB at 10/s');
    app.stdin.write(KEY.tab);
    await app.wait(() => app.field('Reads').startsWith('› '), 'rate focused');
    await clear(app, 'Reads');
    await typeInto(app, 'Reads', '80');
    await app.wait((f) => f.includes('= 80 RCU'), '80 reads');
    app.stdin.write(KEY.down);
    await app.wait(() => app.field('Consistency').startsWith('› '), 'consistency focused');
    app.stdin.write(KEY.right);
    await app.wait((f) => f.includes('= 40 RCU for eventually consistent reads'), 'eventual');
    app.stdin.write(KEY.right);
    await app.wait((f) => f.includes('= 160 RCU for transactional reads'), 'transactional');
  });

  it('shows the error next to the field for garbage, and no result', async () => {
    const app = start();
    await app.wait((f) => f.includes('= 20 RCU'));
    app.stdin.write(KEY.end); // keep the example, type after it
    await typeInto(app, 'Item size', 'zz');
    const f = await app.wait((f) => f.includes('✗'), 'the error');
    expect(app.field('Item size')).toMatch(/6KBzz +✗ unknown unit 'KBzz'/);
    expect(f).toContain('Fix the field marked ✗');
    expect(f).not.toMatch(/= \d+ RCU/);
  });

  /** The value typed in a field (the label takes the first 17 columns). */
  const typedIn = (app: ReturnType<typeof start>, label: string) => app.field(label).slice(17).split('  ✗')[0]!.trim();

  it('the example is replaced by the first character typed', async () => {
    const app = start();
    await app.wait((f) => f.includes('= 20 RCU'));
    await typeInto(app, 'Item size', '10KB');
    expect(typedIn(app, 'Item size')).toBe('10KB');
    await app.wait((f) => f.includes('= 30 RCU for strongly consistent reads'), '10 KB at 10/s');
  });

  it('edits like a shell line: Ctrl+U clears and the next characters land in place; Home, End, Delete, ←', async () => {
    const app = start();
    await app.wait((f) => f.includes('= 20 RCU'));
    app.stdin.write(KEY.ctrlU);
    await app.wait((f) => f.includes('Fill in: Item size'), 'cleared');
    await typeInto(app, 'Item size', '6KB');
    expect(typedIn(app, 'Item size')).toBe('6KB'); // not "KB6": the cursor followed
    app.stdin.write(KEY.home);
    app.stdin.write(KEY.delete); // deletes forward: "KB"
    await app.wait(() => typedIn(app, 'Item size') === 'KB', 'the 6 deleted');
    await typeInto(app, 'Item size', '8');
    expect(typedIn(app, 'Item size')).toBe('8KB');
    app.stdin.write(KEY.end);
    app.stdin.write(KEY.left);
    app.stdin.write(KEY.backspace); // the K
    await app.wait(() => typedIn(app, 'Item size') === '8B', 'the K deleted');
    app.stdin.write(KEY.ctrlA);
    await typeInto(app, 'Item size', '1');
    app.stdin.write(KEY.ctrlE);
    await typeInto(app, 'Item size', 'x');
    expect(typedIn(app, 'Item size')).toBe('18Bx');
    app.stdin.write(KEY.ctrlW);
    await app.wait(() => typedIn(app, 'Item size') === '', 'the word deleted');
  });

  it('at 80 columns an error keeps every label and the rows in place; at 40 columns too', async () => {
    for (const width of [80, 40]) {
      const app = render(withKeys(<CalculatorScreen width={width} height={9} active onMode={() => {}} onDrill={() => {}} />));
      const frame = () => app.lastFrame() ?? '';
      await until(frame, (f) => f.includes('RCU'), 'the result');
      app.stdin.write(KEY.end);
      for (const char of 'zz') app.stdin.write(char);
      const f = await until(frame, (f) => f.includes('6KBzz') && f.includes('✗'), 'the error');
      const lines = f.split('\n');
      expect(lines).toHaveLength(9);
      expect(lines.slice(0, 5).map((l) => l.slice(2, 17).trim())).toEqual([
        'Calculation',
        'Item size',
        'Reads',
        'Consistency',
        'Capacity mode',
      ]);
      expect(lines.every((l) => [...l].length <= width)).toBe(true);
      // The result's lines follow in order, none drawn over another.
      expect(lines.slice(7).join(' ').replace(/\s+/g, ' ').trim()).toBe('Fix the field marked ✗ to see the result.');
      app.unmount();
    }
  });

  it('in the app at 80×24, an error keeps one row a field, the tab bar on top, the frame shorter than the terminal', async () => {
    const store = ProgressStore.open({ dir: tempDir() });
    const app = render(<App store={store} color={false} size={{ columns: 80, rows: 24 }} start={{ screen: 'calc' }} onExit={() => {}} />);
    const frame = () => app.lastFrame() ?? '';
    await until(frame, (f) => f.includes('= 20 RCU'), 'the calculator');
    app.stdin.write(KEY.end);
    for (const char of 'zz') app.stdin.write(char);
    const f = await until(frame, (f) => f.includes('6KBzz') && f.includes('✗'), 'the error');
    const lines = f.split('\n');
    expect(lines[0]).toMatch(/^awsnotes +1 Services +2 Quiz +3 Calculator +4 Progress/);
    // One row a field, the labels in their column, the value after them.
    expect(lines.slice(1, 4).map((l) => l.slice(2, 17).trim())).toEqual(['Calculation', 'Item size', 'Reads']);
    expect(lines[2]!.slice(17)).toMatch(/^6KBzz +✗ unknown unit/);
    expect(lines.length).toBeLessThan(24);
    expect(lines.every((l) => [...l].length <= 80)).toBe(true);
    app.unmount();
  });

  it('switches to Kinesis with its own fields', async () => {
    const app = start();
    await app.wait((f) => f.includes('= 20 RCU'));
    app.stdin.write(KEY.up);
    await app.wait(() => app.field('Calculation').startsWith('› '), 'calculation focused');
    app.stdin.write(KEY.left);
    const f = await app.wait((f) => f.includes('Kinesis Data Streams shards'), 'kinesis');
    expect(f).toMatch(/Record size/);
    expect(f).toMatch(/= 4 shards, limited by data written/);
  });

  it('Ctrl+D turns the case into a drill whose answer is the result', async () => {
    const app = start();
    await app.wait((f) => f.includes('= 20 RCU'));
    app.stdin.write('\u0004');
    await until(
      () => String(app.drills.length),
      (n) => n === '1',
      'a drill',
    );
    const drill = app.drills[0]!;
    expect(drill.question).toMatch(/300 items every 30 seconds/);
    expect(drill.options.find((o) => o.correct)?.text).toBe('20 RCU');
  });

  it('Esc leaves the fields so global keys work; Enter comes back', async () => {
    const app = start();
    await app.wait((f) => f.includes('= 20 RCU'));
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes('Enter or / to edit'), 'left');
    expect(app.modes.at(-1)).toBe('calc');
    app.stdin.write(KEY.enter);
    await app.wait((f) => !f.includes('Enter or / to edit'), 'back');
    expect(app.modes.at(-1)).toBe('calc-field');
  });
});
