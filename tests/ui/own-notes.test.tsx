// The app with notes and questions of the learner's own: `e` in the reader runs their
// editor (a stand-in script here) and the reader and the menu's search show what it saved
// without a restart; a service of their own is in the menu; a broken file is a banner.
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { menuRows } from '../../src/browse/menu.js';
import { installOwnContent } from '../../src/content/bundle.js';
import { loadOwnContent } from '../../src/own/index.js';
import type { OwnProblem } from '../../src/own/types.js';
import { ProgressStore } from '../../src/progress/store.js';
import { App } from '../../src/ui/App.js';
import { tempDir } from '../helpers/cli.js';
import { BEDROCK_NOTE, writeOwnFile } from '../helpers/own-files.js';
import { NOTE_COUNT } from '../helpers/content.js';
import { KEY, type, until } from '../helpers/ink.js';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  installOwnContent(undefined);
});

const write = writeOwnFile;

function start(dir: string, options: { env?: Record<string, string>; problems?: OwnProblem[] } = {}) {
  const store = ProgressStore.open({ dir });
  const app = render(
    <App
      store={store}
      color={false}
      size={{ columns: 100, rows: 30 }}
      onExit={() => {}}
      env={options.env ?? {}}
      ownProblems={options.problems ?? []}
    />,
  );
  cleanup = () => app.unmount();
  const frame = () => app.lastFrame() ?? '';
  return { ...app, store, frame, wait: (test: (f: string) => boolean, what?: string) => until(frame, test, what) };
}

const SERVICE = BEDROCK_NOTE;

describe('your notes in the app', () => {
  it('e in the reader runs the editor; the note shows them under "My notes" at once, and the menu finds them', async () => {
    const dir = tempDir();
    const editor = path.join(tempDir('awsnotes-editor-'), 'editor.sh');
    writeFileSync(editor, `#!/bin/sh\nprintf -- '- Zanzibar: my redrive mnemonic.\\n' >> "$1"\n`);
    chmodSync(editor, 0o755);
    await loadOwnContent(dir, { questions: true });
    const app = start(dir, { env: { EDITOR: editor } });
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`));
    await type(app.stdin, app.frame, 'sqs');
    await app.wait((f) => /› .*Simple Queue Service/.test(f), 'SQS first');
    app.stdin.write(KEY.enter);
    await app.wait((f) => /\d+\/\d+ \d+%/.test(f), 'reader');
    expect(app.frame()).not.toContain('My notes');

    app.stdin.write('e');
    const f = await app.wait((f) => f.includes('Zanzibar: my redrive mnemonic.'), 'the note with my notes');
    expect(f).toContain('┃ My notes');
    expect(f).toContain('┃ • Zanzibar: my redrive mnemonic.');
    expect(f).toContain('Saved notes/sqs.md.');

    app.stdin.write('q');
    await app.wait((f) => f.includes('› sqs'), 'menu with the query');
    app.stdin.write(KEY.escape);
    await app.wait((f) => f.includes(`${NOTE_COUNT} services`), 'query cleared');
    await type(app.stdin, app.frame, 'zanzibar');
    // Highlighted like the rest (« » marks a match without colour), under the section it is in.
    const menu = await app.wait((f) => f.includes('My notes: «Zanzibar»: my redrive mnemonic.'), 'my line found');
    expect(menu).toMatch(/› ✓ Amazon Simple Queue Service \(Amazon SQS\) ✎/);
  });

  it('after e a note opens at "My notes", where it then reopens; a note of your own reopens where the page was', async () => {
    const dir = tempDir();
    const editor = path.join(tempDir('awsnotes-editor-'), 'editor.sh');
    // Enough lines for "My notes" to reach the top of the page.
    writeFileSync(editor, `#!/bin/sh\nfor n in $(seq 1 40); do printf -- '- Mnemonic %s.\\n' "$n" >> "$1"; done\n`);
    chmodSync(editor, 0o755);
    const long = (title: string) => `\n## ${title}\n${Array.from({ length: 30 }, (_, n) => `- ${title} line ${n + 1}.`).join('\n')}\n`;
    write(dir, 'notes/bedrock.md', `${SERVICE}${long('Guardrails')}${long('Pricing')}`);
    await loadOwnContent(dir, { questions: true });
    const app = start(dir, { env: { EDITOR: editor } });
    const status = (f: string) =>
      f
        .split('\n')
        .filter((l) => /\d+\/\d+ \d+%/.test(l))
        .at(-1) ?? '';
    const openFromMenu = async (query: string, title: RegExp) => {
      await app.wait((f) => f.includes('type to search'), 'the menu, its box empty');
      await type(app.stdin, app.frame, query);
      await app.wait((f) => new RegExp(`› [·✓] ${title.source}`).test(f), `${query} first`);
      app.stdin.write(KEY.enter);
      return app.wait((f) => status(f) !== '', 'the reader');
    };
    const backToMenu = async () => {
      app.stdin.write('q');
      await app.wait((f) => f.includes('services match') || f.includes('service match'), 'the menu');
      app.stdin.write(KEY.escape);
    };

    await openFromMenu('sqs', /Amazon Simple Queue Service/);
    app.stdin.write(']');
    await app.wait((f) => / › /.test(status(f)), 'a section of the note');
    app.stdin.write('e');
    let f = await app.wait((f) => f.includes('Saved notes/sqs.md.'), 'the note again');
    expect(status(f)).toMatch(/^Amazon Simple Queue Service \(Amazon SQS\) › My notes /);
    expect(f).toContain('┃ My notes');
    await backToMenu();
    expect(app.store.notePlace('sqs')).toEqual({ section: 'my-notes', line: 0 });
    f = await openFromMenu('sqs', /Amazon Simple Queue Service/);
    expect(status(f)).toMatch(/› My notes /);
    await backToMenu();

    await openFromMenu('bedrock', /Amazon «Bedrock»/);
    app.stdin.write(']');
    await app.wait((f) => /› Overview/.test(status(f)), 'Overview');
    app.stdin.write(']');
    const atHeading = status(await app.wait((f) => /› Guardrails/.test(status(f)), 'Guardrails'));
    app.stdin.write('j');
    const before = await app.wait((f) => /› Guardrails/.test(status(f)) && status(f) !== atHeading, 'a line into Guardrails');
    app.stdin.write('e');
    f = await app.wait((f) => f.includes('Saved notes/bedrock.md.'), 'the note again');
    // The same page: from the same line of the same section.
    const page = (frame: string) => frame.split('\n').filter((l) => l.startsWith('┃'));
    expect(page(f).slice(0, 10)).toEqual(page(before).slice(0, 10));
    expect(status(f)).toMatch(/› Guardrails /);
    await backToMenu();
    expect(app.store.notePlace('bedrock')).toMatchObject({ section: 'guardrails', line: 1 });
  });

  it('a service of your own is in the menu, under its category, marked ✎, and opens in the reader', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', SERVICE);
    await loadOwnContent(dir);
    const rows = menuRows('', new Set());
    const analytics = rows.findIndex((r) => r.kind === 'category' && r.label === 'Analytics');
    expect(rows.slice(analytics).some((r) => r.kind === 'service' && r.service.id === 'bedrock')).toBe(true);

    const app = start(dir);
    await app.wait((f) => f.includes(`${NOTE_COUNT + 1} services`));
    await type(app.stdin, app.frame, 'bedrock');
    await app.wait((f) => /› · Amazon «Bedrock» ✎/.test(f), 'bedrock found');
    app.stdin.write(KEY.enter);
    const f = await app.wait((f) => f.includes('your own note'), 'reader');
    expect(f).toContain('┃ • Foundation models behind one API, billed per token.');
  });

  it('a broken file of yours is a banner line, with its file and line, while everything else works', async () => {
    const dir = tempDir();
    write(dir, 'questions/sqs.yaml', '- id: sqs-broken\n  options: [\n');
    // As run.tsx opens the menu: the notes before the first frame, the questions just after.
    const problems = await loadOwnContent(dir);
    expect(problems).toEqual([]);
    const app = start(dir, { problems });
    const f = await app.wait((f) => f.includes(`${NOTE_COUNT} services`) && f.includes('⚠'), 'the banner');
    expect(f.split('\n')[1]).toMatch(/^⚠ questions\/sqs\.yaml:3: not valid YAML: /);
    await type(app.stdin, app.frame, 'kinesis');
    await app.wait((f) => /› .*Amazon «Kinesis»/.test(f), 'search works');
  });
});
