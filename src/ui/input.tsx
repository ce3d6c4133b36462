// The app's one subscription to Ink's input. Every screen takes its keys through useKeys.
//
// Why one: keys that arrive in one write ("jj", "1\r", a paste) must be handled in order, each
// by whoever has the keys once the previous one has been handled. With a useInput per screen,
// every handler saw the whole write at once, with the state of the last frame. Here a write
// is split into keys (split-keys.ts); the first is handled at once and each next one after
// the frame the previous one caused has been committed, so the global keys, the screen that
// has the keys and its state are those a person typing slowly would have met.
//
// Text fields (ink-text-input) still take writes from Ink directly, as typed text. TextField
// tells the router when it has focus, and takes through useKeys only what Ink could not give
// it: Enter inside a typed write, and keys of a write that came before it had focus.
import { type Key, useInput } from 'ink';
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

/**
 * How a key came:
 * - `alone`: in a write of its own; every Ink input hook, text fields included, saw it.
 * - `typed`: in a write of several keys that came while a text field had focus, which
 *   took the whole write as text.
 * - `unseen`: in a write of several keys that came while no text field had focus.
 */
export type Arrival = 'alone' | 'typed' | 'unseen';

export type KeyHandler = (input: string, key: Key, arrival: Arrival) => void;
/** The app's global keys, asked first; true when it took the key. */
export type GlobalKeyHandler = (input: string, key: Key) => boolean;

interface Subscriber {
  handler: KeyHandler;
  active: boolean;
}

interface Queued extends KeyPress {
  arrival: Arrival;
}

export class KeyRouter {
  private readonly subscribers = new Set<RefObject<Subscriber>>();
  private readonly queue: Queued[] = [];
  /** A key was handled and its frame is not committed yet. */
  private waiting = false;
  private focusedTextFields = 0;
  global: GlobalKeyHandler | undefined;
  /** Asks for a commit after which `resume` is called (set by the provider). */
  requestCommit: () => void = () => {};

  subscribe(subscriber: RefObject<Subscriber>): () => void {
    this.subscribers.add(subscriber);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  textFieldFocused(): () => void {
    this.focusedTextFields++;
    return () => {
      this.focusedTextFields--;
    };
  }

  /** One input event from Ink. */
  receive(input: string, key: Key): void {
    const keys = splitKeys(input, key);
    const arrival: Arrival = keys.length === 1 ? 'alone' : this.focusedTextFields > 0 ? 'typed' : 'unseen';
    for (const press of keys) this.queue.push({ ...press, arrival });
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

  private deliver({ input, key, arrival }: Queued): void {
    if (this.global?.(input, key)) return;
    for (const subscriber of this.subscribers) {
      const { handler, active } = subscriber.current;
      if (active) handler(input, key, arrival);
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
  useInput(useCallback((input, key) => router.receive(input, key), [router]));
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

/** Tells the router that a text field has focus, so that writes go to it as typed text. */
export function useTextFocus(focused: boolean): void {
  const router = useRouter();
  useLayoutEffect(() => (focused ? router.textFieldFocused() : undefined), [router, focused]);
}
