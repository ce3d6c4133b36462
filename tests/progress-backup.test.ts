// Backups (export, parse back, every error) and the Anki export of the question bank.
import { describe, expect, it } from 'vitest';
import { questions, services } from '../src/content/bundle.js';
import type { Question } from '../src/content/types.js';
import { ANKI_HEADERS, exportAnki, exportJson, htmlText, parseBackup } from '../src/progress/backup.js';
import { emptyProgress, PROGRESS_VERSION, type Progress } from '../src/progress/schema.js';
import { review } from '../src/quiz/srs.js';

const NOW = new Date(Date.UTC(2026, 2, 15, 10));

function sample(): Progress {
  const p = emptyProgress();
  p.notesRead.sqs = { first: '2026-03-01T10:00:00.000Z', last: '2026-03-14T10:00:00.000Z', count: 3 };
  p.answers.push({
    id: 'a1',
    question: 'q1',
    chosen: [1, 2],
    correct: false,
    at: '2026-03-14T10:05:00.000Z',
    ms: 4200,
    source: 'quiz',
    rating: 1,
  });
  p.cards.q1 = review(undefined, 1, new Date('2026-03-14T10:05:00.000Z'));
  p.flags.q1 = '2026-03-14T10:06:00.000Z';
  p.exams.push({
    id: 'e1',
    startedAt: '2026-03-10T08:00:00.000Z',
    finishedAt: '2026-03-10T10:00:00.000Z',
    questions: 65,
    correct: 47,
    scaled: 751,
    passed: true,
    timedOut: false,
    domains: { development: { questions: 21, correct: 15 } },
  });
  p.settings.examDate = '2026-04-30';
  return p;
}

function errorOf(text: string): string {
  const parsed = parseBackup(text);
  if (parsed.ok) throw new Error('expected an error');
  return parsed.error;
}

describe('JSON backups', () => {
  it('exports a versioned, pretty-printed backup', () => {
    const text = exportJson(sample(), NOW, '0.2.0');
    const raw = JSON.parse(text);
    expect(raw).toEqual({
      format: 'awsnotes-progress',
      backupVersion: 1,
      exportedAt: '2026-03-15T10:00:00.000Z',
      appVersion: '0.2.0',
      progress: sample(),
    });
    expect(text.startsWith('{\n  "format": "awsnotes-progress",\n  "backupVersion": 1,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('reads its own backups back unchanged', () => {
    for (const progress of [sample(), emptyProgress()]) {
      expect(parseBackup(exportJson(progress, NOW, '0.2.0'))).toEqual({ ok: true, progress });
    }
  });

  it('accepts a raw progress.json, current or version 1 (migrated)', () => {
    expect(parseBackup(JSON.stringify(sample(), null, 2))).toEqual({ ok: true, progress: sample() });
    const v1 = { version: 1, notesRead: { sqs: { first: '2026-01-01T00:00:00.000Z', last: '2026-01-02T00:00:00.000Z', count: 2 } } };
    const parsed = parseBackup(JSON.stringify(v1));
    expect(parsed).toEqual({ ok: true, progress: { ...emptyProgress(), notesRead: v1.notesRead } });
    expect(parsed.ok && parsed.progress.version).toBe(PROGRESS_VERSION);
    // A version-1 file inside a backup envelope is migrated too.
    expect(parseBackup(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 1, progress: v1 }))).toEqual(parsed);
  });

  it('says when the text is not JSON', () => {
    expect(errorOf('{"format": "awsnotes-progress",')).toMatch(/^not valid JSON \(/);
    expect(errorOf('')).toMatch(/^not valid JSON/);
  });

  it('says when the JSON is not an object', () => {
    expect(errorOf('[1, 2]')).toBe('not an awsnotes backup: expected a JSON object, found an array');
    expect(errorOf('null')).toBe('not an awsnotes backup: expected a JSON object, found null');
    expect(errorOf('"progress"')).toBe('not an awsnotes backup: expected a JSON object, found a string');
    expect(errorOf('42')).toBe('not an awsnotes backup: expected a JSON object, found a number');
  });

  it('refuses foreign JSON files', () => {
    const foreign = 'not an awsnotes backup: expected format awsnotes-progress';
    expect(errorOf('{"name": "some-package", "version": "1.0.0"}')).toBe(foreign);
    expect(errorOf('{"format": "anki-export", "progress": {}}')).toBe(foreign);
    expect(errorOf('{"version": 2}')).toBe(foreign);
    expect(errorOf('{}')).toBe(foreign);
  });

  it('refuses backups and progress from a newer awsnotes', () => {
    expect(errorOf(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, progress: sample() }))).toBe(
      'the backup was made by a newer awsnotes (backup version 2, this one reads up to 1)',
    );
    expect(errorOf(JSON.stringify({ ...sample(), version: PROGRESS_VERSION + 1 }))).toMatch(
      /newer awsnotes \(file version 3, this one reads up to 2\)/,
    );
    expect(errorOf(exportJson({ ...sample(), version: 3 } as unknown as Progress, NOW, '9.0.0'))).toMatch(
      /^the backup's "progress" .*newer awsnotes/,
    );
  });

  it('says where the content is invalid', () => {
    const bad = sample() as unknown as { answers: { at: string }[] };
    bad.answers[0]!.at = 'yesterday';
    expect(errorOf(exportJson(bad as unknown as Progress, NOW, '0.2.0'))).toBe(
      `the backup's "progress" is not valid progress: unexpected content at "answers.0.at": must be an ISO date`,
    );
    expect(errorOf(JSON.stringify({ ...sample(), cards: { q1: { due: 'soon' } } }))).toMatch(
      /^the progress file is not valid progress: unexpected content at "cards\.q1\./,
    );
    expect(errorOf(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 1 }))).toBe(`the backup's "progress" is missing`);
    expect(errorOf(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 1, progress: [] }))).toBe(
      `the backup's "progress" is not an object (found an array)`,
    );
    expect(errorOf(JSON.stringify({ format: 'awsnotes-progress', progress: sample() }))).toBe(
      'the backup has no valid "backupVersion" field',
    );
    expect(errorOf(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 1, progress: { notesRead: {} } }))).toMatch(
      /no valid "version" field/,
    );
  });
});

describe('the Anki export', () => {
  const HEADERS = [
    '#separator:Tab',
    '#html:true',
    '#notetype:Basic',
    '#deck:AWS DVA-C02 (awsnotes)',
    '#tags column:3',
    '#columns:Front\tBack\tTags',
  ];

  function lines(bank: Question[]): string[] {
    const text = exportAnki(bank, services());
    expect(text.endsWith('\n')).toBe(true);
    return text.slice(0, -1).split('\n');
  }

  /** A card's fields, and its options as lettered on the front. */
  function card(line: string) {
    const [front, back, tags] = line.split('\t') as [string, string, string];
    const shown = [...front.matchAll(/<br>([A-F])\. (.*?)(?=<br>[A-F]\. |$)/g)].map((m) => ({ letter: m[1]!, text: m[2]! }));
    return { front, back, tags, shown };
  }

  it('starts with the documented file headers', () => {
    expect(ANKI_HEADERS).toEqual(HEADERS);
    expect(lines(questions()).slice(0, HEADERS.length)).toEqual(HEADERS);
  });

  it('has one line of three fields per question, in bank order: every option once, the right letters, each option’s why', () => {
    const bank = questions();
    const data = lines(bank).slice(HEADERS.length);
    expect(data).toHaveLength(bank.length);
    data.forEach((line, i) => {
      const q = bank[i]!;
      expect(line).not.toMatch(/\r/);
      expect(line.startsWith('#')).toBe(false);
      expect(line.split('\t'), q.id).toHaveLength(3);
      const { front, back, tags, shown } = card(line);
      expect(front.startsWith(htmlText(q.question)), q.id).toBe(true);
      expect(shown.map((s) => s.letter).join(''), q.id).toBe('ABCDEF'.slice(0, q.options.length));
      expect(shown.map((s) => s.text).sort(), q.id).toEqual(q.options.map((o) => htmlText(o.text)).sort());
      const right = shown.filter((s) => q.options.some((o) => o.correct && htmlText(o.text) === s.text)).map((s) => s.letter);
      expect(back.startsWith(`<b>${right.join(', ')}</b>`), q.id).toBe(true);
      expect(back).toContain(htmlText(q.explanation));
      for (const s of shown) {
        const option = q.options.find((o) => htmlText(o.text) === s.text)!;
        expect(back, q.id).toContain(`<br>${s.letter} ${option.correct ? '✓' : '✗'} ${htmlText(option.why)}`);
      }
      expect(tags).toBe(['awsnotes', `service::${q.service}`, `domain::${q.domain}`, ...q.tasks.map((t) => `task::${t}`)].join(' '));
      // No raw quotes, so no field needs CSV quoting.
      expect(line.includes('"'), q.id).toBe(false);
    });
  });

  it('shuffles the options: the right answer is not always A', () => {
    const singles = questions().filter((q) => q.kind === 'single');
    const data = lines(singles).slice(HEADERS.length);
    const answeredA = data.filter((line) => card(line).back.startsWith('<b>A</b>')).length;
    // Four options: about a quarter by chance. In the source files the right one often comes first.
    expect(answeredA / singles.length).toBeLessThan(0.4);
    expect(answeredA).toBeGreaterThan(0);
  });

  it('gives each card the same letters in every export, wherever it sits in the bank', () => {
    const bank = questions();
    const first = lines(bank).slice(HEADERS.length);
    expect(lines(bank).slice(HEADERS.length)).toEqual(first);
    const reversed = lines([...bank].reverse())
      .slice(HEADERS.length)
      .reverse();
    expect(reversed).toEqual(first);
  });

  it('keeps True then False in that order', () => {
    const q: Question = {
      id: 'sqs-fact',
      service: 'sqs',
      domain: 'development',
      kind: 'boolean',
      tasks: ['1.1'],
      section: 'overview',
      question: 'Standard queues deliver each message at least once.',
      options: [
        { text: 'True', correct: true, why: 'At-least-once delivery.' },
        { text: 'False', correct: false, why: 'They may deliver a message more than once.' },
      ],
      explanation: 'Standard queues are at-least-once.',
    };
    const { shown } = card(lines([q])[HEADERS.length]!);
    expect(shown).toEqual([
      { letter: 'A', text: 'True' },
      { letter: 'B', text: 'False' },
    ]);
  });

  it('escapes HTML and never lets a tab, newline or quote break the line', () => {
    const tricky: Question = {
      id: 'tricky',
      service: 'sqs',
      domain: 'development',
      kind: 'multiple',
      tasks: ['1.1'],
      section: 'overview',
      question: 'Which <b>two</b> are "true" & valid?\tReally?\n(Choose two.)',
      options: [
        { text: 'a < b', correct: true, why: 'Less: <yes>.' },
        { text: 'a > b', correct: false, why: 'x'.repeat(11) },
        { text: 'Tom & "Jerry"', correct: true, why: 'A "quote".' },
        { text: 'line one\r\nline two', correct: false, why: 'x'.repeat(11) },
        { text: 'plain', correct: false, why: 'x'.repeat(11) },
      ],
      explanation: 'First line.\nSecond <line>.',
    };
    const [line] = lines([tricky]).slice(HEADERS.length);
    expect(line!.split('\t')).toHaveLength(3);
    expect(line).not.toMatch(/["\r\n]/);
    const { front, back, tags, shown } = card(line!);
    expect(front.startsWith('Which &lt;b&gt;two&lt;/b&gt; are &quot;true&quot; &amp; valid? Really?<br>(Choose two.)<br><br>')).toBe(true);
    expect(shown.map((s) => s.text).sort()).toEqual([
      'Tom &amp; &quot;Jerry&quot;',
      'a &gt; b',
      'a &lt; b',
      'line one<br>line two',
      'plain',
    ]);
    const letterOf = (text: string) => shown.find((s) => s.text === text)!.letter;
    const right = [letterOf('a &lt; b'), letterOf('Tom &amp; &quot;Jerry&quot;')].sort();
    expect(back.startsWith(`<b>${right.join(', ')}</b><br>`)).toBe(true);
    expect(back).toContain('<br>First line.<br>Second &lt;line&gt;.<br>');
    expect(back).toContain(`<br>${letterOf('a &lt; b')} ✓ Less: &lt;yes&gt;.`);
    expect(back).toContain(`<br>${letterOf('Tom &amp; &quot;Jerry&quot;')} ✓ A &quot;quote&quot;.`);
    const title = htmlText(services().find((s) => s.id === 'sqs')!.title);
    expect(back.endsWith(`<br><br><i>${title} · Development with AWS Services</i>`)).toBe(true);
    expect(tags).toBe('awsnotes service::sqs domain::development task::1.1');
  });
});
