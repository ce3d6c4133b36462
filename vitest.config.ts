import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Node reads and parses the certificates NODE_EXTRA_CA_CERTS names as it starts, about 50 ms
// of every process the tests start, none of which makes a TLS connection: not passed on.
delete process.env.NODE_EXTRA_CA_CERTS;
// A test that forgets its config directory must not write into the learner's own: the
// default location (env-paths, under XDG_CONFIG_HOME) is a throwaway directory for the run.
process.env.XDG_CONFIG_HOME = mkdtempSync(path.join(tmpdir(), 'awsnotes-xdg-'));

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/global-setup.ts'],
    // One module graph per worker, not per file: loading src/, Ink and React again for each
    // of 50 files cost about 30 s of CPU. What files share is reset in tests/setup.ts.
    isolate: false,
    setupFiles: ['tests/setup.ts'],
    // The end-to-end tests drive real processes and terminals; two cores, so keep it calm.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 2,
  },
});
