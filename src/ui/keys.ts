// The one key-binding table. Screens ask `isKey('reader.down', input, key)`; the footer and
// the `?` overlay are generated from the same rows, so help cannot drift from the keys.
import type { Key } from 'ink';

export type Scope = 'global' | 'menu' | 'reader' | 'find' | 'outline';

type KeyName = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab';

interface KeySpec {
  input?: string;
  key?: KeyName;
  ctrl?: boolean;
  shift?: boolean;
}

export interface Binding {
  id: string;
  scope: Scope;
  keys: KeySpec[];
  /** How the keys are written in help, e.g. "↑/k". */
  label: string;
  description: string;
  /** Short text for the one-line footer; bindings without it appear only in the overlay. */
  footer?: string;
}

const k = (key: KeyName, extra: Omit<KeySpec, 'key'> = {}): KeySpec => ({ key, ...extra });
const ch = (input: string, extra: Omit<KeySpec, 'input'> = {}): KeySpec => ({ input, ...extra });

export const BINDINGS: Binding[] = [
  { id: 'global.quit', scope: 'global', keys: [ch('q')], label: 'q', description: 'quit (or go back)', footer: 'quit' },
  { id: 'global.interrupt', scope: 'global', keys: [ch('c', { ctrl: true })], label: 'Ctrl+C', description: 'quit at once, from anywhere' },
  { id: 'global.help', scope: 'global', keys: [ch('?')], label: '?', description: 'show or hide this help', footer: 'help' },
  { id: 'global.next-screen', scope: 'global', keys: [k('tab', { shift: false })], label: 'Tab', description: 'next screen' },
  { id: 'global.prev-screen', scope: 'global', keys: [k('tab', { shift: true })], label: 'Shift+Tab', description: 'previous screen' },
  { id: 'global.screen', scope: 'global', keys: ['1', '2', '3', '4'].map((d) => ch(d)), label: '1–4', description: 'go to a screen by its number' },

  { id: 'menu.down', scope: 'menu', keys: [k('downArrow'), ch('n', { ctrl: true })], label: '↓/Ctrl+N', description: 'next result', footer: 'move' },
  { id: 'menu.up', scope: 'menu', keys: [k('upArrow'), ch('p', { ctrl: true })], label: '↑/Ctrl+P', description: 'previous result' },
  { id: 'menu.page-down', scope: 'menu', keys: [k('pageDown')], label: 'PgDn', description: 'a page of results down' },
  { id: 'menu.page-up', scope: 'menu', keys: [k('pageUp')], label: 'PgUp', description: 'a page of results up' },
  { id: 'menu.open', scope: 'menu', keys: [k('return')], label: 'Enter', description: 'open the note at the matched section', footer: 'open' },
  { id: 'menu.clear', scope: 'menu', keys: [k('escape')], label: 'Esc', description: 'clear the search; on an empty search, leave the box (then q ? Tab 1–4 work)', footer: 'clear/leave box' },
  { id: 'menu.focus', scope: 'menu', keys: [ch('/')], label: '/', description: 'back to the search box (when it is not focused)' },

  { id: 'reader.down', scope: 'reader', keys: [k('downArrow'), ch('j')], label: '↓/j', description: 'scroll down a line', footer: 'scroll' },
  { id: 'reader.up', scope: 'reader', keys: [k('upArrow'), ch('k')], label: '↑/k', description: 'scroll up a line' },
  { id: 'reader.page-down', scope: 'reader', keys: [k('pageDown'), ch(' ')], label: 'PgDn/Space', description: 'a page down' },
  { id: 'reader.page-up', scope: 'reader', keys: [k('pageUp'), ch('b')], label: 'PgUp/b', description: 'a page up' },
  { id: 'reader.top', scope: 'reader', keys: [k('home'), ch('g')], label: 'g/Home', description: 'to the top' },
  { id: 'reader.bottom', scope: 'reader', keys: [k('end'), ch('G')], label: 'G/End', description: 'to the end' },
  { id: 'reader.find', scope: 'reader', keys: [ch('/')], label: '/', description: 'search in the note', footer: 'find' },
  { id: 'reader.next-hit', scope: 'reader', keys: [ch('n')], label: 'n', description: 'next search hit' },
  { id: 'reader.prev-hit', scope: 'reader', keys: [ch('N')], label: 'N', description: 'previous search hit' },
  { id: 'reader.outline', scope: 'reader', keys: [ch('o')], label: 'o', description: "outline: jump to a section", footer: 'outline' },
  { id: 'reader.back', scope: 'reader', keys: [ch('q'), k('escape')], label: 'q/Esc', description: 'back to the menu', footer: 'back' },

  { id: 'find.submit', scope: 'find', keys: [k('return')], label: 'Enter', description: 'search, jump to the first hit', footer: 'search' },
  { id: 'find.cancel', scope: 'find', keys: [k('escape')], label: 'Esc', description: 'cancel the search', footer: 'cancel' },

  { id: 'outline.down', scope: 'outline', keys: [k('downArrow'), ch('j')], label: '↓/j', description: 'next section', footer: 'move' },
  { id: 'outline.up', scope: 'outline', keys: [k('upArrow'), ch('k')], label: '↑/k', description: 'previous section' },
  { id: 'outline.jump', scope: 'outline', keys: [k('return')], label: 'Enter', description: 'jump to the section', footer: 'jump' },
  { id: 'outline.close', scope: 'outline', keys: [k('escape'), ch('o'), ch('q')], label: 'Esc/o', description: 'close the outline', footer: 'close' },
];

const byId = new Map(BINDINGS.map((b) => [b.id, b]));

function specMatches(spec: KeySpec, input: string, key: Key): boolean {
  if (spec.ctrl !== undefined && spec.ctrl !== key.ctrl) return false;
  if (spec.ctrl === undefined && key.ctrl) return false;
  if (spec.shift !== undefined && spec.shift !== key.shift) return false;
  if (spec.key) return key[spec.key] === true;
  return input === spec.input && !key.meta;
}

export function isKey(id: string, input: string, key: Key): boolean {
  const binding = byId.get(id);
  if (!binding) throw new Error(`unknown key binding ${id}`);
  return binding.keys.some((spec) => specMatches(spec, input, key));
}

export function binding(id: string): Binding {
  const b = byId.get(id);
  if (!b) throw new Error(`unknown key binding ${id}`);
  return b;
}

/** The first key of a label: "↓/Ctrl+N" → "↓"; "/" stays "/". */
const firstKey = (label: string) => label.split('/')[0] || label;

/**
 * "↓ move · Enter open · …" for the given scopes, in table order. Global keys come last
 * and only where they work (not while a text box has the keys; q is "back" in sub-views).
 */
export function footerText(scopes: Scope[], globals: 'all' | 'help' | 'none'): string {
  const shown = BINDINGS.filter((b) => b.footer && scopes.includes(b.scope));
  const global = BINDINGS.filter((b) => b.footer && b.scope === 'global' && (globals === 'all' || (globals === 'help' && b.id === 'global.help')));
  return [...shown, ...global].map((b) => `${firstKey(b.label)} ${b.footer}`).join(' · ');
}

export const SCOPE_TITLES: Record<Scope, string> = {
  global: 'Everywhere (outside a text box)',
  menu: 'Services: search and list',
  reader: 'Note reader',
  find: 'Search in a note',
  outline: 'Outline',
};
