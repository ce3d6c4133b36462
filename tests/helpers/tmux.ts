// A real terminal for end-to-end tests: the built awsnotes runs in a tmux pane; tests send
// keys and read the screen like a person would, waiting for each change.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, type TestContext } from 'vitest';
import { newSession } from '../../scripts/tmux.js';
import { CLI, tempDir } from './cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** describe for the terminal tests: without tmux they are skipped with a note, but not in CI (.ci/run installs it). */
export const terminalSuite = hasTmux || process.env.CI ? describe : describe.skip;
if (!hasTmux && !process.env.CI) console.warn('tmux not found: skipping the end-to-end terminal tests');

/** What the screen's line starting with `prefix` holds after it ('' without one): a text box. */
export const boxAfter = (prefix: string) => (screen: string) =>
  screen
    .split('\n')
    .find((line) => line.startsWith(prefix))
    ?.slice(prefix.length)
    .trimEnd() ?? '';

/** The search box of the menu. */
export const searchBox = boxAfter('› ');

interface TerminalOptions {
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  stdin?: string;
  stderr?: string;
  shell?: boolean;
}

/**
 * A Terminal closed when the test that opened it ends, passed or failed: by that test's own
 * hook, so that each test of a concurrent suite closes its own.
 */
export function openTerminal(test: Pick<TestContext, 'onTestFinished'>, args: string[], options: TerminalOptions = {}): Terminal {
  const terminal = new Terminal(args, options);
  test.onTestFinished(() => terminal.kill());
  return terminal;
}

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

export class Terminal {
  readonly name = `awsnotes-${randomUUID().slice(0, 8)}`;

  /**
   * awsnotes with `args` in a new pane. With `shell`, the pane runs an interactive bash
   * (job control: Ctrl+Z, fg) and awsnotes is typed at its prompt.
   */
  constructor(args: string[], options: TerminalOptions = {}) {
    // A test that names no config directory gets a fresh one, never the learner's own.
    const env = { AWSNOTES_CONFIG_DIR: tempDir(), TERM: 'xterm-256color', ...options.env };
    const exports = Object.entries(env)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    const redirect = `${options.stdin ? ` < ${options.stdin}` : ''}${options.stderr ? ` 2> ${options.stderr}` : ''}`;
    // In CI (is-in-ci: CI, CONTINUOUS_INTEGRATION, CI_*) Ink prints only the last frame and
    // ignores resizes: unset them all for the app.
    // A tmux server started elsewhere may hand on NODE_EXTRA_CA_CERTS (see vitest.config.ts).
    const ci = Object.keys(process.env).filter((k) => k === 'CI' || k === 'CONTINUOUS_INTEGRATION' || k.startsWith('CI_'));
    const unset = [...ci, 'NODE_EXTRA_CA_CERTS'].map((k) => `-u ${k}`).join(' ');
    const app = `env ${unset} ${exports} ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${args.map((a) => JSON.stringify(a)).join(' ')}${redirect}`;
    const size = ['-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30)];
    if (options.shell) {
      // A stopped job does not stop the rest of a command line: the exit code is asked
      // for once the app has ended (see shellExitCode).
      newSession(['-s', this.name, ...size, `env ${unset} PS1='$ ' bash --norc --noprofile -i`]);
      this.line(app);
    } else newSession(['-s', this.name, ...size, `${app}; echo "__EXIT__$?"; sleep 600`]);
  }

  /** Types a command line at the pane's shell (shell mode) and presses Enter. */
  line(command: string): void {
    tmux('send-keys', '-t', this.name, '-l', command);
    tmux('send-keys', '-t', this.name, 'Enter');
  }

  /** Shell mode: the exit code of the app, which has ended, as the shell reports it. */
  async shellExitCode(): Promise<number> {
    this.line('echo "__EXIT__$?"');
    return this.exitCode();
  }

  /** The pid of awsnotes (node), a child of the pane's shell. */
  appPid(): number {
    const shell = tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
    const found = spawnSync('pgrep', ['-P', shell, '-x', 'node'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
    if (!found) expect.fail(`no awsnotes process under the pane's shell (${shell})`);
    return Number(found);
  }

  /** Whether the terminal shows its cursor. */
  cursorShown(): boolean {
    return tmux('display-message', '-p', '-t', this.name, '#{cursor_flag}').trim() === '1';
  }

  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.name);
  }

  /** The screen with lines the terminal wrapped joined again: what the program wrote. */
  writtenLines(): string[] {
    return tmux('capture-pane', '-p', '-J', '-t', this.name).split('\n');
  }

  /** 1 while the app is on the alternate screen. */
  alternateOn(): boolean {
    return tmux('display-message', '-p', '-t', this.name, '#{alternate_on}').trim() === '1';
  }

  send(...keys: string[]): void {
    tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Sends literal text one character at a time, each after the screen shows it. */
  async type(text: string, field: (screen: string) => string): Promise<void> {
    let typed = '';
    for (const char of text) {
      typed += char;
      tmux('send-keys', '-t', this.name, '-l', char);
      const expected = typed;
      await this.waitFor((s) => field(s) === expected, `"${expected}" typed`);
    }
  }

  resize(columns: number, rows: number): void {
    tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
  }

  /**
   * The screen once `test` holds for it and it holds still: a capture can land while tmux
   * is still drawing a frame (a large frame reaches it in several reads), with its top new
   * and its bottom old, so a match counts when the next capture is the same screen.
   */
  async waitFor(test: (screen: string) => boolean, what: string, timeout = 20_000): Promise<string> {
    const started = Date.now();
    let screen = this.screen();
    for (;;) {
      if (test(screen)) {
        const again = this.screen();
        // No pause before the next key: the app delivers each key only once the frame of
        // the one before is committed (src/ui/input.tsx, KeyRouter).
        if (again === screen) return screen;
        screen = again;
        continue;
      }
      if (Date.now() - started > timeout) expect.fail(`timed out waiting for ${what}; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 25));
      screen = this.screen();
    }
  }

  async exitCode(): Promise<number> {
    const screen = await this.waitFor((s) => /__EXIT__\d+/.test(s), 'the app to exit');
    return Number(/__EXIT__(\d+)/.exec(screen)![1]);
  }

  kill(): void {
    spawnSync('tmux', ['kill-session', '-t', this.name]);
  }
}
