// Store screenshots, 1280×800 as the Chrome Web Store and addons.mozilla.org take them, of the real
// built extension in English and Dutch: docs/store/{en,nl}-{1..5}-*.png. Run by `npm run screenshots`.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { seedNotes } from '../e2e/seed';

const OUT = resolve(import.meta.dirname, '../../docs/store');
const STORE = { width: 1280, height: 800 };
const NOW = new Date(2026, 10, 25, 14, 20).getTime();

async function open(context: BrowserContext, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  // The same prompt and calendar every time, so regenerated pictures change only when the UI does.
  await page.addInitScript(() => {
    Math.random = () => 0.42;
  });
  await page.setViewportSize(viewport);
  await page.goto(url);
  return page;
}

/** The small windows (popup, pause) at their real size, side by side on a quiet 1280×800 stage. */
async function stage(context: BrowserContext, shots: readonly Buffer[], path: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize(STORE);
  await page.evaluate(
    (sources) => {
      document.body.style.cssText =
        'margin:0;height:100vh;display:flex;gap:64px;align-items:center;justify-content:center;background:linear-gradient(160deg,#e8f1ee,#f7f3ea)';
      for (const src of sources) {
        const img = document.createElement('img');
        img.src = src;
        img.style.cssText = 'border-radius:12px;box-shadow:0 12px 40px rgba(30,60,50,.25);max-height:720px';
        document.body.append(img);
      }
    },
    shots.map((shot) => `data:image/png;base64,${shot.toString('base64')}`),
  );
  await page
    .locator('img')
    .last()
    .evaluate((img: HTMLImageElement) => img.decode());
  await page.screenshot({ path });
  await page.close();
}

/** Width and height from a PNG's header. */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const png = await readFile(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

for (const uiLanguage of ['en_US', 'nl'] as const) {
  const lang = uiLanguage.slice(0, 2);
  test.describe(`store screenshots ${lang}`, () => {
    test.use({ uiLanguage });

    test('five pictures at 1280×800', async ({ context, extensionId, extension }) => {
      test.setTimeout(120_000);
      await extension.storeNotes(seedNotes(400, NOW));
      const url = (file: string) => `chrome-extension://${extensionId}/${file}`;
      const written: string[] = [];

      const popup = await open(context, url('popup.html'), { width: 352, height: 200 });
      await popup.locator('.pause-status').waitFor();
      const popupShot = await popup.screenshot({ fullPage: true });
      const pause = await open(context, url('pause.html'), { width: 440, height: 600 });
      await pause.locator('.breath-circle').waitFor();
      // The first breath in takes 4 s: the picture shows the circle nearly full while the cue still says "in".
      await pause.waitForTimeout(3500);
      const breathingShot = await pause.screenshot();
      await pause.locator('.breathing button').click();
      await pause.locator('textarea').waitFor();
      await pause.mouse.move(0, 0);
      const promptShot = await pause.screenshot();
      written.push(`${OUT}/${lang}-1-popup-and-pause.png`);
      await stage(context, [popupShot, promptShot], written.at(-1)!);
      written.push(`${OUT}/${lang}-2-breathing.png`);
      await stage(context, [breathingShot], written.at(-1)!);

      for (const [index, section] of [
        [3, 'journal'],
        [4, 'insights'],
        [5, 'prompts'],
      ] as const) {
        const page = await open(context, url(`options.html#${section}`), STORE);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.waitForTimeout(300);
        written.push(`${OUT}/${lang}-${index}-${section}.png`);
        await page.screenshot({ path: written.at(-1)! });
        await page.close();
      }

      for (const path of written) expect(await pngSize(path), path).toEqual(STORE);
    });
  });
}
