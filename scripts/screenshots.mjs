// Screenshots of the real, built extension for docs/screenshots: the popup in English and Dutch,
// light and dark. Run with `npm run screenshots` (it builds first).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, extensionArgs, unpackedExtensionId } from './chromium.mjs';

const OUT = resolve(import.meta.dirname, '..', 'docs', 'screenshots');
await mkdir(OUT, { recursive: true });
const id = unpackedExtensionId();
const written = [];

for (const language of ['en_US', 'nl']) {
  const profile = await mkdtemp(join(tmpdir(), 'adempauze-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: extensionArgs(),
    env: { ...process.env, LANGUAGE: language },
    viewport: { width: 352, height: 470 },
    deviceScaleFactor: 2,
  });
  try {
    for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
      const page = await context.newPage();
      // The same prompt every run, so regenerated screenshots only change when the UI does.
      await page.addInitScript(() => {
        Math.random = () => 0.42;
      });
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const file = join(OUT, `popup-${language.slice(0, 2)}-${colorScheme}.png`);
      await page.screenshot({ path: file });
      written.push(file);
      await page.close();
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
console.log(`Screenshots written:\n${written.join('\n')}`);
