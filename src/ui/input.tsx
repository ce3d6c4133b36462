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
  /** Asks for the commit numbered `n`, after which `resume(n)` is called (set by the provider). */
  requestCommit: (n: number) => void = () => {};
  /** The commit the last key's frame is in: its state updates and this number render together. */
  private awaited = 0;

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

  /**
   * Called after each commit with its number: once the frame of the last key is drawn, the
   * next key may go. A commit for something else (a parent's re-render) does not count: the
   * key's own updates may not be in it.
   */
  resume(commit: number): void {
    if (!this.waiting || commit < this.awaited) return;
    this.waiting = false;
    this.next();
  }

  private next(): void {
    const press = this.queue.shift();
    if (!press) return;
    // Every key waits for the frame of the one before, including a key of a later write:
    // until that commit the handlers are those of the old frame ("4" right after the Esc that
    // leaves the search box would be typed into the box).
    this.waiting = true;
    this.deliver(press);
    this.requestCommit(++this.awaited);
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
  const [commit, setCommit] = useState(0);
  useLayoutEffect(() => {
    router.global = global;
    router.requestCommit = setCommit;
  });
  // After every commit of this provider; a parent's effects run after its children's, so
  // every handler of the new frame is in place. Deferred by a turn: a screen reports its
  // input mode from a layout effect, and the App's re-render for it comes after these
  // effects; the next key must see the new mode ("4" after the Esc that leaves the box).
  useEffect(() => {
    const turn = setImmediate(() => router.resume(commit));
    return () => clearImmediate(turn);
  });
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
