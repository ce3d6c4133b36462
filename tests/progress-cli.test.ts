// progress, config, reset, export and import, run as a learner would.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { questions } from '../src/content/bundle.js';
import { ANKI_HEADERS } from '../src/progress/backup.js';
import { run, runScript, STACK_TRACE, tempDir } from './helpers/cli.js';
import { NOTE_COUNT } from './helpers/content.js';

const progressFile = (dir: string) => path.join(dir, 'progress.json');

function studied(): string {
  const dir = tempDir();
  // A little history: three plain answers and a note read. Each question takes A, AB or
  // ABC, whichever it asks for ("choose 1/2/3"); the others are refused.
  run(['quiz', '--plain', '--service', 'sqs', '--count', '3'], {
    input: 'A\nAB\nABC\n'.repeat(3),
    configDir: dir,
    env: { AWSNOTES_SEED: '3' },
  });
  run(['show', 'kms'], { configDir: dir });
  return dir;
}

describe('awsnotes progress', () => {
  it('--json has the documented figures', () => {
    const dir = studied();
    const r = run(['progress', '--json'], { configDir: dir });
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.notesRead).toEqual(['kms']);
    expect(p.answered).toBe(3);
    expect(typeof p.correct).toBe('number');
    expect(typeof p.due).toBe('number');
    expect(p.streakDays).toBe(1);
    expect(p.exams).toEqual([]);
    expect(p.services).toHaveLength(NOTE_COUNT);
    expect(p.services.find((s: { id: string }) => s.id === 'sqs')).toMatchObject({ answered: 3, read: false });
    expect(p.domains.map((d: { domain: string }) => d.domain)).toEqual(['development', 'security', 'deployment', 'troubleshooting']);
    expect(p.readiness).toMatchObject({ passLine: 720 });
    expect(p.readiness.expected).toBeGreaterThanOrEqual(100);
    expect(p.nextSteps.length).toBeGreaterThan(0);
  });

  it('text shows where you stand and what is next', () => {
    const r = run(['progress'], { configDir: studied() });
    expect(r.stdout).toMatch(new RegExp(`Notes read +1/${NOTE_COUNT}\\b`));
    expect(r.stdout).toMatch(/Expected score \d+ \(likely \d+–\d+\) · pass line 720/);
    expect(r.stdout).toMatch(/^Next$/m);
  });
});

describe('awsnotes config', () => {
  it('sets, shows and clears the exam date', () => {
    const dir = tempDir();
    expect(run(['config', 'set', 'exam-date', '2027-03-15'], { configDir: dir }).stdout).toBe('exam-date set to 2027-03-15\n');
    expect(run(['config', 'get'], { configDir: dir }).stdout).toBe('exam-date 2027-03-15\n');
    expect(JSON.parse(run(['progress', '--json'], { configDir: dir }).stdout).readiness.examDate).toBe('2027-03-15');
    expect(run(['config', 'set', 'exam-date', 'none'], { configDir: dir }).stdout).toBe('exam-date cleared\n');
  });

  it.each([['2027-02-30'], ['15/03/2027'], ['tomorrow']])('refuses %s with exit 2', (date) => {
    const r = run(['config', 'set', 'exam-date', date]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a date as YYYY-MM-DD/);
  });
});

describe('reset', () => {
  it('refuses without --yes when not on a terminal, and changes nothing', () => {
    const dir = studied();
    const before = readFileSync(progressFile(dir), 'utf8');
    const r = run(['reset'], { configDir: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to erase progress without --yes/);
    expect(readFileSync(progressFile(dir), 'utf8')).toBe(before);
  });

  it('--yes keeps a backup first, and the backup restores everything', () => {
    const dir = studied();
    const before = JSON.parse(run(['progress', '--json'], { configDir: dir }).stdout);
    const r = run(['reset', '--yes'], { configDir: dir });
    expect(r.code).toBe(0);
    const backup = readdirSync(dir).find((f) => f.startsWith('progress.backup-'));
    expect(backup).toBeDefined();
    expect(JSON.parse(run(['progress', '--json'], { configDir: dir }).stdout)).toMatchObject({ answered: 0, notesRead: [] });
    expect(run(['import', path.join(dir, backup!)], { configDir: dir }).code).toBe(0);
    const after = JSON.parse(run(['progress', '--json'], { configDir: dir }).stdout);
    expect(after).toMatchObject({ answered: before.answered, correct: before.correct, notesRead: before.notesRead });
  });
});

describe('export and import', () => {
  it('round trip: export, reset, import gives identical figures; importing twice counts each answer once', () => {
    const dir = studied();
    const file = path.join(tempDir(), 'backup.json');
    expect(run(['export', '--out', file], { configDir: dir }).code).toBe(0);
    const backup = JSON.parse(readFileSync(file, 'utf8'));
    expect(backup).toMatchObject({ format: 'awsnotes-progress', backupVersion: 1 });
    const before = JSON.parse(run(['progress', '--json'], { configDir: dir }).stdout);
    run(['reset', '--yes'], { configDir: dir });
    run(['import', file], { configDir: dir });
    run(['import', file], { configDir: dir });
    const after = JSON.parse(run(['progress', '--json'], { configDir: dir }).stdout);
    for (const key of ['notesRead', 'answered', 'correct', 'due', 'streakDays', 'exams', 'services', 'domains'])
      expect(after[key], key).toEqual(before[key]);
  });

  it('into a fresh machine: the union with what is already there', () => {
    const a = studied();
    const file = path.join(tempDir(), 'a.json');
    run(['export', '--out', file], { configDir: a });
    const b = studied();
    run(['import', file], { configDir: b });
    expect(JSON.parse(run(['progress', '--json'], { configDir: b }).stdout).answered).toBe(6);
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['foreign JSON', '{"name": "my-package", "version": "1.0.0"}', /not an awsnotes backup/],
    ['a backup from the future', JSON.stringify({ format: 'awsnotes-progress', backupVersion: 99, progress: {} }), /newer awsnotes/],
  ])('a bad file (%s) is refused with nothing changed', (_name, content, message) => {
    const dir = studied();
    const before = readFileSync(progressFile(dir), 'utf8');
    const file = path.join(tempDir(), 'bad.json');
    writeFileSync(file, content);
    const r = run(['import', file], { configDir: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/nothing was changed/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(progressFile(dir), 'utf8')).toBe(before);
  });

  it('a missing file is refused', () => {
    const r = run(['import', '/nonexistent/backup.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not exist; nothing was changed/);
  });

  it('--format anki: the headers Anki reads, then one line of three fields per question', () => {
    const r = run(['export', '--format', 'anki']);
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

  it('--format must be json or anki', () => {
    expect(run(['export', '--format', 'csv']).code).toBe(2);
  });
});

describe('two processes answering at once', () => {
  it('keep every answer of both', async () => {
    const dir = tempDir();
    const script = path.resolve(import.meta.dirname, 'helpers/write-answers.ts');
    await Promise.all(['a', 'b'].map((prefix) => runScript(script, [dir, prefix, '30'])));
    const saved = JSON.parse(readFileSync(progressFile(dir), 'utf8'));
    expect(saved.answers).toHaveLength(60);
    expect(new Set(saved.answers.map((a: { id: string }) => a.id)).size).toBe(60);
    expect(Object.keys(saved.cards)).toHaveLength(14);
  });
});
