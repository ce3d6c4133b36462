// yoga-layout (inside Ink) loads its WebAssembly from a data: URL with fetch() whenever a
// fetch exists (see manifest.ts); in Node the first fetch() loads undici and its stream
// machinery to decode bytes that yoga decodes itself when there is none. So `fetch` is
// hidden while the app's modules evaluate, and put back after, also when loading fails.
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const hide = descriptor?.configurable === true;
  if (hide) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    if (hide) Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
