// `awsnotes coverage`, `quiz --task` and the tasks of `questions`, run as a learner would.
// Counts come from the compiled content, so the tests hold while the bank grows.
import { describe, expect, it } from 'vitest';
import { examGuide, questions } from '../src/content/bundle.js';
import { runInProcess, STACK_TRACE, tempDir } from './helpers/cli.js';

interface Row {
  domain: string;
  task: string;
  title: string;
  sections: string[];
  questions: number;
  answered: number;
  mastery: number;
}

const withTask = (task: string) => questions().filter((q) => q.tasks.includes(task));

describe('awsnotes coverage', () => {
  it('--json: every task statement with its sections and question count, nothing answered yet', async () => {
    const r = await runInProcess(['coverage', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    expect(rows.map((row) => row.task)).toEqual(examGuide().tasks.map((t) => t.id));
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['domain', 'task', 'title', 'sections', 'questions', 'answered', 'mastery']);
      expect(row.questions, row.task).toBe(withTask(row.task).length);
      expect(row.answered).toBe(0);
      expect(row.mastery).toBe(0);
      for (const section of row.sections) expect(section).toMatch(/^[a-z0-9-]+#[a-z0-9-]+$/);
    }
    expect(rows[0]).toMatchObject({ domain: 'development', task: '1.1', title: 'Develop code for applications hosted on AWS' });
  });

  it('counts the questions answered in a quiz on the task, and their mastery', async () => {
    const dir = tempDir();
    const task = '1.2';
    const count = Math.min(3, withTask(task).length);
    // Each question takes A, AB or ABC, whichever it asks for; the others are refused.
    const quiz = await runInProcess(['quiz', '--plain', '--task', task, '--count', String(count)], {
      input: 'A\nAB\nABC\n'.repeat(count),
      configDir: dir,
    });
    expect(quiz.code).toBe(0);
    const rows = JSON.parse((await runInProcess(['coverage', '--json'], { configDir: dir })).stdout) as Row[];
    const row = rows.find((r) => r.task === task)!;
    expect(row.answered).toBe(count);
    // A right answer's card has a high recall, a wrong one's a low but non-zero one.
    expect(row.mastery).toBeGreaterThan(0);
    expect(rows.filter((r) => r.task !== task).every((r) => r.answered <= count)).toBe(true);
  });

  it('prints the tasks by domain, with the sections and how to practise one', async () => {
    const r = await runInProcess(['coverage'], { env: { COLUMNS: '100' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Development with AWS Services \(32% of the exam\)$/m);
    expect(r.stdout).toMatch(/^ {2}2\.3 Manage sensitive data in application code\n {6}\d+ questions · 0 answered · mastery 0%$/m);
    expect(r.stdout).toMatch(/^ {6}\d+ sections in \d+ notes: /m);
    expect(r.stdout).toContain('awsnotes quiz --task 1.1');
  });
});

describe('awsnotes quiz --task', () => {
  it('asks only questions of that task statement', async () => {
    const ids = new Set(withTask('2.3').map((q) => q.id));
    const dir = tempDir();
    const r = await runInProcess(['quiz', '--plain', '--task', '2.3', '--count', '4'], { input: 'A\nAB\nABC\n'.repeat(4), configDir: dir });
    expect(r.code).toBe(0);
    const coverage = JSON.parse((await runInProcess(['coverage', '--json'], { configDir: dir })).stdout) as Row[];
    expect(coverage.find((row) => row.task === '2.3')!.answered).toBe(Math.min(4, ids.size));
  });

  it('refuses a task the exam guide does not have, listing the real ones (exit 2)', async () => {
    const r = await runInProcess(['quiz', '--plain', '--task', '5.1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "awsnotes: quiz: --task must be a task statement of the exam guide (1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 3.4, 4.1, 4.2, 4.3), not '5.1' (see awsnotes --help)\n",
    );
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect((await runInProcess(['quiz', '--plain', '--task', '1.1', '--service', 'sqs'])).stderr).toMatch(/choose one source: .*--task/);
  });
});

describe('awsnotes questions', () => {
  it('--json gives each question its tasks; --task keeps the questions of one task', async () => {
    const all = JSON.parse((await runInProcess(['questions', '--json'])).stdout) as { id: string; tasks: string[] }[];
    expect(all).toHaveLength(questions().length);
    for (const q of all) expect(q.tasks.length, q.id).toBeGreaterThan(0);
    const one = JSON.parse((await runInProcess(['questions', '--task', '4.2', '--json'])).stdout) as { id: string; tasks: string[] }[];
    expect(one.map((q) => q.id)).toEqual(withTask('4.2').map((q) => q.id));
    expect(one.every((q) => q.tasks.includes('4.2'))).toBe(true);
    expect((await runInProcess(['questions', '--task', 'x'])).code).toBe(2);
  });
});
