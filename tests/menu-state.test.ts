// A list to choose from (the Quiz screen's sources, services, domains), without rendering.
import { describe, expect, it } from 'vitest';
import { fitMenu, initialMenu, moveMenu } from '../src/ui/components/menu-state.js';

describe('a menu', () => {
  it('moves the selection and wraps around at both ends', () => {
    expect(moveMenu(initialMenu, 1, 8, 20)).toEqual({ selected: 1, start: 0 });
    expect(moveMenu(initialMenu, -1, 8, 20)).toEqual({ selected: 7, start: 0 });
    expect(moveMenu({ selected: 7, start: 0 }, 1, 8, 20)).toEqual({ selected: 0, start: 0 });
  });

  it('shows a window of a long list that follows the selection, moving as little as it can', () => {
    let state = initialMenu;
    for (let i = 0; i < 5; i++) state = moveMenu(state, 1, 30, 5);
    expect(state).toEqual({ selected: 5, start: 1 });
    state = moveMenu(state, -1, 30, 5);
    expect(state).toEqual({ selected: 4, start: 1 });
    expect(moveMenu({ selected: 1, start: 1 }, -1, 30, 5)).toEqual({ selected: 0, start: 0 });
    expect(moveMenu(initialMenu, -1, 30, 5)).toEqual({ selected: 29, start: 25 });
    expect(moveMenu({ selected: 29, start: 25 }, 1, 30, 5)).toEqual({ selected: 0, start: 0 });
  });

  it('keeps the selection when the list or the window changes size, within the list', () => {
    expect(fitMenu({ selected: 6, start: 2 }, 8, 20)).toEqual({ selected: 6, start: 0 });
    expect(fitMenu({ selected: 6, start: 0 }, 4, 20)).toEqual({ selected: 3, start: 0 });
    expect(fitMenu({ selected: 6, start: 0 }, 30, 3)).toEqual({ selected: 6, start: 4 });
    expect(fitMenu({ selected: 6, start: 0 }, 0, 3)).toEqual(initialMenu);
    expect(moveMenu({ selected: 2, start: 0 }, 1, 0, 3)).toEqual(initialMenu);
  });
});
