// The learner's settings (exam date, new questions a day, and any added later): their file
// format and the rules that do not need the file. Pure; progress/settings-file.ts keeps them
// in conf's store.
//
// settings.json holds `version` and one field per setting; a setting not set is absent (its
// default applies). Fields this awsnotes does not know (a newer one's) are written back as
// they were. The file is checked here (with zod, progress/checks.ts, when a value is not
// plainly valid), not with conf's `schema` (ajv is not bundled), and upgraded by
// upgradeSettingsFile(), not by conf's `migrations`.
//
// Before settings had a file of their own they lived in the progress file (versions 2 and 3:
// a `settings` object) and in the journal (`setting` events). LegacySettings gathers what
// those held, to be moved into settings.json once (see progress/store.ts).
import { progressChecks } from './checks-loader.js';
import type { Checked, Settings } from './checks.js';
import { SETTING_KEYS, type SettingEvent, type SettingKey, validSetting } from './events.js';

export { SETTING_KEYS, type SettingKey };
/** The settings, as `store.read().settings` gives them. */
export type { Settings };

export const SETTINGS_VERSION = 1;

/**
 * The settings among `fields` (any other field, a newer awsnotes's, is left out), checked:
 * the values each valid as validSetting() takes them (every file awsnotes wrote), else
 * zod's first problem (the same rules, for its wording; progress/checks.ts is loaded only then).
 */
export function checkSettings(fields: Record<string, unknown>): Checked<Settings> {
  const known: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) if (fields[key] !== undefined) known[key] = fields[key];
  if (SETTING_KEYS.every((key) => known[key] === undefined || validSetting(key, known[key]))) return { ok: true, value: known as Settings };
  return progressChecks().checkSettings(known);
}
export type SettingValue = string | number;
/** Settings to change: a value sets one, null clears it. */
export type SettingChanges = Partial<Record<SettingKey, SettingValue | null>>;

/** How each setting is named on the command line and in messages. */
export const SETTING_NAMES: Record<SettingKey, string> = { examDate: 'exam-date', newPerDay: 'new-per-day' };

type Extras = Record<string, unknown>;

export type SettingsFileRead =
  | { kind: 'current'; settings: Settings; extras: Extras }
  /** Written by a newer awsnotes: the settings this one understands, to use but not to write over. */
  | { kind: 'future'; settings: Settings; version: number }
  | { kind: 'corrupt'; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function extrasOf(raw: Record<string, unknown>): Extras {
  const extras: Extras = {};
  for (const [key, value] of Object.entries(raw))
    if (key !== 'version' && !(SETTING_KEYS as readonly string[]).includes(key)) extras[key] = value;
  return extras;
}

/** The settings of `raw` whose values are valid, one by one (a newer file is read leniently). */
function validOnes(raw: Record<string, unknown>): Settings {
  const settings: Settings = {};
  for (const key of SETTING_KEYS) if (validSetting(key, raw[key])) Object.assign(settings, { [key]: raw[key] });
  return settings;
}

/**
 * The parsed content of settings.json, checked and upgraded to this version:
 * - no `version` field: written by hand, or the `settings` object of an older progress
 *   file, taken as version 1 (its fields are the same);
 * - version 1: as it is;
 * - a later version: a newer awsnotes's, read leniently and never written over.
 * Anything else (not an object, a bad version, an invalid value) is corrupt.
 */
export function upgradeSettingsFile(raw: unknown): SettingsFileRead {
  if (!isObject(raw)) return { kind: 'corrupt', reason: 'not a JSON object' };
  const version = raw.version ?? SETTINGS_VERSION;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { kind: 'corrupt', reason: 'its "version" field is not a version number' };
  if (version > SETTINGS_VERSION) return { kind: 'future', settings: validOnes(raw), version };
  const checked = checkSettings(raw);
  if (!checked.ok) return { kind: 'corrupt', reason: `"${checked.issue?.path ?? ''}": ${checked.issue?.message ?? 'invalid'}` };
  return { kind: 'current', settings: checked.value, extras: extrasOf(raw) };
}

/** What settings.json holds for `settings`: the version, the settings in a fixed order, then the extras. */
export function settingsFileContent(settings: Settings, extras: Extras): Record<string, unknown> {
  const content: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const key of SETTING_KEYS) if (settings[key] !== undefined) content[key] = settings[key];
  return { ...content, ...extras };
}

/** `settings` with `changes` applied. Throws on a value that is not valid (callers check input first). */
export function applyChanges(settings: Settings, changes: SettingChanges): Settings {
  const next: Record<string, SettingValue> = { ...settings };
  for (const key of SETTING_KEYS) {
    if (!(key in changes)) continue;
    const value = changes[key];
    if (value === null || value === undefined) delete next[key];
    else if (validSetting(key, value)) next[key] = value;
    else throw new Error(`invalid value for the setting ${key}: ${JSON.stringify(value)}`);
  }
  return next as Settings;
}

/**
 * An import's settings merged into the learner's: their own values win, the missing ones
 * are filled. `taken` lists the settings filled, `kept` those where the two differ.
 */
export function fillMissing(mine: Settings, theirs: Settings): { merged: Settings; taken: SettingKey[]; kept: SettingKey[] } {
  const merged: Record<string, SettingValue> = { ...mine };
  const taken: SettingKey[] = [];
  const kept: SettingKey[] = [];
  for (const key of SETTING_KEYS) {
    const value = theirs[key];
    if (value === undefined) continue;
    if (mine[key] === undefined) {
      merged[key] = value;
      taken.push(key);
    } else if (mine[key] !== value) kept.push(key);
  }
  return { merged: merged as Settings, taken, kept };
}

/** `name value` for each setting listed, for messages: `exam-date 2027-03-15`. */
export function describeSettings(settings: Settings, keys: readonly SettingKey[] = SETTING_KEYS): string {
  return keys
    .filter((key) => settings[key] !== undefined)
    .map((key) => `${SETTING_NAMES[key]} ${settings[key]}`)
    .join(', ');
}

/**
 * The settings an older awsnotes kept with the history, as they stood at the end: a
 * `settings` object (a progress file of version 2 or 3) is the state so far, a `setting`
 * event sets or clears one, a baseline (progress carried over) fills those still missing,
 * as merging one always did. `found` says whether any such source was met at all.
 */
export class LegacySettings {
  found = false;
  private values: Settings = {};

  fromObject(settings: Settings): void {
    this.found = true;
    this.values = { ...settings };
  }

  fromEvent(event: SettingEvent): void {
    this.found = true;
    this.values = applyChanges(this.values, { [event.key]: event.value });
  }

  fromBaseline(settings: Settings | undefined): void {
    if (!settings) return;
    this.found = true;
    this.values = fillMissing(this.values, settings).merged;
  }

  result(): Settings {
    return { ...this.values };
  }
}
