import type { Scope } from '../keys.js';

/** Which part of a screen has the keys; the App derives global-key rules and the footer from it. */
export type InputMode = 'search-box' | 'menu' | 'reader' | 'find' | 'outline';

/**
 * - text modes: a text box has focus; every printable key is typed, no global shortcut fires;
 * - sub-view modes: the view uses q/Esc itself (back, close); ?, Tab and 1–4 stay global;
 * - otherwise every global key works.
 */
export const TEXT_MODES: ReadonlySet<InputMode> = new Set(['search-box', 'find']);
export const SUB_MODES: ReadonlySet<InputMode> = new Set(['reader', 'outline']);

export const FOOTER: Record<InputMode, { scopes: Scope[]; globals: 'all' | 'help' | 'none' }> = {
  'search-box': { scopes: ['menu'], globals: 'none' },
  menu: { scopes: ['menu'], globals: 'all' },
  reader: { scopes: ['reader'], globals: 'help' },
  find: { scopes: ['find'], globals: 'none' },
  outline: { scopes: ['outline'], globals: 'help' },
};
