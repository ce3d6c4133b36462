// Run before each test file: what a file leaves behind is undone after it.
import { afterAll } from 'vitest';
import { installOwnContent } from '../src/content/bundle.js';
import { removeTempDirs } from './helpers/cli.js';

afterAll(() => {
  removeTempDirs();
  // The learner's notes and questions a test joined to the content.
  installOwnContent(undefined);
});
