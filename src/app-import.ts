// How the CommonJS build imports the interactive app (dist/app.js, an ES module with
// top-level await): through the import() that cli.cjs's banner defines, since esbuild turns
// every import() of the CommonJS build into require() (scripts/bundle.ts).
//
// `fetch` is hidden while the app's modules evaluate. yoga-layout, inside Ink, loads its
// WebAssembly from a data: URL with fetch() whenever a fetch exists, and in Node the first
// fetch() loads undici and its stream machinery to decode bytes that yoga decodes itself
// when there is none: 10 to 20 ms of every start of the app on this machine.

declare const __awsnotesImportApp: () => Promise<typeof import('./app.js')>;

export async function importApp(): Promise<typeof import('./app.js')> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const hide = descriptor?.configurable === true;
  if (hide) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await __awsnotesImportApp();
  } finally {
    if (hide) Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
