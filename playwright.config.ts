import { defineConfig } from '@playwright/test';

export default defineConfig({
  // Each test launches its own Chromium with a fresh profile; two cores run two at most.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e' },
    // Writes docs/screenshots; run by `npm run screenshots`, not by `npm test`.
    { name: 'screenshots', testDir: 'tests/screenshots', fullyParallel: false },
    // Measures; run by `npm run bench`, never by `npm test` (tests do not time things). Its own
    // output folder: an e2e run clears test-results/, which would take the bench's copy of the
    // extension from under a bench running at the same time.
    { name: 'bench', testDir: 'tests/bench', outputDir: 'test-results-bench', timeout: 20 * 60_000, use: { trace: 'off' } },
  ],
});
