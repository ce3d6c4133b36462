// The app with notes and questions of the learner's own: `e` in the reader runs their
// editor (a stand-in script here) and the reader and the menu's search show what it saved
// without a restart; a service of their own is in the menu; a broken file is a banner.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
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
import { NOTE_COUNT } from '../helpers/content.js';
import { KEY, type, until } from '../helpers/ink.js';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  installOwnContent(undefined);
});

function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

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
  return { ...app, frame, wait: (test: (f: string) => boolean, what?: string) => until(frame, test, what) };
}

const SERVICE = `---
id: bedrock
title: Amazon Bedrock
aliases: [foundation models]
category: analytics
---

## Overview
- Foundation models behind one API, billed per token.
`;

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
