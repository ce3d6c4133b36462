// Driving Ink screens in tests: keys are sent one at a time, each after the frame shows
// the state the previous one asked for (keys written back to back are lost).
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
} as const;

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
      // The frame is drawn on commit, but Ink re-subscribes input handlers in passive
      // effects a moment later: a key sent before then reaches the old handler.
      await new Promise((r) => setTimeout(r, 8));
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
    const expected = typed;
    await until(read, (f) => field(f) === expected || (field(f) !== before && field(f).startsWith(expected)), `"${expected}" typed`);
  }
}

/** Lets Ink deliver a lone Esc (it holds it ~20 ms to tell it from an escape sequence). */
export const settle = (ms = 60) => new Promise((r) => setTimeout(r, ms));
