// Backups (written in chunks, read back, every error), older backups and files, and the
// Anki export of the question bank.
import { describe, expect, it } from 'vitest';
import { questions, services } from '../src/content/bundle.js';
import type { Question } from '../src/content/types.js';
import { ANKI_HEADERS, backupText, exportAnki, htmlText, parseBackup, writeBackup } from '../src/progress/backup.js';
import { encodeEvent, type Event } from '../src/progress/events.js';
import { PROGRESS_VERSION } from '../src/progress/schema.js';
import { snapshotText } from '../src/progress/snapshot.js';
import { replay } from '../src/progress/state.js';

const NOW = new Date(Date.UTC(2026, 2, 15, 10));

function sample(): Event[] {
  return [
    {
      kind: 'answer',
      id: 'a1',
      at: Date.UTC(2026, 2, 14, 10, 5),
      question: 'q1',
      chosen: [1, 2],
      correct: false,
      ms: 4200,
      source: 'quiz',
      rating: 1,
    },
    { kind: 'read', id: 'n1', at: Date.UTC(2026, 2, 14, 10), service: 'sqs' },
    { kind: 'flag', id: 'f1', at: Date.UTC(2026, 2, 14, 10, 6), question: 'q1', on: true },
    {
      kind: 'exam',
      id: 'e1',
      at: Date.UTC(2026, 2, 10, 10),
      startedAt: Date.UTC(2026, 2, 10, 8),
      questions: 65,
      correct: 47,
      scaled: 751,
      passed: true,
      timedOut: false,
      domains: { development: { questions: 21, correct: 15 } },
    },
  ];
}

/** How the journal held settings before they had a file of their own. */
const settingEvent = (id: string, key: 'examDate' | 'newPerDay', value: string | number | null): Event => ({
  kind: 'setting',
  id,
  at: Date.UTC(2026, 2, 1),
  key,
  value,
});

function errorOf(text: string): string {
  const parsed = parseBackup(text, NOW);
  if (parsed.ok) throw new Error('expected an error');
  return parsed.error;
}

describe('JSON backups', () => {
  it('writes a versioned backup, one event a line, in chunks', () => {
    const chunks: string[] = [];
    const count = writeBackup(
      (visit) => {
        for (const e of sample()) visit(encodeEvent(e));
      },
      NOW,
      '0.2.0',
      (chunk) => chunks.push(chunk),
    );
    expect(count).toBe(4);
    const text = chunks.join('');
    expect(text.startsWith('{\n  "format": "awsnotes-progress",\n  "backupVersion": 2,\n  "exportedAt": "2026-03-15T10:00:00.000Z",')).toBe(
      true,
    );
    expect(text.split('\n').filter((l) => l.startsWith('    {"i":'))).toHaveLength(4);
    expect(JSON.parse(text)).toMatchObject({ format: 'awsnotes-progress', backupVersion: 2, appVersion: '0.2.0' });
  });

  it('reads its own backups back unchanged, an empty one included', () => {
    expect(parseBackup(backupText(sample(), NOW, '0.2.0'), NOW)).toEqual({ ok: true, events: sample(), what: 'a backup' });
    expect(parseBackup(backupText([], NOW, '0.2.0'), NOW)).toEqual({ ok: true, events: [], what: 'a backup' });
  });

  it('carries the settings in the envelope, beside the events, and reads them back', () => {
    let text = '';
    const write = (settings: Parameters<typeof writeBackup>[4]) => {
      text = '';
      writeBackup(
        (visit) =>
          sample().forEach((e) => {
            visit(encodeEvent(e));
          }),
        NOW,
        '0.2.0',
        (chunk) => (text += chunk),
        settings,
      );
      return JSON.parse(text) as Record<string, unknown>;
    };
    expect(write({ examDate: '2026-04-30', newPerDay: 5 }).settings).toEqual({ examDate: '2026-04-30', newPerDay: 5 });
    expect(parseBackup(text, NOW)).toEqual({
      ok: true,
      events: sample(),
      settings: { examDate: '2026-04-30', newPerDay: 5 },
      what: 'a backup',
    });
    // Settings that are all defaults are still stated: an import then takes none.
    expect(write({}).settings).toEqual({});
    expect(parseBackup(text, NOW)).toMatchObject({ ok: true, settings: {} });
  });

  it('a backup made before settings had their own file: its setting events become its settings, as they stood last', () => {
    const events = [
      ...sample(),
      settingEvent('s1', 'examDate', '2026-04-30'),
      settingEvent('s2', 'newPerDay', 7),
      settingEvent('s3', 'newPerDay', null),
    ];
    const text = JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, events: events.map((e) => JSON.parse(encodeEvent(e))) });
    expect(parseBackup(text, NOW)).toEqual({ ok: true, events: sample(), settings: { examDate: '2026-04-30' }, what: 'a backup' });
  });

  it('stated settings win over setting events the journal still holds (a setting cleared since stays cleared)', () => {
    let text = '';
    writeBackup(
      (visit) =>
        [...sample(), settingEvent('s1', 'examDate', '2026-04-30')].forEach((e) => {
          visit(encodeEvent(e));
        }),
      NOW,
      '0.2.0',
      (chunk) => (text += chunk),
      { newPerDay: 3 },
    );
    expect(parseBackup(text, NOW)).toEqual({ ok: true, events: sample(), settings: { newPerDay: 3 }, what: 'a backup' });
  });

  it('refuses settings that are not valid, naming the field', () => {
    const backup = (settings: unknown) => JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, settings, events: [] });
    expect(errorOf(backup({ examDate: '2025-13-45' }))).toBe(`the backup's "settings.examDate": must be a real date written YYYY-MM-DD`);
    expect(errorOf(backup({ newPerDay: -1 }))).toMatch(/^the backup's "settings\.newPerDay": /);
    expect(errorOf(backup([1]))).toBe(`the backup's "settings" is not an object (found an array)`);
    // A setting of a newer awsnotes is left out, not a reason to refuse the rest.
    expect(parseBackup(backup({ examDate: '2026-04-30', theme: 'dark' }), NOW)).toMatchObject({
      ok: true,
      settings: { examDate: '2026-04-30' },
    });
  });

  it('reads a backup of version 1 (awsnotes 0.1) and a raw progress.json of versions 1 and 2', () => {
    const v2 = {
      version: 2,
      notesRead: { sqs: { first: '2026-03-01T10:00:00.000Z', last: '2026-03-14T10:00:00.000Z', count: 3 } },
      answers: [
        { id: 'a1', question: 'q1', chosen: [1, 2], correct: false, at: '2026-03-14T10:05:00.000Z', ms: 4200, source: 'quiz', rating: 1 },
      ],
      cards: {},
      flags: { q1: '2026-03-14T10:06:00.000Z' },
      exams: [],
      settings: { examDate: '2026-04-30' },
    };
    const envelope = parseBackup(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 1, progress: v2 }), NOW);
    const raw = parseBackup(JSON.stringify(v2), NOW);
    expect(envelope).toEqual(raw);
    if (!raw.ok) throw new Error(raw.error);
    expect(raw.events.map((e) => [e.kind, e.id])).toEqual([
      ['answer', 'a1'],
      ['read', 'v2-read-sqs'],
      ['flag', 'v2-flag-q1'],
    ]);
    expect(raw.settings).toEqual({ examDate: '2026-04-30' });
    const { progress } = replay((visit) => raw.events.forEach(visit));
    expect(progress.notesRead.sqs).toEqual(v2.notesRead.sqs);
    expect(progress.stats.q1).toMatchObject({ answers: 1, right: 0 });
    const v1 = parseBackup(JSON.stringify({ version: 1, notesRead: v2.notesRead }), NOW);
    expect(v1.ok && v1.events.map((e) => e.id)).toEqual(['v2-read-sqs']);
  });

  it('reads a raw progress.json of this version as a baseline, with the same id each time', () => {
    const { progress } = replay((visit) => sample().forEach(visit));
    const text = snapshotText(progress, { id: 'journal-1', offset: 500 }, {});
    const parsed = parseBackup(text, NOW);
    expect(parsed).toMatchObject({ ok: true, events: [{ kind: 'baseline', id: 'snapshot-journal-1-500' }] });
    expect(parsed.ok && parsed.settings).toBeUndefined();
    expect(parseBackup(text, NOW)).toEqual(parsed);
  });

  it('reads a raw progress.json of version 3: its settings beside the baseline, not in it', () => {
    const { progress } = replay((visit) => sample().forEach(visit));
    const v4 = JSON.parse(snapshotText(progress, { id: 'journal-1', offset: 500 }, {})) as Record<string, unknown>;
    const { checksum: _, ...fields } = v4;
    const v3 = { ...fields, version: 3, settings: { examDate: '2026-04-30', newPerDay: 4 } };
    const parsed = parseBackup(JSON.stringify(v3), NOW);
    expect(parsed).toMatchObject({ ok: true, settings: { examDate: '2026-04-30', newPerDay: 4 }, events: [{ kind: 'baseline' }] });
    if (parsed.ok) expect(parsed.events[0]).not.toHaveProperty('state.settings');
  });

  it('reads a raw journal, setting events of an older awsnotes as its settings', () => {
    const text = [...sample(), settingEvent('s1', 'examDate', '2026-04-30')].map((e) => encodeEvent(e)).join('\n');
    expect(parseBackup(`${text}\n`, NOW)).toEqual({ ok: true, events: sample(), settings: { examDate: '2026-04-30' }, what: 'a journal' });
    expect(errorOf(`${text}\n{"i":"broken"\n`)).toBe('line 6 of the journal is not a valid event');
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

  it('refuses backups and progress files from a newer awsnotes', () => {
    expect(errorOf(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 3, events: [] }))).toBe(
      'the backup was made by a newer awsnotes (backup version 3, this one reads up to 2)',
    );
    expect(errorOf(JSON.stringify({ version: PROGRESS_VERSION + 1, notesRead: {} }))).toMatch(
      `newer awsnotes (file version ${PROGRESS_VERSION + 1}, this one reads up to ${PROGRESS_VERSION})`,
    );
  });

  it('says where the content is invalid, impossible dates included', () => {
    const v2 = (answers: unknown[], settings = {}) =>
      JSON.stringify({
        format: 'awsnotes-progress',
        backupVersion: 1,
        progress: { version: 2, notesRead: {}, answers, cards: {}, flags: {}, exams: [], settings },
      });
    const answer = { id: 'a', question: 'q', chosen: [0], correct: true, ms: 1, source: 'quiz' };
    expect(errorOf(v2([{ ...answer, at: 'yesterday' }]))).toBe(
      `the backup's "progress" is not valid progress: unexpected content at "answers.0.at": must be an ISO date and time of a real day`,
    );
    expect(errorOf(v2([{ ...answer, at: '2026-02-30T10:00:00.000Z' }]))).toMatch(/answers\.0\.at/);
    expect(errorOf(v2([], { examDate: '2025-13-45' }))).toMatch(/"settings\.examDate": must be a real date/);
    expect(
      errorOf(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, events: [{ i: 'x', e: 'n', sv: 'sqs', at: -5 }] })),
    ).toBe('event 1 of the backup is not a valid event');
    expect(errorOf(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 1 }))).toBe(`the backup's "progress" is missing`);
    expect(errorOf(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2 }))).toBe(`the backup's "events" is missing`);
    expect(errorOf(JSON.stringify({ format: 'awsnotes-progress', backupVersion: 1, progress: [] }))).toBe(
      `the backup's "progress" is not an object (found an array)`,
    );
    expect(errorOf(JSON.stringify({ format: 'awsnotes-progress', events: [] }))).toBe('the backup has no valid "backupVersion" field');
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
