// For `npm run bench`: with AWSNOTES_BENCH_FRAME_LOG=FILE, the first frame appends
// "<wall-clock ms> <rss bytes>" to FILE, so the bench can time launch-to-first-frame in a
// real terminal and read memory at that moment. Shared with the bench's baseline app.
import { appendFileSync } from 'node:fs';

export function firstFrameLogger(env: Record<string, string | undefined> = process.env): (() => void) | undefined {
  const file = env.AWSNOTES_BENCH_FRAME_LOG;
  if (!file) return undefined;
  let logged = false;
  return () => {
    if (logged) return;
    logged = true;
    appendFileSync(file, `${performance.timeOrigin + performance.now()} ${process.memoryUsage().rss}\n`);
  };
}
