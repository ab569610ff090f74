import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:firefox`: Firefox ESR driven over WebDriver BiDi, and checks of what the builds
// contain. Plain Node, no fake browser; one file at a time, since Firefox is heavy on small machines.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // Starting Firefox takes 10–20 s on a busy machine; a hung one still ends the run.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
