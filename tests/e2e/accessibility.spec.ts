import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SECTIONS } from './pages/journal-page';
import { PausePage } from './pages/pause-page';
import { seedNotes } from './seed';

/** Enough notes for day headings, several cards and a filled calendar; few enough to seed fast. */
const NOTES = seedNotes(40, Date.now(), 11);
const SCHEMES = ['light', 'dark'] as const;

/**
 * Runs axe on the page as it is now and fails on every serious or critical violation, each named
 * with its rule, its elements and what to fix, so the failure message alone says what broke.
 */
async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  // Legacy mode runs axe in the page itself instead of finishing in a new blank tab per scan; it
  // only gives up cross-origin frames, and the extension's pages have no frames at all.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}. ${node.failureSummary ?? ''}`,
      ),
    );
  expect(serious, `axe on ${where}`).toEqual([]);
}

for (const uiLanguage of ['en_US', 'nl'] as const) {
  test.describe(`axe in ${uiLanguage}`, () => {
    test.use({ uiLanguage });

    test('no serious or critical violation on the popup, the pause window and every journal section, light and dark', async ({
      extension,
      popup,
      journal,
      context,
      extensionId,
      locale,
      t,
    }) => {
      // Eighteen full scans in one browser: a few seconds each, far more on a busy two-core machine.
      test.setTimeout(4 * 60_000);
      await extension.storeNotes(NOTES);
      await popup.open();
      const pause = await PausePage.open(context, extensionId, t);
      await journal.open();
      await expect(journal.notes.first()).toBeVisible();

      for (const colorScheme of SCHEMES) {
        const where = (page: string) => `${page} (${locale}, ${colorScheme})`;
        for (const page of [popup.page, pause.page, journal.page]) {
          await page.emulateMedia({ colorScheme });
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
        }

        await expect(popup.page.locator('html')).toHaveAttribute('lang', locale);
        await expectNoSeriousViolations(popup.page, where('popup'));

        await pause.page.reload();
        await expect(pause.breathingHeading).toBeVisible();
        await expectNoSeriousViolations(pause.page, where('pause window, breathing'));
        await pause.skipBreathing();
        await expect(pause.answer).toBeVisible();
        await expectNoSeriousViolations(pause.page, where('pause window, prompt'));

        for (const section of SECTIONS) {
          await journal.show(section);
          if (section === 'journal') await expect(journal.notes.first()).toBeVisible();
          if (section === 'insights') await expect(journal.page.getByRole('img', { name: t.insightsCalendarTitle })).toBeVisible();
          await expectNoSeriousViolations(journal.page, where(`options.html#${section}`));
          if (section === 'journal') {
            // A note being edited in place shows a field and buttons the list alone does not.
            await journal.notes.first().getByRole('button', { name: t.editNote }).click();
            await expect(journal.editField).toBeVisible();
            await expectNoSeriousViolations(journal.page, where('options.html#journal, editing a note'));
            await journal.editField.press('Escape');
            await expect(journal.editField).toHaveCount(0);
          }
        }
      }
    });
  });
}

test('the breathing circle moves, and stands still under reduced motion', async ({ context, extensionId, t }) => {
  const pause = await PausePage.open(context, extensionId, t);
  const circle = pause.breathCircle;
  const motion = () =>
    circle.evaluate((element) => ({
      running: element.getAnimations().filter((animation) => animation.playState === 'running').length,
      transform: getComputedStyle(element).transform,
    }));

  await pause.page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(pause.breathingHeading).toBeVisible();
  expect((await motion()).running).toBeGreaterThan(0);
  // It really changes size while it breathes.
  const start = (await motion()).transform;
  await expect.poll(async () => (await motion()).transform).not.toBe(start);

  // Turning reduced motion on stops it at once, and a fresh pause never starts it.
  await pause.page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await motion()).toEqual({ running: 0, transform: 'matrix(0.8, 0, 0, 0.8, 0, 0)' });
  await pause.page.reload();
  await expect(pause.breathingHeading).toBeVisible();
  await expect(circle).toBeVisible();
  expect(await motion()).toEqual({ running: 0, transform: 'matrix(0.8, 0, 0, 0.8, 0, 0)' });
});
