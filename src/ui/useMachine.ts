import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * A screen's state driven by its pure reducer. `dispatch` applies the event at once and
 * returns nothing: the screen's side effects (recording an answer, saving the exam) are
 * driven by `onChange`, from the state before and after, never by the reducer.
 *
 * Unlike React's useReducer, the new state exists as soon as dispatch returns, so the next
 * key, a timer or `onChange` itself always starts from it, never from the last frame's.
 * `step` and `onChange` are the latest render's (they may close over the layout).
 */
export function useMachine<S, E>(
  init: () => S,
  step: (state: S, event: E) => S,
  onChange?: (before: S, after: S) => void,
): [S, (event: E) => void] {
  const [state, setState] = useState(init);
  const current = useRef(state);
  const latest = useRef({ step, onChange });
  useLayoutEffect(() => {
    latest.current = { step, onChange };
  });
  const dispatch = useCallback((event: E) => {
    const before = current.current;
    const after = latest.current.step(before, event);
    if (after === before) return;
    current.current = after;
    setState(after);
    latest.current.onChange?.(before, after);
  }, []);
  return [state, dispatch];
}
