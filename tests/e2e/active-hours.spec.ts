import type { Locator, Page } from '@playwright/test';
import type { Settings } from '@/utils/model/settings';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';

const SCHEMES = ['light', 'dark'] as const;

/** Presses Tab until `target` (or a part of it, as the fields of a time input) has focus. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reachable with the Tab key').toBeFocused({ timeout: 1 });
}

/**
 * Types a time of day into the focused time input as a person would: its fields take digits, and
 * in English a 12-hour clock also A or P.
 */
async function typeTime(page: Page, time: string, twelveHours: boolean): Promise<void> {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const two = (value: number) => String(value).padStart(2, '0');
  if (twelveHours) await page.keyboard.type(`${two(hours % 12 || 12)}${two(minutes)}${hours < 12 ? 'A' : 'P'}`);
  else await page.keyboard.type(`${two(hours)}${two(minutes)}`);
}

/** What storage.sync holds: the settings the background plans with. */
function storedSettings(page: Page): Promise<Settings> {
  return page.evaluate(async () => (await chrome.storage.sync.get('settings')).settings as Settings);
}

async function expectAxeClean(page: Page, where: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, `${where}, ${colorScheme}`);
  }
}

for (const uiLanguage of ['en_US', 'nl'] as const) {
  test.describe(`active hours in the settings (${uiLanguage})`, () => {
    test.use({ uiLanguage });

    test('a second range crossing midnight, added by keyboard, is stored; overlap, three ranges and removal read well', async ({
      journal,
      locale,
      t,
    }) => {
      // Several axe scans, slow on a busy two-core machine.
      test.slow();
      await journal.open();
      await journal.show('settings');
      const { page } = journal;
      const range = (place: number) => page.getByRole('group', { name: t.activeRangeLabel(place) });
      const from = (place: number) => range(place).getByLabel(t.activeFrom);
      const until = (place: number) => range(place).getByLabel(t.activeUntil);
      const add = page.getByRole('button', { name: t.addRange });
      const twelveHours = locale === 'en';

      await expect(from(1)).toHaveValue('09:00');
      await expect(until(1)).toHaveValue('18:00');
      await expectAxeClean(page, 'one range');

      // By keyboard: to "Add a range", Enter, and focus is in the new row.
      await tabTo(page, add);
      await page.keyboard.press('Enter');
      await expect(from(2)).toBeFocused();
      await typeTime(page, '22:00', twelveHours);
      await tabTo(page, until(2));
      await typeTime(page, '02:00', twelveHours);
      await expect(from(2)).toHaveValue('22:00');
      await expect(until(2)).toHaveValue('02:00');
      const nextDay = t.activeNextDay(locale === 'en' ? '2:00 AM' : '02:00');
      await expect(range(2).getByText(nextDay)).toBeVisible();
      await expect(until(2)).toHaveAccessibleDescription(nextDay);

      const discreet = page.getByRole('checkbox', { name: t.discreetOffers });
      await expect(discreet).toHaveAccessibleDescription(t.discreetHint);
      await tabTo(page, discreet);
      await page.keyboard.press('Space');
      await expect(discreet).toBeChecked();

      await page.getByRole('button', { name: t.saveSettings }).click();
      await expect(page.getByText(t.settingsSaved)).toBeVisible();
      const saved = await storedSettings(page);
      expect(saved.activeRanges).toEqual([
        { startMinutes: 9 * 60, endMinutes: 18 * 60 },
        { startMinutes: 22 * 60, endMinutes: 2 * 60 },
      ]);
      expect(saved.discreet).toBe(true);
      expect(saved).not.toHaveProperty('activeStartMinutes');
      await expectAxeClean(page, 'two ranges, one into the next day');

      // A third range that overlaps the first: refused, said under it, nothing stored.
      await add.click();
      await expect(from(3)).toBeFocused();
      await typeTime(page, '08:00', twelveHours);
      await tabTo(page, until(3));
      await typeTime(page, '10:00', twelveHours);
      await expect(add).toHaveAttribute('aria-disabled', 'true');
      await expect(add).toHaveAccessibleDescription(t.rangesFull(3));
      await page.getByRole('button', { name: t.saveSettings }).click();
      await expect(page.getByRole('alert')).toHaveText(t.settingsInvalid);
      // Sorted by start on Save: 08:00–10:00 comes first, and 09:00–18:00, which overlaps it, says so.
      await expect(from(1)).toHaveValue('08:00');
      const overlap = t.problemRangeOverlap(locale === 'en' ? '8:00 AM' : '08:00', locale === 'en' ? '10:00 AM' : '10:00');
      await expect(range(2).getByText(overlap)).toBeVisible();
      await expect(from(2)).toHaveAttribute('aria-invalid', 'true');
      await expect(until(2)).toHaveAccessibleDescription(overlap);
      expect((await storedSettings(page)).activeRanges).toEqual(saved.activeRanges);
      await expectAxeClean(page, 'three ranges, one refused');

      // At 200 % zoom (half the width) the rows wrap; nothing scrolls sideways.
      await page.setViewportSize({ width: 640, height: 400 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('.ranges input, .ranges button, .ranges p')]
          .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth)
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      expect(outside, 'every time, note and button of the ranges fits the width').toEqual([]);

      // Removing the overlapping range by keyboard: focus goes to "Add a range".
      const remove = page.getByRole('button', { name: t.removeRangeLabel(1) });
      await remove.focus();
      await page.keyboard.press('Enter');
      await expect(add).toBeFocused();
      await expect(range(3)).toHaveCount(0);
      await expect(from(1)).toHaveValue('09:00');
      // Its overlap went with it.
      await expect(from(1)).not.toHaveAttribute('aria-invalid');
      await expect(page.getByText(overlap)).toHaveCount(0);
      await page.getByRole('button', { name: t.saveSettings }).click();
      await expect(page.getByText(t.settingsSaved)).toBeVisible();
      expect((await storedSettings(page)).activeRanges).toEqual(saved.activeRanges);

      // What is stored is what the page shows after a reload.
      await page.reload();
      await expect(until(2)).toHaveValue('02:00');
      await expect(discreet).toBeChecked();
    });
  });
}
