// `awsnotes --help` fitted to the terminal: lines broken between words, never inside one.
import { describe, expect, it } from 'vitest';
import { fill, fitLine } from '../src/commands/help-layout.js';
import { COMMANDS, commandHelpText, helpText } from '../src/commands/registry.js';
import { runInProcess } from './helpers/cli.js';

/** The words of a text in order, continuation backslashes left out. */
const wordsOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/ \\$/, ''))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);

describe('the help', () => {
  /** Lines wider than `width`, but for one word longer than a line (a path), alone on its line. */
  const tooWide = (text: string, width: number) => text.split('\n').filter((line) => [...line].length > width && /\S\s+\S/.test(line));

  it.each([80, 60, 40])('at %i columns: every line fits and every word is whole, in order', async (width) => {
    const wide = helpText('1.0.0', 10_000);
    const fitted = helpText('1.0.0', width);
    expect(tooWide(fitted, width)).toEqual([]);
    expect(wordsOf(fitted)).toEqual(wordsOf(wide));
    for (const command of COMMANDS) {
      const help = commandHelpText(command, width);
      expect(tooWide(help, width)).toEqual([]);
      expect(wordsOf(help)).toEqual(wordsOf(commandHelpText(command, 10_000)));
    }
  });

  it('continues a term\'s text under its column, and a long example with " \\"', async () => {
    expect(fitLine('  --task T      one task statement of the exam guide, 1.1 to 4.3', 40)).toEqual([
      '  --task T      one task statement of',
      '                the exam guide, 1.1 to',
      '                4.3',
    ]);
    expect(fill('awsnotes calc dynamodb read --size 6KB --rate 300/30s', 30, '  ', '      ', ' \\')).toEqual([
      '  awsnotes calc dynamodb \\',
      '      read --size 6KB --rate \\',
      '      300/30s',
    ]);
    // A word longer than a line is never cut: it gets a line of its own.
    expect(fill('see ~/.config/awsnotes-nodejs/progress.json now', 20, '', '  ')).toEqual([
      'see',
      '  ~/.config/awsnotes-nodejs/progress.json',
      '  now',
    ]);
  });

  it('lists note with its sub-commands, questions --check and the editor, wrapped like the rest', async () => {
    for (const width of [80, 40]) {
      const help = helpText('1.0.0', width);
      const words = wordsOf(help).join(' ');
      expect(words).toContain('awsnotes note edit <service> | note edit --new <id> | note add <service> <text…> | note list [--json]');
      expect(words).toContain('| questions --check list the question bank (yours marked ✎); --check validates');
      expect(words).toContain('note: edit <service> your notes on a service');
      expect(words).toContain('VISUAL, EDITOR the editor of awsnotes note edit and of e in the reader');
      expect(help).toMatch(/^ {2}awsnotes note edit <service>/m);
    }
  });

  it('piped, it is fitted to 80 columns', async () => {
    const r = await runInProcess(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
    expect(
      helpText('1.0.0', 80)
        .split('\n')
        .filter((line) => [...line].length > 80),
    ).toEqual([]);
    expect(r.stdout).toContain('  awsnotes quiz [--service S');
  });
});
