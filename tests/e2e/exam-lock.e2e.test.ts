// One exam simulation per config: a second `awsnotes exam` names the one that runs, and
// once that one is gone (its terminal closed) the next exam resumes it.
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

const suite = hasTmux || process.env.CI ? describe : describe.skip;

const terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals.splice(0)) t.kill();
});

suite('one exam per config', { timeout: 120_000 }, () => {
  it('a second awsnotes exam is refused, naming the running one; the first goes on', async () => {
    const dir = tempDir();
    const first = new Terminal(['exam'], { env: { AWSNOTES_CONFIG_DIR: dir } });
    terminals.push(first);
    await first.waitFor((s) => /Q 1\/65 · answered 0/.test(s), 'the first exam');
    const second = new Terminal(['exam'], { env: { AWSNOTES_CONFIG_DIR: dir } });
    terminals.push(second);
    await second.waitFor((s) => /__EXIT__\d+/.test(s), 'the second to end');
    expect(second.writtenLines().join('\n')).toMatch(
      /awsnotes: exam: awsnotes process \d+ since \d\d:\d\d is already running an exam on this config; finish or quit it there first/,
    );
    expect(await second.exitCode()).toBe(1);
    first.send('a');
    await first.waitFor((s) => /Q 1\/65 · answered 1/.test(s), 'the first exam, still saving');
  });
});
