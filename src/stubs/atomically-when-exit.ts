// atomically (conf's writer) imports when-exit, which on load adds listeners for SIGINT,
// SIGTERM and a dozen other signals, to remove its temporary files before the process
// dies. A signal with a listener no longer ends the process while it waits for the progress
// lock in Atomics.wait (progress/lock.ts): Ctrl+C would wait for the wait to end. awsnotes
// writes synchronously, so no temporary file is left in flight at exit, and one a killed
// writer leaves is removed by the next writer under the lock (progress/settings-file.ts).
// The bundle maps atomically's when-exit to this module, which registers nothing.
export default function whenExit(_callback: () => void): () => void {
  return () => {};
}
