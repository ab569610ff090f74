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
    // A popup grows to fit its content: a short viewport and full-page shots show exactly that.
    viewport: { width: 352, height: 200 },
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
      const lang = language.slice(0, 2);
      const file = join(OUT, `popup-${lang}-${colorScheme}.png`);
      // The pause status line loads after first paint; wait for it so the picture is whole.
      await page.locator('.pause-status').waitFor();
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
      await page.close();

      // The pause window, as the background opens it: the breathing step, then the prompt.
      const pause = await context.newPage();
      await pause.addInitScript(() => {
        Math.random = () => 0.42;
      });
      await pause.emulateMedia({ colorScheme });
      await pause.setViewportSize({ width: 440, height: 600 });
      await pause.goto(`chrome-extension://${id}/pause.html`);
      await pause.locator('.breath-circle').waitFor();
      // The first breath in takes 4 s: the picture shows the circle full.
      await pause.waitForTimeout(4200);
      for (const [step, next] of [['breathing', '.breathing button'], ['prompt', null]]) {
        const shot = join(OUT, `pause-${step}-${lang}-${colorScheme}.png`);
        await pause.screenshot({ path: shot });
        written.push(shot);
        if (next) {
          await pause.locator(next).click();
          // Away from the buttons, so no hover colour shows in the picture.
          await pause.mouse.move(0, 0);
          await pause.locator('textarea').waitFor();
        }
      }
      await pause.close();
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
console.log(`Screenshots written:\n${written.join('\n')}`);
