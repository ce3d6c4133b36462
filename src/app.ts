// The interactive app's entry in the bundle (dist/app.js): Ink, React and the screens,
// loaded by the plain-command stage only when a terminal session starts.
import { fileURLToPath } from 'node:url';
import { setContentDir } from './content/bundle.js';

setContentDir(fileURLToPath(new URL('./content/', import.meta.url)));

export { runApp } from './ui/run.js';
