// zod's checks of the files in the config directory are a stage of their own in the bundle
// (dist/checks.cjs, see src/progress/checks.ts): loaded when a file must be checked, and
// only then. A command on files awsnotes wrote itself never starts zod; a file edited by
// hand is still checked, and refused with zod's words when it is wrong.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, run, tempDir } from './helpers/cli.js';

/** The files of dist/ that `awsnotes args` reads, by name. */
function distReads(args: string[], dir: string, input = ''): { code: number | null; reads: string[]; stderr: string } {
  const log = path.join(tempDir(), 'reads.txt');
  const result = spawnSync(process.execPath, ['--require', path.resolve(import.meta.dirname, 'helpers/trace-reads.cjs'), CLI, ...args], {
    env: { ...process.env, AWSNOTES_CONFIG_DIR: dir, AWSNOTES_TEST_READS: log },
    input,
    encoding: 'utf8',
  });
  const distDir = path.dirname(CLI);
  const reads = readFileSync(log, 'utf8')
    .split('\n')
    .filter((file) => file.startsWith(distDir))
    .map((file) => path.relative(distDir, file));
  return { code: result.status, reads, stderr: result.stderr };
}

const hasZod = (file: string) => readFileSync(path.join(path.dirname(CLI), file), 'utf8').includes('$ZodType');

describe('the checks stage', () => {
  it('holds zod for the commands: no other stage of theirs does (the learner-file compiler aside)', () => {
    const stages = readdirSync(path.dirname(CLI)).filter((f) => f.endsWith('.cjs'));
    expect(stages.filter(hasZod).sort()).toEqual(['checks.cjs', 'own-compile.cjs']);
  });

  it('is not loaded by commands on files awsnotes wrote, settings and a saved answer included', () => {
    const dir = tempDir();
    expect(run(['config', 'set', 'new-per-day', '12'], { configDir: dir }).code).toBe(0);
    expect(run(['quiz', '--plain', '--count', '1'], { configDir: dir, input: 'A\n' }).code).toBe(0);
    for (const args of [['progress'], ['progress', '--json'], ['config', 'get'], ['coverage'], ['questions']]) {
      const { code, reads } = distReads(args, dir);
      expect(code, args.join(' ')).toBe(0);
      expect(reads, args.join(' ')).not.toContain('checks.cjs');
    }
  });

  it('is loaded for a snapshot edited by hand: a valid edit is used, an invalid one set aside with the reason', () => {
    const dir = tempDir();
    expect(run(['quiz', '--plain', '--count', '1'], { configDir: dir, input: 'A\n' }).code).toBe(0);
    expect(run(['show', 'sqs'], { configDir: dir }).code).toBe(0);
    const file = path.join(dir, 'progress.json');
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    // Valid, but no longer as written: its checksum does not hold.
    writeFileSync(file, `${JSON.stringify(snapshot, null, 2)}\n`);
    const edited = distReads(['progress', '--json'], dir);
    expect(edited.code).toBe(0);
    expect(edited.reads).toContain('checks.cjs');
    expect(edited.stderr).toBe('');
    expect(JSON.parse(run(['progress', '--json'], { configDir: dir }).stdout).notesRead).toEqual(['sqs']);

    // Written again as checked, with its checksum and the answer's card; then a day that does not exist.
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as { cards: Record<string, Record<string, unknown>> };
    const [id] = Object.keys(rewritten.cards);
    rewritten.cards[id!]!.due = '2026-02-30T10:00:00.000Z';
    writeFileSync(file, `${JSON.stringify(rewritten, null, 2)}\n`);
    const bad = run(['progress', '--json'], { configDir: dir });
    expect(bad.code).toBe(0);
    expect(bad.stderr).toContain(`could not be used (unexpected content at "cards.${id}.due": must be an ISO date and time of a real day)`);
    // Rebuilt from the journal: nothing lost.
    expect(JSON.parse(bad.stdout).notesRead).toEqual(['sqs']);
  });

  it('is loaded for a settings value awsnotes would not write, which is set aside with the reason', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'settings.json'), '{"version": 1, "newPerDay": 2.5}\n');
    const { code, reads, stderr } = distReads(['config', 'get'], dir);
    expect(code).toBe(0);
    expect(reads).toContain('checks.cjs');
    expect(stderr).toMatch(/settings file .*settings\.json could not be used \("newPerDay": .+\)/);
  });
});
