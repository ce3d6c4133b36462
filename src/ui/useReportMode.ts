import { useLayoutEffect } from 'react';
import type { InputMode } from './screens/types.js';

/**
 * Reports a screen's input mode, derived from its state, to the App whenever it changes.
 * null while a screen shown inside it (a note opened from the quiz) has the keys and
 * reports its own.
 */
export function useReportMode(onMode: (mode: InputMode) => void, mode: InputMode | null): void {
  useLayoutEffect(() => {
    if (mode) onMode(mode);
  }, [onMode, mode]);
}
