// Opening the progress store from a plain command, with its notices on stderr.
import { longReplayMessage, ProgressStore } from '../progress/store.js';
import type { Io } from './io.js';

export function openStore(io: Io): ProgressStore {
  return ProgressStore.open({ env: io.env, onLongReplay: (bytes) => io.err(`awsnotes: ${longReplayMessage(bytes)}\n`) });
}

export function reportNotices(store: ProgressStore, io: Io): void {
  for (const notice of store.notices.splice(0)) io.err(`awsnotes: ${notice}\n`);
}
