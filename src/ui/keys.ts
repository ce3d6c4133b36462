// The one key-binding table. Screens ask `isKey('reader.down', input, key)`; the footer and
// the `?` overlay are generated from the same rows, so help cannot drift from the keys. The
// ids are a type made from the table: a screen asking for a key that is not in it does not
// compile.
import type { Key } from 'ink';

export type Scope =
  | 'global'
  | 'menu'
  | 'reader'
  | 'find'
  | 'outline'
  | 'quiz-source'
  | 'quiz-list'
  | 'quiz-filter'
  | 'quiz-empty'
  | 'quiz-question'
  | 'quiz-verdict'
  | 'quiz-summary'
  | 'exam'
  | 'exam-grid'
  | 'exam-results'
  | 'exam-refused'
  | 'calc-field'
  | 'calc'
  | 'progress'
  | 'progress-date'
  | 'text';

type KeyName =
  | 'upArrow'
  | 'downArrow'
  | 'leftArrow'
  | 'rightArrow'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace'
  | 'delete';

export interface KeySpec {
  input?: string;
  key?: KeyName;
  ctrl?: boolean;
  shift?: boolean;
}

export interface Binding {
  id: string;
  scope: Scope;
  keys: readonly KeySpec[];
  /** How the keys are written in help, e.g. "↑/k". */
  label: string;
  description: string;
  /** Short text for the one-line footer; bindings without it appear only in the overlay. */
  footer?: string;
  /** Keys to show in the footer when not just the first of `label` ("2/3/4"). */
  footerKeys?: string;
}

const k = (key: KeyName, extra: Omit<KeySpec, 'key'> = {}): KeySpec => ({ key, ...extra });
const ch = (input: string, extra: Omit<KeySpec, 'input'> = {}): KeySpec => ({ input, ...extra });

export const BINDINGS = [
  { id: 'global.quit', scope: 'global', keys: [ch('q')], label: 'q', description: 'quit (or go back)', footer: 'quit' },
  { id: 'global.interrupt', scope: 'global', keys: [ch('c', { ctrl: true })], label: 'Ctrl+C', description: 'quit at once, from anywhere' },
  {
    id: 'global.suspend',
    scope: 'global',
    keys: [ch('z', { ctrl: true })],
    label: 'Ctrl+Z',
    description: 'stop awsnotes and go back to the shell, from anywhere (fg resumes it)',
  },
  { id: 'global.help', scope: 'global', keys: [ch('?')], label: '?', description: 'show or hide this help', footer: 'help' },
  { id: 'global.next-screen', scope: 'global', keys: [k('tab', { shift: false })], label: 'Tab', description: 'next screen' },
  { id: 'global.prev-screen', scope: 'global', keys: [k('tab', { shift: true })], label: 'Shift+Tab', description: 'previous screen' },
  {
    id: 'global.screen',
    scope: 'global',
    keys: ['1', '2', '3', '4'].map((d) => ch(d)),
    label: '1–4',
    description: 'go to a screen by its number',
  },

  {
    id: 'menu.down',
    scope: 'menu',
    keys: [k('downArrow'), ch('n', { ctrl: true }), ch('j')],
    label: '↓/Ctrl+N/j',
    description: 'next result (j outside the search box)',
    footer: 'move',
  },
  {
    id: 'menu.up',
    scope: 'menu',
    keys: [k('upArrow'), ch('p', { ctrl: true }), ch('k')],
    label: '↑/Ctrl+P/k',
    description: 'previous result (k outside the search box)',
  },
  { id: 'menu.page-down', scope: 'menu', keys: [k('pageDown')], label: 'PgDn', description: 'a page of results down' },
  { id: 'menu.page-up', scope: 'menu', keys: [k('pageUp')], label: 'PgUp', description: 'a page of results up' },
  {
    id: 'menu.open',
    scope: 'menu',
    keys: [k('return')],
    label: 'Enter',
    description: 'open the note at the matched section',
    footer: 'open',
  },
  {
    id: 'menu.clear',
    scope: 'menu',
    keys: [k('escape')],
    label: 'Esc',
    description: 'clear the search; on an empty search, leave the box (then q ? j k Tab 1–4 work)',
    footer: 'clear/leave box',
  },
  {
    id: 'menu.focus',
    scope: 'menu',
    keys: [ch('/')],
    label: '/',
    description: 'back to the search box; outside it, any other letter starts a new search too',
  },

  {
    id: 'reader.down',
    scope: 'reader',
    keys: [k('downArrow'), ch('j')],
    label: '↓/j',
    description: 'scroll down a line',
    footer: 'scroll',
  },
  { id: 'reader.up', scope: 'reader', keys: [k('upArrow'), ch('k')], label: '↑/k', description: 'scroll up a line' },
  { id: 'reader.page-down', scope: 'reader', keys: [k('pageDown'), ch(' ')], label: 'PgDn/Space', description: 'a page down' },
  { id: 'reader.page-up', scope: 'reader', keys: [k('pageUp'), ch('b')], label: 'PgUp/b', description: 'a page up' },
  { id: 'reader.top', scope: 'reader', keys: [k('home'), ch('g')], label: 'g/Home', description: 'to the top' },
  { id: 'reader.bottom', scope: 'reader', keys: [k('end'), ch('G')], label: 'G/End', description: 'to the end' },
  { id: 'reader.find', scope: 'reader', keys: [ch('/')], label: '/', description: 'search in the note', footer: 'find' },
  { id: 'reader.next-hit', scope: 'reader', keys: [ch('n')], label: 'n', description: 'next search hit' },
  { id: 'reader.prev-hit', scope: 'reader', keys: [ch('N')], label: 'N', description: 'previous search hit' },
  { id: 'reader.outline', scope: 'reader', keys: [ch('o')], label: 'o', description: 'outline: jump to a section', footer: 'outline' },
  {
    id: 'reader.quiz',
    scope: 'reader',
    keys: [ch('t')],
    label: 't',
    description: "test yourself: quiz on this note's service",
    footer: 'quiz',
  },
  {
    id: 'reader.half-down',
    scope: 'reader',
    keys: [ch('d', { ctrl: true })],
    label: 'Ctrl+D',
    description: 'half a page down',
  },
  { id: 'reader.half-up', scope: 'reader', keys: [ch('u', { ctrl: true })], label: 'Ctrl+U', description: 'half a page up' },
  { id: 'reader.next-section', scope: 'reader', keys: [ch(']')], label: ']', description: 'to the next section' },
  {
    id: 'reader.prev-section',
    scope: 'reader',
    keys: [ch('[')],
    label: '[',
    description: 'to the previous section (or the start of this one)',
  },
  {
    id: 'reader.edit',
    scope: 'reader',
    keys: [ch('e')],
    label: 'e',
    description: 'edit your own notes on this service ($VISUAL or $EDITOR); they show under "My notes"',
    footer: 'my notes',
  },
  { id: 'reader.back', scope: 'reader', keys: [ch('q'), k('escape')], label: 'q/Esc', description: 'back', footer: 'back' },

  { id: 'find.submit', scope: 'find', keys: [k('return')], label: 'Enter', description: 'search, jump to the first hit', footer: 'search' },
  { id: 'find.cancel', scope: 'find', keys: [k('escape')], label: 'Esc', description: 'cancel the search', footer: 'cancel' },

  { id: 'outline.down', scope: 'outline', keys: [k('downArrow'), ch('j')], label: '↓/j', description: 'next section', footer: 'move' },
  { id: 'outline.up', scope: 'outline', keys: [k('upArrow'), ch('k')], label: '↑/k', description: 'previous section' },
  { id: 'outline.jump', scope: 'outline', keys: [k('return')], label: 'Enter', description: 'jump to the section', footer: 'jump' },
  {
    id: 'outline.close',
    scope: 'outline',
    keys: [k('escape'), ch('o'), ch('q')],
    label: 'Esc/o',
    description: 'close the outline',
    footer: 'close',
  },

  {
    id: 'quiz-source.down',
    scope: 'quiz-source',
    keys: [k('downArrow'), ch('j')],
    label: '↓/j',
    description: 'next source (or service, or domain)',
    footer: 'move',
  },
  { id: 'quiz-source.up', scope: 'quiz-source', keys: [k('upArrow'), ch('k')], label: '↑/k', description: 'previous one' },
  {
    id: 'quiz-source.choose',
    scope: 'quiz-source',
    keys: [k('return')],
    label: 'Enter',
    description: 'start (or open the list of services/domains)',
    footer: 'start',
  },
  {
    id: 'quiz-source.length',
    scope: 'quiz-source',
    keys: [k('leftArrow'), k('rightArrow')],
    label: '←/→',
    description: 'questions per quiz: 10, 20, 40 or all',
    footer: 'length',
    footerKeys: '←/→',
  },

  { id: 'quiz-list.down', scope: 'quiz-list', keys: [k('downArrow'), ch('j')], label: '↓/j', description: 'next one', footer: 'move' },
  { id: 'quiz-list.up', scope: 'quiz-list', keys: [k('upArrow'), ch('k')], label: '↑/k', description: 'previous one' },
  { id: 'quiz-list.choose', scope: 'quiz-list', keys: [k('return')], label: 'Enter', description: 'start the quiz', footer: 'start' },
  {
    id: 'quiz-list.back',
    scope: 'quiz-list',
    keys: [ch('q'), k('escape')],
    label: 'q/Esc',
    description: 'back to the list of sources',
    footer: 'back',
  },

  {
    id: 'quiz-filter.type',
    scope: 'quiz-filter',
    keys: [],
    label: 'letters',
    description: 'filter the list (a name, an alias, a task number: sqs, ddb, 2.3)',
    footer: 'filter',
    footerKeys: 'type to',
  },
  {
    id: 'quiz-filter.down',
    scope: 'quiz-filter',
    keys: [k('downArrow'), ch('n', { ctrl: true })],
    label: '↓/Ctrl+N',
    description: 'next one',
    footer: 'move',
  },
  {
    id: 'quiz-filter.up',
    scope: 'quiz-filter',
    keys: [k('upArrow'), ch('p', { ctrl: true })],
    label: '↑/Ctrl+P',
    description: 'previous one',
  },
  { id: 'quiz-filter.page-down', scope: 'quiz-filter', keys: [k('pageDown')], label: 'PgDn', description: 'a page down' },
  { id: 'quiz-filter.page-up', scope: 'quiz-filter', keys: [k('pageUp')], label: 'PgUp', description: 'a page up' },
  { id: 'quiz-filter.choose', scope: 'quiz-filter', keys: [k('return')], label: 'Enter', description: 'start the quiz', footer: 'start' },
  {
    id: 'quiz-filter.back',
    scope: 'quiz-filter',
    keys: [k('escape')],
    label: 'Esc',
    description: 'back to the list of sources',
    footer: 'back',
  },

  {
    id: 'quiz-empty.back',
    scope: 'quiz-empty',
    keys: [k('return'), ch('q'), k('escape')],
    label: 'Enter/q',
    description: 'back to the list of sources, or to the screen the quiz started from',
    footer: 'back',
    footerKeys: 'Enter/q',
  },

  {
    id: 'quiz.pick',
    scope: 'quiz-question',
    keys: ['1', '2', '3', '4', '5', '6', 'a', 'b', 'c', 'd', 'e', 'f'].map((c) => ch(c)),
    label: '1–6/a–f',
    description: 'pick an answer (toggles for "choose 2/3")',
    footer: 'pick',
  },
  { id: 'quiz.submit', scope: 'quiz-question', keys: [k('return')], label: 'Enter', description: 'submit the answer', footer: 'submit' },
  {
    id: 'quiz.scroll-down',
    scope: 'quiz-question',
    keys: [k('downArrow'), k('pageDown')],
    label: '↓/PgDn',
    description: 'scroll a long question',
  },
  { id: 'quiz.scroll-up', scope: 'quiz-question', keys: [k('upArrow'), k('pageUp')], label: '↑/PgUp', description: 'scroll back' },
  {
    id: 'quiz.undo',
    scope: 'quiz-question',
    keys: [ch('u')],
    label: 'u',
    description: 'take back the answer to the previous question and ask it again',
  },
  {
    id: 'quiz.leave',
    scope: 'quiz-question',
    keys: [ch('q'), k('escape')],
    label: 'q',
    description: 'stop: the summary; a quiz started from a note, a drill or Progress goes straight back there',
    footer: 'stop',
  },

  {
    id: 'verdict.next',
    scope: 'quiz-verdict',
    keys: [k('return'), ch('n')],
    label: 'Enter/n',
    description: 'next question (rates a right answer Good)',
    footer: 'next',
  },
  {
    id: 'verdict.rate',
    scope: 'quiz-verdict',
    keys: ['2', '3', '4'].map((c) => ch(c)),
    label: '2/3/4',
    // Not in the footer: after a right answer the screen offers each key with the wait it
    // schedules ("2 hard 1d · 3 good 3d · 4 easy 8d"); after a wrong one there is no choice.
    description: 'after a right answer: it was Hard / Good / Easy, then next (each shown with its next review)',
  },
  {
    id: 'verdict.note',
    scope: 'quiz-verdict',
    keys: [ch('g')],
    label: 'g',
    description: 'open the note at the section this question tests (q comes back)',
    footer: 'note',
  },
  { id: 'verdict.flag', scope: 'quiz-verdict', keys: [ch('f')], label: 'f', description: 'flag or unflag the question', footer: 'flag' },
  {
    id: 'verdict.undo',
    scope: 'quiz-verdict',
    keys: [ch('u')],
    label: 'u',
    description: 'undo: take the answer back (the card and the flag as they were) and answer again',
    footer: 'undo',
  },
  {
    id: 'verdict.scroll-down',
    scope: 'quiz-verdict',
    keys: [k('downArrow'), k('pageDown'), ch('j')],
    label: '↓/j',
    description: 'scroll the explanation',
  },
  { id: 'verdict.scroll-up', scope: 'quiz-verdict', keys: [k('upArrow'), k('pageUp'), ch('k')], label: '↑/k', description: 'scroll back' },
  {
    id: 'verdict.leave',
    scope: 'quiz-verdict',
    keys: [ch('q'), k('escape')],
    label: 'q',
    description: 'stop: the summary; a quiz started from a note, a drill or Progress goes straight back there',
    footer: 'stop',
  },

  {
    id: 'summary.close',
    scope: 'quiz-summary',
    keys: [k('return'), ch('q'), k('escape')],
    label: 'Enter/q',
    description: 'back to the list of sources, or to the screen the quiz started from',
    footer: 'done',
  },
  {
    id: 'summary.undo',
    scope: 'quiz-summary',
    keys: [ch('u')],
    label: 'u',
    description: 'take back the last answer and ask it again',
    footer: 'undo',
  },

  {
    id: 'exam.pick',
    scope: 'exam',
    keys: ['1', '2', '3', '4', '5', '6', 'a', 'b', 'c', 'd', 'e', 'f'].map((c) => ch(c)),
    label: '1–6/a–f',
    description: 'pick an answer (toggles for "choose 2/3")',
    footer: 'pick',
  },
  {
    id: 'exam.next',
    scope: 'exam',
    keys: [k('rightArrow'), k('return'), ch('n')],
    label: '→/Enter/n',
    description: 'next question',
    footer: 'next',
  },
  { id: 'exam.prev', scope: 'exam', keys: [k('leftArrow'), ch('p')], label: '←/p', description: 'previous question', footer: 'prev' },
  { id: 'exam.mark', scope: 'exam', keys: [ch('m')], label: 'm', description: 'mark or unmark for review', footer: 'mark' },
  {
    id: 'exam.grid',
    scope: 'exam',
    keys: [ch('r')],
    label: 'r',
    description: 'review grid: every question, answered and marked',
    footer: 'review',
  },
  { id: 'exam.scroll-down', scope: 'exam', keys: [k('downArrow'), k('pageDown')], label: '↓/PgDn', description: 'scroll a long question' },
  { id: 'exam.scroll-up', scope: 'exam', keys: [k('upArrow'), k('pageUp')], label: '↑/PgUp', description: 'scroll back' },
  { id: 'exam.submit', scope: 'exam', keys: [ch('S')], label: 'S', description: 'submit the exam (asks first)', footer: 'submit' },
  { id: 'exam.leave', scope: 'exam', keys: [ch('q')], label: 'q', description: 'abandon the exam (asks first; nothing is recorded)' },
  { id: 'exam.confirm', scope: 'exam', keys: [ch('y')], label: 'y', description: 'confirm submit or abandon' },
  { id: 'exam.cancel', scope: 'exam', keys: [ch('n'), k('escape')], label: 'n/Esc', description: 'cancel submit or abandon' },

  {
    id: 'grid.move',
    scope: 'exam-grid',
    keys: [k('upArrow'), k('downArrow'), k('leftArrow'), k('rightArrow'), ch('h'), ch('j'), ch('k'), ch('l')],
    label: '←↑↓→/hjkl',
    description: 'move in the grid',
    footer: 'move',
    footerKeys: '←↑↓→',
  },
  { id: 'grid.jump', scope: 'exam-grid', keys: [k('return')], label: 'Enter', description: 'go to that question', footer: 'go' },
  { id: 'grid.close', scope: 'exam-grid', keys: [k('escape'), ch('r')], label: 'Esc/r', description: 'close the grid', footer: 'close' },

  {
    id: 'results.next',
    scope: 'exam-results',
    keys: [k('rightArrow'), ch('n')],
    label: '→/n',
    description: 'walk through the questions: next',
    footer: 'next',
  },
  {
    id: 'results.prev',
    scope: 'exam-results',
    keys: [k('leftArrow'), ch('p')],
    label: '←/p',
    description: 'previous question',
    footer: 'prev',
  },
  {
    id: 'results.filter',
    scope: 'exam-results',
    keys: [ch('f')],
    label: 'f',
    description: 'walk through all, the wrong, the marked or the unanswered questions (f again: the next)',
    footer: 'filter',
  },
  { id: 'results.scroll-down', scope: 'exam-results', keys: [k('downArrow'), k('pageDown'), ch('j')], label: '↓/j', description: 'scroll' },
  { id: 'results.scroll-up', scope: 'exam-results', keys: [k('upArrow'), k('pageUp'), ch('k')], label: '↑/k', description: 'scroll back' },
  {
    id: 'results.close',
    scope: 'exam-results',
    keys: [ch('q'), k('escape')],
    label: 'q',
    description: 'back to the list of sources',
    footer: 'done',
  },

  {
    id: 'exam-refused.back',
    scope: 'exam-refused',
    keys: [ch('q'), k('escape')],
    label: 'q/Esc',
    description: 'back to the list of sources',
    footer: 'back',
  },

  {
    id: 'progress.next-step',
    scope: 'progress',
    keys: [k('downArrow'), k('upArrow')],
    label: '↑/↓',
    description: 'choose a next step or a weak task statement',
    footer: 'choose',
  },
  {
    id: 'progress.go',
    scope: 'progress',
    keys: [k('return')],
    label: 'Enter',
    description: 'go: start that quiz or open that note',
    footer: 'go',
  },
  {
    id: 'progress.scroll-down',
    scope: 'progress',
    keys: [ch('j'), k('pageDown'), ch(' ')],
    label: 'j/PgDn',
    description: 'scroll the dashboard down',
    footer: 'scroll',
  },
  {
    id: 'progress.scroll-up',
    scope: 'progress',
    keys: [ch('k'), k('pageUp'), ch('b')],
    label: 'k/PgUp',
    description: 'scroll the dashboard up',
  },
  {
    id: 'progress.exam-date',
    scope: 'progress',
    keys: [ch('e')],
    label: 'e',
    description: 'set or clear your exam date',
    footer: 'exam date',
  },
  {
    id: 'progress-date.save',
    scope: 'progress-date',
    keys: [k('return')],
    label: 'Enter',
    description: 'save the exam date (empty clears it)',
    footer: 'save',
  },
  { id: 'progress-date.cancel', scope: 'progress-date', keys: [k('escape')], label: 'Esc', description: 'cancel', footer: 'cancel' },

  {
    id: 'calc.next-field',
    scope: 'calc-field',
    keys: [k('tab', { shift: false }), k('downArrow')],
    label: 'Tab/↓',
    description: 'next field',
    footer: 'next field',
  },
  {
    id: 'calc.prev-field',
    scope: 'calc-field',
    keys: [k('tab', { shift: true }), k('upArrow')],
    label: 'Shift+Tab/↑',
    description: 'previous field',
  },
  {
    id: 'calc.change',
    scope: 'calc-field',
    keys: [k('leftArrow'), k('rightArrow'), ch(' ')],
    label: '←/→/Space',
    description: 'change a choice (calculation, consistency, mode…)',
    footer: 'change',
  },
  {
    id: 'calc.drill',
    scope: 'calc-field',
    keys: [ch('d', { ctrl: true })],
    label: 'Ctrl+D',
    description: 'drill this case: a quiz question with these numbers',
    footer: 'drill',
  },
  { id: 'calc.scroll-down', scope: 'calc-field', keys: [k('pageDown')], label: 'PgDn', description: 'scroll the worked steps' },
  { id: 'calc.scroll-up', scope: 'calc-field', keys: [k('pageUp')], label: 'PgUp', description: 'scroll back' },
  {
    id: 'calc.leave',
    scope: 'calc-field',
    keys: [k('escape')],
    label: 'Esc',
    description: 'leave the fields (then q ? Tab 1–4 work)',
    footer: 'leave',
  },
  {
    id: 'calc.edit',
    scope: 'calc',
    keys: [k('return'), k('downArrow'), ch('/')],
    label: 'Enter//',
    description: 'back to the fields',
    footer: 'edit',
  },
  {
    id: 'calc.drill-now',
    scope: 'calc',
    keys: [ch('d'), ch('d', { ctrl: true })],
    label: 'd',
    description: 'drill this case',
    footer: 'drill',
  },

  // Every text field (the search box, find in a note, the calculator's fields, the exam
  // date) edits like a shell's line. Printable keys type; these edit.
  { id: 'text.move', scope: 'text', keys: [k('leftArrow'), k('rightArrow')], label: '←/→', description: 'move the cursor a character' },
  {
    id: 'text.start',
    scope: 'text',
    keys: [k('home'), ch('a', { ctrl: true })],
    label: 'Home/Ctrl+A',
    description: 'to the start of the line',
  },
  { id: 'text.end', scope: 'text', keys: [k('end'), ch('e', { ctrl: true })], label: 'End/Ctrl+E', description: 'to the end of the line' },
  {
    id: 'text.delete-back',
    scope: 'text',
    keys: [k('backspace')],
    label: 'Backspace',
    description: 'delete the character before the cursor',
  },
  { id: 'text.delete-forward', scope: 'text', keys: [k('delete')], label: 'Delete', description: 'delete the character under the cursor' },
  {
    id: 'text.kill-to-start',
    scope: 'text',
    keys: [ch('u', { ctrl: true })],
    label: 'Ctrl+U',
    description: 'delete from the start of the line to the cursor',
  },
  {
    id: 'text.kill-to-end',
    scope: 'text',
    keys: [ch('k', { ctrl: true })],
    label: 'Ctrl+K',
    description: 'delete from the cursor to the end of the line',
  },
  {
    id: 'text.kill-word',
    scope: 'text',
    keys: [ch('w', { ctrl: true })],
    label: 'Ctrl+W',
    description: 'delete the word before the cursor',
  },
] as const satisfies readonly Binding[];

/** Every key id of the table, e.g. 'reader.down'. */
export type KeyId = (typeof BINDINGS)[number]['id'];

const byId = new Map<string, Binding>(BINDINGS.map((b) => [b.id, b]));

function specMatches(spec: KeySpec, input: string, key: Key): boolean {
  if (spec.ctrl !== undefined && spec.ctrl !== key.ctrl) return false;
  if (spec.ctrl === undefined && key.ctrl) return false;
  if (spec.shift !== undefined && spec.shift !== key.shift) return false;
  if (spec.key) return key[spec.key] === true;
  return input === spec.input && !key.meta;
}

export function isKey(id: KeyId, input: string, key: Key): boolean {
  return binding(id).keys.some((spec) => specMatches(spec, input, key));
}

export function binding(id: KeyId): Binding {
  // The type admits only ids of the table, so this holds unless a caller casts.
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
  const rows: readonly Binding[] = BINDINGS;
  const shown = rows.filter((b) => b.footer && scopes.includes(b.scope));
  const global = rows.filter(
    (b) => b.footer && b.scope === 'global' && (globals === 'all' || (globals === 'help' && b.id === 'global.help')),
  );
  return [...shown, ...global].map((b) => `${b.footerKeys ?? firstKey(b.label)} ${b.footer}`).join(' · ');
}

export const SCOPE_TITLES: Record<Scope, string> = {
  global: 'Everywhere (outside a text box)',
  menu: 'Services: search and list',
  reader: 'Note reader',
  find: 'Search in a note',
  outline: 'Outline',
  'quiz-source': 'Quiz: choosing a source',
  'quiz-list': 'Quiz: a short list (exam domains)',
  'quiz-filter': 'Quiz: a list that filters as you type (services, task statements)',
  'quiz-empty': 'Quiz: no questions for that source',
  'quiz-question': 'Quiz: a question',
  'quiz-verdict': 'Quiz: after answering',
  'quiz-summary': 'Quiz: summary',
  exam: 'Exam simulation',
  'exam-grid': 'Exam: review grid',
  'exam-results': 'Exam: results',
  'exam-refused': 'Exam: another awsnotes runs one',
  'calc-field': 'Calculator: typing in a field',
  calc: 'Calculator',
  progress: 'Progress',
  'progress-date': 'Progress: typing the exam date',
  text: 'Text boxes (search, find, calculator fields, exam date)',
};
