// The content check (npm run check:content and the build): each rule proved on a small
// fixture that passes, then broken in one way, failing with the file and the question id.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBank, MIN_QUESTIONS } from '../src/content/bank-checks.js';
import { compileContent, ContentError } from '../src/content/compile.js';
import { compileExamGuide } from '../src/content/exam-guide.js';
import { compileNote } from '../src/content/note.js';
import { compileQuestions } from '../src/content/question.js';
import type { Question } from '../src/content/types.js';
import { fixtureBank, fixtureQuestion, fixtureService, where } from './helpers/bank-fixture.js';
import { tempDir } from './helpers/cli.js';

const TASKS = new Set(['1.1', '2.1']);
const root = path.resolve(import.meta.dirname, '..');

/** The problems of the fixture bank after `change`, with the bank-wide minimums enforced. */
function problemsAfter(change: (bank: ReturnType<typeof fixtureBank>) => void, minimumsEnforced = true): string[] {
  const bank = fixtureBank();
  change(bank);
  return checkBank(bank.services, bank.questions, bank.guide, where, minimumsEnforced).problems;
}

const stretch = (q: Question, index: number, by: number) => {
  q.options[index]!.text += ' and a much longer tail'.repeat(by);
};

describe('the fixture bank', () => {
  it('passes every rule, the bank-wide minimums included', () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });
});

describe('per-item rules (always enforced)', () => {
  const note = (front: string, body: string) =>
    `---\nid: demo\ntitle: Demo\naliases: [demo]\ncategory: compute\ndomains: [development]\n${front}---\n${body}`;

  it('fails a ## section without tasks, naming the file and the section; ### sections inherit', () => {
    const body = '## Overview\n- x\n### Detail\n- y\n## Limits\n- z\n';
    const tagged = compileNote('content/services/demo.md', note('tasks:\n  overview: ["1.1"]\n  limits: ["2.1"]\n', body), TASKS);
    expect(tagged.problems).toEqual([]);
    expect(tagged.service!.sections.find((s) => s.slug === 'detail')!.tasks).toEqual(['1.1']);

    const untagged = compileNote('content/services/demo.md', note('tasks:\n  overview: ["1.1"]\n', body), TASKS);
    expect(untagged.problems).toEqual([
      'content/services/demo.md: front matter tasks: no task statements for the ## section "limits" (every ## section names the tasks it serves, e.g. limits: ["1.1"])',
    ]);
    expect(compileNote('content/services/demo.md', note('', body), TASKS).problems.join('\n')).toMatch(/sections "overview", "limits"/);
  });

  it('fails a note section naming an unknown task statement', () => {
    const result = compileNote('content/services/demo.md', note('tasks:\n  overview: ["1.1", "1.4"]\n', '## Overview\n- x\n'), TASKS);
    expect(result.problems.join('\n')).toMatch(
      /^content\/services\/demo\.md: front matter tasks: "overview": unknown task statement "1\.4"/,
    );
  });

  describe('questions', () => {
    const service = compileNote('content/services/demo.md', note('tasks:\n  overview: ["1.1"]\n', '## Overview\n- x\n'), TASKS).service!;
    const services = new Map([['demo', service]]);
    const question = (tasks: string, options = ['A', 'B', 'C', 'D'], stem = 'Which one is the right answer here?') =>
      `- id: demo-q\n  domain: development\n  kind: single\n  section: overview\n${tasks}  question: ${stem}\n  explanation: The explanation of the right answer.\n  options:\n${options
        .map((text, i) => `    - text: ${text}\n      why: because this is the reason\n${i === 0 ? '      correct: true\n' : ''}`)
        .join('')}`;
    const problems = (source: string) => compileQuestions('content/questions/demo.yaml', source, services, TASKS).problems;

    it('accepts one with known tasks', () => {
      expect(problems(question('  tasks: ["1.1", "2.1"]\n'))).toEqual([]);
    });

    it('fails one without tasks, naming the file and the id', () => {
      expect(problems(question(''))).toEqual([
        'content/questions/demo.yaml: question 1 (demo-q): no tasks: name the exam-guide task statements it serves (tasks: ["1.1"])',
      ]);
      expect(problems(question('  tasks: []\n'))).toHaveLength(1);
    });

    it('fails one with an unknown task statement', () => {
      expect(problems(question('  tasks: ["1.1", "3.9"]\n'))).toEqual([
        'content/questions/demo.yaml: question 1 (demo-q): tasks: unknown task statement "3.9" (content/exam-guide.yaml has 1.1, 2.1)',
      ]);
    });

    it('fails "all of the above", "none of the above" and "both A and B", in an option or the stem', () => {
      const rule = /no "all of the above", "none of the above" or "both A and B"/;
      expect(problems(question('  tasks: ["1.1"]\n', ['A', 'B', 'C', 'None of the above'])).join('\n')).toMatch(rule);
      expect(problems(question('  tasks: ["1.1"]\n', ['A', 'Both A and B', 'C', 'D'])).join('\n')).toMatch(rule);
      expect(problems(question('  tasks: ["1.1"]\n', undefined, 'Which one applies, or all of the above?')).join('\n')).toMatch(rule);
    });
  });

  it('fails when the correct option is the strictly longest in more than 30% of single-answer questions, naming the worst', () => {
    const singles = (bank: ReturnType<typeof fixtureBank>) => bank.questions.filter((q) => q.kind === 'single');
    // 30% exactly passes; one more fails.
    const longest = (count: number) => (bank: ReturnType<typeof fixtureBank>) => {
      for (const [i, q] of singles(bank).slice(0, count).entries()) stretch(q, 0, i === 0 ? 3 : 1);
      // Keep the mean lengths of right and wrong options close: lengthen the wrong ones elsewhere.
      // Two of three, so that their right option does not become the strictly shortest instead.
      for (const [i, q] of singles(bank).slice(-count).entries()) {
        stretch(q, 1, i === 0 ? 6 : 2);
        stretch(q, 2, 1);
      }
    };
    expect(problemsAfter(longest(90))).toEqual([]);
    const [problem, ...rest] = problemsAfter(longest(91));
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^the correct option is the strictly longest in 91 of 300 single-answer questions \(30%, at most 30%\); worst: /,
    );
    // The most lopsided first, each with its file.
    expect(problem).toContain('worst: content/questions/beta.yaml: beta-q0001; ');
  });

  it('fails when the correct option is the strictly shortest in more than 30% of single-answer questions, naming the worst', () => {
    const singles = (bank: ReturnType<typeof fixtureBank>) => bank.questions.filter((q) => q.kind === 'single');
    // The mirror image: picking the shortest option must not pay either.
    // 30% exactly passes; one more fails.
    const shortest = (count: number) => (bank: ReturnType<typeof fixtureBank>) => {
      for (const [i, q] of singles(bank).slice(0, count).entries()) for (const index of [1, 2, 3]) stretch(q, index, i === 0 ? 3 : 1);
      // Keep the mean lengths close: lengthen the right option of as many questions elsewhere,
      // tied with one wrong option so that it does not become the strictly longest instead.
      for (const q of singles(bank).slice(-count)) {
        stretch(q, 0, 2);
        stretch(q, 1, 2);
      }
    };
    expect(problemsAfter(shortest(90))).toEqual([]);
    const [problem, ...rest] = problemsAfter(shortest(91));
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^the correct option is the strictly shortest in 91 of 300 single-answer questions \(30%, at most 30%\); worst: /,
    );
    expect(problem).toContain('worst: content/questions/beta.yaml: beta-q0001; ');
  });

  it('fails when correct and wrong options differ in mean length by more than 15%, naming the worst', () => {
    const gap = (by: number) => (bank: ReturnType<typeof fixtureBank>) => {
      for (const q of bank.questions) for (const o of q.options) if (o.correct) o.text += 'x'.repeat(by);
      stretch(bank.questions[7]!, 0, 4);
    };
    // Options are 9 characters: 1 more on each right one is a gap of about 11%, 2 more about 19%.
    expect(problemsAfter(gap(1)).join('\n')).not.toMatch(/average/);
    const problem = problemsAfter(gap(2)).find((p) => p.startsWith('correct options average'));
    expect(problem).toMatch(/^correct options average 11 characters and wrong ones 9: a gap of 19% \(at most 15%\); worst: /);
    expect(problem).toContain('worst: content/questions/beta.yaml: beta-q0007; ');
  });

  it('fails two near-duplicate stems, within a file or across files, naming both', () => {
    const problems = problemsAfter(({ questions }) => {
      questions[1]!.question = 'Which Amazon SQS setting hides a received message from other consumers while it is processed?';
      questions[2]!.question = 'Which SQS setting hides a message from other consumers while one consumer processes it?';
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^near-duplicate stems \(stem 0\.\d\d, answer 0\.00; content\/README\.md explains the measure\): content\/questions\/beta\.yaml: beta-q0001 and content\/questions\/gamma\.yaml: gamma-q0002$/,
    );
  });

  it('fails a current note whose service is not in the exam guide’s in-scope list', () => {
    const add = (status?: 'retired' | 'out-of-scope') => (bank: ReturnType<typeof fixtureBank>) => {
      bank.services.push(fixtureService('delta', status ? { status } : {}));
      bank.questions.push(...Array.from({ length: 6 }, (_, i) => fixtureQuestion(1000 + i, 'delta')));
    };
    expect(problemsAfter(add())).toEqual([
      'content/services/delta.md: Service Delta is not among the in-scope services of content/exam-guide.yaml: map it there (note: delta) or mark the note status: out-of-scope (or retired)',
    ]);
    expect(problemsAfter(add('retired'))).toEqual([]);
    expect(problemsAfter(add('out-of-scope'))).toEqual([]);
    expect(problemsAfter((bank) => (bank.services[1]!.status = 'out-of-scope'))).toEqual([
      'content/services/beta.md: status: out-of-scope, but content/exam-guide.yaml lists it among the in-scope services',
    ]);
  });
});

describe('bank-wide minimums', () => {
  it(`fails a bank of fewer than ${MIN_QUESTIONS} questions; while not enforced, lists it as pending`, () => {
    const drop = (bank: ReturnType<typeof fixtureBank>) => void bank.questions.pop();
    expect(problemsAfter(drop)).toEqual(['the bank has 449 questions (at least 450)']);
    const bank = fixtureBank();
    drop(bank);
    expect(checkBank(bank.services, bank.questions, bank.guide, where, false)).toEqual({
      problems: [],
      pending: ['the bank has 449 questions (at least 450)'],
    });
  });

  it('fails a bank with fewer than 25% multiple-response questions', () => {
    const problems = problemsAfter(({ questions }) => {
      for (const q of questions.filter((q) => q.kind === 'multiple').slice(0, 40)) {
        q.kind = 'single';
        q.options = q.options.slice(1, 5).map((o, i) => ({ ...o, correct: i === 0 }));
      }
    });
    expect(problems).toEqual(['110 of 450 questions are multiple-response (24%, at least 25%)']);
  });

  it('fails a note with fewer than 6 questions, and a heavily tested one with fewer than 10', () => {
    const problems = problemsAfter((bank) => {
      bank.services.push(fixtureService('delta'));
      bank.guide.services.push({ category: 'Storage', name: 'Service Delta', notes: ['delta'] });
      bank.questions.push(...Array.from({ length: 5 }, (_, i) => fixtureQuestion(1000 + i, 'delta')));
      bank.questions = bank.questions.filter((q) => q.service !== 'alpha' || q.id < 'alpha-q0027');
    });
    expect(problems).toContain('content/questions/delta.yaml: 5 questions (at least 6)');
    expect(problems).toContain('content/questions/alpha.yaml: 9 questions (at least 10, heavily tested)');
  });

  it('fails a task statement with fewer than 5 questions or no note section', () => {
    const problems = problemsAfter((bank) => {
      bank.guide.tasks.push({ id: '4.2', domain: 'troubleshooting', title: 'Instrument code', knowledge: ['k'], skills: ['s'] });
      for (const q of bank.questions.slice(0, 4)) q.tasks = ['4.2'];
    });
    expect(problems).toEqual([
      'content/exam-guide.yaml: task 4.2 (Instrument code) has 4 questions (at least 5)',
      "content/exam-guide.yaml: task 4.2 (Instrument code) has no note section (no note's front matter tasks names it)",
    ]);
  });

  it('fails a heavily tested service or an in-scope mapping without a note', () => {
    const problems = problemsAfter(({ guide }) => {
      guide.heavilyTested.push('sam');
      guide.services.push({ category: 'Compute', name: 'AWS Serverless Application Model (AWS SAM)', notes: ['sam'] });
    });
    expect(problems).toEqual([
      'content/exam-guide.yaml: heavily-tested sam has no note (content/services/sam.md)',
      'content/exam-guide.yaml: AWS Serverless Application Model (AWS SAM) maps to note sam, which does not exist (content/services/sam.md)',
    ]);
  });
});

describe('the exam guide file', () => {
  const shipped = readFileSync(path.join(root, 'content/exam-guide.yaml'), 'utf8');

  it('holds every task statement 1.1 … 4.3 with knowledge and skills, and maps in-scope services to notes', () => {
    const { guide, problems } = compileExamGuide('content/exam-guide.yaml', shipped);
    expect(problems).toEqual([]);
    expect(guide!.tasks.map((t) => t.id)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '2.3',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '4.1',
      '4.2',
      '4.3',
    ]);
    for (const task of guide!.tasks) {
      expect(task.knowledge.length, task.id).toBeGreaterThan(0);
      expect(task.skills.length, task.id).toBeGreaterThan(0);
    }
    expect(guide!.services.find((s) => s.name === 'AWS Lambda')!.notes).toEqual(['lambda']);
    expect(guide!.heavilyTested).toEqual(expect.arrayContaining(['lambda', 'sam', 'eventbridge', 'secrets-manager']));
  });

  it.each([
    [
      'a weight that disagrees with the exam simulation',
      shipped.replace('weight: 32', 'weight: 30'),
      /domain development weighs 30, but .*DOMAIN_INFO says 32/,
    ],
    ['a task under the wrong domain', shipped.replace('id: "1.3"', 'id: "2.9"'), /task 2\.9 is listed under domain 1/],
    [
      'a source that is not listed',
      shipped.replace('source: user-guide', 'source: a-blog'),
      /task 1\.1: source "a-blog" is not one of sources/,
    ],
    ['a domain missing', shipped.replace(/ {2}- id: troubleshooting[\s\S]*?(?=^# The exam guide's appendix)/m, ''), /domains: .*4/],
  ])('fails %s', (_name, source, problem) => {
    const { problems } = compileExamGuide('content/exam-guide.yaml', source);
    expect(problems.join('\n')).toMatch(problem);
    expect(problems[0]).toMatch(/^content\/exam-guide\.yaml: /);
  });
});

describe('a content tree on disk', () => {
  function tree(questionTasks: string): string {
    const dir = tempDir('awsnotes-content-');
    const content = path.join(dir, 'content');
    mkdirSync(path.join(content, 'services'), { recursive: true });
    mkdirSync(path.join(content, 'questions'));
    writeFileSync(path.join(content, 'exam-guide.yaml'), readFileSync(path.join(root, 'content/exam-guide.yaml')));
    writeFileSync(
      path.join(content, 'services/lambda.md'),
      '---\nid: lambda\ntitle: AWS Lambda\naliases: [lambda]\ncategory: compute\ndomains: [development]\ntasks:\n  overview: ["1.2"]\n---\n## Overview\n- Functions.\n',
    );
    const options = ['Reserved concurrency', 'Provisioned concurrency', 'A larger memory size', 'A longer timeout']
      .map(
        (text, i) =>
          `    - text: ${text}\n      why: This is why this option is ${i ? 'wrong' : 'right'}.\n${i ? '' : '      correct: true\n'}`,
      )
      .join('');
    writeFileSync(
      path.join(content, 'questions/lambda.yaml'),
      `- id: lambda-cap\n  domain: development\n  kind: single\n  section: overview\n${questionTasks}  question: Which setting caps how many instances of a function run at once?\n  explanation: Reserved concurrency is both a guarantee and a cap.\n  options:\n${options}`,
    );
    return content;
  }

  it('builds a clean tree, reporting the bank-wide minimums as pending', () => {
    const compiled = compileContent(tree('  tasks: ["1.2"]\n'), { minimumsEnforced: false });
    expect(compiled.questions.map((q) => q.tasks)).toEqual([['1.2']]);
    expect(compiled.guide.tasks).toHaveLength(13);
    expect(compiled.pending).toContain('the bank has 1 question (at least 450)');
    expect(() => compileContent(tree('  tasks: ["1.2"]\n'), { minimumsEnforced: true })).toThrow(
      /the bank has 1 question \(at least 450\)/,
    );
  });

  it('fails the build on a question without tasks, with its file and id', () => {
    try {
      compileContent(tree(''), { minimumsEnforced: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).problems).toEqual([
        'content/questions/lambda.yaml: question 1 (lambda-cap): no tasks: name the exam-guide task statements it serves (tasks: ["1.1"])',
      ]);
    }
  });
});
