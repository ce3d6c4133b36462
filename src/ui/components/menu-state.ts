// A list to choose from, as a pure state: the selected item and the first item of the
// window shown. Moving past either end wraps around; the window follows the selection.
export interface MenuState {
  selected: number;
  /** First item of the visible window. */
  start: number;
}

export const initialMenu: MenuState = { selected: 0, start: 0 };

/** The window kept around the selection, `visible` items tall, for `count` items. */
function windowFor(selected: number, start: number, count: number, visible: number): number {
  const size = Math.max(1, visible);
  let first = Math.min(start, Math.max(0, count - size));
  if (selected < first) first = selected;
  if (selected >= first + size) first = selected - size + 1;
  return Math.max(0, first);
}

/** The selection moved by `by` (wrapping), over `count` items of which `visible` show. */
export function moveMenu(state: MenuState, by: number, count: number, visible: number): MenuState {
  if (count === 0) return initialMenu;
  const selected = (((state.selected + by) % count) + count) % count;
  return { selected, start: windowFor(selected, state.start, count, visible) };
}

/** The state for a list that changed length or height: the selection kept where it can be. */
export function fitMenu(state: MenuState, count: number, visible: number): MenuState {
  if (count === 0) return initialMenu;
  const selected = Math.min(state.selected, count - 1);
  return { selected, start: windowFor(selected, state.start, count, visible) };
}
