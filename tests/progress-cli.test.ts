// progress, config, reset, export, import and doctor, run as a learner would.
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { questions } from '../src/content/bundle.js';
import { LONG_IMPORT_EVENTS } from '../src/commands/progress.js';
import { encodeEvent } from '../src/progress/events.js';
import { LONG_REPLAY_BYTES } from '../src/progress/store.js';
import { ANKI_HEADERS } from '../src/progress/backup.js';
import { localDayKey } from '../src/progress/calendar.js';
import { run, runInProcess, STACK_TRACE, tempDir } from './helpers/cli.js';
import { NOTE_COUNT } from './helpers/content.js';
import { exited, runHelper, startHelper } from './helpers/processes.js';

const journalFile = (dir: string) => path.join(dir, 'journal.jsonl');
const json = async (dir: string) => JSON.parse((await runInProcess(['progress', '--json'], { configDir: dir })).stdout);

async function studied(): Promise<string> {
  const dir = tempDir();
  // A little history: three plain answers and a note read. Each question takes A, AB or
  // ABC, whichever it asks for ("choose 1/2/3"); the others are refused.
  await runInProcess(['quiz', '--plain', '--service', 'sqs', '--count', '3'], {
    input: 'A\nAB\nABC\n'.repeat(3),
    configDir: dir,
    env: { AWSNOTES_SEED: '3' },
  });
  await runInProcess(['show', 'kms'], { configDir: dir });
  return dir;
}

function backupWith(events: object[]): string {
  const file = path.join(tempDir(), 'backup.json');
  writeFileSync(file, JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, events }));
  return file;
}

const SQS = questions().find((q) => q.service === 'sqs')!.id;

describe('awsnotes progress', () => {
  it('--json has the documented figures', async () => {
    const p = await json(await studied());
    expect(p.notesRead).toEqual(['kms']);
    expect(p.answered).toBe(3);
    expect(typeof p.correct).toBe('number');
    expect(p).toMatchObject({ newPerDay: 20, newToday: 3, streakDays: 1, exams: [] });
    expect(p.due).toBe(p.dueReviews + p.dueNew);
    expect(p.services).toHaveLength(NOTE_COUNT);
    expect(p.services.find((s: { id: string }) => s.id === 'sqs')).toMatchObject({ answered: 3, read: false });
    expect(p.domains.map((d: { domain: string }) => d.domain)).toEqual(['development', 'security', 'deployment', 'troubleshooting']);
    expect(p.readiness).toMatchObject({ passLine: 720, examDatePassed: false });
    expect(p.nextSteps.length).toBeGreaterThan(0);
  });

  it('"due" is what quiz --due asks: the same number of questions', async () => {
    const dir = await studied();
    const { due } = await json(dir);
    const asked = await runInProcess(['quiz', '--plain', '--due', '--count', '1000'], { configDir: dir, input: '' });
    expect(asked.stdout.match(/^Question 1\/(\d+)$/m)?.[1]).toBe(String(due));
  });

  it('text shows where you stand and what is next', async () => {
    const r = await runInProcess(['progress'], { configDir: await studied() });
    expect(r.stdout).toMatch(new RegExp(`Notes read +1/${NOTE_COUNT}\\b`));
    expect(r.stdout).toMatch(/Due now +\d+ \(\d+ reviews?, \d+ new of 20 a day\)/);
    expect(r.stdout).toMatch(/Expected score \d+ \(likely \d+–\d+\) · pass line 720/);
    expect(r.stdout).toMatch(/set a date: awsnotes config set exam-date/);
    expect(r.stdout).toMatch(/^Next$/m);
  });
});

describe('awsnotes config', () => {
  it('sets, shows and clears the exam date; the "set a date" hint goes once one is set', async () => {
    const dir = tempDir();
    expect((await runInProcess(['config', 'set', 'exam-date', '2037-03-15'], { configDir: dir })).stdout).toBe(
      'exam-date set to 2037-03-15\n',
    );
    expect((await runInProcess(['config', 'get', 'exam-date'], { configDir: dir })).stdout).toBe('exam-date 2037-03-15\n');
    expect((await json(dir)).readiness.examDate).toBe('2037-03-15');
    const text = (await runInProcess(['progress'], { configDir: dir })).stdout;
    expect(text).toMatch(/Exam readiness on 2037-03-15/);
    expect(text).not.toMatch(/set a date/);
    expect((await runInProcess(['config', 'set', 'exam-date', 'none'], { configDir: dir })).stdout).toBe('exam-date cleared\n');
  });

  it.each([['2027-02-30'], ['15/03/2027'], ['tomorrow'], ['2025-13-45']])('refuses %s with exit 2', async (date) => {
    const r = await runInProcess(['config', 'set', 'exam-date', date]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a date as YYYY-MM-DD/);
  });

  it('refuses an exam date in the past, saying what today is', async () => {
    const r = await runInProcess(['config', 'set', 'exam-date', '2020-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`2020-01-01 is in the past (today is ${localDayKey(new Date())})`);
  });

  it('new-per-day: set, shown by config get, applied by quiz --due', async () => {
    const dir = tempDir();
    expect((await runInProcess(['config', 'get'], { configDir: dir })).stdout).toBe('exam-date (not set)\nnew-per-day 20 (default)\n');
    expect((await runInProcess(['config', 'set', 'new-per-day', '2'], { configDir: dir })).stdout).toBe('new-per-day set to 2\n');
    expect((await runInProcess(['config', 'get', 'new-per-day'], { configDir: dir })).stdout).toBe('new-per-day 2\n');
    expect(await json(dir)).toMatchObject({ due: 2, dueNew: 2, newPerDay: 2 });
    expect((await runInProcess(['quiz', '--plain', '--due', '--count', '100'], { configDir: dir, input: '' })).stdout).toMatch(
      /^Question 1\/2$/m,
    );
    expect((await runInProcess(['config', 'set', 'new-per-day', '-1'], { configDir: dir })).code).toBe(2);
    expect((await runInProcess(['config', 'set', 'new-per-day', 'many'], { configDir: dir })).code).toBe(2);
  });
});

describe('reset', () => {
  it('refuses without --yes when not on a terminal, and changes nothing', async () => {
    const dir = await studied();
    const before = readFileSync(journalFile(dir), 'utf8');
    const r = await runInProcess(['reset'], { configDir: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to erase progress without --yes/);
    expect(readFileSync(journalFile(dir), 'utf8')).toBe(before);
  });

  it('--yes keeps a backup first and the settings; the backup restores everything', async () => {
    const dir = await studied();
    await runInProcess(['config', 'set', 'new-per-day', '7'], { configDir: dir });
    const before = await json(dir);
    const r = await runInProcess(['reset', '--yes'], { configDir: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Progress erased \(3 answers, 1 note read, 0 exams\); your settings were kept/);
    const backup = readdirSync(dir).find((f) => f.startsWith('progress.backup-'));
    expect(backup).toBeDefined();
    expect(await json(dir)).toMatchObject({ answered: 0, notesRead: [], newPerDay: 7 });
    expect((await runInProcess(['import', path.join(dir, backup!)], { configDir: dir })).code).toBe(0);
    expect(await json(dir)).toMatchObject({ answered: before.answered, correct: before.correct, notesRead: before.notesRead });
  });
});

describe('export and import', () => {
  it('a history long enough to take seconds says so: its import before it starts, its rebuild when the snapshot is lost', async () => {
    const at = Date.now() - 86_400_000;
    const lines = Array.from({ length: LONG_IMPORT_EVENTS }, (_, i) =>
      encodeEvent({
        kind: 'answer',
        id: `long-${i}`,
        at: at + i,
        question: SQS,
        chosen: [0],
        correct: true,
        ms: 900,
        source: 'quiz',
        rating: 3,
      }),
    );
    const file = path.join(tempDir(), 'journal.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(statSync(file).size).toBeGreaterThanOrEqual(LONG_REPLAY_BYTES);
    const dir = tempDir();
    const imported = await runInProcess(['import', file], { configDir: dir });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe(
      `awsnotes: import: adding ${LONG_IMPORT_EVENTS.toLocaleString('en-US')} events to your history and rescheduling their cards; this takes a while…\n`,
    );
    unlinkSync(path.join(dir, 'progress.json'));
    const rebuilt = await runInProcess(['progress'], { configDir: dir });
    expect(rebuilt.stderr).toMatch(/^awsnotes: rebuilding your progress from its history \(\d+ MiB\): every answer is rescheduled/);
    // With the snapshot there, nothing to say.
    expect((await runInProcess(['progress'], { configDir: dir })).stderr).toBe('');
  });

  it('round trip: export, reset, import gives identical figures; importing twice counts each event once', async () => {
    const dir = await studied();
    const file = path.join(tempDir(), 'backup.json');
    expect((await runInProcess(['export', '--out', file], { configDir: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'awsnotes-progress', backupVersion: 2 });
    const before = await json(dir);
    await runInProcess(['reset', '--yes'], { configDir: dir });
    const imported = await runInProcess(['import', file], { configDir: dir });
    expect(imported.stdout).toMatch(/Imported .*: 3 new answers and 1 other event; 0 events already here/);
    // A short import has nothing to warn of.
    expect(imported.stderr).toBe('');
    expect((await runInProcess(['import', file], { configDir: dir })).stdout).toMatch(/0 new answers; 4 events already here/);
    const after = await json(dir);
    for (const key of ['notesRead', 'answered', 'correct', 'due', 'streakDays', 'exams', 'services', 'domains'])
      expect(after[key], key).toEqual(before[key]);
  });

  it('into another machine: the union with what is already there', async () => {
    const a = await studied();
    const file = path.join(tempDir(), 'a.json');
    await runInProcess(['export', '--out', file], { configDir: a });
    const b = await studied();
    await runInProcess(['import', file], { configDir: b });
    expect((await json(b)).answered).toBe(6);
  });

  it('reads backups of the previous version and raw progress files of older ones', async () => {
    const dir = tempDir();
    const old = path.join(tempDir(), 'old.json');
    const v2 = {
      version: 2,
      notesRead: { sqs: { first: '2026-01-01T00:00:00.000Z', last: '2026-01-02T00:00:00.000Z', count: 2 } },
      answers: [{ id: 'old-1', question: SQS, chosen: [0], correct: true, at: '2026-01-01T10:00:00.000Z', ms: 900, source: 'quiz' }],
      cards: {},
      flags: {},
      exams: [],
      settings: {},
    };
    writeFileSync(
      old,
      JSON.stringify({
        format: 'awsnotes-progress',
        backupVersion: 1,
        exportedAt: '2026-01-03T00:00:00.000Z',
        appVersion: '0.1.0',
        progress: v2,
      }),
    );
    expect((await runInProcess(['import', old], { configDir: dir })).code).toBe(0);
    writeFileSync(old, JSON.stringify(v2));
    expect((await runInProcess(['import', old], { configDir: dir })).stdout).toMatch(/0 new answers; 2 events already here/);
    expect(await json(dir)).toMatchObject({ answered: 1, notesRead: ['sqs'] });
  });

  it('reads a backup with a byte-order mark, and one in UTF-16 (PowerShell)', async () => {
    for (const [name, encode] of [
      ['utf8-bom', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ['utf16le-bom', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['utf16be-bom', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
      ['utf16le', (text: string) => Buffer.from(text, 'utf16le')],
    ] as const) {
      const dir = tempDir();
      const file = path.join(tempDir(), `${name}.json`);
      writeFileSync(
        file,
        encode(
          JSON.stringify({
            format: 'awsnotes-progress',
            backupVersion: 2,
            events: [{ i: 'x1', e: 'a', q: SQS, c: [0], ok: 1, at: 1_767_225_600_000 }],
          }),
        ),
      );
      const r = await runInProcess(['import', file], { configDir: dir });
      expect(r.code, name).toBe(0);
      expect((await json(dir)).answered, name).toBe(1);
    }
  });

  it('keeps aside (and reports) answers to questions this bank does not have', async () => {
    const dir = tempDir();
    const file = backupWith([
      { i: 'k1', e: 'a', q: SQS, c: [0], ok: 1, at: 1_767_225_600_000 },
      { i: 'u1', e: 'a', q: 'retired-question', c: [0], at: 1_767_225_600_000 },
      { i: 'u2', e: 'n', sv: 'no-such-service', at: 1_767_225_600_000 },
    ]);
    const r = await runInProcess(['import', file], { configDir: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 new answer;/);
    expect(r.stdout).toMatch(/2 events about questions or notes this version does not have .* kept aside in .*import-aside-/);
    const aside = readdirSync(dir).find((f) => f.startsWith('import-aside-'))!;
    const kept = JSON.parse(readFileSync(path.join(dir, aside), 'utf8'));
    expect(kept.events.map((e: { i: string }) => e.i)).toEqual(['u1', 'u2']);
    expect((await json(dir)).answered).toBe(1);
  });

  it('accepts times in the future (a clock running ahead), set to now and reported', async () => {
    const dir = tempDir();
    const future = Date.now() + 400 * 86_400_000;
    const r = await runInProcess(['import', backupWith([{ i: 'f1', e: 'a', q: SQS, c: [0], ok: 1, at: future }])], { configDir: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 time in the future .* set to now/);
    const quiz = await runInProcess(['quiz', '--plain', '--service', 'sqs', '--count', '1'], { configDir: dir, input: 'A\n' });
    expect(quiz.code).toBe(0);
    expect(quiz.stderr).toBe('');
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['foreign JSON', '{"name": "my-package", "version": "1.0.0"}', /not an awsnotes backup/],
    ['a backup from the future', JSON.stringify({ format: 'awsnotes-progress', backupVersion: 99, events: [] }), /newer awsnotes/],
    [
      'an impossible exam date',
      JSON.stringify({ version: 2, notesRead: {}, answers: [], cards: {}, flags: {}, exams: [], settings: { examDate: '2025-13-45' } }),
      /settings\.examDate/,
    ],
    [
      'an impossible answer date',
      JSON.stringify({
        version: 2,
        notesRead: {},
        answers: [{ id: 'a', question: 'q', chosen: [0], correct: true, at: '2026-02-30T10:00:00Z', ms: 1, source: 'quiz' }],
        cards: {},
        flags: {},
        exams: [],
        settings: {},
      }),
      /answers\.0\.at/,
    ],
    [
      'an event that is not one',
      JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, events: [{ i: 'x', e: 'a', at: 'yesterday' }] }),
      /event 1 of the backup/,
    ],
  ])('a bad file (%s) is refused with nothing changed', async (_name, content, message) => {
    const dir = await studied();
    const before = readFileSync(journalFile(dir), 'utf8');
    const file = path.join(tempDir(), 'bad.json');
    writeFileSync(file, content);
    const r = await runInProcess(['import', file], { configDir: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/nothing was changed/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(journalFile(dir), 'utf8')).toBe(before);
  });

  it('a missing file is refused', async () => {
    const r = await runInProcess(['import', '/nonexistent/backup.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not exist; nothing was changed/);
  });

  it('a FIFO, /dev/zero and a directory are refused at once, never read', async () => {
    const fifo = path.join(tempDir(), 'fifo');
    spawnSync('mkfifo', [fifo]);
    for (const [file, kind] of [
      [fifo, 'a FIFO (named pipe)'],
      ['/dev/zero', 'a character device'],
      [tempDir(), 'a directory'],
    ]) {
      // No writer ever opens the FIFO: a read would hang until the run's timeout.
      const r = run(['import', file!], { timeout: 10_000 });
      expect(r.code, file).toBe(1);
      expect(r.stderr).toContain(`it is ${kind}, not a regular file; nothing was changed`);
    }
  });

  it('a file over the documented size is refused', async () => {
    const file = path.join(tempDir(), 'huge.json');
    // Sparse: 257 MiB on paper, nothing on disk.
    spawnSync('truncate', ['-s', '257M', file]);
    const r = await runInProcess(['import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/larger than 256 MiB/);
  });

  it('quotes a bad file and its name with control characters escaped, never raw', async () => {
    const dir = tempDir();
    const file = path.join(tempDir(), 'evil\u001b]0;NAME\u0007.json');
    writeFileSync(file, '\u001b]0;PWNED\u0007');
    const r = await runInProcess(['import', file], { configDir: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stderr).toContain('evil\\x1B]0;NAME\\x07.json');
  });

  it('export --out onto a symlink refuses (exit 1) and leaves the link and its target alone', async () => {
    const dir = await studied();
    const where = tempDir();
    const target = path.join(where, 'target.txt');
    writeFileSync(target, 'precious');
    const link = path.join(where, 'link.json');
    symlinkSync(target, link);
    const r = await runInProcess(['export', '--out', link], { configDir: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*link\.json \(it is a symbolic link to a regular file\); nothing was saved/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('export --out onto a FIFO writes into it and leaves it a FIFO', async () => {
    const dir = await studied();
    const fifo = path.join(tempDir(), 'backup.fifo');
    spawnSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let received = '';
    reader.stdout.on('data', (d) => (received += d));
    const r = run(['export', '--out', fifo], { configDir: dir });
    await exited(reader);
    expect(r.code).toBe(0);
    expect(JSON.parse(received)).toMatchObject({ format: 'awsnotes-progress', backupVersion: 2 });
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('export onto a full device says nothing was saved; export --out leaves no temporary file behind', async () => {
    const dir = await studied();
    const full = await runInProcess(['export', '--out', '/dev/full'], { configDir: dir });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/cannot write \/dev\/full \(no space left on the device\); nothing was saved/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    const where = tempDir();
    const blocked = path.join(where, 'sub');
    mkdirSync(blocked);
    const r = await runInProcess(['export', '--out', blocked], { configDir: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/it is a directory/);
    expect((await runInProcess(['export', '--out', path.join(where, 'ok.json')], { configDir: dir })).code).toBe(0);
    expect(readdirSync(where).sort()).toEqual(['ok.json', 'sub']);
  });

  it('--format anki: the headers Anki reads, then one line of three fields per question', async () => {
    const r = await runInProcess(['export', '--format', 'anki']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, ANKI_HEADERS.length)).toEqual(ANKI_HEADERS);
    const notes = lines.slice(ANKI_HEADERS.length);
    expect(notes).toHaveLength(questions().length);
    for (const note of notes) {
      const fields = note.split('\t');
      expect(fields).toHaveLength(3);
      expect(fields[2]).toMatch(
        /^awsnotes service::[a-z0-9-]+ domain::(development|security|deployment|troubleshooting)( task::[1-4]\.[1-9])+$/,
      );
    }
  });

  it('--format must be json or anki', async () => {
    expect((await runInProcess(['export', '--format', 'csv'])).code).toBe(2);
  });
});

describe('awsnotes doctor', () => {
  it('reports what it checked; repairs a damaged snapshot and a cut-off last line; --json says the same', async () => {
    const dir = await studied();
    const healthy = await runInProcess(['doctor'], { configDir: dir });
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toMatch(/✓ journal\.jsonl: 4 events \(3 answers\), every line readable/);
    expect(healthy.stdout).toMatch(/✓ progress\.json: matches the journal replayed/);
    expect(healthy.stdout).toMatch(/Everything is in order/);
    writeFileSync(path.join(dir, 'progress.json'), '{"version": 3, "broken');
    appendFileSync(journalFile(dir), '{"i":"cut","e":"a"');
    writeFileSync(path.join(dir, 'progress.json.tmp-0123456789abcdef'), 'left by a killed writer');
    const r = await runInProcess(['doctor', '--json'], { configDir: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    const repaired = report.findings.filter((f: { status: string }) => f.status === 'repaired').map((f: { detail: string }) => f.detail);
    expect(repaired).toEqual([
      expect.stringMatching(/could not be used .*kept as .*rebuilt from/),
      expect.stringMatching(/last line was cut off .* closed off/),
      expect.stringMatching(/1 file left by killed writers removed/),
    ]);
    expect((await json(dir)).answered).toBe(3);
    expect(existsSync(path.join(dir, 'progress.json.tmp-0123456789abcdef'))).toBe(false);
  });

  it('rewrites a snapshot that no longer adds up to the journal', async () => {
    const dir = await studied();
    await runInProcess(['doctor'], { configDir: dir });
    const file = path.join(dir, 'progress.json');
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    const [first] = Object.keys(snapshot.stats);
    snapshot.stats[first!].answers += 5;
    delete snapshot.checksum;
    writeFileSync(file, JSON.stringify(snapshot));
    expect((await json(dir)).answered).toBe(8);
    const r = await runInProcess(['doctor'], { configDir: dir });
    expect(r.stdout).toMatch(
      /✓ progress\.json: repaired: answer counts of 1 question differed from the journal replayed: rewritten from it/,
    );
    expect((await json(dir)).answered).toBe(3);
  });

  it('waits for a live holder of the lock, then says it checked nothing (exit 1)', async () => {
    const dir = await studied();
    const { child: holder } = await startHelper('hold-lock', [path.join(dir, 'progress.json.lock')], /^held/);
    try {
      const r = await runInProcess(['doctor'], { configDir: dir, env: { AWSNOTES_LOCK_WAIT: '0.2' } });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`✗ lock: .*held by awsnotes process ${holder.pid}.*nothing was checked`));
    } finally {
      holder.kill('SIGKILL');
    }
  });
});

describe('two processes answering at once', () => {
  it('keep every answer of both', async () => {
    const dir = tempDir();
    await Promise.all(['a', 'b'].map((prefix) => runHelper('write-answers', [dir, prefix, '30'])));
    const lines = readFileSync(journalFile(dir), 'utf8').trim().split('\n').slice(1);
    expect(lines).toHaveLength(60);
    expect(new Set(lines.map((l) => JSON.parse(l).i)).size).toBe(60);
    expect((await json(dir)).answered).toBe(60);
  });
});
