import type { Scope } from '../keys.js';

/**
 * Which part of a screen has the keys; the App derives the global-key rules and the footer from it.
 * Every key scope is a mode, except the app-wide keys and the line editor's; the menu's search
 * box is a mode whose keys are the line editor's.
 */
export type InputMode = Exclude<Scope, 'global' | 'text'> | 'search-box';

export interface ModeRules {
  /** A text box has focus: every printable key (and Tab) is the screen's; no global key fires. */
  text: boolean;
  /** The screen uses digits (picking answers, ratings): 1–4 do not switch screens. */
  digits: boolean;
  /** The screen uses q (back, leave): it does not quit the app. */
  quit: boolean;
  footer: Scope[];
  /** Which global keys the footer mentions. */
  globals: 'all' | 'help' | 'none';
}

const rules = (
  footer: Scope[],
  globals: ModeRules['globals'],
  flags: Partial<Pick<ModeRules, 'text' | 'digits' | 'quit'>> = {},
): ModeRules => ({
  text: false,
  digits: false,
  quit: false,
  ...flags,
  footer,
  globals,
});

export const MODES: Record<InputMode, ModeRules> = {
  'search-box': rules(['menu'], 'none', { text: true }),
  menu: rules(['menu'], 'all'),
  reader: rules(['reader'], 'help', { quit: true }),
  find: rules(['find'], 'none', { text: true }),
  outline: rules(['outline'], 'help', { quit: true }),
  'quiz-source': rules(['quiz-source'], 'all'),
  'quiz-list': rules(['quiz-list'], 'help', { quit: true }),
  'quiz-filter': rules(['quiz-filter'], 'none', { text: true }),
  'quiz-empty': rules(['quiz-empty'], 'help', { quit: true }),
  'quiz-question': rules(['quiz-question'], 'help', { digits: true, quit: true }),
  'quiz-verdict': rules(['quiz-verdict'], 'help', { digits: true, quit: true }),
  'quiz-summary': rules(['quiz-summary'], 'help', { quit: true }),
  exam: rules(['exam'], 'help', { digits: true, quit: true }),
  'exam-grid': rules(['exam-grid'], 'help', { quit: true }),
  'exam-results': rules(['exam-results'], 'help', { quit: true }),
  'exam-refused': rules(['exam-refused'], 'help', { quit: true }),
  'calc-field': rules(['calc-field'], 'none', { text: true }),
  calc: rules(['calc'], 'all'),
  progress: rules(['progress'], 'all'),
  'progress-date': rules(['progress-date'], 'none', { text: true }),
};
