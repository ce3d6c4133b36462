// Writing the learner's notes: the file of a service (made from a short template the first
// time), their editor run on it, and a bullet appended without one. Shared by
// `awsnotes note` and the reader's `e`; the app hands the terminal over around runEditor.
import type { SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORIES } from '../content/types.js';
import { errorCode } from '../progress/paths.js';
import { NOTES_DIR } from './types.js';

export function noteFile(dir: string, id: string): string {
  return path.join(dir, NOTES_DIR, `${id}.md`);
}

/** The first text of a learner's notes on a shipped service: its guidance is YAML comments, so none of it shows. */
export function notesTemplate(service: { title: string }): string {
  return `---
# Your notes on ${service.title}, in Markdown: bullets (- …), **bold**, \`code\`,
# ### headings, tables. awsnotes shows them at the end of its note, under "My notes",
# and finds them in search. Lines starting with # here are comments.
---

- 
`;
}

/** The first text of a service of the learner's own. */
export function newServiceTemplate(id: string): string {
  return `---
id: ${id}
title: ${id}            # its full name, e.g. Amazon Bedrock
aliases: []             # what you would type to find it, e.g. [LLM, foundation models]
category: compute       # one of: ${Object.keys(CATEGORIES).join(', ')}
# domains: [development]  # the exam domains it is mostly tested in
---

## Overview
- 
`;
}

/** Creates the file from `template` unless it exists; true when it was created. */
export function ensureNoteFile(file: string, template: string): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, template, { flag: 'wx' });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a file the learner left exactly as the template made it: nothing was written,
 * and an empty "My notes" would only be noise. True when it was removed.
 */
export function removeIfTemplate(file: string, template: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  if (text !== template) return false;
  unlinkSync(file);
  return true;
}

/**
 * Appends `text` as a bullet (its other lines indented under it): in the list that ends
 * the file, or after a blank line when the file ends with something else (a table, a
 * paragraph), so the bullet never joins it.
 */
export function appendBullet(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  let before = '';
  try {
    before = readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  const lines = text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.trimEnd());
  const bullet = `- ${lines[0]}\n${lines
    .slice(1)
    .map((line) => `  ${line}\n`)
    .join('')}`;
  const last = before.trimEnd().split('\n').at(-1) ?? '';
  const separator = before === '' ? '' : `${before.endsWith('\n') ? '' : '\n'}${/^[-*+] /.test(last) ? '' : '\n'}`;
  appendFileSync(file, separator + bullet);
}

export type EditorOutcome = { ok: true; editor: string } | { ok: false; reason: string };

type Spawn = (
  command: string,
  args: string[],
  options: { stdio: 'inherit'; shell?: boolean },
) => Pick<SpawnSyncReturns<Buffer>, 'status' | 'signal' | 'error'>;

/**
 * node:child_process is loaded only when an editor runs: it brings some forty of Node's own
 * modules (streams, net, dgram), which the app's start and the plain commands never need.
 */
const spawnSync: Spawn = (command, args, options) => process.getBuiltinModule('node:child_process').spawnSync(command, args, options);

/** How an editor that failed ended: a signal, or its exit code. */
const howItEnded = (result: Pick<SpawnSyncReturns<Buffer>, 'status' | 'signal'>) =>
  result.signal ? `was stopped by ${result.signal}` : `exited with code ${result.status}`;

/**
 * Runs the learner's editor on `file` and waits for it: $VISUAL, else $EDITOR (through the
 * shell, as git does, so "code --wait" works), else nano, else vi. The caller gives it the
 * terminal (the app leaves raw mode and its screen first).
 */
export function runEditor(file: string, env: Record<string, string | undefined>, spawn: Spawn = spawnSync): EditorOutcome {
  const chosen = env.VISUAL?.trim() || env.EDITOR?.trim();
  if (chosen) {
    const result =
      process.platform === 'win32'
        ? spawn(`${chosen} "${file}"`, [], { stdio: 'inherit', shell: true })
        : // The file is the shell's $1, never part of the command line it parses.
          spawn('/bin/sh', ['-c', `${chosen} "$1"`, 'sh', file], { stdio: 'inherit' });
    if (result.error) return { ok: false, reason: `${chosen} could not be started (${result.error.message})` };
    if (result.status === 127) return { ok: false, reason: `the editor "${chosen}" was not found (set $VISUAL or $EDITOR)` };
    if (result.status !== 0) return { ok: false, reason: `the editor "${chosen}" ${howItEnded(result)}` };
    return { ok: true, editor: chosen };
  }
  for (const editor of ['nano', 'vi']) {
    const result = spawn(editor, [file], { stdio: 'inherit' });
    if (errorCode(result.error) === 'ENOENT') continue;
    if (result.error) return { ok: false, reason: `${editor} could not be started (${result.error.message})` };
    if (result.status !== 0) return { ok: false, reason: `${editor} ${howItEnded(result)}` };
    return { ok: true, editor };
  }
  return { ok: false, reason: 'no editor: set $VISUAL or $EDITOR (neither nano nor vi is installed)' };
}
