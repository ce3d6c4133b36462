// settings.json, the local config file of the settings, kept by conf in the progress
// directory (conf's per-user directory for the project `awsnotes`, or $AWSNOTES_CONFIG_DIR,
// given to conf as `cwd`). conf reads it and writes it atomically (a synced temporary file
// renamed over it); this module adds what conf leaves out (field notes, "conf"):
// - a file that is not valid JSON makes `new Conf()` (or a later read) throw, and
//   `clearInvalidConfig` would throw the settings away in silence: instead the file is
//   moved aside under a timestamped name, the settings start again from their defaults, and
//   the learner is told;
// - conf's writes are last-writer-wins between processes: every write takes the progress
//   lock (progress/lock.ts), reads the file again and changes only what it was asked to;
// - the content is checked with zod and upgraded by upgradeSettingsFile() (progress/
//   settings.ts), not by conf's `schema` and `migrations`;
// - a file made read-only (chmod a-w) is not written over, though conf's rename could.
// A file that cannot be read, or that a newer awsnotes wrote, is left as it is and nothing
// is written to it this session. A save that fails keeps the change in memory for the
// session, says so, and is never reported as saved.
import { accessSync, constants, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { describeLockProblem, type LockProblem } from './lock.js';
import { asidePath, describeFsError, errorCode, PROJECT_NAME, SETTINGS_FILE, SETTINGS_NAME } from './paths.js';
import { removeLeftovers } from './safe-file.js';
import {
  applyChanges,
  describeSettings,
  fillMissing,
  type SettingChanges,
  type SettingKey,
  type Settings,
  type SettingsFileRead,
  settingsFileContent,
  upgradeSettingsFile,
} from './settings.js';

/** What the settings file needs from the progress store it belongs to. */
export interface SettingsHost {
  dir: string;
  now(): Date;
  /** Runs `task` under the progress lock (re-entrant), or says why the lock cannot be taken. */
  withLock<T>(task: () => T): { ok: true; value: T } | { ok: false; problem: LockProblem };
  /** Tells the learner something once per key (the store's notices). */
  tell(key: string, text: string): void;
}

export type SettingsSave = { ok: true } | { ok: false; reason: string };
export type SettingsFill = { ok: true; taken: SettingKey[]; kept: SettingKey[]; mine: Settings } | { ok: false; reason: string };

type Extras = Record<string, unknown>;
type Found = SettingsFileRead | { kind: 'unreadable'; reason: string };

/** The file's identity and version on disk: a rename (every write) gives it a new inode. */
function signature(file: string): string {
  try {
    // Asked on every read of the progress: no error object made for a file not there.
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}` : 'none';
  } catch {
    return 'unknown';
  }
}

const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export class SettingsFile {
  readonly path: string;
  private conf: Conf<Record<string, unknown>> | undefined;
  /** Why nothing is written to the file this session (it cannot be read, or a newer awsnotes wrote it). */
  private unwritable: string | undefined;
  /** The settings this session uses when the file is left as it is. */
  private fallback: Settings = {};
  /** Changes whose save failed: kept in memory over what the file says, until a save succeeds. */
  private unsaved: SettingChanges = {};
  /** The file as last read, by signature: read again only when it changed. */
  private seen: { signature: string; settings: Settings; extras: Extras } | undefined;

  constructor(private readonly host: SettingsHost) {
    this.path = path.join(host.dir, SETTINGS_FILE);
  }

  /** Whether settings.json is there (settings of an older awsnotes are moved in only when it is not). */
  exists(): boolean {
    try {
      // Something else in its place (a directory) holds no settings, and cannot take them.
      return statSync(this.path).isFile();
    } catch {
      return false;
    }
  }

  /** The settings, as saved by any process (read again when the file changed), and this session's unsaved changes. */
  read(): Settings {
    const { settings } = this.onDisk();
    return Object.keys(this.unsaved).length ? applyChanges(settings, this.unsaved) : { ...settings };
  }

  /** Sets and clears settings: under the lock, on the file as it is now. */
  set(changes: SettingChanges): SettingsSave {
    const pending = { ...this.unsaved, ...changes };
    const saved = this.write((settings) => applyChanges(settings, pending));
    if (saved.ok) this.unsaved = {};
    else {
      this.unsaved = pending;
      this.host.tell(
        'settings-unsaved',
        `Your settings could not be saved (${saved.reason}): this session's changes are kept in memory until awsnotes closes.`,
      );
    }
    return saved;
  }

  /** An import's settings: the learner's own win, the missing ones are filled (see fillMissing). */
  fill(theirs: Settings): SettingsFill {
    let outcome: { taken: SettingKey[]; kept: SettingKey[]; mine: Settings } = { taken: [], kept: [], mine: {} };
    const saved = this.write((settings) => {
      const merged = fillMissing(settings, theirs);
      outcome = { taken: merged.taken, kept: merged.kept, mine: settings };
      return merged.taken.length ? merged.merged : undefined;
    });
    return saved.ok ? { ok: true, ...outcome } : saved;
  }

  /**
   * Settings an older awsnotes kept with the history, written to settings.json unless it
   * exists (looked at again under the lock: another process may have moved them first).
   */
  adopt(legacy: Settings): SettingsSave {
    return this.write((_, exists) => (exists ? undefined : legacy));
  }

  /** One line on the file, for `awsnotes doctor`. */
  status(): { ok: boolean; detail: string } {
    const settings = this.read();
    if (this.unwritable) return { ok: false, detail: this.unwritable };
    if (!this.exists()) return { ok: true, detail: 'none saved yet: the defaults apply' };
    return { ok: true, detail: describeSettings(settings) || 'no setting set: the defaults apply' };
  }

  // ---- reading -------------------------------------------------------------------------

  private onDisk(): { settings: Settings; extras: Extras } {
    if (this.unwritable) return { settings: this.fallback, extras: {} };
    const now = signature(this.path);
    if (this.seen?.signature === now) return this.seen;
    const found = this.readFile();
    switch (found.kind) {
      case 'current':
        this.seen = { signature: now, settings: found.settings, extras: found.extras };
        return this.seen;
      case 'future':
        return this.refuse(`${this.path} was written by a newer awsnotes (settings version ${found.version})`, found.settings);
      case 'unreadable':
        return this.refuse(`${this.path} cannot be read (${found.reason})`, {});
      case 'corrupt':
        return this.setAside(found.reason);
    }
  }

  /** conf's store, made on first use: its constructor reads the file (and throws on bad JSON). */
  private store(): Conf<Record<string, unknown>> {
    this.conf ??= new Conf<Record<string, unknown>>({
      projectName: PROJECT_NAME,
      cwd: this.host.dir,
      configName: SETTINGS_NAME,
      // Keys are setting names, never paths into nested objects.
      accessPropertiesByDotNotation: false,
      serialize: (value) => `${JSON.stringify(value, null, 2)}\n`,
      // A byte-order mark (an editor's) is no reason to set the file aside.
      deserialize: (text) => JSON.parse(stripBom(text)) as Record<string, unknown>,
    });
    return this.conf;
  }

  private readFile(): Found {
    try {
      return upgradeSettingsFile(this.store().store);
    } catch (error) {
      if (error instanceof SyntaxError) return { kind: 'corrupt', reason: `not valid JSON (${error.message})` };
      return { kind: 'unreadable', reason: describeFsError(error) };
    }
  }

  /**
   * Moves a file that cannot be used aside (under the lock, unless another process dealt
   * with it meanwhile) and starts from the defaults. Without the lock, or when it cannot be
   * moved, it is left as it is and this session uses the defaults without writing.
   */
  private setAside(reason: string): { settings: Settings; extras: Extras } {
    const moved = this.host.withLock((): { done: 'elsewhere' } | { done: 'aside'; aside: string } | { done: 'failed'; reason: string } => {
      if (this.readFile().kind !== 'corrupt') return { done: 'elsewhere' };
      const aside = asidePath(this.path, this.host.now(), 'corrupt');
      try {
        renameSync(this.path, aside);
        return { done: 'aside', aside };
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return { done: 'elsewhere' };
        return { done: 'failed', reason: describeFsError(error) };
      }
    });
    this.seen = undefined;
    if (moved.ok && moved.value.done === 'aside')
      this.host.tell(
        'settings-aside',
        `Your settings file ${this.path} could not be used (${reason}). It was kept as ${moved.value.aside}; your settings start again from their defaults.`,
      );
    if (moved.ok && moved.value.done !== 'failed') {
      const again = this.readFile();
      if (again.kind === 'current') return again;
    }
    const left = !moved.ok
      ? describeLockProblem(moved.problem)
      : moved.value.done === 'failed'
        ? moved.value.reason
        : 'it changed meanwhile';
    return this.refuse(`${this.path} could not be used (${reason}) and was left as it is (${left})`, {});
  }

  /** The file is left as it is this session: nothing is written to it, and the learner is told why. */
  private refuse(reason: string, settings: Settings): { settings: Settings; extras: Extras } {
    this.unwritable = reason;
    this.fallback = settings;
    this.host.tell('settings-unwritable', `Your settings will not be saved this session: ${reason}.`);
    return { settings, extras: {} };
  }

  // ---- writing -------------------------------------------------------------------------

  /**
   * Under the lock: reads the file again, asks `change` for the settings to write (undefined:
   * nothing to write) and writes them, with the fields this awsnotes does not know kept.
   */
  private write(change: (settings: Settings, exists: boolean) => Settings | undefined): SettingsSave {
    if (this.unwritable) return { ok: false, reason: this.unwritable };
    const done = this.host.withLock((): SettingsSave => {
      this.seen = undefined;
      const { settings, extras } = this.onDisk();
      if (this.unwritable) return { ok: false, reason: this.unwritable };
      const exists = this.exists();
      const next = change(settings, exists);
      if (next === undefined) return { ok: true };
      try {
        // conf replaces the file by renaming a new one over it, which a read-only file does
        // not prevent: whoever made it read-only meant it not to change.
        if (exists) accessSync(this.path, constants.W_OK);
        removeLeftovers(this.path);
        this.store().store = settingsFileContent(next, extras);
      } catch (error) {
        return { ok: false, reason: `${this.path} cannot be written (${describeFsError(error)})` };
      }
      return { ok: true };
    });
    return done.ok ? done.value : { ok: false, reason: describeLockProblem(done.problem) };
  }
}
