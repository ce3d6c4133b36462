// Every test sees the compiled content, as the app does after start-up.
import { beforeAll } from 'vitest';
import { loadContent } from '../src/content/bundle.js';

beforeAll(async () => {
  await loadContent();
});
