// The snapshot's format versions, in a module of their own: progress/schema.ts and the zod
// checks (progress/checks.ts, a stage of its own in the bundle) both need them.

export const PROGRESS_VERSION = 4;
/** The snapshot version that still held the settings. */
export const SETTINGS_IN_SNAPSHOT_VERSION = 3;
