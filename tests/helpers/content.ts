// The number of notes in content/services. The menu, `list` and `progress` show one row per
// note, so tests compare with this figure rather than a constant that each new note breaks.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const NOTE_COUNT = readdirSync(path.resolve(import.meta.dirname, '../../content/services')).filter((file) =>
  file.endsWith('.md'),
).length;
