// What a learner or a script sees of the plain commands: in this process where the commands
// are the point, the built dist/cli.cjs as a child process where the process is (its exit
// code and streams, closed pipes, colour through the real entry, start-up, code caches).
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, run, runInProcess, STACK_TRACE, tempDir } from './helpers/cli.js';
import { NOTE_COUNT } from './helpers/content.js';

const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };

describe('help and version', () => {
  it.each([['--version'], ['-v']])('%s prints the package version', (flag) => {
    const r = run([flag]);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each([['--help'], ['-h'], ['help']])('%s lists every command, flag and variable', async (flag) => {
    const r = await runInProcess([flag]);
    expect(r.code).toBe(0);
    for (const text of [
      'list [--json]',
      'show <service>',
      'search <query…>',
      '--limit N',
      'AWSNOTES_CONFIG_DIR',
      'NO_COLOR',
      'Exit codes',
    ]) {
      expect(r.stdout).toContain(text);
    }
  });

  it('a command with --help prints its usage', async () => {
    const r = await runInProcess(['search', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: awsnotes search/);
  });
});

describe('usage errors exit 2 with one line on stderr', () => {
  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['list', '--nope'], /list: unknown option '--nope'/],
    [['show'], /show: which service\?/],
    [['search'], /search: what should I look for\?/],
    [['search', 'sqs', '--limit', 'zero'], /--limit takes a whole number/],
    [['search', 'sqs', '--limit', '0'], /--limit takes a whole number/],
    [['search', 'sqs', '--limit'], /search: .*--limit/],
  ])('%j', async (args, message) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('the binary exits 2 with that one line', () => {
    const r = run(['list', '--nope']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: "awsnotes: list: unknown option '--nope' (see awsnotes --help)\n" });
  });
});

describe('a reader that goes away', () => {
  // stdout is a pipe whose reader is gone before awsnotes starts (a FIFO opened for writing
  // while its only reader was open, then that reader closed): every write meets EPIPE.
  const closedPipe = 'exec 3<>"$1" 4>"$1" 3<&-; shift; exec "$0" "$@" >&4 4>&- 2>"$ERR"';
  it.each([['show', 'sqs'], ['list'], ['search', 'dynamo'], ['--version'], ['--help']])('%s | (closed) exits 0 quietly', (...args) => {
    const dir = tempDir();
    const fifo = path.join(dir, 'stdout');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = spawnSync('bash', ['-c', closedPipe, process.execPath, fifo, CLI, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ERR: path.join(dir, 'stderr'), AWSNOTES_CONFIG_DIR: dir },
    });
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, 'stderr'), 'utf8')).toBe('');
  });
});

describe('no command without a terminal', () => {
  it('names the plain commands and exits 2 instead of starting Ink', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal; plain commands: list, show, search/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).not.toMatch(/raw mode/i);
  });
});

describe('list', () => {
  it('--json has every service with id, title, category and aliases', async () => {
    const r = await runInProcess(['list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; title: string; category: string; aliases: string[] }[];
    expect(list).toHaveLength(NOTE_COUNT);
    for (const s of list) {
      expect(s.id).toMatch(/^[a-z0-9-]+$/);
      expect(s.title.length).toBeGreaterThan(2);
      expect(s.category).toBeTruthy();
      expect(s.aliases.length).toBeGreaterThan(0);
    }
    expect(list.map((s) => s.id)).toEqual(expect.arrayContaining(['dynamodb', 'sqs', 'iam', 'kinesis', 'elastic-beanstalk']));
  });

  it('text groups services under category headings, without colour when piped', async () => {
    const r = await runInProcess(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Databases\n( {2}.+\n)* {2}dynamodb +Amazon DynamoDB/m);
    expect(r.stdout).not.toContain('\x1b[');
  });
});

describe('show', () => {
  it('prints the note wrapped to 80 columns when not a terminal and records it as read', async () => {
    const dir = tempDir();
    const r = await runInProcess(['show', 'sqs'], { configDir: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Amazon Simple Queue Service');
    expect(r.stdout).toContain('Standard vs FIFO queues');
    expect(r.stdout).not.toContain('\x1b[');
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(JSON.parse((await runInProcess(['progress', '--json'], { configDir: dir })).stdout).notesRead).toEqual(['sqs']);
  });

  it.each([
    ['ddb', 'dynamodb'],
    ['Dynamo', 'dynamodb'],
    ['SSM', 'parameter-store'],
    ['KDS', 'kinesis'],
    ['Firehose', 'kinesis'],
    ['ALB', 'elb'],
    ['ASG', 'ec2'],
    ['queue', 'sqs'],
    ['CDN', 'cloudfront'],
    ['Amazon DynamoDB', 'dynamodb'],
    ['elastic beanstalk', 'elastic-beanstalk'],
    ['kinessis', 'kinesis'],
    ['cognitto', 'cognito'],
    ['lmabda', 'lambda'],
  ])('%s resolves to %s', async (query, id) => {
    const r = await runInProcess(['show', query, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe(id);
  });

  it('--json carries the sections and the text', async () => {
    const note = JSON.parse((await runInProcess(['show', 'dynamodb', '--json'])).stdout);
    expect(note.sections.map((s: { slug: string }) => s.slug)).toEqual(expect.arrayContaining(['capacity-units', 'scan-vs-query']));
    expect(note.text).toContain('Capacity units');
  });

  it('no match exits 1 and says what to try', async () => {
    const r = await runInProcess(['show', 'xyzzyplugh']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no service matches 'xyzzyplugh'.*awsnotes list/);
  });

  it('colour only when asked on a non-terminal, and never under NO_COLOR (through the real entry)', () => {
    expect(run(['show', 'sqs'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\x1b[');
    expect(run(['show', 'sqs'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\x1b[');
    expect(run(['show', 'sqs'], { env: { FORCE_COLOR: '1', TERM: 'dumb' } }).stdout).not.toContain('\x1b[');
  });
});

describe('search', () => {
  it('--json is an array of {service, section, text, score}, best first', async () => {
    const r = await runInProcess(['search', 'fifo', '--json']);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as { service: string; section: string | null; text: string; score: number }[];
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(Object.keys(hit).sort()).toEqual(['score', 'section', 'service', 'text']);
      expect(hit.score).toBeGreaterThanOrEqual(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => a - b));
    expect(hits[0]!.service).toBe('sqs');
  });

  it('--limit caps the hits', async () => {
    const hits = JSON.parse((await runInProcess(['search', 'dynamodb', '--json', '--limit', '3'])).stdout);
    expect(hits).toHaveLength(3);
  });

  it('text names service#section and marks the match', async () => {
    const r = await runInProcess(['search', 'long', 'polling']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sqs#short-and-long-polling/m);
    expect(r.stdout).toMatch(/«[Ll]ong» «polling»/);
  });

  it('nothing found exits 1', async () => {
    const r = await runInProcess(['search', 'qqqqzzzz']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing matches 'qqqqzzzz'/);
  });
});

describe('a broken progress file', () => {
  it('is moved aside and reported once, and the command still works', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'progress.json');
    writeFileSync(file, '{"version": 1, "notesRead": {');
    const r = await runInProcess(['show', 'sqs'], { configDir: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/could not be used \(not valid JSON.*It was kept as .*progress\.corrupt-.*\.json/);
    const files = readdirSync(dir);
    const aside = files.find((f) => f.startsWith('progress.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(path.join(dir, aside!), 'utf8')).toBe('{"version": 1, "notesRead": {');
    expect(JSON.parse((await runInProcess(['progress', '--json'], { configDir: dir })).stdout).notesRead).toEqual(['sqs']);
    // Said once: the next run is quiet.
    expect((await runInProcess(['show', 'sqs'], { configDir: dir })).stderr).toBe('');
  });
});

describe('every command from the built binary', () => {
  // The other tests call the commands in their own process (runInProcess): here each runs
  // from dist/cli.cjs too, its stage and code cache included, and says the same.
  it('says what the same command says in this process, in the same order on a fresh config', async () => {
    const backup = path.join(tempDir(), 'backup.json');
    const steps: { args: string[]; input?: string }[] = [
      { args: ['--help'] },
      { args: ['list'] },
      { args: ['show', 'sqs'] },
      { args: ['search', 'fifo', '--limit', '3'] },
      { args: ['note', 'add', 'sqs', 'visibility timeout: 6x the Lambda timeout'] },
      { args: ['note', 'list'] },
      { args: ['quiz', '--plain', '--service', 'sqs', '--count', '2'], input: 'A\nAB\n' },
      { args: ['exam'] },
      { args: ['questions', '--service', 'sqs'] },
      { args: ['progress'] },
      { args: ['coverage'] },
      { args: ['config', 'set', 'new-per-day', '5'] },
      { args: ['config', 'get'] },
      { args: ['doctor'] },
      { args: ['export', '--out', backup] },
      { args: ['reset', '--yes'] },
      { args: ['import', backup] },
      { args: ['calc', 'kinesis', '--records', '2000/s', '--record-size', '2KB'] },
      { args: ['completion', 'fish'] },
    ];
    const [binary, here] = [tempDir(), tempDir()];
    // The config directory's path and the time a backup was made differ between the two.
    const same = (text: string, dir: string) => text.replaceAll(dir, '<config>').replace(/\d{4}-\d\d-\d\dT[\d:.-]+Z/g, '<time>');
    for (const { args, input } of steps) {
      const env = { AWSNOTES_SEED: '3' };
      const spawned = run(args, { configDir: binary, input, env });
      const called = await runInProcess(args, { configDir: here, input, env });
      expect({ args, code: spawned.code, stdout: same(spawned.stdout, binary), stderr: same(spawned.stderr, binary) }).toEqual({
        args,
        code: called.code,
        stdout: same(called.stdout, here),
        stderr: same(called.stderr, here),
      });
    }
  });
});

describe('the code caches in dist/cache/', () => {
  it('are written by the build for each command stage', () => {
    const cached = readdirSync(path.join(path.dirname(CLI), 'cache')).sort();
    expect(cached).toEqual([
      'calc.bin',
      'checks.bin',
      'completion.bin',
      'coverage.bin',
      'drills.bin',
      'note.bin',
      'notes.bin',
      'own-compile.bin',
      'own.bin',
      'progress.bin',
      'quiz.bin',
      'search.bin',
      'store.bin',
    ]);
  });

  it('change nothing when missing or damaged: V8 compiles instead', () => {
    const copyOfDist = (caches: 'damaged' | 'missing') => {
      const dir = tempDir(`awsnotes-dist-${caches}-`);
      cpSync(path.dirname(CLI), dir, { recursive: true });
      const cacheDir = path.join(dir, 'cache');
      if (caches === 'missing') rmSync(cacheDir, { recursive: true });
      else for (const file of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, file), 'not a code cache');
      return path.join(dir, 'cli.cjs');
    };
    const configDir = tempDir();
    const runWith = (cli: string, args: string[]) => {
      const r = spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, AWSNOTES_CONFIG_DIR: configDir }, encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const damaged = copyOfDist('damaged');
    const missing = copyOfDist('missing');
    for (const args of [
      ['search', 'dynamo', '--json'],
      ['show', 'sqs', '--json'],
      ['calc', 'dynamodb', 'read', '--size', '6KB', '--rate', '300/30s', '--json'],
    ]) {
      const normal = run(args, { configDir });
      expect(normal.code).toBe(0);
      expect(runWith(damaged, args)).toEqual(normal);
      expect(runWith(missing, args)).toEqual(normal);
    }
  });
});
