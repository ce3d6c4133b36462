// The reports read who each question is about from question-index.json, not the whole bank
// (a tenth of its size): it must be the bank's, question for question, with the learner's
// own questions joined after the shipped ones as questions() joins them.
import { describe, expect, it } from 'vitest';
import { installOwnContent, questionRefs, questions, shippedQuestionRefs, shippedQuestions } from '../src/content/bundle.js';
import type { OwnContent } from '../src/own/types.js';

const refOf = ({ id, service, domain, own }: { id: string; service: string; domain: string; own?: true }) =>
  own ? { id, service, domain, own } : { id, service, domain };

describe('the question index', () => {
  it('names every shipped question, in order, with its service and domain', () => {
    const index = shippedQuestionRefs();
    expect(index.map(refOf)).toEqual(shippedQuestions().map(refOf));
  });

  it("joins the learner's questions after the shipped ones, as questions() does", () => {
    const mine = { ...shippedQuestions()[0]!, id: 'my-own-q1', service: 'sqs', own: true as const };
    installOwnContent({ questions: [mine], services: [], annotations: new Map(), problems: [] } as unknown as OwnContent);
    try {
      expect(questionRefs().map(refOf)).toEqual(questions().map(refOf));
      expect(questionRefs().at(-1)).toMatchObject({ id: 'my-own-q1', own: true });
    } finally {
      installOwnContent(undefined);
    }
  });
});
