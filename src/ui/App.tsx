import { Box, Text, useApp, useInput } from 'ink';
import { useState } from 'react';
import type { ProgressStore } from '../progress/store.js';
import { Frame, type ScreenTab } from './components/Frame.js';
import { HelpOverlay, helpLines } from './components/HelpOverlay.js';
import { footerText, isKey, type Scope } from './keys.js';
import { ServicesScreen } from './screens/ServicesScreen.js';
import { FOOTER, SUB_MODES, TEXT_MODES, type InputMode } from './screens/types.js';
import { ColorContext } from './theme.js';
import { useTerminalSize, type Size } from './useTerminalSize.js';

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

/** The longest wording that fits the width. */
export function tooSmallMessage(columns: number): string {
  const need = `${MIN_COLUMNS}×${MIN_ROWS}`;
  const variants = [`terminal too small (need ${need})`, `too small (need ${need})`, `need ${need}`, need];
  return variants.find((v) => v.length <= columns) ?? need;
}

const TABS: ScreenTab[] = [{ id: 'services', title: 'Services' }];

export interface AppProps {
  store: ProgressStore;
  color: boolean;
  /** Called once with the exit code before the app unmounts. */
  onExit(code: number): void;
  /** Fixed size for tests; the real terminal's size otherwise. */
  size?: Size;
}

export function App({ store, color, onExit, size: fixedSize }: AppProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const { columns, rows } = fixedSize ?? terminal;
  const [screen, setScreen] = useState(TABS[0]!.id);
  const [mode, setMode] = useState<InputMode>('search-box');
  const [help, setHelp] = useState<{ offset: number } | null>(null);
  const [notice, setNotice] = useState(() => store.notices.splice(0).join(' '));
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(() => new Set(Object.keys(store.read().notesRead)));

  const quit = (code: number) => {
    onExit(code);
    exit();
  };
  const allScopes: Scope[] = ['global', 'menu', 'reader', 'find', 'outline'];
  // Header, footer, and one spare row: a frame as tall as the terminal makes Ink clear the
  // whole screen on every render (flicker, lost scrollback).
  const bodyHeight = rows - 3 - (notice ? 1 : 0);

  useInput((input, key) => {
    if (isKey('global.interrupt', input, key)) return quit(130);
    if (notice) setNotice('');
    if (help) {
      const max = Math.max(0, helpLines(allScopes).length - (bodyHeight - 1));
      if (key.downArrow || input === 'j') setHelp({ offset: Math.min(max, help.offset + 1) });
      else if (key.upArrow || input === 'k') setHelp({ offset: Math.max(0, help.offset - 1) });
      else if (isKey('global.help', input, key) || key.escape || input === 'q') setHelp(null);
      return;
    }
    if (TEXT_MODES.has(mode)) return;
    if (isKey('global.help', input, key)) return setHelp({ offset: 0 });
    if (!SUB_MODES.has(mode) && isKey('global.quit', input, key)) return quit(0);
    const index = TABS.findIndex((t) => t.id === screen);
    if (isKey('global.next-screen', input, key)) setScreen(TABS[(index + 1) % TABS.length]!.id);
    else if (isKey('global.prev-screen', input, key)) setScreen(TABS[(index - 1 + TABS.length) % TABS.length]!.id);
    else if (isKey('global.screen', input, key)) {
      const target = TABS[Number(input) - 1];
      if (target) setScreen(target.id);
    }
  });

  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const footer = help ? '↑/↓ scroll · ? or Esc close' : footerText(FOOTER[mode].scopes, FOOTER[mode].globals);
  return (
    <ColorContext.Provider value={color}>
      {/* Too small: one line, but the screens stay mounted so nothing is lost until it grows. */}
      {tooSmall ? <Text wrap="truncate">{tooSmallMessage(columns)}</Text> : null}
      <Box display={tooSmall ? 'none' : 'flex'}>
      <Frame tabs={TABS} current={screen} width={columns} footer={footer} notice={notice}>
        {help ? <HelpOverlay scopes={allScopes} height={bodyHeight} offset={help.offset} /> : null}
        {/* Hidden, not unmounted, under the help overlay: its query and scroll survive. */}
        <Box display={help ? 'none' : 'flex'} flexDirection="column">
          <ServicesScreen
            active={help === null && !tooSmall}
            width={columns}
            height={bodyHeight}
            readIds={readIds}
            onMode={setMode}
            onOpen={(id) => {
              store.markRead(id);
              setReadIds(new Set(Object.keys(store.read().notesRead)));
              const messages = store.notices.splice(0);
              if (messages.length) setNotice(messages.join(' '));
            }}
          />
        </Box>
      </Frame>
      </Box>
    </ColorContext.Provider>
  );
}
