// `e` in the reader, in a real terminal: the editor gets the terminal as a shell would give
// it (cooked mode, the main screen), and awsnotes takes it back (raw mode, its own screen,
// redrawn) with the note showing what was saved.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { openTerminal, searchBox, type Terminal, terminalSuite } from '../helpers/tmux.js';

/** From the SQS note the menu opened: q back to the menu, Esc clears the query, Esc leaves the box, q quits with 0. */
async function quitFromNote(terminal: Terminal): Promise<void> {
  terminal.send('q');
  await terminal.waitFor((s) => s.includes('› sqs'), 'the menu');
  terminal.send('Escape');
  await terminal.waitFor((s) => s.includes('type to search'), 'the query cleared');
  terminal.send('Escape');
  await terminal.waitFor((s) => s.includes('press / to search'), 'the box left');
  terminal.send('q');
  expect(await terminal.exitCode()).toBe(0);
}

terminalSuite('your editor in a real terminal', { timeout: 120_000, concurrent: true }, () => {
  it('e leaves raw mode and the alternate screen for the editor, then restores both and shows the note', async (test) => {
    const dir = tempDir();
    const seen = path.join(tempDir('awsnotes-editor-'), 'seen.txt');
    const editor = path.join(path.dirname(seen), 'editor.sh');
    // What the editor finds: the terminal's mode and whether the alternate screen is on.
    writeFileSync(
      editor,
      `#!/bin/sh\nstty -a | tr ' ' '\\n' | grep -x -- '-\\{0,1\\}icanon' > ${seen}\ntmux display-message -p 'alternate=#{alternate_on}' >> ${seen}\nprintf -- '- Written while awsnotes waited.\\n' >> "$1"\n`,
    );
    chmodSync(editor, 0o755);
    const terminal = openTerminal(test, [], { env: { AWSNOTES_CONFIG_DIR: dir, VISUAL: '', EDITOR: editor } });
    await terminal.waitFor((s) => s.includes('services'), 'the menu');
    await terminal.type('sqs', searchBox);
    await terminal.waitFor((s) => /^› .*Simple Queue Service/m.test(s), 'SQS selected');
    terminal.send('Enter');
    await terminal.waitFor((s) => /\d+\/\d+ \d+%/.test(s), 'the reader');

    terminal.send('e');
    const screen = await terminal.waitFor((s) => s.includes('┃ • Written while awsnotes waited.'), 'the note with my notes');
    expect(readFileSync(seen, 'utf8')).toBe('icanon\nalternate=0\n');
    expect(terminal.alternateOn()).toBe(true);
    expect(screen).toContain('Saved notes/sqs.md.');
    // The app has the keys again, in raw mode: one key scrolls, q goes back, q quits.
    terminal.send('g');
    await terminal.waitFor((s) => /Amazon Simple Queue Service \(Amazon SQS\) +\d+\/\d+ \d+%/.test(s), 'back at the top');
    await quitFromNote(terminal);
    expect(terminal.alternateOn()).toBe(false);
  });

  /** Opens the SQS note in the reader. */
  const openSqs = async (t: Terminal) => {
    await t.waitFor((s) => s.includes('services'), 'the menu');
    await t.type('sqs', searchBox);
    await t.waitFor((s) => /^› .*Simple Queue Service/m.test(s), 'SQS selected');
    t.send('Enter');
    await t.waitFor((s) => /\d+\/\d+ \d+%/.test(s), 'the reader');
  };

  /** An editor that waits for a line on the terminal, then writes `text` as a bullet. */
  const waitingEditor = (text: string) => {
    const editor = path.join(tempDir('awsnotes-editor-'), 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\necho "the editor is waiting"\nread line\nprintf -- '- ${text}\\n' >> "$1"\n`);
    chmodSync(editor, 0o755);
    return editor;
  };

  it("Ctrl+C and Ctrl+\\ in the editor are the editor's: it ends, the app goes on", async (test) => {
    const dir = tempDir();
    const terminal = openTerminal(test, [], { env: { AWSNOTES_CONFIG_DIR: dir, VISUAL: '', EDITOR: waitingEditor('never written') } });
    await openSqs(terminal);
    for (const [key, signal] of [
      ['C-c', 'SIGINT'],
      ['C-\\', 'SIGQUIT'],
    ] as const) {
      terminal.send('e');
      await terminal.waitFor((s) => s.includes('the editor is waiting'), 'the editor');
      terminal.send(key);
      const screen = await terminal.waitFor((s) => s.includes(`was stopped by ${signal}`), `the app, told of ${signal}`);
      expect(terminal.alternateOn()).toBe(true);
      expect(screen).not.toContain('My notes');
    }
    // Still running, in raw mode: q goes back, Esc clears the query, Esc leaves the box, q quits with 0.
    await quitFromNote(terminal);
  });

  it('Ctrl+Z in the editor stops the app with it; fg continues both, and the app shows what was saved', async (test) => {
    const dir = tempDir();
    const terminal = openTerminal(test, [], {
      shell: true,
      env: { AWSNOTES_CONFIG_DIR: dir, VISUAL: '', EDITOR: waitingEditor('Written after fg.') },
    });
    await openSqs(terminal);
    terminal.send('e');
    await terminal.waitFor((s) => s.includes('the editor is waiting'), 'the editor');
    terminal.send('C-z');
    // The shell's prompt is back: the whole job is stopped, awsnotes included.
    await terminal.waitFor((s) => /Stopped/.test(s), 'the shell, the job stopped');
    expect(terminal.alternateOn()).toBe(false);
    terminal.line('fg');
    await terminal.waitFor((s) => s.includes('$ fg'), 'fg typed');
    // The editor reads its line again: Enter ends it (typed ahead, the terminal keeps it).
    terminal.line('');
    await terminal.waitFor((s) => s.includes('┃ • Written after fg.'), 'the note with what was saved');
    expect(terminal.alternateOn()).toBe(true);
    terminal.send('q');
    await terminal.waitFor((s) => s.includes('› sqs'), 'the menu');
    terminal.send('C-c');
    await terminal.waitFor((s) => !terminal.alternateOn() && /^\$\s*$/m.test(s), 'the shell');
    expect(await terminal.shellExitCode()).toBe(130);
  });
});
