// The learner's progress: a journal of events (progress/journal.ts) and a snapshot of what
// they add up to (progress/snapshot.ts), both in conf's per-user directory, and the settings
// (settings.json, conf's store: progress/settings-file.ts) beside them.
//
// - Saving an event appends one line to the journal and syncs it: no lock, no rewrite, a
//   cost that does not grow with the history.
// - Reading loads the snapshot and applies the journal's tail past the offset it records;
//   once the tail is long enough (64 KiB by default, about 500 answers) the snapshot is
//   rewritten under the lock (a process that cannot take the lock at once skips it). Every
//   snapshot is the state of a prefix of the journal, so a lost or stale one loses nothing.
// - A snapshot that is missing, damaged or not about this journal is rebuilt by replaying
//   the journal (a damaged one is kept aside first). A journal that went missing while the
//   snapshot survived starts again from the snapshot, carried in as a baseline event.
// - A file of an older awsnotes (version 1 or 2) is converted on first use, under the
//   lock, and kept beside the new files as `progress.v2-backup-<time>.json`.
// - Settings an older awsnotes kept with the history (a version-2 file, a version-3
//   snapshot, `setting` events in the journal) are moved into settings.json once: when it
//   does not exist yet, and always before a snapshot without them replaces one with them.
// - A snapshot from a newer awsnotes, or files that cannot be read, are left as they are:
//   the session runs in memory and says so. A save that fails (full disk, read-only file
//   system) keeps the change in memory, says so, and is never presented as saved.
import { closeSync, mkdirSync, openSync, readSync, renameSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { printable } from '../term/printable.js';
import { writeBackup } from './backup.js';
import { encodeEvent, type Event, JOURNAL_VERSION, newEventId } from './events.js';
import {
  appendEvents,
  appendLines,
  type BadLine,
  createJournal,
  type JournalHeader,
  journalInfo,
  readSpan,
  scanJournal,
} from './journal.js';
import { acquireLock, describeLockProblem, type LockHolder, type LockProblem, removeLockLeftovers } from './lock.js';
import { legacyEvents } from './migrate.js';
import { asidePath, describeFsError, errorCode, JOURNAL_FILE, LOCK_FILE, PROGRESS_FILE, progressDir, timestamp } from './paths.js';
import {
  MAX_PLACES,
  type NotePlace,
  type Places,
  readPlaces,
  readSnapshot,
  type SnapshotRead,
  snapshotText,
  writeSnapshot,
} from './snapshot.js';
import { writeFileAtomic, removeLeftovers } from './safe-file.js';
import {
  emptyState,
  type JournalPointer,
  type Progress,
  type ProgressState,
  PROGRESS_VERSION,
  SETTINGS_IN_SNAPSHOT_VERSION,
  validateBaseline,
} from './schema.js';
import { LegacySettings, SETTING_KEYS, type SettingChanges, type SettingKey, type Settings } from './settings.js';
import { SettingsFile, type SettingsFill } from './settings-file.js';
import { applyEvent, type ReplayCounts, replay } from './state.js';

export interface StoreOptions {
  /** Directory of the progress files; defaults to $AWSNOTES_CONFIG_DIR, then conf's location. */
  dir?: string;
  env?: Record<string, string | undefined>;
  now?: () => Date;
  /** Rewrite the snapshot once the journal has grown this many bytes past it. */
  checkpointBytes?: number;
  /** How long opening waits for the lock when it must convert or repair files (ms). */
  lockWaitMs?: number;
  /**
   * Told before the whole journal is replayed when it is LONG_REPLAY_BYTES or longer (a lost
   * or damaged snapshot, a journal replaced): seconds of rescheduling, which a learner should
   * not take for a hang.
   */
  onLongReplay?: (journalBytes: number) => void;
  /** How long a journal onLongReplay is told of (default LONG_REPLAY_BYTES). */
  longReplayBytes?: number;
}

/** A journal this long takes about a second to replay with every card rescheduled. */
export const LONG_REPLAY_BYTES = 8 * 1024 * 1024;

/** What a learner is told when onLongReplay is called. */
export function longReplayMessage(journalBytes: number): string {
  return `rebuilding your progress from its history (${Math.round(journalBytes / 1024 / 1024)} MiB): every answer is rescheduled, which takes a while…`;
}

export const DEFAULT_CHECKPOINT_BYTES = 64 * 1024;

export const DEFAULT_LOCK_WAIT_MS = 5000;

/** $AWSNOTES_LOCK_WAIT: how many seconds a command waits for another awsnotes holding the lock. */
export function lockWaitFrom(env: Record<string, string | undefined>): number | undefined {
  const text = env.AWSNOTES_LOCK_WAIT;
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text.trim())) return undefined;
  return Math.min(3600, Number(text)) * 1000;
}

/**
 * How long after an answer the snapshot keeps what it replaced (`latest`, half the file if
 * kept for every question). Re-rating (2/3/4) and undo (u) come on the verdict screen,
 * seconds later; one that comes later still is applied from the process's own memory, and
 * in other processes by replaying the journal.
 */
export const LATEST_KEPT_MS = 3_600_000;

function withRecentLatest(progress: ProgressState, now: Date): ProgressState {
  const since = now.getTime() - LATEST_KEPT_MS;
  const latest: ProgressState['latest'] = {};
  for (const [id, entry] of Object.entries(progress.latest)) if (Date.parse(entry.at) >= since) latest[id] = entry;
  return { ...progress, latest };
}

type Extras = Record<string, unknown>;

export type SaveResult = { ok: true } | { ok: false; reason: string; saved: number };

export class ProgressStore {
  /** The snapshot file (progress.json). */
  readonly path: string;
  readonly journalPath: string;
  readonly lockPath: string;
  readonly dir: string;
  /** Things the learner must be told once (files set aside or rebuilt, saves that failed, lines skipped). */
  readonly notices: string[] = [];
  /** Which of the notices are about journal lines skipped (doctor reports those its own way). */
  readonly lineNotices = new Set<string>();
  readonly now: () => Date;
  private readonly checkpointBytes: number;
  private readonly lockWaitMs: number;
  private readonly onLongReplay: ((journalBytes: number) => void) | undefined;
  private readonly longReplayBytes: number;

  private progress: ProgressState = emptyState();
  private extras: Extras = {};
  /** settings.json, opened when the settings are first needed. */
  private settingsFile: SettingsFile | undefined;
  /** Settings of an older awsnotes met while reading the files, not yet moved into settings.json. */
  private legacy = new LegacySettings();
  /** Why they could not be moved (then they are this session's settings, and no snapshot is written). */
  private legacyUnmoved: string | undefined;
  /** Why nothing can be saved at all this session (a newer or unreadable file), if so. */
  private readOnlyReason: string | undefined;
  /** Events live in memory that the journal does not have: the snapshot is never written again. */
  private unsaved = false;
  private journal: { header: JournalHeader | undefined; ino: number } | undefined;
  /** Bytes of the journal applied to `progress`, and the last line applied. */
  private applied = 0;
  private lastLine: JournalPointer['last'];
  /** The offset the snapshot on disk is at, as far as this process knows. */
  private snapshotOffset = 0;
  private readonly reported = new Set<string>();
  /** The events of an older file this session could not convert (kept for an export). */
  private memoryEvents: Event[] = [];
  /** Where the learner left each note (see snapshot.ts), and the ones this process moved. */
  private places: Places = {};
  private readonly placesMoved = new Set<string>();

  private constructor(dir: string, options: StoreOptions) {
    this.dir = dir;
    this.path = path.join(dir, PROGRESS_FILE);
    this.journalPath = path.join(dir, JOURNAL_FILE);
    this.lockPath = path.join(dir, LOCK_FILE);
    this.now = options.now ?? (() => new Date());
    this.checkpointBytes = options.checkpointBytes ?? DEFAULT_CHECKPOINT_BYTES;
    this.lockWaitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
    this.onLongReplay = options.onLongReplay;
    this.longReplayBytes = options.longReplayBytes ?? LONG_REPLAY_BYTES;
  }

  static open(options: StoreOptions = {}): ProgressStore {
    const env = options.env ?? process.env;
    const dir = options.dir ? path.resolve(options.dir) : progressDir(env);
    const wait = lockWaitFrom(env);
    const store = new ProgressStore(dir, { ...(wait !== undefined ? { lockWaitMs: wait } : {}), ...options });
    store.load();
    // Read now, so that a settings.json set aside or left alone is told with the other
    // notices of opening (commands print those first, the app on its first frame).
    store.readSettings();
    return store;
  }

  /** False when nothing can be saved this session (the reason is among the notices). */
  get writable(): boolean {
    return this.readOnlyReason === undefined;
  }

  /** The current progress: the snapshot and every event saved since, by any process, and the settings. */
  read(): Progress {
    this.sync();
    return { ...this.progress, settings: this.readSettings() };
  }

  /** The settings: settings.json as it is now (or, until they are moved there, an older awsnotes's). */
  readSettings(): Settings {
    if (this.legacyUnmoved !== undefined) return this.legacy.result();
    return this.settings().read();
  }

  /** Records that a note was opened. */
  markRead(serviceId: string): SaveResult {
    return this.commit([{ kind: 'read', id: newEventId(), at: this.now().getTime(), service: serviceId }]);
  }

  /** Where the learner left a note in the reader, if they have read it here before. */
  notePlace(serviceId: string): NotePlace | undefined {
    return this.places[serviceId];
  }

  /**
   * Remembers where the learner left a note, and writes the snapshot that keeps it, if
   * the lock is free at once; otherwise it goes with the next snapshot written (a place is
   * not worth waiting for, and it is kept in memory meanwhile).
   */
  saveNotePlace(serviceId: string, place: NotePlace): void {
    const known = this.places[serviceId];
    if (known && known.section === place.section && known.line === place.line) return;
    this.places[serviceId] = place;
    this.placesMoved.add(serviceId);
    if (!this.journal || this.unsaved || this.readOnlyReason !== undefined) return;
    // A snapshot set aside this session is never written over from it.
    if (this.snapshotOffset === Number.POSITIVE_INFINITY) return;
    const taken = acquireLock(this.lockPath, { waitMs: 0, reentrant: true });
    if (!taken.ok) return;
    try {
      // Every event saved so far is applied: no snapshot on disk is further on than this one.
      this.sync();
      this.writeSnapshotLocked(true);
    } finally {
      taken.lock.release();
    }
  }

  /** Sets (or, with null, clears) a setting, in settings.json. */
  setSetting(key: SettingKey, value: string | number | null): SaveResult {
    return this.changeSettings({ [key]: value });
  }

  /**
   * Changes settings through a function (the Progress screen's exam date). Only settings
   * can change this way: answers, flags and reads are events (quiz/record.ts, markRead).
   */
  update(mutate: (progress: Progress) => void): Progress {
    const current = this.read();
    const copy = structuredClone(current);
    mutate(copy);
    const { settings: changed, ...rest } = copy;
    const { settings: _, ...unchanged } = current;
    if (JSON.stringify(rest) !== JSON.stringify(unchanged))
      throw new Error('ProgressStore.update changes settings only: record answers, flags and reads as events');
    const changes: SettingChanges = {};
    for (const key of SETTING_KEYS) if (changed[key] !== current.settings[key]) changes[key] = changed[key] ?? null;
    if (Object.keys(changes).length) this.changeSettings(changes);
    return this.read();
  }

  private changeSettings(changes: SettingChanges): SaveResult {
    if (this.legacyUnmoved !== undefined) return { ok: false, reason: this.legacyUnmoved, saved: 0 };
    const saved = this.settings().set(changes);
    return saved.ok ? saved : { ...saved, saved: 0 };
  }

  /** An import's settings, merged into settings.json (the learner's own win); the caller may hold the lock. */
  importSettings(theirs: Settings): SettingsFill {
    if (this.legacyUnmoved !== undefined) return { ok: false, reason: this.legacyUnmoved };
    return this.settings().fill(theirs);
  }

  /** settings.json for `awsnotes doctor`: its path, and whether it is in order. */
  settingsStatus(): { path: string; ok: boolean; detail: string } {
    const file = this.settings();
    if (this.legacyUnmoved !== undefined) return { path: file.path, ok: false, detail: this.legacyUnmoved };
    return { path: file.path, ...file.status() };
  }

  private settings(): SettingsFile {
    this.settingsFile ??= new SettingsFile({
      dir: this.dir,
      now: this.now,
      withLock: (task) => this.withLock(task),
      tell: (key, text) => {
        this.tell(key, text);
      },
    });
    return this.settingsFile;
  }

  /**
   * Saves events: appended to the journal, then applied with whatever other processes saved
   * before them. When the journal cannot take them they are applied in memory only, the
   * learner is told, and the result says so.
   */
  commit(events: Event[]): SaveResult {
    if (this.readOnlyReason !== undefined) {
      for (const event of events) applyEvent(this.progress, event);
      this.unsaved = true;
      return { ok: false, reason: this.readOnlyReason, saved: 0 };
    }
    this.sync();
    const result = appendEvents(this.journalPath, events);
    this.sync();
    if (result.ok) return result;
    for (const event of events.slice(result.saved)) applyEvent(this.progress, event);
    this.unsaved = true;
    this.tell(
      `save-${result.reason}`,
      `Progress could not be saved to ${this.journalPath} (${result.reason}): this session's changes are kept in memory until awsnotes closes.`,
    );
    return { ok: false, reason: result.reason, saved: result.saved };
  }

  /** Applies what other processes appended since the last look. */
  sync(): void {
    if (!this.journal) return;
    let stats: { ino: number; size: number };
    try {
      stats = statSync(this.journalPath);
    } catch {
      stats = { ino: -1, size: 0 };
    }
    if (stats.ino !== this.journal.ino || stats.size < this.applied) {
      // Replaced (a reset, a repair, a restored copy) or cut short: start again from the files.
      const unsaved = this.unsaved;
      this.load();
      this.unsaved ||= unsaved;
      return;
    }
    if (stats.size === this.applied) return;
    let rebuild = false;
    const result = scanJournal(
      this.journalPath,
      (event, _text, start, end) => {
        if (rebuild) return;
        this.noteLegacySettings(this.legacy, event);
        if (applyEvent(this.progress, event) === 'rebuild') rebuild = true;
        this.applied = end;
        this.lastLine = { id: event.id, start };
      },
      { from: this.applied },
    );
    this.reportBadLines(result.bad);
    if (rebuild) this.rebuild();
    else this.applied = result.end;
    this.moveLegacySettings();
    this.checkpoint();
  }

  /** Rewrites the snapshot when the journal has grown enough past it (or when `force`d). */
  checkpoint(force = false): boolean {
    if (!this.journal || this.unsaved || this.readOnlyReason !== undefined) return false;
    if (!force && this.applied - this.snapshotOffset < this.checkpointBytes) return false;
    const taken = acquireLock(this.lockPath, { waitMs: 0, reentrant: true });
    if (!taken.ok) {
      if (taken.problem.kind !== 'busy')
        this.tell(
          'checkpoint-lock',
          `The snapshot ${this.path} cannot be updated: ${describeLockProblem(taken.problem)}. Answers are still saved in ${this.journalPath}.`,
        );
      return false;
    }
    try {
      return this.writeSnapshotLocked();
    } finally {
      taken.lock.release();
    }
  }

  /** Runs `task` under the lock, waiting at most the store's wait; the problem when it cannot be taken. */
  withLock<T>(task: () => T, onWait?: (holder: LockHolder) => void): { ok: true; value: T } | { ok: false; problem: LockProblem } {
    const taken = acquireLock(this.lockPath, { waitMs: this.lockWaitMs, reentrant: true, ...(onWait ? { onWait } : {}) });
    if (!taken.ok) return taken;
    try {
      return { ok: true, value: task() };
    } finally {
      taken.lock.release();
    }
  }

  /** Which of `ids` the journal already has (for imports, which add only what is missing). */
  journalHas(ids: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    if (this.journal)
      scanJournal(
        this.journalPath,
        (event) => {
          if (ids.has(event.id)) found.add(event.id);
        },
        { ids },
      );
    return found;
  }

  /**
   * Visits every event line of the journal as it is written (the header left out), for a
   * backup. Without a journal (a session that could not convert an older file), the events
   * of that file. Returns where the journal was read to and the lines that were skipped.
   */
  forEachEventLine(visit: (line: string) => void): { end: number; skipped: number } {
    const info = journalInfo(this.journalPath);
    // A session that saves nothing (a newer snapshot) still has a journal this awsnotes reads.
    const readable = info.exists && !info.problem && (info.header?.version ?? JOURNAL_VERSION) <= JOURNAL_VERSION;
    if (!readable) {
      for (const event of this.memoryEvents) visit(encodeEvent(event));
      return { end: 0, skipped: 0 };
    }
    // Settings are exported from settings.json (the backup's "settings"), not as the events an older awsnotes wrote.
    const result = scanJournal(this.journalPath, (event, text) => {
      if (event.kind !== 'journal' && event.kind !== 'setting') visit(text);
    });
    return { end: result.end, skipped: result.bad.length };
  }

  /**
   * Erases the progress after writing a backup beside it (`progress.backup-<time>.json`):
   * the journal starts again; settings.json is not touched. Under the lock; anything that
   * fails leaves everything as it was.
   */
  resetAll(appVersion: string): { ok: true; backup: string } | { ok: false; reason: string } {
    if (!this.journal) return { ok: false, reason: this.readOnlyReason ?? `${this.journalPath} cannot be used` };
    const done = this.withLock((): { ok: true; backup: string } | { ok: false; reason: string } => {
      this.sync();
      // The journal about to be erased may be the last place an older awsnotes's settings are.
      if (this.legacyUnmoved !== undefined) return { ok: false, reason: this.legacyUnmoved };
      const now = this.now();
      const backup = path.join(this.dir, `progress.backup-${timestamp(now)}.json`);
      let exportedTo = 0;
      try {
        const settings = this.readSettings();
        writeFileAtomic(
          backup,
          (write) => {
            writeBackup((visit) => (exportedTo = this.forEachEventLine(visit).end), now, appVersion, write, settings);
          },
          { durable: true },
        );
      } catch (error) {
        return { ok: false, reason: `the backup ${backup} could not be written (${describeFsError(error)})` };
      }
      const old = asidePath(this.journalPath, now, 'reset');
      try {
        renameSync(this.journalPath, old);
      } catch (error) {
        return { ok: false, reason: `${this.journalPath} could not be renamed (${describeFsError(error)})` };
      }
      try {
        createJournal(this.journalPath, now);
      } catch (error) {
        try {
          renameSync(old, this.journalPath);
        } catch {
          // The new journal stays: its reader rebuilds from it; the old one is kept under its new name.
        }
        return { ok: false, reason: `a new journal could not be started (${describeFsError(error)})` };
      }
      // Lines another process saved to the old journal after the backup was read move on.
      const late: string[] = [];
      scanJournal(old, (_event, text) => late.push(text), { from: exportedTo });
      if (late.length) appendLines(this.journalPath, late);
      try {
        unlinkSync(old);
      } catch {
        // Kept under its new name: nothing is lost, doctor lists it.
      }
      const info = journalInfo(this.journalPath);
      if (info.exists) this.journal = { header: info.header, ino: info.ino };
      this.rebuild();
      // Where each note was left goes with the rest of the progress.
      this.places = {};
      this.placesMoved.clear();
      this.writeSnapshotLocked(true, 'exact');
      return { ok: true, backup };
    });
    return done.ok ? done.value : { ok: false, reason: describeLockProblem(done.problem) };
  }

  /** Replays the journal and writes the snapshot from it (doctor's repair); the caller holds the lock. */
  rebuildSnapshot(): boolean {
    this.rebuild();
    return this.writeSnapshotLocked(true);
  }

  /** Replays the whole journal into a fresh state (see progress/state.ts). */
  rebuild(): void {
    if (this.onLongReplay) {
      const bytes = fileSize(this.journalPath);
      if (bytes >= this.longReplayBytes) this.onLongReplay(bytes);
    }
    const replayed = this.replayJournal();
    this.progress = replayed.progress;
    this.applied = replayed.end;
    this.lastLine = replayed.last;
    if (replayed.settings.found) this.legacy = replayed.settings;
    this.reportBadLines(replayed.bad);
  }

  /**
   * What the whole journal adds up to, without changing the store (doctor compares it).
   * `observe` sees every event of the journal once, in order, duplicates included.
   */
  replayJournal(options: { cards?: boolean; observe?: (event: Event, start: number) => void } = {}): {
    progress: ProgressState;
    counts: ReplayCounts;
    end: number;
    last: JournalPointer['last'];
    bad: BadLine[];
    /** The settings an older awsnotes saved in the journal, as they stood at its end. */
    settings: LegacySettings;
  } {
    const bad: BadLine[] = [];
    let end = 0;
    // The last line's id and start (kept as two values: an object for each of a million lines shows).
    let lastId: string | undefined;
    let lastStart = 0;
    const settings = new LegacySettings();
    const { progress, counts } = replay(
      (visit, only) => {
        const result = scanJournal(
          this.journalPath,
          (event, _text, start) => {
            lastId = event.id;
            lastStart = start;
            if (!only) {
              options.observe?.(event, start);
              this.noteLegacySettings(settings, event);
            }
            visit(event);
          },
          { ...(end ? { to: end } : {}), ...(only ? { only } : {}) },
        );
        // The first pass (some types only) sets where the replay ends, and reports a last line
        // cut off (the second stops before it); the full pass reports the lines it skipped.
        if (only) {
          end ||= result.end;
          bad.push(...result.bad.filter((b) => b.kind === 'cut'));
        } else {
          end = result.end;
          bad.unshift(...result.bad);
        }
      },
      options.cards === undefined ? {} : { cards: options.cards },
    );
    const last = lastId === undefined ? undefined : { id: lastId, start: lastStart };
    return { progress, counts, end, last, bad, settings };
  }

  // ---- settings of an older awsnotes ------------------------------------------------------

  /** A `setting` event, or a baseline carrying settings, as an older awsnotes saved them. */
  private noteLegacySettings(into: LegacySettings, event: Event): void {
    if (event.kind === 'setting') into.fromEvent(event);
    else if (event.kind === 'baseline') into.fromBaseline(validateBaseline(event.state)?.settings);
  }

  /**
   * Moves the settings an older awsnotes kept with the history into settings.json, unless it
   * exists already (then they were moved before, and what the learner set since stands).
   * False when they could not be: they are then this session's settings, and no snapshot
   * replaces the one that may be the last to hold them.
   */
  private moveLegacySettings(): boolean {
    // Tried once a load: they stay this session's settings when it failed.
    if (this.legacyUnmoved !== undefined) return false;
    if (!this.legacy.found) return true;
    const file = this.settings();
    const moved = file.exists() ? ({ ok: true } as const) : file.adopt(this.legacy.result());
    if (!moved.ok) {
      this.legacyUnmoved = `the settings of an older awsnotes could not be moved into ${file.path} (${moved.reason})`;
      this.tell('settings-unmoved', `Your settings will not be saved this session: ${this.legacyUnmoved}.`);
      return false;
    }
    this.legacy = new LegacySettings();
    return true;
  }

  // ---- loading --------------------------------------------------------------------------

  private load(retry = true): void {
    this.legacy = new LegacySettings();
    this.legacyUnmoved = undefined;
    this.loadFiles(retry);
    // Whatever way the files were read, settings of an older awsnotes met on the way move now.
    this.moveLegacySettings();
  }

  private loadFiles(retry: boolean): void {
    this.progress = emptyState();
    this.journal = undefined;
    this.applied = 0;
    this.lastLine = undefined;
    this.snapshotOffset = 0;
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (error) {
      this.readOnly(`${this.dir} cannot be created (${describeFsError(error)})`);
      return;
    }
    const snapshot = readSnapshot(this.path);
    if (snapshot.kind === 'unreadable') {
      this.readOnly(`${this.path} cannot be read (${snapshot.reason})`);
      return;
    }
    if (snapshot.kind === 'future') {
      this.readOnly(`${this.path}: ${snapshot.reason}`);
      return;
    }
    // Settings a version-3 snapshot held: moved out before it is rewritten without them.
    if (snapshot.kind === 'current' && snapshot.settings) this.legacy.fromObject(snapshot.settings);
    const info = journalInfo(this.journalPath);
    if (info.exists && info.problem) {
      this.readOnly(`${this.journalPath} cannot be used (${info.problem})`);
      return;
    }
    if (info.exists && info.header && info.header.version > JOURNAL_VERSION) {
      this.readOnly(`${this.journalPath} was written by a newer awsnotes (journal version ${info.header.version})`);
      return;
    }
    if (snapshot.kind === 'legacy') {
      this.migrate(snapshot, retry);
      return;
    }

    if (!info.exists) {
      const header = this.createJournalOrReadOnly();
      if (!header) return;
      if (snapshot.kind === 'current' && snapshot.snapshot.journal.offset > 0) {
        this.carryOver(snapshot);
        return;
      }
      if (snapshot.kind === 'corrupt') {
        this.setAsideAndRebuild(snapshot.reason, 'corrupt', retry);
        return;
      }
      this.extras = snapshot.kind === 'current' ? snapshot.extras : {};
      this.checkpoint(true);
      return;
    }
    this.journal = { header: info.header, ino: info.ino };
    if (snapshot.kind === 'corrupt') {
      this.setAsideAndRebuild(snapshot.reason, 'corrupt', retry);
      return;
    }
    if (snapshot.kind === 'missing') {
      this.rebuild();
      this.checkpoint(true);
      return;
    }
    const { journal: pointer, ...progress } = snapshot.snapshot;
    if (!this.pointerMatches(pointer, info.size)) {
      // Its settings go aside with it: they are about another journal's history.
      this.legacy = new LegacySettings();
      this.setAsideAndRebuild('it does not match journal.jsonl (the journal was replaced or cut short)', 'unmatched', retry);
      return;
    }
    this.progress = progress;
    this.extras = snapshot.extras;
    this.keepPlaces(snapshot.places);
    this.applied = pointer.offset;
    this.lastLine = pointer.last;
    this.snapshotOffset = pointer.offset;
    this.sync();
    // Edited by hand or written by another version: written again with its checksum, so the
    // next process need not check it against the schema.
    if (snapshot.checked) this.checkpoint(true);
  }

  /** The places of a snapshot read, with the ones this process moved since on top. */
  private keepPlaces(read: Places): void {
    const mine = Object.fromEntries([...this.placesMoved].flatMap((id) => (this.places[id] ? [[id, this.places[id]]] : [])));
    this.places = { ...read, ...mine };
  }

  /** Whether the snapshot summarises this journal: same header, and its last line is there. */
  private pointerMatches(pointer: JournalPointer, size: number): boolean {
    if (pointer.id !== (this.journal?.header?.id ?? '') || size < pointer.offset) return false;
    if (!pointer.last) return true;
    const line = readSpan(this.journalPath, pointer.last.start, pointer.offset);
    return line?.includes(`{"i":${JSON.stringify(pointer.last.id)}`) === true;
  }

  private createJournalOrReadOnly(): JournalHeader | undefined {
    try {
      const header = createJournal(this.journalPath, this.now());
      const info = journalInfo(this.journalPath);
      if (!info.exists) throw new Error('it vanished after it was created');
      this.journal = { header, ino: info.ino };
      return header ?? { id: '', version: JOURNAL_VERSION };
    } catch (error) {
      this.readOnly(`${this.journalPath} cannot be created (${describeFsError(error)})`);
      return undefined;
    }
  }

  /** The journal was lost but the snapshot was not: its progress starts the new journal. */
  private carryOver(snapshot: Extract<SnapshotRead, { kind: 'current' }>): void {
    const { journal: _, version: __, latest: ___, ...state } = snapshot.snapshot;
    this.extras = snapshot.extras;
    const saved = this.commit([{ kind: 'baseline', id: newEventId(), at: this.now().getTime(), state }]);
    if (saved.ok) {
      this.checkpoint(true);
      this.tell(
        'carried-over',
        `${this.journalPath} was missing: a new one starts from your progress in ${this.path} (cards, counts, notes read, flags, exams).`,
      );
    }
  }

  /**
   * Moves a snapshot that cannot be used aside (under the lock) and replays the journal.
   * Without the lock, or when it cannot be moved, it is left as it is and this session
   * works from the replay (answers are still appended; the snapshot is not rewritten).
   */
  private setAsideAndRebuild(reason: string, why = 'corrupt', retry = true): void {
    if (!this.journal) {
      const info = journalInfo(this.journalPath);
      if (info.exists) this.journal = { header: info.header, ino: info.ino };
    }
    const moved = this.withLock((): { done: 'elsewhere' } | { done: 'aside'; aside: string } | { done: 'failed'; reason: string } => {
      // Another process may have dealt with it while we waited.
      const again = readSnapshot(this.path);
      if (again.kind === 'missing' || (again.kind === 'current' && this.pointerMatches(again.snapshot.journal, this.journalSize())))
        return { done: 'elsewhere' };
      const aside = asidePath(this.path, this.now(), why);
      try {
        renameSync(this.path, aside);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return { done: 'elsewhere' };
        return { done: 'failed', reason: `it cannot be moved aside: ${describeFsError(error)}` };
      }
      this.rebuild();
      this.writeSnapshotLocked(true);
      return { done: 'aside', aside };
    });
    if (moved.ok && moved.value.done === 'elsewhere' && retry) {
      this.load(false);
      return;
    }
    if (moved.ok && moved.value.done === 'aside') {
      this.tell(
        'set-aside',
        `Your progress file ${this.path} could not be used (${reason}). It was kept as ${moved.value.aside}; your progress was rebuilt from ${this.journalPath}.`,
      );
      return;
    }
    const left = !moved.ok
      ? describeLockProblem(moved.problem)
      : moved.value.done === 'failed'
        ? moved.value.reason
        : 'it changed meanwhile';
    this.rebuild();
    // Never written over from this session: it is someone's to look at.
    this.snapshotOffset = Number.POSITIVE_INFINITY;
    this.tell(
      'set-aside',
      `Your progress file ${this.path} could not be used (${reason}) and was left as it is (${left}); this session uses your progress rebuilt from ${this.journalPath}.`,
    );
  }

  private journalSize(): number {
    try {
      return statSync(this.journalPath).size;
    } catch {
      return 0;
    }
  }

  /** Converts a version-1 or version-2 file: its history becomes journal events. */
  private migrate(snapshot: Extract<SnapshotRead, { kind: 'legacy' }>, retry: boolean): void {
    const version = snapshot.legacy.version;
    const converted = this.withLock(
      (): { done: 'elsewhere' } | { done: 'converted'; backup: string } | { done: 'failed'; reason: string } => {
        const again = readSnapshot(this.path);
        if (again.kind !== 'legacy') return { done: 'elsewhere' };
        try {
          const backup = asidePath(this.path, this.now(), `v${version}-backup`);
          writeFileAtomic(backup, `${JSON.stringify({ ...again.legacy, ...again.extras }, null, 2)}\n`);
          createJournal(this.journalPath, this.now());
          const info = journalInfo(this.journalPath);
          if (!info.exists || info.problem) return { done: 'failed', reason: `${this.journalPath} cannot be used` };
          this.journal = { header: info.header, ino: info.ino };
          const converted = legacyEvents(again.legacy);
          this.legacy.fromObject(again.legacy.settings);
          const known = this.journalHas(new Set(converted.map((e) => e.id)));
          const events = converted.filter((e) => !known.has(e.id));
          const saved = appendEvents(this.journalPath, events);
          if (!saved.ok) return { done: 'failed', reason: saved.reason };
          this.extras = again.extras;
          this.rebuild();
          if (!this.writeSnapshotLocked(true)) return { done: 'failed', reason: `${this.path} cannot be written` };
          return { done: 'converted', backup };
        } catch (error) {
          return { done: 'failed', reason: describeFsError(error) };
        }
      },
    );
    if (converted.ok && converted.value.done === 'elsewhere' && retry) {
      this.load(false);
      return;
    }
    if (converted.ok && converted.value.done === 'converted') {
      this.tell(
        'migrated',
        `Your progress was converted to the journal format (${snapshot.legacy.answers.length} answers); the old file is kept as ${converted.value.backup}.`,
      );
      return;
    }
    // Not converted: this session works from the old file, in memory, and saves nothing.
    const why = !converted.ok
      ? describeLockProblem(converted.problem)
      : converted.value.done === 'failed'
        ? converted.value.reason
        : 'it changed meanwhile';
    this.memoryEvents = legacyEvents(snapshot.legacy);
    this.legacy.fromObject(snapshot.legacy.settings);
    const { progress } = replay((visit) => {
      for (const event of this.memoryEvents) visit(event);
    });
    this.readOnly(`${this.path} could not be converted to the journal format (${why})`);
    this.progress = progress;
  }

  // ---- writing the snapshot -------------------------------------------------------------

  /**
   * Writes the snapshot at the current offset; the caller holds the lock. Unless told to
   * `replace` what is there, a snapshot another process wrote further on (or about another
   * journal) is left alone.
   */
  private writeSnapshotLocked(replace = false, places: 'merge' | 'exact' = 'merge'): boolean {
    if (!this.journal || this.unsaved) return false;
    // The snapshot (or the journal) may be the last place an older awsnotes's settings are.
    if (!this.moveLegacySettings()) return false;
    if (!replace) {
      const onDisk = readPointer(this.path);
      if (onDisk === 'keep') return false;
      if (onDisk && onDisk.id !== (this.journal.header?.id ?? '')) return false;
      // One of version 3 (settings inside) is replaced even at the same offset.
      if (onDisk && onDisk.offset >= this.applied && onDisk.version === PROGRESS_VERSION) {
        this.snapshotOffset = onDisk.offset;
        return false;
      }
    }
    removeLeftovers(this.path);
    removeLockLeftovers(this.lockPath);
    const pointer: JournalPointer = { id: this.journal.header?.id ?? '', offset: this.applied };
    if (this.lastLine) pointer.last = this.lastLine;
    // Places other processes saved since this one read the snapshot are kept.
    if (places === 'merge') this.keepPlaces(readPlaces(this.path));
    const kept = Object.fromEntries(Object.entries(this.places).slice(-MAX_PLACES));
    try {
      writeSnapshot(this.path, snapshotText(withRecentLatest(this.progress, this.now()), pointer, this.extras, kept));
      this.snapshotOffset = this.applied;
      return true;
    } catch (error) {
      this.tell(
        `snapshot-${errorCode(error)}`,
        `The snapshot ${this.path} cannot be updated (${describeFsError(error)}). Answers are still saved in ${this.journalPath}.`,
      );
      return false;
    }
  }

  // ---- telling --------------------------------------------------------------------------

  private readOnly(reason: string): void {
    this.readOnlyReason = reason;
    this.journal = undefined;
    this.tell('read-only', `Progress will not be saved this session: ${reason}. The files were left as they are.`);
  }

  /** Adds a notice once per key; returns it as added (undefined when already told). */
  private tell(key: string, text: string): string | undefined {
    if (this.reported.has(key)) return undefined;
    this.reported.add(key);
    // Notices quote paths and file content: never let them drive the terminal.
    const told = printable(text);
    this.notices.push(told);
    return told;
  }

  private reportBadLines(bad: readonly BadLine[]): void {
    for (const line of bad) {
      const told = this.tell(
        `bad-${line.start}`,
        line.kind === 'cut'
          ? `${this.journalPath} ends with a line cut off (${line.length} bytes at byte ${line.start}: a save that did not finish); it was skipped.`
          : `${this.journalPath}: a line at byte ${line.start} (${line.length} bytes) is not an event and was skipped (awsnotes doctor lists such lines).`,
      );
      if (told) this.lineNotices.add(told);
    }
  }
}

/**
 * The version and journal pointer of the snapshot on disk, read from its first bytes
 * (snapshotText writes them first) without parsing the whole file: undefined when there is
 * none to respect (missing or unreadable as a snapshot), 'keep' for a file that must not be
 * replaced by a checkpoint (a newer version's, or an older one's not converted yet).
 */
function readPointer(file: string): { id: string; offset: number; version: number } | 'keep' | undefined {
  let head: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const bytes = Buffer.alloc(512);
      head = bytes.toString('utf8', 0, readSync(fd, bytes, 0, bytes.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const found = /"version":\s*(\d+)/.exec(head);
  const version = found ? Number(found[1]) : PROGRESS_VERSION;
  if (version !== PROGRESS_VERSION && version !== SETTINGS_IN_SNAPSHOT_VERSION) return 'keep';
  const pointer = /"journal":\s*\{\s*"id":\s*("(?:[^"\\]|\\.)*"),\s*"offset":\s*(\d+)/.exec(head);
  if (!pointer) return undefined;
  return { id: JSON.parse(pointer[1]!) as string, offset: Number(pointer[2]), version };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
