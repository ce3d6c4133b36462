import { Box, type Key, Text, useApp } from 'ink';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReaderPlace } from '../browse/reader.js';
import { services } from '../content/bundle.js';
import type { Question } from '../content/types.js';
import type { OwnProblem } from '../own/types.js';
import type { NextAction } from '../progress/report.js';
import type { ProgressStore } from '../progress/store.js';
import type { Source } from '../quiz/sources.js';
import { Frame, type ScreenTab } from './components/Frame.js';
import { HelpOverlay, helpLines } from './components/HelpOverlay.js';
import { KeysProvider } from './input.js';
import { BINDINGS, footerText, isKey, type Scope } from './keys.js';
import { laterScreens, loadLaterScreens } from './screens/later.js';
import type { QuizScreenHandle, QuizStart } from './screens/QuizScreen.js';
import { type ServicesScreenHandle, ServicesScreen, warmSearch } from './screens/ServicesScreen.js';
import { type InputMode, MODES } from './screens/types.js';
import { ColorContext, ROLE_STYLE } from './theme.js';
import type { AppTerminal } from './terminal.js';
import { problemBanner, useOwnNotes } from './useOwnNotes.js';
import { type Size, useTerminalSize } from './useTerminalSize.js';

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

/** The longest wording that fits the width. */
export function tooSmallMessage(columns: number): string {
  const need = `${MIN_COLUMNS}×${MIN_ROWS}`;
  const variants = [`terminal too small (need ${need})`, `too small (need ${need})`, `need ${need}`, need];
  return variants.find((v) => v.length <= columns) ?? need;
}

export type ScreenId = 'services' | 'quiz' | 'calc' | 'progress';

const TABS: (ScreenTab & { id: ScreenId; mode: InputMode })[] = [
  { id: 'services', title: 'Services', mode: 'search-box' },
  { id: 'quiz', title: 'Quiz', mode: 'quiz-source' },
  { id: 'calc', title: 'Calculator', mode: 'calc-field' },
  { id: 'progress', title: 'Progress', mode: 'progress' },
];

/** Where the app opens: a screen, and for the quiz a source or the exam. */
export interface AppStart {
  screen: ScreenId;
  source?: Source | { kind: 'exam' };
  /** Questions a quiz asks (`awsnotes quiz --count N`). */
  count?: number;
}

export interface AppProps {
  store: ProgressStore;
  color: boolean;
  /** Called once with the exit code before the app unmounts. */
  onExit(code: number): void;
  start?: AppStart;
  /** Fixed size for tests; the real terminal's size otherwise. */
  size?: Size;
  /**
   * The terminal the app runs in (run.tsx, terminal.ts): Ctrl+Z stops the app, and `e` in
   * the reader lends it to the learner's editor. Absent in tests.
   */
  terminal?: AppTerminal;
  /** The environment the editor is chosen from ($VISUAL, $EDITOR); process.env by default. */
  env?: Record<string, string | undefined>;
  /** The problems found loading the learner's own files before the first frame. */
  ownProblems?: readonly OwnProblem[];
}

const ALL_SCOPES = [...new Set(BINDINGS.map((b) => b.scope))] as Scope[];
const SCREEN_IDS = TABS.map((t) => t.id);

export function App({ store, color, onExit, start, size: fixedSize, terminal: session, env = process.env, ownProblems = [] }: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const { columns, rows } = fixedSize ?? terminal;
  const [screen, setScreen] = useState<ScreenId>(start?.screen ?? 'services');
  // A screen is mounted the first time it is shown, then kept (hidden) so its state lives on.
  const [visited, setVisited] = useState<ReadonlySet<ScreenId>>(() => new Set([start?.screen ?? 'services']));
  const goTo = (id: ScreenId) => {
    setScreen(id);
    setVisited((seen) => (seen.has(id) ? seen : new Set([...seen, id])));
  };
  // Each screen derives the mode of its focused part from its state and reports it; the
  // current screen's mode rules the global keys and the footer.
  const [modes, setModes] = useState<Record<ScreenId, InputMode>>(
    () => Object.fromEntries(TABS.map((t) => [t.id, t.mode])) as Record<ScreenId, InputMode>,
  );
  const reportMode = useMemo(
    () =>
      Object.fromEntries(
        SCREEN_IDS.map((id) => [id, (next: InputMode) => setModes((m) => (m[id] === next ? m : { ...m, [id]: next }))]),
      ) as Record<ScreenId, (mode: InputMode) => void>,
    [],
  );
  const [help, setHelp] = useState<{ offset: number } | null>(null);
  const [notice, setNotice] = useState(() => store.notices.splice(0).join(' '));
  const showNotice = useCallback((text: string) => setNotice(text), []);
  const own = useOwnNotes({ dir: store.dir, env, terminal: session, initialProblems: ownProblems, onNotice: showNotice });
  const banner = problemBanner(own.problems);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(() => new Set(Object.keys(store.read().notesRead)));
  // The screens the first frame does not show are loaded just after it (see later.ts);
  // until then, what they are asked to open waits here and is opened when they mount.
  const [quizStart, setQuizStart] = useState<QuizStart | null>(() => (start?.source ? { source: start.source } : null));
  const [noteStart, setNoteStart] = useState<string | null>(null);
  const places = useMemo(
    () => ({ get: (id: string) => store.notePlace(id), save: (id: string, place: ReaderPlace) => store.saveNotePlace(id, place) }),
    [store],
  );
  const quiz = useRef<QuizScreenHandle>(null);
  const servicesScreen = useRef<ServicesScreenHandle>(null);
  // The menu's first frame needs only the menu: the other screens' code arrives just after
  // it, then the notes and the search index are parsed and the search run once, so the
  // first Enter or keystroke in the search box waits for none of it.
  // (When the app opens on one of those screens, run.tsx has loaded them already; the
  // content is warmed all the same.)
  const [later, setLater] = useState(laterScreens);
  const warmWidth = useRef(columns);
  useEffect(() => {
    void loadLaterScreens().then((screens) => {
      setLater(screens);
      setTimeout(() => {
        services();
        warmSearch(warmWidth.current);
      }, 0);
    });
  }, []);

  const mode = modes[screen];
  const rules = MODES[mode];

  const quit = (code: number) => {
    onExit(code);
    exit();
  };
  // Header, footer, and one spare row: a frame as tall as the terminal makes Ink clear the
  // whole screen on every render (flicker, lost scrollback).
  const bodyHeight = rows - 3 - (notice ? 1 : 0) - (banner ? 1 : 0);
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;

  /** The global keys, asked before the screen's: true when the key was one of them. */
  const globalKey = (input: string, key: Key): boolean => {
    if (isKey('global.interrupt', input, key)) {
      quit(130);
      return true;
    }
    if (session && isKey('global.suspend', input, key)) {
      session.suspend();
      return true;
    }
    if (notice) setNotice('');
    if (help) {
      const max = Math.max(0, helpLines(ALL_SCOPES).length - (bodyHeight - 1));
      if (key.downArrow || input === 'j' || key.pageDown)
        setHelp({ offset: Math.min(max, help.offset + (key.pageDown ? bodyHeight - 2 : 1)) });
      else if (key.upArrow || input === 'k' || key.pageUp)
        setHelp({ offset: Math.max(0, help.offset - (key.pageUp ? bodyHeight - 2 : 1)) });
      else if (isKey('global.help', input, key) || key.escape || input === 'q') setHelp(null);
      return true;
    }
    if (rules.text) return false;
    if (isKey('global.help', input, key)) {
      setHelp({ offset: 0 });
      return true;
    }
    if (!rules.quit && isKey('global.quit', input, key)) {
      quit(0);
      return true;
    }
    const index = TABS.findIndex((t) => t.id === screen);
    if (isKey('global.next-screen', input, key)) goTo(TABS[(index + 1) % TABS.length]!.id);
    else if (isKey('global.prev-screen', input, key)) goTo(TABS[(index - 1 + TABS.length) % TABS.length]!.id);
    else if (!rules.digits && isKey('global.screen', input, key)) {
      const target = TABS[Number(input) - 1];
      if (target) goTo(target.id);
    } else return false;
    return true;
  };

  /** A quiz started from another screen goes back there when it ends (q from its summary): one level back. */
  const startQuiz = (source: Source, drill?: Question, from: ScreenId = screen) => {
    const request: QuizStart = { source, ...(drill ? { drill } : {}), ...(from !== 'quiz' ? { returnTo: from } : {}) };
    if (quiz.current) quiz.current.start(request);
    else setQuizStart(request);
    goTo('quiz');
  };
  const act = (action: NextAction) => {
    if (action.kind === 'quiz') return startQuiz(action.source);
    if (servicesScreen.current) servicesScreen.current.open(action.service);
    else {
      setNoteStart(action.service);
      markRead(action.service);
    }
    goTo('services');
  };
  const markRead = (id: string) => {
    store.markRead(id);
    setReadIds(new Set(Object.keys(store.read().notesRead)));
    const messages = store.notices.splice(0);
    if (messages.length) setNotice(messages.join(' '));
  };

  const active = (id: ScreenId) => help === null && !tooSmall && screen === id;
  // Screens stay mounted while hidden, so their state survives switching and resizing.
  const slot = (id: ScreenId, node: (() => ReactNode) | undefined) => (
    <Box key={id} display={!help && screen === id ? 'flex' : 'none'} flexDirection="column">
      {visited.has(id) || screen === id ? node ? node() : <Text {...ROLE_STYLE.muted}>loading…</Text> : null}
    </Box>
  );

  const footer = help ? '↑/↓ scroll · ? or Esc close' : footerText(rules.footer, rules.globals);
  return (
    <ColorContext.Provider value={color}>
      <KeysProvider global={globalKey}>
        {/* Too small: one line, but the screens stay mounted so nothing is lost until it grows. */}
        {tooSmall ? <Text wrap="truncate">{tooSmallMessage(columns)}</Text> : null}
        <Box display={tooSmall ? 'none' : 'flex'}>
          <Frame tabs={TABS} current={screen} width={columns} footer={footer} notice={notice} banner={banner}>
            {help ? <HelpOverlay scopes={ALL_SCOPES} height={bodyHeight} offset={help.offset} /> : null}
            {slot('services', () => (
              <ServicesScreen
                ref={servicesScreen}
                active={active('services')}
                width={columns}
                height={bodyHeight}
                readIds={readIds}
                initialNote={noteStart}
                places={places}
                onMode={reportMode.services}
                onQuiz={(service) => startQuiz({ kind: 'service', service })}
                onEdit={own.edit}
                contentVersion={own.version}
                onOpen={markRead}
              />
            ))}
            {slot(
              'quiz',
              later &&
                (() => (
                  <later.QuizScreen
                    ref={quiz}
                    active={active('quiz')}
                    width={columns}
                    height={bodyHeight}
                    store={store}
                    initial={quizStart}
                    initialLength={start?.count}
                    onReturn={goTo}
                    onMode={reportMode.quiz}
                    onNotice={showNotice}
                  />
                )),
            )}
            {slot(
              'progress',
              later &&
                (() => (
                  <later.ProgressScreen
                    active={active('progress')}
                    width={columns}
                    height={bodyHeight}
                    store={store}
                    onMode={reportMode.progress}
                    onAction={act}
                  />
                )),
            )}
            {slot(
              'calc',
              later &&
                (() => (
                  <later.CalculatorScreen
                    active={active('calc')}
                    width={columns}
                    height={bodyHeight}
                    onMode={reportMode.calc}
                    onDrill={(drill) => startQuiz({ kind: 'drills' }, drill)}
                  />
                )),
            )}
          </Frame>
        </Box>
      </KeysProvider>
    </ColorContext.Provider>
  );
}
