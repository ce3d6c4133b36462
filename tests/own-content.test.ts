// The learner's own notes and questions, loaded from a config directory into the content:
// what they become, what is reported (file, line, what), what is refused, and the cache.
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installOwnContent, loadService, questions, serviceMeta, services } from '../src/content/bundle.js';
import { menuRows } from '../src/browse/menu.js';
import { formatProblem, loadOwnContent } from '../src/own/index.js';
import { drawExam, examPool } from '../src/quiz/exam.js';
import { createRng } from '../src/quiz/random.js';
import { selectQuestions } from '../src/quiz/sources.js';
import { emptyProgress } from '../src/progress/schema.js';
import { lineText } from '../src/render/lines.js';
import { layoutNote, MINE_GUTTER } from '../src/render/note.js';
import { search } from '../src/search/search.js';
import { backupText, parseBackup, writeBackup } from '../src/progress/backup.js';
import { tempDir } from './helpers/cli.js';
import { bedrockNote, bedrockQuestion, writeOwnFile } from './helpers/own-files.js';

afterEach(() => installOwnContent(undefined));

const write = writeOwnFile;

const SERVICE = bedrockNote({ aliases: ['foundation models', 'LLM'] });

const QUESTION = (id: string, section = 'overview', extra = '') => bedrockQuestion(id, { section, extra });

describe('notes of your own on a shipped service', () => {
  it('end its note as a "My notes" section, every line marked, their headings as subsections', async () => {
    const dir = tempDir();
    write(dir, 'notes/sqs.md', '- The **visibility timeout** trap: 6x the function timeout.\n\n## Mnemonics\n- DLQ = dead letter queue\n');
    expect(await loadOwnContent(dir)).toEqual([]);
    const sqs = loadService('sqs')!;
    const own = sqs.sections.filter((s) => s.own);
    expect(own.map((s) => [s.slug, s.title, s.level])).toEqual([
      ['my-notes', 'My notes', 2],
      ['my-notes-mnemonics', 'Mnemonics', 3],
    ]);
    const layout = layoutNote(sqs, 80);
    const lines = layout.lines.map(lineText);
    const start = layout.anchors.get('my-notes')!;
    expect(lines[start]).toBe(`${MINE_GUTTER}My notes`);
    // Every line from the heading to the end carries the mark, as text (it shows without colour).
    expect(lines.slice(start).every((l) => l.startsWith(MINE_GUTTER))).toBe(true);
    expect(lines.slice(start).join('\n')).toContain('DLQ = dead letter queue');
    // Nothing above is marked: the shipped note is as it was.
    expect(lines.slice(0, start).some((l) => l.startsWith(MINE_GUTTER))).toBe(false);
  });

  it('are found by search, highlighted, beside the shipped lines, as soon as they are loaded', async () => {
    const dir = tempDir();
    expect(search('zanzibar')).toEqual([]);
    write(dir, 'notes/sqs.md', '- Zanzibar mnemonic for the redrive policy\n');
    await loadOwnContent(dir);
    const [hit] = search('zanzibar');
    expect(hit).toMatchObject({ service: 'sqs', section: 'my-notes', kind: 'line', text: 'Zanzibar mnemonic for the redrive policy' });
    expect(hit!.ranges).toEqual([[0, 7]]);
    // A word of the service's name counts for a line of theirs too.
    expect(search('sqs zanzibar')[0]).toMatchObject({ service: 'sqs', section: 'my-notes' });
    // The shipped search is untouched.
    expect(search('fifo')[0]?.service).toBe('sqs');
  });

  it('are searched as the shipped notes are: a table by its header row, words spread over a section of theirs', async () => {
    const dir = tempDir();
    write(
      dir,
      'notes/sqs.md',
      '## Traps\n\n| Quokka setting | Default |\n|---|---|\n| retention | 4 days |\n\n- zephyr here\n- and wombat there\n',
    );
    await loadOwnContent(dir);
    expect(search('quokka')).toEqual([
      expect.objectContaining({ service: 'sqs', section: 'my-notes-traps', text: 'Quokka setting | Default' }),
    ]);
    // No line holds both words; their section does: shown by its line holding one, that word highlighted.
    expect(search('zephyr wombat')).toEqual([
      expect.objectContaining({ service: 'sqs', section: 'my-notes-traps', text: 'zephyr here', ranges: [[0, 5]] }),
    ]);
  });

  it('a hit on one line of theirs comes before a section of the shipped notes that holds the words only between its lines', async () => {
    const query = 'concurrency throttling alias';
    const [spread] = search(query);
    // Shipped: Lambda's exam tips hold the three words, on no line together.
    expect(spread).toMatchObject({ service: 'lambda', section: 'exam-tips' });
    expect(spread!.text).not.toMatch(/alias/i);
    const dir = tempDir();
    write(dir, 'notes/lambda.md', '- Throttling per alias: reserved concurrency is per function, not per alias.\n');
    await loadOwnContent(dir);
    const hits = search(query);
    expect(hits.map((h) => [h.section, h.text])).toEqual([
      ['my-notes', 'Throttling per alias: reserved concurrency is per function, not per alias.'],
      [spread!.section, spread!.text],
    ]);
    expect(hits[1]!.score).toBeGreaterThan(hits[0]!.score);
  });
});

describe('a service of your own', () => {
  it('joins the list, lookups, search and the reader, marked as yours', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', SERVICE);
    expect(await loadOwnContent(dir)).toEqual([]);
    const meta = serviceMeta().find((s) => s.id === 'bedrock');
    expect(meta).toMatchObject({ title: 'Amazon Bedrock', category: 'analytics', aliases: ['foundation models', 'LLM'], own: true });
    expect(search('guardrails')[0]).toMatchObject({ service: 'bedrock', section: 'guardrails' });
    expect(search('bedrok')[0]).toMatchObject({ service: 'bedrock', kind: 'title' });
    const lines = layoutNote(loadService('bedrock')!, 80).lines.map(lineText);
    expect(lines[1]).toContain('your own note');
    expect(lines.slice(3).every((l) => l.startsWith(MINE_GUTTER))).toBe(true);
  });

  it('opens at the top when the menu query is its name, as a shipped service does; at a section the query is about', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', SERVICE.replace('- Filters harmful', '- Bedrock Guardrails filter harmful'));
    write(dir, 'notes/sqs.md', '- zanzibar\n');
    await loadOwnContent(dir);
    const target = (query: string) => menuRows(query, new Set()).find((r) => r.kind === 'service')!;
    // "bedrock" is also on a line of the Guardrails section: the name still opens the note itself.
    for (const name of ['bedrock', 'amazon bedrock', 'foundation models', 'llm'])
      expect({ name, row: target(name) }).toMatchObject({ name, row: { service: { id: 'bedrock' }, target: null } });
    expect(target('bedrock guardrails')).toMatchObject({ service: { id: 'bedrock' }, target: 'guardrails' });
    // Your "My notes" is a section named like any other.
    expect(target('sqs my notes')).toMatchObject({ service: { id: 'sqs' }, target: 'my-notes' });
  });

  it('needs an id and a title that awsnotes does not ship: without them the file is reported, with its line', async () => {
    const dir = tempDir();
    write(dir, 'notes/glue-jobs.md', '- a note on nothing awsnotes ships\n');
    write(dir, 'notes/bedrock.md', SERVICE.replace('title: Amazon Bedrock\n', ''));
    const problems = await loadOwnContent(dir);
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'notes/bedrock.md:1: awsnotes ships no service "bedrock": a service of your own needs front matter with its id, title and category (awsnotes note edit --new bedrock writes one)',
      'notes/glue-jobs.md:1: awsnotes ships no service "glue-jobs": a service of your own needs front matter with its id, title and category (awsnotes note edit --new glue-jobs writes one)',
    ]);
    expect(serviceMeta().some((s) => s.own)).toBe(false);
  });

  it('front matter that is not YAML is reported at its line; the other files load', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', '---\nid: bedrock\ntitle: [Amazon Bedrock\ncategory: analytics\n---\n\n## Overview\n- x\n');
    write(dir, 'notes/sqs.md', '- still loaded\n');
    const problems = await loadOwnContent(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'notes/bedrock.md', line: 4 });
    expect(problems[0]!.message).toMatch(/^front matter is not valid YAML: /);
    expect(loadService('sqs')!.sections.some((s) => s.slug === 'my-notes')).toBe(true);
  });

  it('an alias another service has is left out and said, so lookups stay unambiguous', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', SERVICE.replace('[foundation models, LLM]', '[foundation models, SQS, Amazon Lambda]'));
    const problems = await loadOwnContent(dir);
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'notes/bedrock.md:4: alias "SQS" left out: it already names sqs',
      'notes/bedrock.md:4: alias "Amazon Lambda" left out: it already names lambda',
    ]);
    expect(serviceMeta().find((s) => s.id === 'bedrock')!.aliases).toEqual(['foundation models']);
  });
});

describe('questions of your own', () => {
  it('join the bank marked as yours, are asked by service, and never drawn for the exam', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', SERVICE);
    write(dir, 'questions/bedrock.yaml', QUESTION('bedrock-billing') + QUESTION('bedrock-billing-again'));
    expect(await loadOwnContent(dir, { questions: true })).toEqual([]);
    const mine = questions().filter((q) => q.own);
    expect(mine.map((q) => q.id)).toEqual(['bedrock-billing', 'bedrock-billing-again']);
    expect(mine[0]!.tasks).toEqual([]);
    const asked = selectQuestions(questions(), { kind: 'service', service: 'bedrock' }, emptyProgress(), new Date(), () => 0.5);
    expect(asked.map((q) => q.id).sort()).toEqual(['bedrock-billing', 'bedrock-billing-again']);
    const pool = examPool(questions(), services());
    expect(pool.length).toBeGreaterThan(100);
    expect(pool.some((q) => q.own)).toBe(false);
    const rng = createRng(1);
    for (let i = 0; i < 20; i++) expect(drawExam(questions(), services(), rng).some((q) => q.own)).toBe(false);
  });

  it('a shipped service takes questions on its sections and on your notes about it', async () => {
    const dir = tempDir();
    write(dir, 'notes/sqs.md', '- my trap\n');
    write(dir, 'questions/sqs.yaml', QUESTION('sqs-mine-1', 'dead-letter-queues') + QUESTION('sqs-mine-2', 'my-notes'));
    expect(await loadOwnContent(dir, { questions: true })).toEqual([]);
    expect(
      questions()
        .filter((q) => q.own)
        .map((q) => `${q.service}#${q.section}`),
    ).toEqual(['sqs#dead-letter-queues', 'sqs#my-notes']);
  });

  it('a broken YAML file is reported with its line; every other file still loads', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', SERVICE);
    write(dir, 'questions/bedrock.yaml', QUESTION('bedrock-billing'));
    write(dir, 'questions/sqs.yaml', '- id: sqs-broken\n  domain: development\n  options: [\n    - text: x\n');
    const problems = await loadOwnContent(dir, { questions: true });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'questions/sqs.yaml', line: 4 });
    expect(formatProblem(problems[0]!)).toMatch(/^questions\/sqs\.yaml:4: not valid YAML: /);
    expect(
      questions()
        .filter((q) => q.own)
        .map((q) => q.id),
    ).toEqual(['bedrock-billing']);
    expect(serviceMeta().some((s) => s.id === 'bedrock')).toBe(true);
  });

  it('a question that breaks a rule is left out, reported at the line of the field at fault', async () => {
    const dir = tempDir();
    write(dir, 'notes/bedrock.md', SERVICE);
    const twoRight = QUESTION('bedrock-two-right').replace(
      '      why: That is provisioned',
      '      correct: true\n      why: That is provisioned',
    );
    write(
      dir,
      'questions/bedrock.yaml',
      [
        QUESTION('bedrock-ok'),
        twoRight,
        QUESTION('bedrock-nowhere', 'pricing'),
        QUESTION('sqs-fifo-message-groups'),
        QUESTION('bedrock-tasks', 'overview', '  tasks: ["1.1", "4.9"]\n'),
      ].join(''),
    );
    const problems = (await loadOwnContent(dir, { questions: true })).map((p) => formatProblem(p));
    expect(problems).toEqual([
      'questions/bedrock.yaml:22: question 2 (bedrock-two-right): a single-answer question has exactly 4 options and 1 correct',
      'questions/bedrock.yaml:37: question 3 (bedrock-nowhere): section "pricing" is not a heading of your notes/bedrock.md (it has: overview, guardrails)',
      'questions/bedrock.yaml:50: question 4 (sqs-fifo-message-groups): id must start with "bedrock-"',
      'questions/bedrock.yaml:50: question 4 (sqs-fifo-message-groups): id "sqs-fifo-message-groups" is already taken by another question',
      'questions/bedrock.yaml:82: question 5 (bedrock-tasks): tasks: unknown task statement "4.9" (content/exam-guide.yaml has 1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 3.4, 4.1, 4.2, 4.3)',
    ]);
    expect(
      questions()
        .filter((q) => q.own)
        .map((q) => q.id),
    ).toEqual(['bedrock-ok']);
  });

  it('a file named after no service is reported and left out', async () => {
    const dir = tempDir();
    write(dir, 'questions/nothing-here.yaml', QUESTION('nothing-here-1'));
    expect((await loadOwnContent(dir, { questions: true })).map((p) => formatProblem(p))).toEqual([
      'questions/nothing-here.yaml:1: no service "nothing-here": name the file after a service (awsnotes list), yours included (notes/nothing-here.md)',
    ]);
  });
});

describe('hostile content', () => {
  it('escape sequences are shown as text, HTML and links as written, never interpreted', async () => {
    const dir = tempDir();
    write(
      dir,
      'notes/sqs.md',
      '- title \x1b]0;PWNED\x07 and \x1b[2J clear\n- <script>alert(1)</script> and [a link](https://example.com)\n',
    );
    write(dir, 'notes/bedrock.md', SERVICE.replace('title: Amazon Bedrock', 'title: "Amazon \\e[31mBedrock"'));
    expect(await loadOwnContent(dir)).toEqual([]);
    const text = layoutNote(loadService('sqs')!, 100).lines.map(lineText).join('\n');
    expect(text).not.toMatch(/\x1b|\x07/);
    expect(text).toContain('title \\x1B]0;PWNED\\x07 and \\x1B[2J clear');
    expect(text).toContain('<script>alert(1)</script> and [a link](https://example.com)');
    expect(serviceMeta().find((s) => s.id === 'bedrock')!.title).toBe('Amazon \\x1B[31mBedrock');
  });

  it('a file over 1 MiB is refused unread, a FIFO or a directory is refused, a badly named file is left out', async () => {
    const dir = tempDir();
    write(dir, 'notes/sqs.md', Buffer.alloc(1024 * 1024 + 1, 'a'));
    mkdirSync(path.join(dir, 'notes', 'kinesis.md'));
    write(dir, 'notes/My Notes.md', '- x\n');
    write(dir, 'notes/lambda.md', '- still loaded\n');
    const problems = (await loadOwnContent(dir)).map((p) => formatProblem(p));
    expect(problems).toEqual([
      "notes/My Notes.md: left out: the file's name must be a service id in kebab-case (sqs.md, my-service.md, sqs.yaml)",
      'notes/kinesis.md: left out: not a regular file',
      'notes/sqs.md: left out, not read: larger than 1 MiB (1,048,577 bytes)',
    ]);
    expect(loadService('lambda')!.sections.some((s) => s.own)).toBe(true);
  });
});

describe('the cache', () => {
  it('a second start uses the compiled file while its size and time are unchanged, and compiles it again when they change', async () => {
    const dir = tempDir();
    const file = write(dir, 'notes/sqs.md', '- the original line\n');
    await loadOwnContent(dir);
    const cacheFile = path.join(dir, 'cache', 'own-notes.json');
    // Change what the caches say the file holds: a start that reads them shows that.
    for (const name of readdirSync(path.join(dir, 'cache'))) {
      const cached = path.join(dir, 'cache', name);
      writeFileSync(cached, readFileSync(cached, 'utf8').replace('the original line', 'the cached line'));
    }
    await loadOwnContent(dir);
    const shown = () => layoutNote(loadService('sqs')!, 80).lines.map(lineText).join('\n');
    expect(shown()).toContain('the cached line');
    // Same text, another time: compiled again from the file.
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await loadOwnContent(dir);
    expect(shown()).toContain('the original line');
    expect(readFileSync(cacheFile, 'utf8')).toContain('the original line');
  });

  it('with no file of yours nothing is installed, and removing the files removes what they added', async () => {
    const dir = tempDir();
    expect(await loadOwnContent(dir, { questions: true })).toEqual([]);
    const shipped = serviceMeta();
    write(dir, 'notes/bedrock.md', SERVICE);
    await loadOwnContent(dir);
    expect(serviceMeta().length).toBe(shipped.length + 1);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'notes'), { recursive: true });
    await loadOwnContent(dir);
    expect(serviceMeta()).toBe(shipped);
  });
});

describe('a backup carries your files', () => {
  it('writes them after the events and reads them back; refuses a path outside notes/ and questions/', () => {
    const own = { 'notes/sqs.md': '- mine\n', 'questions/sqs.yaml': '- id: x\n' };
    let text = '';
    writeBackup(
      () => {},
      new Date(0),
      '0.1.0',
      (chunk) => {
        text += chunk;
      },
      undefined,
      own,
    );
    const parsed = parseBackup(text, new Date());
    expect(parsed).toMatchObject({ ok: true, events: [], own });
    expect(parseBackup(backupText([], new Date(0), '0.1.0'), new Date())).not.toHaveProperty('own');
    for (const bad of ['../progress.json', 'notes/../../x.md', '/etc/passwd', 'notes/a/b.md', 'notes/x.txt']) {
      const hostile = JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, events: [], own: { [bad]: 'x' } });
      expect(parseBackup(hostile, new Date())).toMatchObject({ ok: false });
    }
  });
});
