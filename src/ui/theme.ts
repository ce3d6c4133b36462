// Semantic colour roles → Ink props, for the app's own <Text> labels (header, status
// lines). Styled note and list lines are drawn by StyledLine through render/ansi.ts,
// whose ROLE_SGR gives the same colours as SGR codes: change a colour in both. With colour
// off (NO_COLOR, FORCE_COLOR=0, TERM=dumb) anything that must stay visible (the
// selection, search matches) also has a textual marker.
import { createContext, useContext } from 'react';
import type { Role } from '../render/lines.js';

export interface RoleStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
}

export const ROLE_STYLE: Record<Role, RoleStyle> = {
  accent: { color: 'cyan' },
  muted: { color: 'gray' },
  success: { color: 'green' },
  error: { color: 'red' },
  warning: { color: 'yellow' },
  code: { color: 'magenta' },
  match: { color: 'black', backgroundColor: 'yellow' },
};

// Off unless the App turns it on (it knows NO_COLOR, FORCE_COLOR and TERM).
export const ColorContext = createContext(false);
export const useColor = () => useContext(ColorContext);
