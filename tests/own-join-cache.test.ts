// The learner's files as joined to the shipped content are cached (cache/own-content.json,
// src/own/load.ts): a start after no edit reads that alone. It must give exactly what
// joining the files gives, and any edit (a file changed, added, removed, or only touched)
// must show at once, as must other shipped content.
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_ID } from '../generated/version.js';
import { installOwnContent, loadService, ownContent, questions, serviceMeta } from '../src/content/bundle.js';
import { formatProblem, loadOwnContent } from '../src/own/index.js';
import { search } from '../src/search/search.js';
import { tempDir } from './helpers/cli.js';
import { bedrockNote, bedrockQuestion, writeOwnFile } from './helpers/own-files.js';

afterEach(() => installOwnContent(undefined));

const write = writeOwnFile;

/** A later modification time: what an editor's save gives the file. */
const touch = (file: string, seconds: number) => utimesSync(file, new Date(), new Date(Date.now() + seconds * 1000));

const SERVICE = (title: string) => bedrockNote({ title });

const QUESTION = (id: string, stem: string, section = 'overview') => bedrockQuestion(id, { stem, section });

/** Everything a command reads of the learner's content, as plain data. */
async function loaded(dir: string) {
  const problems = (await loadOwnContent(dir, { questions: true })).map((p) => formatProblem(p));
  const own = ownContent()!;
  return {
    problems,
    meta: serviceMeta(),
    questions: questions(),
    sqs: loadService('sqs'),
    bedrock: loadService('bedrock'),
    annotations: [...own.annotations],
    names: own.names,
    search: search('guardrails token visibility').map((hit) => [hit.service, hit.section, hit.text]),
  };
}

/** Replaces `from` with `to` in every cache file that holds it; the names of those files. */
function tamper(dir: string, from: string, to: string, only?: string): string[] {
  const changed: string[] = [];
  for (const name of readdirSync(path.join(dir, 'cache'))) {
    if (only && name !== only) continue;
    const file = path.join(dir, 'cache', name);
    const text = readFileSync(file, 'utf8');
    if (!text.includes(from)) continue;
    writeFileSync(file, text.replaceAll(from, to));
    changed.push(name);
  }
  return changed;
}

function mixedFiles(dir: string) {
  write(dir, 'notes/sqs.md', '- The **visibility timeout** trap: 6x the function timeout.\n\n## Mnemonics\n- DLQ = dead letter queue\n');
  write(dir, 'notes/bedrock.md', SERVICE('Amazon Bedrock'));
  write(dir, 'notes/Bad Name.md', '- left out\n');
  write(
    dir,
    'questions/bedrock.yaml',
    QUESTION('bedrock-q1', 'How is on-demand inference billed in this scenario?') +
      QUESTION('bedrock-q2', 'Which section does this point at?', 'no-such-section'),
  );
  write(dir, 'questions/sqs.yaml', QUESTION('sqs-mine-1', 'Where do my notes on SQS go?', 'my-notes-mnemonics'));
  write(dir, 'questions/kinesis.yaml', '- id: [unclosed\n');
}

describe('the cache of your files as joined', () => {
  it('gives on a start after no edit exactly what joining the files gives, and is what that start reads', async () => {
    const dir = tempDir();
    mixedFiles(dir);
    const joined = await loaded(dir);
    // Problems of every kind are among what is cached: a bad name, a rule broken, bad YAML.
    expect(joined.problems).toHaveLength(3);
    expect(existsSync(path.join(dir, 'cache', 'own-content.json'))).toBe(true);
    installOwnContent(undefined);
    expect(await loaded(dir)).toStrictEqual(joined);

    // The compiled files' caches are not read on such a start: the joined one is.
    expect(tamper(dir, 'Where do my notes on SQS go?', 'From the compiled file', 'own-questions.json')).toEqual(['own-questions.json']);
    await loadOwnContent(dir, { questions: true });
    expect(questions().some((q) => q.question === 'Where do my notes on SQS go?')).toBe(true);
    expect(tamper(dir, 'Where do my notes on SQS go?', 'From the joined cache', 'own-content.json')).toEqual(['own-content.json']);
    await loadOwnContent(dir, { questions: true });
    expect(questions().some((q) => q.question === 'From the joined cache')).toBe(true);
  });

  it('shows an edit at once: a file changed, added, removed, or only touched', async () => {
    const dir = tempDir();
    mixedFiles(dir);
    await loaded(dir);

    const yaml = write(dir, 'questions/bedrock.yaml', QUESTION('bedrock-q1', 'How is batch inference billed, edited?'));
    touch(yaml, 5);
    let now = await loaded(dir);
    expect(now.questions.find((q) => q.id === 'bedrock-q1')?.question).toBe('How is batch inference billed, edited?');
    expect(now.questions.some((q) => q.id === 'bedrock-q2')).toBe(false);
    expect(now.problems).toHaveLength(2);

    const note = write(dir, 'notes/bedrock.md', SERVICE('Amazon Bedrock, renamed'));
    touch(note, 10);
    now = await loaded(dir);
    expect(now.meta.find((s) => s.id === 'bedrock')?.title).toBe('Amazon Bedrock, renamed');

    write(dir, 'questions/lambda.yaml', QUESTION('lambda-mine-1', 'A question added on Lambda?'));
    now = await loaded(dir);
    expect(now.questions.map((q) => q.id)).toContain('lambda-mine-1');

    rmSync(path.join(dir, 'notes', 'bedrock.md'));
    now = await loaded(dir);
    expect(now.meta.some((s) => s.id === 'bedrock')).toBe(false);
    expect(now.problems).toContain(
      `questions/bedrock.yaml:1: no service "bedrock": name the file after a service (awsnotes list), yours included (notes/bedrock.md)`,
    );

    // Touched only: joined again from the compiled files, the same as before.
    const before = now;
    touch(path.join(dir, 'notes', 'sqs.md'), 20);
    tamper(dir, 'dead letter queue', 'stale join', 'own-content.json');
    now = await loaded(dir);
    expect(now).toStrictEqual(before);
  });

  it('is not used for other shipped content', async () => {
    const dir = tempDir();
    mixedFiles(dir);
    const joined = await loaded(dir);
    // As if made by a build of other content: its key names another content id.
    tamper(dir, CONTENT_ID, '0000000000000000', 'own-content.json');
    tamper(dir, 'Where do my notes on SQS go?', 'From another build', 'own-content.json');
    expect(await loaded(dir)).toStrictEqual(joined);
  });

  it('is not written while a file cannot be used as it is, and is once it can', async () => {
    const dir = tempDir();
    mixedFiles(dir);
    const big = write(dir, 'notes/lambda.md', Buffer.alloc(1024 * 1024 + 1, 'a'));
    const first = await loaded(dir);
    expect(first.problems).toContain('notes/lambda.md: left out, not read: larger than 1 MiB (1,048,577 bytes)');
    expect(existsSync(path.join(dir, 'cache', 'own-content.json'))).toBe(false);
    // Told again on the next start, as it still is.
    expect((await loaded(dir)).problems).toEqual(first.problems);
    write(dir, 'notes/lambda.md', '- small again\n');
    touch(big, 5);
    const fixed = await loaded(dir);
    expect(fixed.problems.some((p) => p.startsWith('notes/lambda.md'))).toBe(false);
    expect(existsSync(path.join(dir, 'cache', 'own-content.json'))).toBe(true);
  });
});

describe('commands with and without your questions', () => {
  it('each read a join of their own: going from one to the other rewrites no cache', async () => {
    const dir = tempDir();
    mixedFiles(dir);
    await loadOwnContent(dir, { questions: true });
    await loadOwnContent(dir);
    const contents = () => readdirSync(path.join(dir, 'cache')).map((name) => [name, readFileSync(path.join(dir, 'cache', name), 'utf8')]);
    const before = contents();
    expect(before.map(([name]) => name)).toEqual(expect.arrayContaining(['own-content.json', 'own-content-notes.json']));
    for (const questionsToo of [true, false, true, false]) {
      await loadOwnContent(dir, { questions: questionsToo });
      // The notes-only join tells no problem of the question files.
      const problems = (await loadOwnContent(dir, { questions: questionsToo })).map((p) => p.file);
      expect(problems.some((file) => file.startsWith('questions/'))).toBe(questionsToo);
    }
    expect(contents()).toEqual(before);
  });
});
