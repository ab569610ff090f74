import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Schedule tests use fixed local dates, including daylight-saving changes: pin a zone that has them.
process.env.TZ = 'Europe/Amsterdam';

export default defineConfig({
  // WxtVitest does not apply wxt.config's Vite plugins, so Preact's JSX transform is added here.
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // A ceiling for a hung test, not a measure: the lock's key derivation (600,000 rounds of PBKDF2)
    // alone took over 5 s, the default, with every core busy. Tests do not time things; the bench does.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
