// Once per run, before any test file: the helper scripts tests start as processes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleHelpers } from './helpers/bundle.js';

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'awsnotes-helpers-'));
  await bundleHelpers(dir);
  project.provide('helperScripts', dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    // The run's throwaway config home (vitest.config.ts).
    const xdg = process.env.XDG_CONFIG_HOME;
    if (xdg && path.basename(xdg).startsWith('awsnotes-xdg-')) rmSync(xdg, { recursive: true, force: true });
  };
}
