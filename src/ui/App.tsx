import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useState, type ReactNode } from 'react';
import { services } from '../content/bundle.js';
import type { ProgressStore } from '../progress/store.js';
import type { Question } from '../content/types.js';
import type { NextAction } from '../progress/report.js';
import type { Source } from '../quiz/sources.js';
import { Frame, type ScreenTab } from './components/Frame.js';
import { HelpOverlay, helpLines } from './components/HelpOverlay.js';
import { BINDINGS, footerText, isKey, type Scope } from './keys.js';
import { laterScreens, loadLaterScreens } from './screens/later.js';
import type { QuizRequest } from './screens/QuizScreen.js';
import { ServicesScreen, warmSearch } from './screens/ServicesScreen.js';
import { MODES, type InputMode } from './screens/types.js';
import { ColorContext, ROLE_STYLE } from './theme.js';
import { useTerminalSize, type Size } from './useTerminalSize.js';

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
}

export interface AppProps {
  store: ProgressStore;
  color: boolean;
  /** Called once with the exit code before the app unmounts. */
  onExit(code: number): void;
  start?: AppStart;
  /** Fixed size for tests; the real terminal's size otherwise. */
  size?: Size;
}

const ALL_SCOPES = [...new Set(BINDINGS.map((b) => b.scope))] as Scope[];

export function App({ store, color, onExit, start, size: fixedSize }: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const { columns, rows } = fixedSize ?? terminal;
  const [screen, setScreen] = useState<ScreenId>(start?.screen ?? 'services');
  // Each screen reports the mode of its focused part; the current screen's mode rules.
  const [modes, setModes] = useState<Record<ScreenId, InputMode>>(
    () => Object.fromEntries(TABS.map((t) => [t.id, t.mode])) as Record<ScreenId, InputMode>,
  );
  const [help, setHelp] = useState<{ offset: number } | null>(null);
  const [notice, setNotice] = useState(() => store.notices.splice(0).join(' '));
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(() => new Set(Object.keys(store.read().notesRead)));
  const [quizRequest, setQuizRequest] = useState<QuizRequest | null>(() => (start?.source ? { source: start.source, nonce: 1 } : null));
  // The menu's first frame needs only the menu: the other screens' code arrives just after
  // it, then the notes and the search index are parsed and the search run once, so the
  // first Enter or keystroke in the search box waits for none of it.
  // (When the app opens on one of those screens, run.tsx has loaded them already; the
  // content is warmed all the same.)
  const [later, setLater] = useState(laterScreens);
  useEffect(() => {
    void loadLaterScreens().then((screens) => {
      setLater(screens);
      setTimeout(() => {
        services();
        warmSearch(columns);
      }, 0);
    });
  }, []);
  // A screen is mounted the first time it is shown, then kept (hidden) so its state lives on.
  const [visited, setVisited] = useState<ReadonlySet<ScreenId>>(() => new Set([start?.screen ?? 'services']));
  useEffect(() => {
    if (!visited.has(screen)) setVisited(new Set([...visited, screen]));
  }, [screen]);

  const mode = modes[screen];
  const rules = MODES[mode];
  const setMode = (id: ScreenId) => (next: InputMode) => setModes((m) => (m[id] === next ? m : { ...m, [id]: next }));

  const quit = (code: number) => {
    onExit(code);
    exit();
  };
  // Header, footer, and one spare row: a frame as tall as the terminal makes Ink clear the
  // whole screen on every render (flicker, lost scrollback).
  const bodyHeight = rows - 3 - (notice ? 1 : 0);
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;

  useInput((input, key) => {
    if (isKey('global.interrupt', input, key)) return quit(130);
    if (notice) setNotice('');
    if (help) {
      const max = Math.max(0, helpLines(ALL_SCOPES).length - (bodyHeight - 1));
      if (key.downArrow || input === 'j' || key.pageDown)
        setHelp({ offset: Math.min(max, help.offset + (key.pageDown ? bodyHeight - 2 : 1)) });
      else if (key.upArrow || input === 'k' || key.pageUp)
        setHelp({ offset: Math.max(0, help.offset - (key.pageUp ? bodyHeight - 2 : 1)) });
      else if (isKey('global.help', input, key) || key.escape || input === 'q') setHelp(null);
      return;
    }
    if (rules.text) return;
    if (isKey('global.help', input, key)) return setHelp({ offset: 0 });
    if (!rules.quit && isKey('global.quit', input, key)) return quit(0);
    const index = TABS.findIndex((t) => t.id === screen);
    if (isKey('global.next-screen', input, key)) setScreen(TABS[(index + 1) % TABS.length]!.id);
    else if (isKey('global.prev-screen', input, key)) setScreen(TABS[(index - 1 + TABS.length) % TABS.length]!.id);
    else if (!rules.digits && isKey('global.screen', input, key)) {
      const target = TABS[Number(input) - 1];
      if (target) setScreen(target.id);
    }
  });

  const startQuiz = (source: Source, drill?: Question) => {
    setQuizRequest((r) => ({ source, nonce: (r?.nonce ?? 0) + 1, ...(drill ? { drill } : {}) }));
    setScreen('quiz');
  };
  const showNotice = (text: string) => setNotice(text);
  const [noteRequest, setNoteRequest] = useState<{ service: string; nonce: number } | null>(null);
  const act = (action: NextAction) => {
    if (action.kind === 'quiz') return startQuiz(action.source);
    setNoteRequest((r) => ({ service: action.service, nonce: (r?.nonce ?? 0) + 1 }));
    setScreen('services');
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
      {/* Too small: one line, but the screens stay mounted so nothing is lost until it grows. */}
      {tooSmall ? <Text wrap="truncate">{tooSmallMessage(columns)}</Text> : null}
      <Box display={tooSmall ? 'none' : 'flex'}>
        <Frame tabs={TABS} current={screen} width={columns} footer={footer} notice={notice}>
          {help ? <HelpOverlay scopes={ALL_SCOPES} height={bodyHeight} offset={help.offset} /> : null}
          {slot('services', () => (
            <ServicesScreen
              active={active('services')}
              width={columns}
              height={bodyHeight}
              readIds={readIds}
              onMode={setMode('services')}
              onQuiz={(service) => startQuiz({ kind: 'service', service })}
              openRequest={noteRequest}
              onOpen={(id) => {
                store.markRead(id);
                setReadIds(new Set(Object.keys(store.read().notesRead)));
                const messages = store.notices.splice(0);
                if (messages.length) setNotice(messages.join(' '));
              }}
            />
          ))}
          {slot(
            'quiz',
            later &&
              (() => (
                <later.QuizScreen
                  active={active('quiz')}
                  width={columns}
                  height={bodyHeight}
                  store={store}
                  request={quizRequest}
                  onMode={setMode('quiz')}
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
                  onMode={setMode('progress')}
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
                  onMode={setMode('calc')}
                  onDrill={(drill) => startQuiz({ kind: 'drills' }, drill)}
                />
              )),
          )}
        </Frame>
      </Box>
    </ColorContext.Provider>
  );
}
