// The zod checks of the progress files (progress/checks.ts), for the modules that need them
// now and then. Here a plain import; the CommonJS build of the commands puts this module in
// place of one that loads dist/checks.cjs on the first call (scripts/bundle.ts), so a
// command that never checks a file never starts zod.
import * as checks from './checks.js';

export type ProgressChecks = typeof checks;

export const progressChecks = (): ProgressChecks => checks;
