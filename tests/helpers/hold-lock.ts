// Child process for the lock tests: takes a lock, says so on stdout, and holds it until killed.
import { acquireLock } from '../../src/progress/lock.js';

const [lockPath] = process.argv.slice(2);
const taken = acquireLock(lockPath!, { waitMs: 10_000 });
if (!taken.ok) {
  process.stderr.write(`could not take ${lockPath}\n`);
  process.exit(1);
}
process.stdout.write(`held ${process.pid}\n`);
setInterval(() => {}, 60_000);
