// `awsnotes completion bash|zsh|fish`: generated from the registry. The bash script is run
// by bash itself, as the shell would when Tab is pressed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionScript, completionTables } from '../src/commands/completion.js';
import type { Io } from '../src/commands/io.js';
import { main, reportError } from '../src/commands/main.js';
import { serviceMeta } from '../src/content/bundle.js';
import { runInProcess, tempDir } from './helpers/cli.js';

const hasBash = spawnSync('bash', ['--version']).status === 0;
const script = path.join(tempDir(), 'awsnotes.bash');
writeFileSync(script, (await runInProcess(['completion', 'bash'])).stdout);

/** A config directory without notes of the learner's: what the completion finds unless a test says otherwise. */
const noNotes = tempDir();

/** The environment a shell completes in: `configDir` as AWSNOTES_CONFIG_DIR (unset with null). */
function shellEnv(configDir: string | null): NodeJS.ProcessEnv {
  const { AWSNOTES_CONFIG_DIR: _, ...env } = process.env;
  return configDir === null ? env : { ...env, AWSNOTES_CONFIG_DIR: configDir };
}

/**
 * What bash offers for `line` (Tab at its end; a trailing space starts a new word), run in
 * `cwd`, the learner's notes in `configDir`.
 */
function complete(line: string, cwd = process.cwd(), { configDir = noNotes as string | null, file = script } = {}): string[] {
  const words = line.split(' ');
  const shell = `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _awsnotes; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', shell], { cwd, encoding: 'utf8', env: shellEnv(configDir) });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean).sort();
}

describe.runIf(hasBash)('the bash completion, in bash', () => {
  it('completes commands, and the sub-commands of calc, config and completion', async () => {
    expect(complete('awsnotes qu')).toEqual(['questions', 'quiz']);
    expect(complete('awsnotes ')).toContain('completion');
    expect(complete('awsnotes calc ')).toEqual(['dynamodb', 'kinesis']);
    expect(complete('awsnotes calc dynamodb ')).toEqual(['batch-get', 'query', 'read', 'write']);
    expect(complete('awsnotes config set ')).toEqual(['exam-date', 'new-per-day']);
    expect(complete('awsnotes completion ')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('awsnotes --')).toEqual(['--help', '--version']);
  });

  it("completes each command's flags, and their values: service ids, domains, tasks, choices", async () => {
    expect(complete('awsnotes quiz --d')).toEqual(['--domain', '--drills', '--due']);
    expect(complete('awsnotes quiz --service sq')).toEqual(['sqs']);
    expect(complete('awsnotes quiz --domain ')).toEqual(['deployment', 'development', 'security', 'troubleshooting']);
    expect(complete('awsnotes questions --task 4.')).toEqual(['4.1', '4.2', '4.3']);
    expect(complete('awsnotes show dyn')).toEqual(['dynamodb']);
    expect(complete('awsnotes show ')).toEqual(
      serviceMeta()
        .map((s) => s.id)
        .sort(),
    );
    expect(complete('awsnotes calc dynamodb read --size 6KB --consistency ')).toEqual(['eventual', 'strong', 'transactional']);
    expect(complete('awsnotes calc dynamodb read --size 6KB --')).toEqual([
      '--consistency',
      '--help',
      '--json',
      '--mode',
      '--rate',
      '--size',
    ]);
    expect(complete('awsnotes calc kinesis --records 10 --')).toContain('--fan-out');
    expect(complete('awsnotes export --format ')).toEqual(['anki', 'json']);
    expect(complete('awsnotes quiz --count ')).toEqual([]);
  });

  it('completes note and its sub-commands, and questions --check', async () => {
    expect(complete('awsnotes no')).toEqual(['note']);
    expect(complete('awsnotes note ')).toEqual(['add', 'edit', 'list']);
    expect(complete('awsnotes note edit --')).toEqual(['--help', '--new']);
    expect(complete('awsnotes note edit --n')).toEqual(['--new']);
    expect(complete('awsnotes note list --')).toEqual(['--help', '--json']);
    expect(complete('awsnotes note add sq')).toEqual(['sqs']);
    expect(complete('awsnotes questions --c')).toEqual(['--check']);
  });

  it('offers your own services wherever it offers service ids, read from your notes/ at each Tab', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'notes'));
    // A service of yours, your notes on a shipped one, and files that name no service.
    for (const name of ['bedrock.md', 'sqs.md', '.#bedrock.md', 'Not An Id.md', 'draft.txt'])
      writeFileSync(path.join(dir, 'notes', name), '');
    mkdirSync(path.join(dir, 'notes', 'folder.md'));
    for (const line of [
      'awsnotes show be',
      'awsnotes note edit be',
      'awsnotes note add be',
      'awsnotes quiz --service be',
      'awsnotes questions --service be',
    ])
      expect({ line, offered: complete(line, undefined, { configDir: dir }) }).toEqual({ line, offered: ['bedrock'] });
    // Each id once, yours among the shipped ones.
    expect(complete('awsnotes show sq', undefined, { configDir: dir })).toEqual(['sqs']);
    expect(complete('awsnotes show ', undefined, { configDir: dir })).toEqual([...serviceMeta().map((s) => s.id), 'bedrock'].sort());
    expect(complete('awsnotes show be')).toEqual([]);
    // Without AWSNOTES_CONFIG_DIR, the default config directory the script was made for.
    const file = path.join(tempDir(), 'awsnotes.bash');
    writeFileSync(file, completionScript('bash', undefined, dir));
    expect(complete('awsnotes show be', undefined, { configDir: null, file })).toEqual(['bedrock']);
  });

  it('completes file names where a file is asked for', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'backups'));
    writeFileSync(path.join(dir, 'backup.json'), '{}');
    expect(complete('awsnotes import back', dir)).toEqual(['backup.json', 'backups']);
    expect(complete('awsnotes export --out backup.', dir)).toEqual(['backup.json']);
  });
});

const has = (shell: string) => spawnSync(shell, ['--version']).status === 0;
const scriptFor = async (shell: 'zsh' | 'fish') => {
  const file = path.join(tempDir(), `awsnotes.${shell}`);
  writeFileSync(file, (await runInProcess(['completion', shell])).stdout);
  return file;
};

/**
 * What zsh or fish would offer for `line`, their completion machinery stubbed: the words
 * handed to compadd (zsh) or printed (fish), filtered by the word being typed as the shell
 * filters them.
 */
function completeIn(shell: 'zsh' | 'fish', file: string, line: string, configDir: string | null = noNotes): string[] {
  const words = line.split(' ');
  const current = words.at(-1)!;
  const quoted = (list: string[]) => list.map((w) => `'${w}'`).join(' ');
  const command =
    shell === 'zsh'
      ? `compdef() {}; compadd() { shift; print -l -- "$@"; }; _files() { print @files; }; source ${JSON.stringify(file)}; words=(${quoted(words)}); CURRENT=${words.length}; _awsnotes`
      : `function commandline; switch $argv[1]; case -opc; printf '%s\n' ${quoted(words.slice(0, -1))}; case -ct; echo '${current}'; end; end; source ${JSON.stringify(file)}; __awsnotes_complete`;
  const result = spawnSync(shell, shell === 'zsh' ? ['-f', '-c', command] : ['-N', '-c', command], {
    encoding: 'utf8',
    env: shellEnv(configDir),
  });
  expect(result.stderr).toBe('');
  return result.stdout
    .split('\n')
    .filter((w) => w !== '' && w.startsWith(current))
    .sort();
}

describe.each(['zsh', 'fish'] as const)('the %s completion, run in that shell', (shell) => {
  it.runIf(has(shell))('completes commands, sub-commands, flags and their values like the bash one', async () => {
    const file = await scriptFor(shell);
    for (const line of [
      'awsnotes qu',
      'awsnotes calc dynamodb ',
      'awsnotes quiz --d',
      'awsnotes quiz --service sq',
      'awsnotes calc dynamodb read --size 6KB --consistency ',
      'awsnotes show dyn',
      'awsnotes completion ',
      'awsnotes note ',
      'awsnotes note edit --n',
      'awsnotes questions --c',
    ])
      expect({ line, offered: completeIn(shell, file, line) }).toEqual({ line, offered: hasBash ? complete(line) : expect.anything() });
  });

  it.runIf(has(shell))('offers your own services from your notes/, each id once, like the bash one', async () => {
    const file = await scriptFor(shell);
    const dir = tempDir();
    mkdirSync(path.join(dir, 'notes'));
    for (const name of ['bedrock.md', 'sqs.md', '.#bedrock.md', 'Not An Id.md']) writeFileSync(path.join(dir, 'notes', name), '');
    for (const line of ['awsnotes show be', 'awsnotes note edit be', 'awsnotes quiz --service be', 'awsnotes show sq'])
      expect({ line, offered: completeIn(shell, file, line, dir) }).toEqual({ line, offered: [line.endsWith('sq') ? 'sqs' : 'bedrock'] });
    expect(completeIn(shell, file, 'awsnotes show ', dir)).toEqual([...serviceMeta().map((s) => s.id), 'bedrock'].sort());
    // Without AWSNOTES_CONFIG_DIR, the default config directory the script was made for.
    const made = path.join(tempDir(), `awsnotes.${shell}`);
    writeFileSync(made, completionScript(shell, undefined, dir));
    expect(completeIn(shell, made, 'awsnotes show be', null)).toEqual(['bedrock']);
  });
});

describe('the completion scripts', () => {
  const silent = (): Io => ({
    out: () => {},
    err: () => {},
    env: {},
    stdoutIsTTY: false,
    stdinIsTTY: false,
    columns: 80,
    color: false,
    readLine: async () => null,
    closeInput: () => {},
  });

  it('offer only flags the commands accept: each, given to its command, is parsed before an unknown one fails', async () => {
    const tables = completionTables();
    for (const [commandPath, flags] of tables.flags) {
      if (!commandPath) continue;
      for (const flag of flags.filter((f) => f !== '--help')) {
        const value = tables.values.has(flag) ? ['1'] : [];
        const errors: string[] = [];
        const io = { ...silent(), err: (text: string) => errors.push(text) };
        // Paths above a sub-command list its flags too: ask the deepest path that has the flag.
        const deepest = [...tables.flags]
          .filter(([p, f]) => p.startsWith(commandPath) && f.includes(flag))
          .sort((a, b) => b[0].length - a[0].length)[0]![0];
        const args = [...deepest.split(' '), ...positionalFor(deepest), flag, ...value, '--zz-not-a-flag'];
        const code = await main(args, io).catch((error: unknown) => reportError(error, io));
        expect({ args, code, error: errors.join('') }).toMatchObject({ code: 2, error: expect.stringContaining("'--zz-not-a-flag'") });
      }
    }
  });

  it('zsh and fish carry the same tables: every command, flag and service id', async () => {
    const tables = completionTables();
    for (const shell of ['zsh', 'fish'] as const) {
      const text = completionScript(shell, tables);
      for (const words of tables.words.values()) for (const word of words) expect(text).toContain(word);
      for (const flags of tables.flags.values()) for (const flag of flags) expect(text).toContain(flag);
      for (const service of serviceMeta()) expect(text).toContain(service.id);
    }
    expect(completionScript('zsh', tables)).toMatch(/^#compdef awsnotes\n/);
    expect(completionScript('fish', tables)).toContain("complete -c awsnotes -f -a '(__awsnotes_complete)'");
  });

  it('an unknown shell is a usage error', async () => {
    expect(await runInProcess(['completion', 'tcsh'])).toMatchObject({ code: 2, stdout: '' });
    expect((await runInProcess(['completion'])).stderr).toMatch(/which shell\? bash, zsh or fish/);
  });
});

/** A positional the path needs before its flags are parsed (none do today but import). */
function positionalFor(commandPath: string): string[] {
  return commandPath === 'import' ? ['x.json'] : [];
}
