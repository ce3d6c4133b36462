// The screens the menu's first frame does not show, with the quiz, scheduling and capacity
// logic behind them: a chunk of their own, loaded just after that frame (or before it, when
// the app opens on one of them).
type LaterScreens = typeof import('./later-screens.js');

let loaded: LaterScreens | undefined;
let loading: Promise<LaterScreens> | undefined;

export function laterScreens(): LaterScreens | undefined {
  return loaded;
}

export function loadLaterScreens(): Promise<LaterScreens> {
  loading ??= import('./later-screens.js').then((screens) => (loaded = screens));
  return loading;
}
