// The built awsnotes with notes and questions of the learner's own: editing through a
// stand-in $EDITOR, quick capture, listing, problems told with file and line, the quiz and
// its schedule, and a backup that carries them to another machine.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgressStore } from '../src/progress/store.js';
import { CLI, run, runInProcess, STACK_TRACE, tempDir } from './helpers/cli.js';
import { BEDROCK_NOTE, writeOwnFile } from './helpers/own-files.js';

const write = writeOwnFile;

/** An $EDITOR that appends `line` to the file it is given, as a learner typing it would. */
function standInEditor(line: string): string {
  const script = path.join(tempDir('awsnotes-editor-'), 'editor.sh');
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' ${JSON.stringify(line)} >> "$1"\n`);
  chmodSync(script, 0o755);
  return script;
}

const SERVICE = BEDROCK_NOTE;

const QUESTIONS = `- id: bedrock-billing
  domain: development
  kind: boolean
  section: overview
  tasks: ["1.1"]
  question: On-demand inference in Amazon Bedrock is billed per token.
  options:
    - text: "True"
      correct: true
      why: On-demand inference is billed per input and output token.
    - text: "False"
      why: It is billed per token, not per hour or per request.
  explanation: Bedrock on-demand pricing counts input and output tokens.
`;

describe('awsnotes note', () => {
  it('note edit opens $EDITOR on your notes, made from the template; show, show --json and search have them at once', async () => {
    const dir = tempDir();
    const editor = standInEditor('- Zanzibar: the redrive policy mnemonic.');
    const edited = await runInProcess(['note', 'edit', 'sqs'], { configDir: dir, env: { EDITOR: editor, VISUAL: undefined } });
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain(`Saved ${path.join(dir, 'notes', 'sqs.md')}`);
    const text = readFileSync(path.join(dir, 'notes', 'sqs.md'), 'utf8');
    expect(text).toMatch(/^---\n# Your notes on Amazon Simple Queue Service/);
    expect(text.trimEnd().endsWith('- Zanzibar: the redrive policy mnemonic.')).toBe(true);

    const shown = await runInProcess(['show', 'sqs'], { configDir: dir, env: { NO_COLOR: '1' } });
    expect(shown.code).toBe(0);
    const mine = shown.stdout.slice(shown.stdout.indexOf('┃ My notes'));
    expect(mine).toMatch(/^┃ My notes\n┃ ─+\n┃ • Zanzibar: the redrive policy mnemonic\.\n?$/);
    // The template's guidance is YAML comments: none of it shows.
    expect(shown.stdout).not.toContain('Lines starting with #');

    const json = JSON.parse((await runInProcess(['show', 'sqs', '--json'], { configDir: dir })).stdout);
    expect(json.sections.at(-1)).toEqual({ slug: 'my-notes', title: 'My notes', level: 2, own: true });
    expect(json.myNotes).toEqual({ file: path.join(dir, 'notes', 'sqs.md'), markdown: text });
    expect(json.text).toContain('┃ • Zanzibar');

    const found = JSON.parse((await runInProcess(['search', 'zanzibar', '--json'], { configDir: dir })).stdout);
    expect(found[0]).toMatchObject({ service: 'sqs', section: 'my-notes', text: 'Zanzibar: the redrive policy mnemonic.' });
  });

  it('$VISUAL comes before $EDITOR; a template left as it was is removed; a failing editor is said, exit 1', async () => {
    const dir = tempDir();
    const visual = standInEditor('- from VISUAL');
    expect((await runInProcess(['note', 'edit', 'kinesis'], { configDir: dir, env: { VISUAL: visual, EDITOR: 'false' } })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'notes', 'kinesis.md'), 'utf8')).toContain('- from VISUAL');

    const untouched = await runInProcess(['note', 'edit', 'lambda'], { configDir: dir, env: { VISUAL: undefined, EDITOR: 'true' } });
    expect(untouched.code).toBe(0);
    expect(untouched.stdout).toContain('Nothing written: notes/lambda.md was left as the template made it');
    expect(existsSync(path.join(dir, 'notes', 'lambda.md'))).toBe(false);

    // The binary: the shell's "not found" goes to its stderr, not to this process's.
    const failing = run(['note', 'edit', 'lambda'], { configDir: dir, env: { VISUAL: undefined, EDITOR: 'no-such-editor-here' } });
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain(
      'awsnotes: note edit: the editor "no-such-editor-here" was not found (set $VISUAL or $EDITOR); nothing was written',
    );
    expect(existsSync(path.join(dir, 'notes', 'lambda.md'))).toBe(false);
    const refused = await runInProcess(['note', 'edit', 'lambda'], { configDir: dir, env: { VISUAL: undefined, EDITOR: 'false' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('awsnotes: note edit: the editor "false" exited with code 1; nothing was written\n');

    const unknown = await runInProcess(['note', 'edit', 'zzzqqq'], { configDir: dir, env: { VISUAL: undefined, EDITOR: 'true' } });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('awsnotes note edit --new <id> adds one of your own');
  });

  it('note add appends a bullet without an editor: to a new file, to a list, after a paragraph', async () => {
    const dir = tempDir();
    expect(
      (await runInProcess(['note', 'add', 'dynamodb', 'GSI', 'throttling', 'throttles', 'the', 'table'], { configDir: dir })).code,
    ).toBe(0);
    expect((await runInProcess(['note', 'add', 'ddb', 'LSI: same partition key\nup to 10 GB per key'], { configDir: dir })).code).toBe(0);
    const file = path.join(dir, 'notes', 'dynamodb.md');
    expect(readFileSync(file, 'utf8')).toBe('- GSI throttling throttles the table\n- LSI: same partition key\n  up to 10 GB per key\n');
    writeFileSync(file, 'A paragraph of mine.');
    await runInProcess(['note', 'add', 'dynamodb', 'after it'], { configDir: dir });
    expect(readFileSync(file, 'utf8')).toBe('A paragraph of mine.\n\n- after it\n');
    const shown = (await runInProcess(['show', 'dynamodb'], { configDir: dir, env: { NO_COLOR: '1' } })).stdout;
    expect(shown).toContain('┃ A paragraph of mine.');
    expect(shown).toContain('┃ • after it');

    const empty = await runInProcess(['note', 'add', 'dynamodb'], { configDir: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('note add: what should I add?');
  });

  it('note edit --new makes a service of your own: it is in list, list --json and show', async () => {
    const dir = tempDir();
    const editor = path.join(tempDir('awsnotes-editor-'), 'editor.sh');
    // A learner filling in the template: their title and category, and a line of notes.
    writeFileSync(
      editor,
      `#!/bin/sh\nsed -i -e 's/^title: bedrock .*/title: Amazon Bedrock/' -e 's/^category: compute .*/category: analytics/' "$1"\nprintf -- '- Pay per token.\\n' >> "$1"\n`,
    );
    chmodSync(editor, 0o755);
    expect(
      (await runInProcess(['note', 'edit', '--new', 'bedrock'], { configDir: dir, env: { VISUAL: undefined, EDITOR: editor } })).code,
    ).toBe(0);
    const list = await runInProcess(['list'], { configDir: dir, env: { NO_COLOR: '1' } });
    expect(list.stdout).toMatch(/Analytics\n(.*\n)*\s+bedrock\s+Amazon Bedrock ✎/);
    const listed = JSON.parse((await runInProcess(['list', '--json'], { configDir: dir })).stdout);
    expect(listed.find((s: { id: string }) => s.id === 'bedrock')).toMatchObject({
      title: 'Amazon Bedrock',
      category: 'analytics',
      own: true,
    });
    expect(listed.find((s: { id: string }) => s.id === 'sqs')).toMatchObject({ own: false, myNotes: false });
    const shown = await runInProcess(['show', 'bedrock'], { configDir: dir, env: { NO_COLOR: '1' } });
    expect(shown.stdout).toMatch(/^Amazon Bedrock\n✎ your own note\n/);
    expect(shown.stdout).toContain('┃ • Pay per token.');

    const shipped = await runInProcess(['note', 'edit', '--new', 'sqs'], { configDir: dir, env: { VISUAL: undefined, EDITOR: 'true' } });
    expect(shipped.code).toBe(2);
    expect(shipped.stderr).toContain('awsnotes ships sqs; your notes on it: awsnotes note edit sqs');
  });

  it('note list lists your notes files, what each is about, and the problems of those left out', async () => {
    const dir = tempDir();
    write(dir, 'notes/sqs.md', '- mine\n');
    write(dir, 'notes/bedrock.md', SERVICE);
    write(dir, 'notes/nothing.md', '- no front matter, no such service\n');
    const listed = await runInProcess(['note', 'list'], { configDir: dir });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^bedrock {2}your service: Amazon Bedrock {2}\d+ bytes {2}\d{4}-\d\d-\d\d\n/);
    expect(listed.stdout).toMatch(/\nnothing {2}left out \(see below\)/);
    expect(listed.stdout).toMatch(/\nsqs {6}notes on Amazon Simple Queue Service \(Amazon SQS\)/);
    expect(listed.stderr).toContain(`${path.join(dir, 'notes', 'nothing.md')}:1: awsnotes ships no service "nothing"`);
    const json = JSON.parse((await runInProcess(['note', 'list', '--json'], { configDir: dir })).stdout);
    expect(json.map((r: { id: string; kind: string }) => [r.id, r.kind])).toEqual([
      ['bedrock', 'service'],
      ['nothing', 'left-out'],
      ['sqs', 'notes'],
    ]);
  });
});

describe('problems in your files', () => {
  it('a broken YAML file: one line on stderr with file and line, everything else works; questions --check lists all, exit 1', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', SERVICE);
    write(dir, 'questions/bedrock.yaml', QUESTIONS);
    write(dir, 'questions/sqs.yaml', '- id: sqs-broken\n  domain: development\n  options: [\n    - text: x\n');
    const file = path.join(dir, 'questions', 'sqs.yaml');

    const listed = await runInProcess(['questions', '--service', 'bedrock'], { configDir: dir });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('✎ bedrock-billing');
    expect(listed.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^awsnotes: ${file}:4: not valid YAML: `))]);
    expect(listed.stderr).not.toMatch(STACK_TRACE);
    // Commands that read no questions do not even open them.
    expect((await runInProcess(['list'], { configDir: dir })).stderr).toBe('');

    const check = await runInProcess(['questions', '--check'], { configDir: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(new RegExp(`^awsnotes: ${file}:4: not valid YAML: `));
    expect(check.stdout).toBe(`1 question of yours loaded from 2 files in ${dir}/questions; 1 problem in your files (above)\n`);

    writeFileSync(file, QUESTIONS.replaceAll('bedrock', 'sqs').replace('section: overview', 'section: dead-letter-queues'));
    const fixed = await runInProcess(['questions', '--check'], { configDir: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toBe(`2 questions of yours loaded from 2 files in ${dir}/questions; no problem in your notes or questions\n`);
  });

  it('a command tells five problems and counts the rest; questions --check tells them all', async () => {
    const dir = tempDir();
    for (let n = 1; n <= 6; n++) write(dir, `notes/Bad${n}.md`, '- x\n');
    const told = (await runInProcess(['list'], { configDir: dir })).stderr.trim().split('\n');
    expect(told).toHaveLength(6);
    expect(told.at(-1)).toBe('awsnotes: 1 more problem in your files (awsnotes questions --check lists them all)');
    write(dir, 'notes/Bad7.md', '- x\n');
    expect((await runInProcess(['list'], { configDir: dir })).stderr).toContain('awsnotes: 2 more problems in your files');
    expect((await runInProcess(['questions', '--check'], { configDir: dir })).stderr.trim().split('\n')).toHaveLength(7);
  });

  it('a file with escape sequences never drives the terminal, in the note or in a message about it', async () => {
    const dir = tempDir();
    write(dir, 'notes/sqs.md', '- \x1b]0;PWNED\x07 a title change\n');
    write(dir, 'notes/\x1b[2J.md', '- x\n');
    const shown = await runInProcess(['show', 'sqs'], { configDir: dir });
    expect(shown.stdout).not.toContain('\x1b]0;');
    expect(shown.stdout).toContain('\\x1B]0;PWNED\\x07 a title change');
    expect(shown.stderr).toContain('notes/\\x1B[2J.md: left out');
    expect(shown.stderr).not.toContain('\x1b[2J');
  });
});

describe('your questions in quizzes, the schedule and progress', () => {
  it('are asked by quiz --plain marked as yours, recorded and scheduled, counted by progress and coverage', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', SERVICE);
    write(dir, 'questions/bedrock.yaml', QUESTIONS);
    const quiz = await runInProcess(['quiz', '--plain', '--service', 'bedrock'], {
      configDir: dir,
      input: 'A\n',
      env: { AWSNOTES_SEED: '3', NO_COLOR: '1' },
    });
    expect(quiz.code).toBe(0);
    expect(quiz.stdout).toContain('✎ your question · Amazon Bedrock · Development with AWS Services · true or false');
    expect(quiz.stdout).toContain('Score: 1/1 correct');

    const progress = JSON.parse((await runInProcess(['progress', '--json'], { configDir: dir })).stdout);
    expect(progress.answered).toBe(1);
    expect(progress.services.find((s: { id: string }) => s.id === 'bedrock')).toMatchObject({ answered: 1, correct: 1, questions: 1 });
    // Scheduled: a card of its own, due again later, not now.
    const card = ProgressStore.open({ dir }).read().cards['bedrock-billing'];
    expect(card?.reps).toBe(1);
    expect(Date.parse(card!.due)).toBeGreaterThan(Date.now());
    const due = await runInProcess(['quiz', '--plain', '--due', '--count', '1000'], { configDir: dir, input: '' });
    expect(due.stdout).not.toContain('On-demand inference in Amazon Bedrock');

    const without = JSON.parse((await runInProcess(['coverage', '--json'], { configDir: tempDir() })).stdout);
    const coverage = JSON.parse((await runInProcess(['coverage', '--json'], { configDir: dir })).stdout);
    const task = (rows: { task: string; questions: number; answered: number }[]) => rows.find((r) => r.task === '1.1')!;
    expect(task(coverage).questions).toBe(task(without).questions + 1);
    expect(task(coverage).answered).toBe(1);

    const json = JSON.parse((await runInProcess(['questions', '--json', '--service', 'bedrock'], { configDir: dir })).stdout);
    expect(json).toEqual([expect.objectContaining({ id: 'bedrock-billing', own: true, tasks: ['1.1'] })]);
  });
});

describe('your content travels', () => {
  it('export then import on another machine: the files and the answers to your questions come along', async () => {
    const here = tempDir();
    write(here, 'notes/sqs.md', '- my sqs trap\n');
    write(here, 'notes/bedrock.md', SERVICE);
    write(here, 'questions/bedrock.yaml', QUESTIONS);
    await runInProcess(['quiz', '--plain', '--service', 'bedrock'], { configDir: here, input: 'A\n', env: { AWSNOTES_SEED: '3' } });
    const backup = path.join(tempDir(), 'backup.json');
    const exported = await runInProcess(['export', '--out', backup], { configDir: here });
    expect(exported.stderr).toContain('and 3 files of your notes and questions');

    const there = tempDir();
    const imported = await runInProcess(['import', backup], { configDir: there });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      'Restored 3 files of your notes and questions: notes/bedrock.md, notes/sqs.md, questions/bedrock.yaml.',
    );
    expect(imported.stdout).toContain('1 new answer');
    expect(imported.stdout).not.toContain('kept aside');
    for (const file of ['notes/sqs.md', 'notes/bedrock.md', 'questions/bedrock.yaml'])
      expect(readFileSync(path.join(there, file), 'utf8')).toBe(readFileSync(path.join(here, file), 'utf8'));
    const progress = JSON.parse((await runInProcess(['progress', '--json'], { configDir: there })).stdout);
    expect(progress.services.find((s: { id: string }) => s.id === 'bedrock')).toMatchObject({ answered: 1, correct: 1 });

    // A different file of the same name is kept, and the backup's written beside it.
    writeFileSync(path.join(there, 'notes', 'sqs.md'), '- what I wrote on this machine\n');
    const again = await runInProcess(['import', backup], { configDir: there });
    expect(again.code).toBe(0);
    const aside = readdirSync(path.join(there, 'notes')).find((f) => f.startsWith('sqs.md.imported-'))!;
    expect(again.stdout).toContain(`notes/sqs.md is here with other text: yours is kept, the backup's is in notes/${aside}`);
    expect(readFileSync(path.join(there, 'notes', 'sqs.md'), 'utf8')).toBe('- what I wrote on this machine\n');
    expect(readFileSync(path.join(there, 'notes', aside), 'utf8')).toBe('- my sqs trap\n');
    expect(again.stdout).toContain('2 files of yours already here, the same');
  });

  it('export --format anki includes your questions, tagged yours', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', SERVICE);
    write(dir, 'questions/bedrock.yaml', QUESTIONS);
    const anki = (await runInProcess(['export', '--format', 'anki'], { configDir: dir })).stdout.split('\n');
    const line = anki.find((l) => l.startsWith('On-demand inference in Amazon Bedrock'));
    expect(line?.split('\t')[2]).toBe('awsnotes yours service::bedrock domain::development task::1.1');
  });
});

describe('what a command loads', () => {
  /** The files `awsnotes args` reads (stages, caches, content), as names in dist/ and the config directory. */
  function reads(args: string[], dir: string): string[] {
    const log = path.join(tempDir(), 'reads.txt');
    const result = spawnSync(process.execPath, ['--require', path.resolve(import.meta.dirname, 'helpers/trace-reads.cjs'), CLI, ...args], {
      env: { ...process.env, AWSNOTES_CONFIG_DIR: dir, AWSNOTES_TEST_READS: log },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    return readFileSync(log, 'utf8')
      .split('\n')
      .map((file) => (file.startsWith(dir) ? `config/${path.relative(dir, file)}` : path.basename(file)));
  }

  it('with no file of yours nothing more than before; the parsers only when a file of yours changed', async () => {
    const dir = tempDir();
    for (const args of [['list'], ['show', 'sqs'], ['search', 'fifo'], ['questions']]) {
      const files = reads(args, dir);
      expect(files.filter((f) => /^own|^config\/(cache|notes|questions)/.test(f))).toEqual([]);
    }
    const note = write(dir, 'notes/sqs.md', '- mine\n');
    write(dir, 'questions/sqs.yaml', QUESTIONS.replaceAll('bedrock', 'sqs').replace('section: overview', 'section: my-notes'));
    // First start: each file read and compiled, by the compiler stage.
    expect(reads(['questions'], dir)).toEqual(
      expect.arrayContaining(['own.cjs', 'own-compile.cjs', 'config/notes/sqs.md', 'config/questions/sqs.yaml']),
    );
    // Second start: the cache of the files as joined, not the files, and no parser.
    const second = reads(['questions'], dir);
    expect(second).toEqual(expect.arrayContaining(['own.cjs', 'config/cache/own-content.json']));
    expect(second.filter((f) => f === 'own-compile.cjs' || f.startsWith('config/notes/') || f.startsWith('config/questions/'))).toEqual([]);
    // A command that reads no questions does not open their cache either.
    expect(reads(['list'], dir)).not.toContain('config/cache/own-questions.json');
    // An edit: that file alone is read and compiled again.
    utimesSync(note, new Date(), new Date(Date.now() + 5000));
    const edited = reads(['questions'], dir);
    expect(edited).toEqual(expect.arrayContaining(['own-compile.cjs', 'config/notes/sqs.md']));
    expect(edited).not.toContain('config/questions/sqs.yaml');
  });
});
