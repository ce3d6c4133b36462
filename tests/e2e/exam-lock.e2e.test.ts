// One exam simulation per config: a second `awsnotes exam` names the one that runs, and
// once that one is gone (its terminal closed) the next exam resumes it.
import { expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { openTerminal, terminalSuite } from '../helpers/tmux.js';

terminalSuite('one exam per config', { timeout: 120_000 }, () => {
  it('a second awsnotes exam is refused, naming the running one; the first goes on', async (test) => {
    const dir = tempDir();
    const first = openTerminal(test, ['exam'], { env: { AWSNOTES_CONFIG_DIR: dir } });
    await first.waitFor((s) => /Q 1\/65 · answered 0/.test(s), 'the first exam');
    const second = openTerminal(test, ['exam'], { env: { AWSNOTES_CONFIG_DIR: dir } });
    await second.waitFor((s) => /__EXIT__\d+/.test(s), 'the second to end');
    expect(second.writtenLines().join('\n')).toMatch(
      /awsnotes: exam: awsnotes process \d+ since \d\d:\d\d is already running an exam on this config; finish or quit it there first/,
    );
    expect(await second.exitCode()).toBe(1);
    first.send('a');
    await first.waitFor((s) => /Q 1\/65 · answered 1/.test(s), 'the first exam, still saving');
  });
});
