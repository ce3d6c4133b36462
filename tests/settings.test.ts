// The settings: settings.json, conf's store in the progress directory. A round trip through
// conf, a bad file set aside (never thrown away), several processes, settings of an older
// awsnotes moved in once, export and import, a read-only file, and conf kept out of the
// commands that do not read settings.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeEvent, type Event } from '../src/progress/events.js';
import { progressDir } from '../src/progress/paths.js';
import { PROGRESS_VERSION } from '../src/progress/schema.js';
import { upgradeSettingsFile } from '../src/progress/settings.js';
import { ProgressStore } from '../src/progress/store.js';
import { recordAnswer } from '../src/quiz/record.js';
import { runInProcess, tempDir } from './helpers/cli.js';
import { helperScript } from './helpers/bundle.js';
import { exited } from './helpers/processes.js';

const NOW = new Date('2026-05-01T10:00:00.000Z');
const settingsFile = (dir: string) => path.join(dir, 'settings.json');
const progressFile = (dir: string) => path.join(dir, 'progress.json');
const journalFile = (dir: string) => path.join(dir, 'journal.jsonl');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const isRoot = process.getuid?.() === 0;
const canMount = isRoot && spawnSync('mount', ['--version']).status === 0;

function answer(store: ProgressStore, question: string): void {
  recordAnswer(store, { question, chosen: [0], correct: true, ms: 1000, source: 'quiz' }, NOW);
}

describe('settings.json, kept by conf', () => {
  it('round trip: what the store sets, conf reads back; what conf holds, the store reads', async () => {
    const dir = tempDir();
    const store = ProgressStore.open({ dir });
    expect(store.setSetting('examDate', '2027-03-15')).toEqual({ ok: true });
    expect(store.setSetting('newPerDay', 7)).toEqual({ ok: true });
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, examDate: '2027-03-15', newPerDay: 7 });
    const conf = new Conf<Record<string, unknown>>({ projectName: 'awsnotes', cwd: dir, configName: 'settings' });
    expect(conf.store).toEqual({ version: 1, examDate: '2027-03-15', newPerDay: 7 });
    conf.set('newPerDay', 9);
    expect(ProgressStore.open({ dir }).read().settings).toEqual({ examDate: '2027-03-15', newPerDay: 9 });
    expect(store.read().settings.newPerDay).toBe(9); // an open session sees the change too
    store.setSetting('examDate', null);
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, newPerDay: 9 });
    // One source of truth: neither the journal nor the snapshot holds settings.
    store.checkpoint(true);
    expect(readFileSync(journalFile(dir), 'utf8')).not.toMatch(/"e":"s"/);
    expect(readJson(progressFile(dir))).not.toHaveProperty('settings');
  });

  it("lives in conf's directory for the project awsnotes, or in AWSNOTES_CONFIG_DIR", async () => {
    const home = tempDir();
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = home;
    try {
      const conf = new Conf({ projectName: 'awsnotes', configName: 'settings' });
      expect(conf.path).toBe(path.join(home, 'awsnotes-nodejs', 'settings.json'));
      expect(path.join(progressDir({}), 'settings.json')).toBe(conf.path);
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = saved;
    }
    const dir = tempDir();
    ProgressStore.open({ env: { AWSNOTES_CONFIG_DIR: dir } }).setSetting('newPerDay', 4);
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, newPerDay: 4 });
  });

  it('keeps the fields it does not know; reads a file without a version, or with a byte-order mark', async () => {
    const dir = tempDir();
    writeFileSync(settingsFile(dir), `\uFEFF${JSON.stringify({ examDate: '2027-03-15', theme: { dark: true } })}`);
    const store = ProgressStore.open({ dir });
    expect(store.read().settings).toEqual({ examDate: '2027-03-15' });
    store.setSetting('newPerDay', 5);
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, examDate: '2027-03-15', newPerDay: 5, theme: { dark: true } });
    expect(store.notices).toEqual([]);
  });

  it('the upgrade: a file without a version is version 1; a later one is read leniently; anything else is corrupt', async () => {
    expect(upgradeSettingsFile({ newPerDay: 3 })).toEqual({ kind: 'current', settings: { newPerDay: 3 }, extras: {} });
    expect(upgradeSettingsFile({ version: 1, newPerDay: 3, x: 1 })).toEqual({
      kind: 'current',
      settings: { newPerDay: 3 },
      extras: { x: 1 },
    });
    expect(upgradeSettingsFile({ version: 2, newPerDay: 'many', examDate: '2027-03-15' })).toEqual({
      kind: 'future',
      settings: { examDate: '2027-03-15' },
      version: 2,
    });
    expect(upgradeSettingsFile([])).toMatchObject({ kind: 'corrupt', reason: 'not a JSON object' });
    expect(upgradeSettingsFile({ version: '1' })).toMatchObject({ kind: 'corrupt' });
    expect(upgradeSettingsFile({ examDate: '2025-13-45' })).toEqual({
      kind: 'corrupt',
      reason: '"examDate": must be a real date written YYYY-MM-DD',
    });
    expect(upgradeSettingsFile({ newPerDay: 1001 })).toMatchObject({ kind: 'corrupt', reason: expect.stringMatching(/^"newPerDay": /) });
  });

  it('a file that is not valid JSON (new Conf() throws) is moved aside and reported, never thrown away', async () => {
    const dir = tempDir();
    const garbage = '{"examDate": "2027-';
    writeFileSync(settingsFile(dir), garbage);
    const store = ProgressStore.open({ dir, now: () => NOW });
    expect(store.read().settings).toEqual({});
    const aside = path.join(dir, 'settings.corrupt-2026-05-01T10-00-00-000Z.json');
    expect(store.notices).toEqual([
      `Your settings file ${settingsFile(dir)} could not be used (not valid JSON (${jsonError(garbage)})). It was kept as ${aside}; your settings start again from their defaults.`,
    ]);
    expect(readFileSync(aside, 'utf8')).toBe(garbage);
    expect(store.setSetting('newPerDay', 6)).toEqual({ ok: true });
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, newPerDay: 6 });
  });

  it('a file damaged while a session runs, or holding an impossible date, is set aside the same way', async () => {
    const dir = tempDir();
    const store = ProgressStore.open({ dir, now: () => NOW });
    store.setSetting('newPerDay', 6);
    writeFileSync(settingsFile(dir), '{"version": 1, "newPerDay": 6, "examDate": "2025-13-45"}');
    expect(store.read().settings).toEqual({});
    expect(store.notices.join()).toMatch(/could not be used \("examDate": must be a real date.*kept as .*settings\.corrupt-/);
    expect(readdirSync(dir).filter((n) => n.startsWith('settings.corrupt-'))).toHaveLength(1);
  });

  it('every command that opens the progress says so when it sets the file aside (config get here)', async () => {
    const dir = tempDir();
    await runInProcess(['config', 'set', 'new-per-day', '5'], { configDir: dir });
    writeFileSync(settingsFile(dir), '{"version": 1,');
    const r = await runInProcess(['config', 'get'], { configDir: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^awsnotes: Your settings file .*settings\.json could not be used \(not valid JSON .*It was kept as .*settings\.corrupt-/,
    );
    expect(r.stdout).toBe('exam-date (not set)\nnew-per-day 20 (default)\n');
  });

  it('awsnotes doctor sets a bad file aside and says so; config get then shows the defaults', async () => {
    const dir = tempDir();
    await runInProcess(['config', 'set', 'new-per-day', '5'], { configDir: dir });
    writeFileSync(settingsFile(dir), 'not json');
    const r = await runInProcess(['doctor'], { configDir: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ progress files: repaired: Your settings file .*settings\.json could not be used \(not valid JSON/);
    expect(r.stdout).toMatch(/✓ settings\.json: none saved yet: the defaults apply/);
    expect(readdirSync(dir).filter((n) => n.startsWith('settings.corrupt-'))).toHaveLength(1);
    expect((await runInProcess(['config', 'get'], { configDir: dir })).stdout).toBe('exam-date (not set)\nnew-per-day 20 (default)\n');
  });

  it('a file written by a newer awsnotes is left as it is: what it holds is used, nothing is written over it', async () => {
    const dir = tempDir();
    const newer = JSON.stringify({ version: 2, examDate: '2027-03-15', reminders: 'daily' });
    writeFileSync(settingsFile(dir), newer);
    const store = ProgressStore.open({ dir });
    expect(store.read().settings).toEqual({ examDate: '2027-03-15' });
    const saved = store.setSetting('newPerDay', 3);
    expect(saved).toMatchObject({ ok: false, reason: expect.stringMatching(/written by a newer awsnotes \(settings version 2\)/) });
    expect(store.read().settings).toEqual({ examDate: '2027-03-15', newPerDay: 3 }); // kept for the session
    expect(store.notices.join()).toMatch(/settings will not be saved this session/);
    expect(readFileSync(settingsFile(dir), 'utf8')).toBe(newer);
  });

  it('two processes setting different settings at once keep both: each write re-reads the file under the lock', async () => {
    const dir = tempDir();
    ProgressStore.open({ dir }); // the journal exists before they start
    const outputs = ['examDate', 'newPerDay'].map((key) => {
      const child = spawn(process.execPath, [helperScript('set-settings'), dir, key, '150'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      return exited(child).then((result) => ({ ...result, out }));
    });
    const [dates, counts] = await Promise.all(outputs);
    expect(dates).toEqual({ code: 0, signal: null, out: 'done 2040-01-10\n' });
    expect(counts).toEqual({ code: 0, signal: null, out: 'done 149\n' });
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, examDate: '2040-01-10', newPerDay: 149 });
  });

  it.skipIf(isRoot && !canMount)('config set on a read-only settings file exits 1, saying nothing was saved and why', async () => {
    const dir = tempDir();
    await runInProcess(['config', 'set', 'new-per-day', '5'], { configDir: dir });
    const before = readFileSync(settingsFile(dir), 'utf8');
    const readOnly = makeReadOnly(settingsFile(dir));
    try {
      const r = await runInProcess(['config', 'set', 'exam-date', '2040-01-01'], { configDir: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `config set exam-date: nothing was saved \\(${escapeRegExp(settingsFile(dir))} cannot be written \\((read-only file system|permission denied)\\)\\)`,
        ),
      );
      expect(r.stdout).toBe('');
      expect(readFileSync(settingsFile(dir), 'utf8')).toBe(before);
      expect((await runInProcess(['config', 'get'], { configDir: dir })).stdout).toBe('exam-date (not set)\nnew-per-day 5\n');
      // An import that brings settings changes nothing either: not the settings, not the history.
      const backup = path.join(tempDir(), 'backup.json');
      const events = [{ i: 'a1', e: 'a', q: 'sqs-1', c: [0], ok: 1, at: 1_700_000_000_000 }];
      writeFileSync(
        backup,
        JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, settings: { examDate: '2040-01-01' }, events }),
      );
      const journal = readFileSync(journalFile(dir), 'utf8');
      const imported = await runInProcess(['import', backup], { configDir: dir });
      expect(imported.code).toBe(1);
      expect(imported.stderr).toMatch(/import: nothing was saved \(.*settings\.json cannot be written/);
      expect(readFileSync(journalFile(dir), 'utf8')).toBe(journal);
    } finally {
      readOnly.undo();
    }
  });
});

describe('settings of an older awsnotes move into settings.json, once', () => {
  /** A journal and a snapshot as awsnotes wrote them before settings had a file: setting events, a version-3 snapshot. */
  function olderHistory(): string {
    const dir = tempDir();
    const store = ProgressStore.open({ dir, now: () => NOW });
    answer(store, 'sqs-1');
    appendFileSync(
      journalFile(dir),
      `${encodeEvent(setting('s1', 'examDate', '2027-01-01'))}\n${encodeEvent(setting('s2', 'newPerDay', 3))}\n`,
    );
    answer(store, 'kms-1');
    store.checkpoint(true);
    // This version moved them into settings.json as it went: as if it had never run.
    unlinkSync(settingsFile(dir));
    // The snapshot as version 3 wrote it: the settings inside, at the same offset.
    const { checksum: _, ...v4 } = readJson(progressFile(dir));
    writeFileSync(progressFile(dir), JSON.stringify({ ...v4, version: 3, settings: { examDate: '2027-01-01', newPerDay: 3 } }));
    // And one setting saved after it, in the journal's tail.
    appendFileSync(journalFile(dir), `${encodeEvent(setting('s3', 'newPerDay', 12))}\n`);
    return dir;
  }

  it('a version-3 snapshot and setting events in the journal: the last values, in settings.json; the snapshot rewritten without them', async () => {
    const dir = olderHistory();
    const store = ProgressStore.open({ dir });
    expect(store.read().settings).toEqual({ examDate: '2027-01-01', newPerDay: 12 });
    expect(store.read().stats['kms-1']).toMatchObject({ answers: 1 });
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, examDate: '2027-01-01', newPerDay: 12 });
    const snapshot = readJson(progressFile(dir));
    expect(snapshot.version).toBe(PROGRESS_VERSION);
    expect(snapshot).not.toHaveProperty('settings');
    expect(store.notices).toEqual([]);
  });

  it('once: a setting cleared since stays cleared, even when the journal is replayed from the start', async () => {
    const dir = olderHistory();
    ProgressStore.open({ dir }).setSetting('examDate', null);
    unlinkSync(progressFile(dir)); // the next open replays the whole journal, old setting events included
    const store = ProgressStore.open({ dir });
    expect(store.read().settings).toEqual({ newPerDay: 12 });
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, newPerDay: 12 });
  });

  it('a journal alone (the snapshot lost before this version ever ran): its setting events', async () => {
    const dir = olderHistory();
    unlinkSync(progressFile(dir));
    expect(ProgressStore.open({ dir }).read().settings).toEqual({ examDate: '2027-01-01', newPerDay: 12 });
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, examDate: '2027-01-01', newPerDay: 12 });
  });

  it("a version-2 file's exam date", async () => {
    const dir = tempDir();
    const v2 = { version: 2, notesRead: {}, answers: [], cards: {}, flags: {}, exams: [], settings: { examDate: '2027-02-02' } };
    writeFileSync(progressFile(dir), JSON.stringify(v2));
    const store = ProgressStore.open({ dir });
    expect(store.read().settings).toEqual({ examDate: '2027-02-02' });
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, examDate: '2027-02-02' });
    expect(readFileSync(journalFile(dir), 'utf8')).not.toMatch(/"e":"s"/);
  });

  it('when they cannot be moved, the version-3 snapshot is not rewritten and this session uses them', async () => {
    const dir = olderHistory();
    mkdirSync(settingsFile(dir)); // in the way: no file can take its name
    const before = readFileSync(progressFile(dir), 'utf8');
    const store = ProgressStore.open({ dir });
    expect(store.read().settings).toEqual({ examDate: '2027-01-01', newPerDay: 12 });
    expect(store.notices.join()).toMatch(/settings of an older awsnotes could not be moved into .*settings\.json/);
    for (let i = 0; i < 5; i++) answer(store, `q${i}`); // answers are still saved
    store.checkpoint(true);
    expect(readFileSync(progressFile(dir), 'utf8')).toBe(before);
    expect(store.setSetting('newPerDay', 1)).toMatchObject({ ok: false });
  });
});

describe('export and import carry the settings', () => {
  it('the backup holds them beside the events; an import fills the ones missing, keeps yours, and says which', async () => {
    const from = tempDir();
    await runInProcess(['config', 'set', 'exam-date', '2037-03-15'], { configDir: from });
    await runInProcess(['config', 'set', 'new-per-day', '7'], { configDir: from });
    await runInProcess(['show', 'sqs'], { configDir: from });
    const backup = path.join(tempDir(), 'backup.json');
    expect((await runInProcess(['export', '--out', backup], { configDir: from })).code).toBe(0);
    const exported = readJson(backup);
    expect(exported.settings).toEqual({ examDate: '2037-03-15', newPerDay: 7 });
    expect(JSON.stringify(exported.events)).not.toMatch(/"e":"s"/);

    const fresh = tempDir();
    const first = await runInProcess(['import', backup], { configDir: fresh });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Settings taken from the file: exam-date 2037-03-15, new-per-day 7\.$/m);
    expect((await runInProcess(['config', 'get'], { configDir: fresh })).stdout).toBe('exam-date 2037-03-15\nnew-per-day 7\n');
    const again = await runInProcess(['import', backup], { configDir: fresh });
    expect(again.stdout).not.toMatch(/Settings/);

    const mine = tempDir();
    await runInProcess(['config', 'set', 'new-per-day', '3'], { configDir: mine });
    const merged = await runInProcess(['import', backup], { configDir: mine });
    expect(merged.stdout).toMatch(/^Settings taken from the file: exam-date 2037-03-15\.$/m);
    expect(merged.stdout).toMatch(/^Your settings kept \(the file has others\): new-per-day 3 \(the file: new-per-day 7\)\.$/m);
    expect((await runInProcess(['config', 'get'], { configDir: mine })).stdout).toBe('exam-date 2037-03-15\nnew-per-day 3\n');
  });

  it('a backup made before settings had their own file brings its setting events in as settings', async () => {
    const backup = path.join(tempDir(), 'old-backup.json');
    const events = [setting('s1', 'examDate', '2037-01-01'), setting('s2', 'newPerDay', 2)].map((e) => JSON.parse(encodeEvent(e)));
    writeFileSync(backup, JSON.stringify({ format: 'awsnotes-progress', backupVersion: 2, events }));
    const dir = tempDir();
    const r = await runInProcess(['import', backup], { configDir: dir });
    expect(r.stdout).toMatch(/Settings taken from the file: exam-date 2037-01-01, new-per-day 2\./);
    expect(readJson(settingsFile(dir))).toEqual({ version: 1, examDate: '2037-01-01', newPerDay: 2 });
    expect(readFileSync(journalFile(dir), 'utf8')).not.toMatch(/"e":"s"/);
  });
});

describe('conf in the bundle', () => {
  const dist = path.resolve(import.meta.dirname, '..', 'dist');
  // conf's own text: its option of that name is in no other package awsnotes bundles.
  const hasConf = (file: string) => readFileSync(path.join(dist, file), 'utf8').includes('clearInvalidConfig');

  it('is loaded only by the commands that read settings, not by show, list, search, calc or --version', async () => {
    for (const stage of ['cli.cjs', 'notes.cjs', 'search.cjs', 'calc.cjs']) expect(hasConf(stage), stage).toBe(false);
    for (const stage of ['progress.cjs', 'quiz.cjs', 'store.cjs']) expect(hasConf(stage), stage).toBe(true);
  });

  it("keeps conf's writer from adding signal listeners (Ctrl+C must end a wait for the lock at once)", async () => {
    for (const stage of ['progress.cjs', 'quiz.cjs', 'store.cjs']) {
      const text = readFileSync(path.join(dist, stage), 'utf8');
      // when-exit's list of signals; none of the command stages has another.
      expect(text.includes('SIGSTKFLT'), stage).toBe(false);
    }
  });
});

function setting(id: string, key: 'examDate' | 'newPerDay', value: string | number | null): Event {
  return { kind: 'setting', id, at: NOW.getTime(), key, value };
}

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const undos: (() => void)[] = [];
afterEach(() => {
  for (const undo of undos.splice(0)) undo();
});

/** Makes `file` read-only: a read-only bind mount for root (who ignores permissions), else chmod a-w. */
function makeReadOnly(file: string): { undo(): void } {
  if (!isRoot) {
    chmodSync(file, 0o444);
    return { undo: () => chmodSync(file, 0o644) };
  }
  expect(spawnSync('mount', ['--bind', file, file]).status).toBe(0);
  let mounted = true;
  const undo = () => {
    if (mounted) spawnSync('umount', [file]);
    mounted = false;
  };
  undos.push(undo);
  expect(spawnSync('mount', ['-o', 'remount,ro,bind', file]).status).toBe(0);
  return { undo };
}
