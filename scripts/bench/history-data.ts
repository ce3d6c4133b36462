// A study history as the bench needs it: `answers` answers written straight to a journal
// (no store), as a learner at 150 answers a day would have made them, ending now: mostly
// app answers, some plain ones, a 65-question exam a week, re-ratings, notes read, flags
// and an occasional undo.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { encodeEvent, type Event, JOURNAL_VERSION } from '../../src/progress/events.js';

const DAY = 86_400_000;

/** Writes the journal; returns its size in bytes. */
export function writeHistory(dir: string, answers: number, bank: readonly string[], services: readonly string[], now: number): number {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(path.join(dir, 'journal.jsonl'), 'w');
  let n = 0;
  const id = () => `b${(n++).toString(36).padStart(10, '0')}`;
  const start = now - Math.ceil(answers / 150) * DAY;
  let out = `${encodeEvent({ kind: 'journal', id: id(), at: start, version: JOURNAL_VERSION })}\n`;
  let bytes = 0;
  const push = (event: Event) => {
    out += `${encodeEvent(event)}\n`;
    if (out.length > 1 << 20) {
      bytes += writeSync(fd, out);
      out = '';
    }
  };
  for (let i = 0; i < answers; i++) {
    const day = Math.floor(i / 150);
    const at = start + day * DAY + (i % 150) * 40_000;
    const inExam = day % 7 === 6 && i % 150 < 65;
    const question = bank[(i * 7919) % bank.length]!;
    const correct = (i * 2654435761) % 10 < 7;
    const answer: Event = {
      kind: 'answer',
      id: id(),
      at,
      question,
      chosen: correct ? [0] : [1],
      correct,
      ms: inExam ? 0 : 3000 + ((i * 7919) % 60_000),
      source: inExam ? 'exam' : i % 10 === 0 ? 'plain' : 'quiz',
      rating: correct ? 3 : 1,
    };
    push(answer);
    if (inExam && i % 150 === 64)
      push({
        kind: 'exam',
        id: id(),
        at,
        startedAt: at - 7200_000,
        questions: 65,
        correct: 45,
        scaled: 723,
        passed: true,
        timedOut: false,
        domains: {},
      });
    if (!inExam && correct && i % 20 === 0)
      push({ kind: 'rerate', id: id(), at, question, answer: answer.id, rating: i % 40 === 0 ? 4 : 2 });
    if (i % 40 === 0) push({ kind: 'read', id: id(), at, service: services[i % services.length]! });
    if (i % 500 === 0) push({ kind: 'flag', id: id(), at, question, on: i % 1000 === 0 });
    if (!inExam && i % 1000 === 999) push({ kind: 'undo', id: id(), at, question, answer: answer.id });
  }
  bytes += writeSync(fd, out);
  closeSync(fd);
  return bytes;
}
