// A small, valid content tree in memory for the content check's tests: a two-task exam
// guide, three notes and a bank that meets every rule, to be broken one rule at a time.
import type { Where } from '../../src/content/bank-checks.js';
import type { ExamGuide, Question, Service } from '../../src/content/types.js';

export const where: Where = {
  note: (id) => `content/services/${id}.md`,
  questions: (id) => `content/questions/${id}.yaml`,
  guide: 'content/exam-guide.yaml',
};

export function fixtureGuide(): ExamGuide {
  return {
    exam: 'DVA-C02',
    tasks: [
      { id: '1.1', domain: 'development', title: 'Develop code', knowledge: ['Idempotency'], skills: ['Writing code'] },
      { id: '2.1', domain: 'security', title: 'Implement authorization', knowledge: ['Bearer tokens'], skills: ['Assuming a role'] },
    ],
    services: [
      { category: 'Compute', name: 'Service Alpha', notes: ['alpha'] },
      { category: 'Compute', name: 'Service Beta', notes: ['beta'] },
      { category: 'Storage', name: 'Service Gamma', notes: ['gamma'] },
    ],
    heavilyTested: ['alpha'],
  };
}

export function fixtureService(id: string, extra: Partial<Service> = {}): Service {
  return {
    id,
    title: `Service ${id[0]!.toUpperCase()}${id.slice(1)}`,
    aliases: [id],
    category: 'compute',
    domains: ['development'],
    sections: [{ slug: 'overview', title: 'Overview', level: 2, tasks: ['1.1', '2.1'] }],
    blocks: [],
    ...extra,
  };
}

/**
 * Question `n` about `service`: its stem and options are made of words no other question
 * has (so no two are near-duplicates) and all its options are equally long (so length gives
 * nothing away). Every third question is multiple-response; tasks alternate.
 */
export function fixtureQuestion(n: number, service: string): Question {
  const tag = String(n).padStart(4, '0');
  const multiple = n % 3 === 0;
  const count = multiple ? 5 : 4;
  return {
    id: `${service}-q${tag}`,
    service,
    domain: 'development',
    kind: multiple ? 'multiple' : 'single',
    section: 'overview',
    tasks: [n % 2 ? '1.1' : '2.1'],
    question: `q${tag}a q${tag}b q${tag}c q${tag}d?${multiple ? ' (Choose two.)' : ''}`,
    options: Array.from({ length: count }, (_, i) => ({
      text: `opt${tag}x${i}`,
      correct: multiple ? i < 2 : i === 0,
      why: 'Because of the rule this option rests on.',
    })),
    explanation: 'The rule that decides it.',
  };
}

/** 450 questions, 150 per note, a third of them multiple-response. */
export function fixtureBank(): { services: Service[]; questions: Question[]; guide: ExamGuide } {
  const services = ['alpha', 'beta', 'gamma'].map((id) => fixtureService(id));
  const questions = Array.from({ length: 450 }, (_, n) => fixtureQuestion(n, services[n % 3]!.id));
  return { services, questions, guide: fixtureGuide() };
}
