// `awsnotes quiz --plain` driven through stdin, and `awsnotes questions`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { questions } from '../src/content/bundle.js';
import { runInProcess, STACK_TRACE, tempDir } from './helpers/cli.js';

/** The answers the journal holds, as the old file listed them. */
const answersIn = (dir: string) =>
  readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .filter((event) => event.e === 'a')
    .map((event) => ({
      question: event.q as string,
      correct: event.ok === 1,
      source: ({ p: 'plain', d: 'drill', e: 'exam' } as Record<string, string>)[event.s] ?? 'quiz',
      chosen: event.c as number[],
    }));

describe('awsnotes quiz --plain', () => {
  it('asks, reads letters one line at a time, explains, records, and scores', async () => {
    const dir = tempDir();
    // A, AB or ABC, whichever the question takes ("choose 1/2/3"): the others are refused.
    const r = await runInProcess(['quiz', '--plain', '--service', 'kms', '--count', '3'], {
      input: 'A\nAB\nABC\n'.repeat(3),
      configDir: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^Question \d\/3$/gm)).toHaveLength(3);
    expect(r.stdout).toMatch(/ A\. /);
    expect(r.stdout.match(/^(✓ Correct|✗ Wrong)\./gm)).toHaveLength(3);
    expect(r.stdout).toMatch(/^Score: \d\/3 correct \(\d+%\)$/m);
    const answers = answersIn(dir);
    expect(answers).toHaveLength(3);
    expect(answers.every((a) => a.source === 'plain' && a.question.startsWith('kms-'))).toBe(true);
    const right = answers.filter((a) => a.correct).length;
    expect(r.stdout).toContain(`Score: ${right}/3`);
  });

  it('the right letters are scored right, the wrong ones wrong (AWSNOTES_SEED repeats the shuffle)', async () => {
    const env = { AWSNOTES_SEED: '42' };
    const look = await runInProcess(['quiz', '--plain', '--service', 'iam', '--count', '1'], { input: '', env });
    const options = [...look.stdout.matchAll(/^(?:\( \)|\[ \]) ([A-F])\. (.+)$/gm)].map((m) => ({ letter: m[1]!, text: m[2]! }));
    const stemLine = look.stdout.split('\n')[3]!;
    const question = questions().find(
      (q) => q.service === 'iam' && q.question.replace(/\s+/g, ' ').includes(stemLine.trim().split(' ').slice(0, 6).join(' ')),
    )!;
    expect(question, stemLine).toBeDefined();
    const right = options
      .filter((o) => question.options.some((q) => q.correct && q.text.replace(/\s+/g, ' ').startsWith(o.text.trim().slice(0, 30))))
      .map((o) => o.letter);
    expect(right.length).toBe(question.options.filter((o) => o.correct).length);
    const wrong = options.map((o) => o.letter).find((l) => !right.includes(l))!;

    const good = await runInProcess(['quiz', '--plain', '--service', 'iam', '--count', '1'], { input: `${right.join('')}\n`, env });
    expect(good.stdout).toMatch(/^✓ Correct\./m);
    expect(good.stdout).toContain('Score: 1/1 correct (100%)');
    const bad = await runInProcess(['quiz', '--plain', '--service', 'iam', '--count', '1'], { input: `${wrong}\n`, env });
    expect(bad.stdout).toMatch(/^✗ Wrong\. The answer is /m);
    expect(bad.stdout).toContain('Score: 0/1 correct (0%)');
  });

  it('ends cleanly at end of input with the score so far', async () => {
    // One answer the first question takes: as many letters as it asks for.
    const env = { AWSNOTES_SEED: '7' };
    const look = await runInProcess(['quiz', '--plain', '--count', '5'], { input: '', env });
    const needed = Number(/ · choose (\d)$/m.exec(look.stdout)?.[1] ?? 1);
    const r = await runInProcess(['quiz', '--plain', '--count', '5'], { input: `${'ABC'.slice(0, needed)}\n`, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Score: \d\/1 correct \(\d+%\), 4 not answered/);
  });

  it('end of input before any answer: no score to give, not "0/0 correct (0%)"', async () => {
    const r = await runInProcess(['quiz', '--plain', '--service', 'kms', '--count', '3'], { input: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Score: no question answered$/m);
    expect(r.stdout).not.toMatch(/0\/0|\(0%\)/);
  });

  it('re-asks on a bad answer instead of guessing', async () => {
    const r = await runInProcess(['quiz', '--plain', '--service', 'sqs', '--count', '1'], { input: 'Z\n\nA\nAB\nABC\n' });
    expect(r.stdout).toMatch(/'Z' is not an option/);
    expect(r.stdout).toMatch(/no answer given/);
    expect(r.stdout).toMatch(/Score: \d\/1/);
  });

  it('drills work in plain mode too', async () => {
    const dir = tempDir();
    const r = await runInProcess(['quiz', '--plain', '--drills', '--count', '2'], { input: 'A\nB\n', configDir: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/capacity units|shards/);
    expect(answersIn(dir).every((a) => a.source === 'drill' && a.question.startsWith('drill-'))).toBe(true);
  });

  it.each([
    [['quiz'], /Quiz screen needs a terminal; use --plain/],
    [['quiz', '--plain', '--service', 'nosuchthing'], /no service 'nosuchthing'/],
    [['quiz', '--plain', '--domain', 'cooking'], /--domain must be one of development, security, deployment, troubleshooting/],
    [['quiz', '--plain', '--due', '--missed'], /choose one source/],
    [['quiz', '--plain', '--count', '0'], /--count takes a whole number/],
    [['exam'], /needs a terminal/],
  ])('%j: exit 2 with a message', async (args, message) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('an empty source says so and exits 1', async () => {
    // Nothing due and no new question allowed today: nothing to ask.
    const dir = tempDir();
    await runInProcess(['config', 'set', 'new-per-day', '0'], { configDir: dir });
    const r = await runInProcess(['quiz', '--plain', '--due'], { configDir: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no questions for due for review/);
  });
});

describe('awsnotes questions', () => {
  it('--json has the documented shape and resolvable notes', async () => {
    const r = await runInProcess(['questions', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as {
      id: string;
      service: string;
      domain: string;
      kind: string;
      question: string;
      options: string[];
      answer: number[];
      explanation: string;
      note: string;
    }[];
    expect(list.length).toBe(questions().length);
    for (const q of list) {
      expect(['development', 'security', 'deployment', 'troubleshooting']).toContain(q.domain);
      expect(['single', 'multiple', 'boolean']).toContain(q.kind);
      expect(q.answer.every((i) => i >= 0 && i < q.options.length)).toBe(true);
      expect(q.note).toMatch(new RegExp(`^${q.service}#[a-z0-9-]+$`));
    }
  });

  it('--service filters by id or alias', async () => {
    const list = JSON.parse((await runInProcess(['questions', '--service', 'ddb', '--json'])).stdout) as { service: string }[];
    expect(list.length).toBeGreaterThanOrEqual(10);
    expect(list.every((q) => q.service === 'dynamodb')).toBe(true);
  });
});
