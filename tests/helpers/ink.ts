// Driving Ink screens in tests: keys are sent one at a time, each after the frame shows
// the state the previous one asked for. (Keys written together are handled in order too,
// see tests/ui/input.test.tsx; waiting for each frame keeps a failure's message precise.)
import { createElement, type ReactNode } from 'react';
import { expect } from 'vitest';
import { KeysProvider } from '../../src/ui/input.js';

/** A screen rendered on its own, with the app's input router above it (the App has one). */
export const withKeys = (node: ReactNode) => createElement(KeysProvider, null, node);

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  ctrlC: '\u0003',
  ctrlN: '\u000E',
  ctrlP: '\u0010',
  backspace: '\u007F',
  delete: '\u001B[3~',
  home: '\u001B[H',
  end: '\u001B[F',
  ctrlA: '\u0001',
  ctrlD: '\u0004',
  ctrlE: '\u0005',
  ctrlK: '\u000B',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
  ctrlZ: '\u001A',
} as const;

/**
 * Resolves once React has run the effects it queued with the last frame. The screens and
 * text fields take keys through the app's input router, whose handlers are current from
 * the frame on; what a frame's effects do (a screen reporting its mode, which decides the
 * global keys) is queued by React's scheduler with setImmediate, so one turn of
 * setImmediate comes after it, whatever the machine's load: an order, not a time.
 */
export const effectsRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Polls the frame until `test` holds, then lets the frame's effects run (see effectsRun). */
export async function until(
  read: () => string | undefined,
  test: (frame: string) => boolean,
  what = 'the expected frame',
  timeout = 10_000,
): Promise<string> {
  const started = Date.now();
  for (;;) {
    const frame = read() ?? '';
    if (test(frame)) {
      await effectsRun();
      return frame;
    }
    if (Date.now() - started > timeout) {
      expect.fail(`timed out waiting for ${what}; last frame:\n${frame}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Types text one character at a time, waiting for the text box (the line starting with
 * `prompt`) to show it before the next key.
 */
export async function type(stdin: { write(s: string): void }, read: () => string | undefined, text: string, prompt = '› '): Promise<void> {
  const field = (frame: string) =>
    frame
      .split('\n')
      .find((line) => line.startsWith(prompt))
      ?.slice(prompt.length)
      .trimEnd() ?? '';
  let typed = '';
  for (const char of text) {
    const before = typed;
    typed += char;
    stdin.write(char);
    // A space at the end does not show (the frame's lines are trimmed): the keys are handled
    // in order all the same, so the next character waits for the one after it.
    const expected = typed.trimEnd();
    await until(read, (f) => field(f) === expected || (field(f) !== before && field(f).startsWith(expected)), `"${typed}" typed`);
  }
}
