// The learner's progress: one conf-backed JSON file. conf gives the per-user location and
// atomic writes; this module adds what a study log needs on top:
// - a bad file is moved aside under a timestamped name and reported, never overwritten;
// - a file from a newer version, or one we cannot read or write, is left alone and the
//   session runs without saving (and says so);
// - every update re-reads the file under a lock file, so parallel processes never lose
//   each other's updates;
// - the schema is checked only on text this process has not read or written itself.
import { renameSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { asidePath, CONFIG_NAME, errorCode, lockFile, PROGRESS_FILE, progressDir, PROJECT_NAME } from './file.js';
import { emptyProgress, parseProgressJson, ProgressFileError, validateProgress, type Progress } from './schema.js';

export interface StoreOptions {
  /** Directory of the progress file; defaults to $AWSNOTES_CONFIG_DIR, then conf's location. */
  dir?: string;
  env?: Record<string, string | undefined>;
  now?: () => Date;
}

/**
 * The file as this process last saw it: text it checked against the schema or wrote
 * itself, and the progress that text holds. conf reads and parses the file each time it
 * is asked for the store (twice to open, twice per save) and the schema check costs more
 * than reading: text equal to `known.text` is neither parsed nor checked again. Only a
 * file someone else changed (another awsnotes, an editor) is, as it must be.
 */
interface FileView {
  known?: { text: string; progress: Progress };
  /** The text of the latest read, if the file existed. */
  lastRead?: string;
  /** The text of the latest write. */
  lastWritten?: string;
}

export class ProgressStore {
  readonly path: string;
  /** Things the learner must be told once (moved-aside file, read-only session). */
  readonly notices: string[] = [];
  private conf: Conf<Progress> | undefined;
  private memory: Progress = emptyProgress();
  private readonly now: () => Date;
  private readonly view: FileView;

  private constructor(conf: Conf<Progress> | undefined, filePath: string, now: () => Date, view: FileView) {
    this.conf = conf;
    this.path = filePath;
    this.now = now;
    this.view = view;
  }

  static open(options: StoreOptions = {}): ProgressStore {
    const env = options.env ?? process.env;
    const now = options.now ?? (() => new Date());
    const dir = options.dir ? path.resolve(options.dir) : progressDir(env);
    const view: FileView = {};
    const confOptions = {
      projectName: PROJECT_NAME,
      configName: CONFIG_NAME,
      cwd: dir,
      serialize: (value: Progress) => (view.lastWritten = `${JSON.stringify(value, null, 2)}\n`),
      // The schema is checked in read(), once per text (see FileView).
      deserialize: (text: string) => {
        view.lastRead = text;
        return text === view.known?.text ? view.known.progress : (parseProgressJson(text) as Progress);
      },
    };
    let conf: Conf<Progress>;
    try {
      conf = new Conf<Progress>(confOptions);
    } catch (error) {
      // conf reads the file in its constructor; work out the path ourselves to report it.
      const filePath = path.join(dir, PROGRESS_FILE);
      const store = new ProgressStore(undefined, filePath, now, view);
      if (error instanceof ProgressFileError && error.kind === 'corrupt') {
        if (store.quarantine(error)) {
          try {
            store.conf = new Conf<Progress>(confOptions);
            return store;
          } catch (retry) {
            store.readOnly(retry);
            return store;
          }
        }
        return store;
      }
      store.readOnly(error);
      return store;
    }
    const store = new ProgressStore(conf, conf.path, now, view);
    // Checked against the schema now, so a bad file is moved aside and reported at once.
    store.read();
    return store;
  }

  get writable(): boolean {
    return this.conf !== undefined;
  }

  /** The current progress, fresh from disk. */
  read(): Progress {
    if (!this.conf) return this.memory;
    try {
      this.view.lastRead = undefined;
      // conf returns {} when there is no file yet.
      const stored = this.conf.store as Partial<Progress>;
      const { known, lastRead } = this.view;
      if (known && lastRead === known.text) this.memory = known.progress;
      else if (stored.version === undefined || lastRead === undefined) this.memory = emptyProgress();
      else {
        this.memory = validateProgress(stored);
        this.view.known = { text: lastRead, progress: this.memory };
      }
      return this.memory;
    } catch (error) {
      if (error instanceof ProgressFileError && error.kind === 'corrupt' && this.quarantine(error)) return emptyProgress();
      this.readOnly(error);
      return this.memory;
    }
  }

  /**
   * Applies `mutate` to the latest progress on disk and saves it, under a lock so that a
   * second awsnotes process cannot slip a write in between. Returns the saved progress.
   * In a read-only session the change is kept in memory only.
   */
  update(mutate: (progress: Progress) => void): Progress {
    if (!this.conf) {
      mutate(this.memory);
      return this.memory;
    }
    const release = lockFile(this.path);
    try {
      const progress = structuredClone(this.read());
      mutate(progress);
      if (!this.conf) {
        this.memory = progress;
        return progress;
      }
      try {
        this.view.lastWritten = undefined;
        this.conf.store = progress;
        // Written from checked progress by typed code: known without checking it again.
        if (this.view.lastWritten !== undefined) this.view.known = { text: this.view.lastWritten, progress };
      } catch (error) {
        this.memory = progress;
        this.readOnly(error);
      }
      return progress;
    } finally {
      release();
    }
  }

  /** Records that a note was opened. */
  markRead(serviceId: string): void {
    const at = this.now().toISOString();
    this.update((progress) => {
      const entry = progress.notesRead[serviceId];
      progress.notesRead[serviceId] = entry ? { ...entry, last: at, count: entry.count + 1 } : { first: at, last: at, count: 1 };
    });
  }

  /** Moves a bad file aside; false when even that failed (then the session is read-only). */
  private quarantine(error: ProgressFileError): boolean {
    const aside = asidePath(this.path, this.now());
    try {
      renameSync(this.path, aside);
      this.notices.push(
        `Your progress file ${this.path} could not be read (${error.message}). It was kept as ${aside}; awsnotes starts with fresh progress.`,
      );
      return true;
    } catch (renameError) {
      this.readOnly(renameError, `it could not be read (${error.message}) nor moved aside`);
      return false;
    }
  }

  private readOnly(error: unknown, why?: string): void {
    const reason = why ?? (error instanceof ProgressFileError ? error.message : describeFsError(error));
    this.conf = undefined;
    this.notices.push(`Progress will not be saved this session: ${this.path}: ${reason}. The file was left as it is.`);
  }
}

function describeFsError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EISDIR') return 'it is a directory';
  return (error as Error)?.message ?? String(error);
}
