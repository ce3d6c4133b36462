// Starting tmux sessions for the end-to-end tests and the bench.
import { execFileSync } from 'node:child_process';

/**
 * When the last session closes, the tmux server exits; a new session asked for in that
 * moment fails with "server exited unexpectedly". Try again rather than fail the test.
 */
export function newSession(args: string[]): void {
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('tmux', ['new-session', '-d', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      return;
    } catch (error) {
      if (attempt >= 5 || !String((error as { stderr?: string }).stderr ?? error).includes('server exited')) throw error;
      execFileSync('sleep', ['0.2']);
    }
  }
}
