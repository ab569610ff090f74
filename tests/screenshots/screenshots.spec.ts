// Screenshots of the real, built extension for docs/screenshots, in English and Dutch, light and
// dark. Not part of `npm test`: run `npm run screenshots` (it builds first) after a visible change.
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { seedNotes } from '../e2e/seed';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const SCHEMES = ['light', 'dark'] as const;
// A fixed moment and a fixed prompt, so regenerated pictures change only when the UI does.
const NOW = new Date(2026, 10, 25, 14, 20).getTime();

async function steady(page: Page, colorScheme: 'light' | 'dark') {
  await page.addInitScript(() => {
    Math.random = () => 0.42;
  });
  await page.emulateMedia({ colorScheme });
}

for (const uiLanguage of ['en_US', 'nl'] as const) {
  const lang = uiLanguage.slice(0, 2);
  test.describe(`screenshots ${lang}`, () => {
    test.use({ uiLanguage });

    test('popup and pause window', async ({ context, extensionId }) => {
      for (const colorScheme of SCHEMES) {
        const popup = await context.newPage();
        await steady(popup, colorScheme);
        // A popup grows to fit its content: a short viewport and a full-page shot show exactly that.
        await popup.setViewportSize({ width: 352, height: 200 });
        await popup.goto(`chrome-extension://${extensionId}/popup.html`);
        await popup.locator('.pause-status').waitFor();
        await popup.screenshot({ path: `${OUT}/popup-${lang}-${colorScheme}.png`, fullPage: true });
        await popup.close();

        const pause = await context.newPage();
        await steady(pause, colorScheme);
        await pause.setViewportSize({ width: 440, height: 600 });
        await pause.goto(`chrome-extension://${extensionId}/pause.html`);
        await pause.locator('.breath-circle').waitFor();
        // The first breath in takes 4 s: the picture shows the circle nearly full while the cue still says "in".
        await pause.waitForTimeout(3500);
        await pause.screenshot({ path: `${OUT}/pause-breathing-${lang}-${colorScheme}.png` });
        await pause.locator('.breathing button').click();
        await pause.locator('textarea').waitFor();
        await pause.mouse.move(0, 0);
        await pause.screenshot({ path: `${OUT}/pause-prompt-${lang}-${colorScheme}.png` });
        await pause.close();
      }
    });

    test('journal, insights, prompts, backup, privacy and settings', async ({ context, extensionId, extension }) => {
      await extension.storeNotes(seedNotes(400, NOW));
      for (const colorScheme of SCHEMES) {
        const page = await context.newPage();
        await steady(page, colorScheme);
        await page.setViewportSize({ width: 1100, height: 900 });
        for (const section of ['journal', 'insights', 'prompts', 'backup', 'privacy', 'settings']) {
          await page.goto(`chrome-extension://${extensionId}/options.html#${section}`);
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await page.waitForTimeout(300);
          await page.screenshot({ path: `${OUT}/options-${section}-${lang}-${colorScheme}.png` });
        }
        await page.close();
      }
    });

    test('the lock: on, and the locked journal', async ({ context, extensionId, extension, t }) => {
      await extension.storeNotes(seedNotes(40, NOW));
      const page = await context.newPage();
      await steady(page, 'light');
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.goto(`chrome-extension://${extensionId}/options.html#privacy`);
      const passphrase = 'a few unrelated words';
      await page.getByLabel(t.lockPassphrase, { exact: true }).fill(passphrase);
      await page.getByLabel(t.lockRepeatPassphrase).fill(passphrase);
      await page.getByRole('checkbox').check();
      await page.getByRole('button', { name: t.lockTurnOn }).click();
      await page.getByRole('button', { name: t.lockRecoveryKept }).click();
      await expect(page.getByRole('button', { name: t.lockNow })).toBeVisible();
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${OUT}/options-privacy-on-${lang}-${colorScheme}.png` });
      }
      await page.getByRole('button', { name: t.lockNow }).click();
      await page.goto(`chrome-extension://${extensionId}/options.html#journal`);
      await expect(page.getByRole('button', { name: t.unlockButton })).toBeVisible();
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${OUT}/options-locked-${lang}-${colorScheme}.png` });
      }
      await page.close();
    });
  });
}
