// Run before each test file. Test files share their worker's modules (isolate: false in
// vitest.config.ts), so what one file leaves behind in them is undone here.
import { afterAll } from 'vitest';
import { installOwnContent } from '../src/content/bundle.js';
import { removeTempDirs } from './helpers/cli.js';

afterAll(() => {
  removeTempDirs();
  // The learner's notes and questions a test joined to the content.
  installOwnContent(undefined);
});
