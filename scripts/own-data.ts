// A learner's own notes and questions, made up for the bench and the code cache: notes on
// shipped services (a "My notes" section each), services of their own with their notes,
// and questions on those, in the formats the README documents.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DOMAINS = ['development', 'security', 'deployment', 'troubleshooting'];

function bullets(topic: string, count: number): string {
  return Array.from(
    { length: count },
    (_, i) =>
      `- ${topic} point ${i + 1}: **remember** the limit of ${i + 3} and the \`Api${i}Call\` that sets it; retries back off with jitter.`,
  ).join('\n');
}

function noteBody(topic: string, sections: number): string {
  return Array.from({ length: sections }, (_, s) => `## ${topic} part ${s + 1}\n${bullets(`${topic} ${s + 1}`, 5)}\n`).join('\n');
}

function question(service: string, n: number, section: string): string {
  const options = ['the first choice', 'the second choice', 'the third choice', 'the fourth choice'];
  return `- id: ${service}-q${n}
  domain: ${DOMAINS[n % DOMAINS.length]}
  kind: single
  section: ${section}
  question: Which setting of ${service} decides case ${n} of the learner's own scenario?
  options:
${options.map((text, i) => `    - text: ${text} for case ${n}\n${i === 0 ? '      correct: true\n' : ''}      why: Because choice ${i + 1} is how case ${n} works.`).join('\n')}
  explanation: The first choice is right for case ${n}, as the learner's notes say.
`;
}

/**
 * Writes `notes` note files (the first `onShipped` on the given shipped services, the rest
 * services of the learner's own) and `questions` questions spread over their own services.
 */
export function writeOwnContent(
  dir: string,
  shipped: readonly string[],
  counts: { notes: number; onShipped: number; questions: number },
): void {
  mkdirSync(path.join(dir, 'notes'), { recursive: true });
  mkdirSync(path.join(dir, 'questions'), { recursive: true });
  for (const id of shipped.slice(0, counts.onShipped)) writeFileSync(path.join(dir, 'notes', `${id}.md`), noteBody(`My ${id}`, 3));
  const own = Array.from({ length: counts.notes - counts.onShipped }, (_, i) => `my-service-${String(i + 1).padStart(2, '0')}`);
  for (const id of own) {
    const front = `---\nid: ${id}\ntitle: My Service ${id.slice(-2)}\naliases: [mine ${id.slice(-2)}]\ncategory: compute\n---\n\n`;
    writeFileSync(path.join(dir, 'notes', `${id}.md`), front + noteBody(`Service ${id.slice(-2)}`, 4));
  }
  const perService = Math.ceil(counts.questions / Math.max(1, own.length));
  let written = 0;
  for (const id of own) {
    const count = Math.min(perService, counts.questions - written);
    if (count <= 0) break;
    const text = Array.from({ length: count }, (_, n) => question(id, n + 1, `service-${id.slice(-2)}-part-${(n % 4) + 1}`)).join('');
    writeFileSync(path.join(dir, 'questions', `${id}.yaml`), text);
    written += count;
  }
}
