// The number of service notes shipped in content/services, so that tests which check that
// every note is listed stay right when a note is added, without a count to edit by hand.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const NOTE_COUNT = readdirSync(path.resolve(import.meta.dirname, '../../content/services')).filter((file) =>
  file.endsWith('.md'),
).length;
