// The app's one subscription to Ink's input. Every screen, and every text field, takes
// its keys through useKeys.
//
// Why one: keys that arrive in one write ("jj", "1\r", a paste) must be handled in order, each
// by whoever has the keys once the previous one has been handled. With a useInput per screen,
// every handler saw the whole write at once, with the state of the last frame. Here a write
// is split into keys (split-keys.ts); the first is handled at once and each next one after
// the frame the previous one caused has been committed, so the global keys, the screen that
// has the keys and its state are those a person typing slowly would have met. A text field
// gets a paste one character at a time, so an Enter in it submits what came before it.
import { type Key, useInput, useStdin } from 'ink';
import {
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { type KeyPress, splitKeys } from './split-keys.js';

export type KeyHandler = (input: string, key: Key) => void;
/** The app's global keys, asked first; true when it took the key. */
export type GlobalKeyHandler = (input: string, key: Key) => boolean;

interface Subscriber {
  handler: KeyHandler;
  active: boolean;
}

export class KeyRouter {
  private readonly subscribers = new Set<RefObject<Subscriber>>();
  private readonly queue: KeyPress[] = [];
  /** A key was handled and its frame is not committed yet. */
  private waiting = false;
  global: GlobalKeyHandler | undefined;
  /** Asks for a commit after which `resume` is called (set by the provider). */
  requestCommit: () => void = () => {};

  subscribe(subscriber: RefObject<Subscriber>): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /** One input event from Ink, and the bytes it came from (see splitKeys). */
  receive(input: string, key: Key, raw?: string): void {
    this.queue.push(...splitKeys(input, key, raw));
    if (!this.waiting) this.next();
  }

  /** Called after each commit: the frame of the last key is drawn, the next one may go. */
  resume(): void {
    if (!this.waiting) return;
    this.waiting = false;
    this.next();
  }

  private next(): void {
    const press = this.queue.shift();
    if (!press) return;
    this.deliver(press);
    if (this.queue.length > 0) {
      this.waiting = true;
      this.requestCommit();
    }
  }

  private deliver({ input, key }: KeyPress): void {
    if (this.global?.(input, key)) return;
    for (const subscriber of this.subscribers) {
      const { handler, active } = subscriber.current;
      if (active) handler(input, key);
    }
  }
}

const KeysContext = createContext<KeyRouter | null>(null);

export function KeysProvider({ global, children }: { global?: GlobalKeyHandler; children: ReactNode }) {
  const [router] = useState(() => new KeyRouter());
  const [, setCommits] = useState(0);
  useLayoutEffect(() => {
    router.global = global;
    router.requestCommit = () => setCommits((n) => n + 1);
  });
  // After every commit of this provider; a parent's effects run after its children's, so
  // every handler of the new frame is in place.
  useEffect(() => router.resume());
  // The bytes of each input event, which Ink's useInput does not pass on: they tell the
  // Backspace key from the Delete key. Subscribed before useInput's own listener (effects
  // run in order), so it is known when the key arrives.
  const { internal_eventEmitter: events } = useStdin();
  const raw = useRef<string | undefined>(undefined);
  useEffect(() => {
    const remember = (data: string) => {
      raw.current = data;
    };
    events.on('input', remember);
    return () => {
      events.off('input', remember);
    };
  }, [events]);
  useInput(useCallback((input, key) => router.receive(input, key, raw.current), [router]));
  return <KeysContext.Provider value={router}>{children}</KeysContext.Provider>;
}

function useRouter(): KeyRouter {
  const router = useContext(KeysContext);
  if (!router) throw new Error('useKeys needs a <KeysProvider> above it');
  return router;
}

/** The keys, one at a time, while `isActive`: the shared input hook of every screen. */
export function useKeys(handler: KeyHandler, { isActive = true }: { isActive?: boolean } = {}): void {
  const router = useRouter();
  const latest = useRef<Subscriber>({ handler, active: isActive });
  // Refreshed at commit, before the frame can bring another key.
  useLayoutEffect(() => {
    latest.current = { handler, active: isActive };
  });
  useLayoutEffect(() => router.subscribe(latest), [router]);
}
