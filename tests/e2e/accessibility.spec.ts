import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { SECTIONS } from './pages/journal-page';
import { PAUSE_WINDOW, PausePage } from './pages/pause-page';
import { seedNotes } from './seed';

/** Enough notes for day headings, several cards and a filled calendar; few enough to seed fast. */
const NOTES = seedNotes(40, Date.now(), 11);
const SCHEMES = ['light', 'dark'] as const;

/**
 * What 200 % zoom leaves of each page in CSS pixels: half the window. The popup keeps its own CSS
 * width (22rem, which at 200 % still fits Chromium's 800 px popup limit) and gets half of the
 * 600 px popup height; the pause window is the one the background opens; the journal a 1280 × 800
 * window.
 */
const ZOOMED = {
  popup: { width: 352, height: 300 },
  pause: { width: PAUSE_WINDOW.width / 2, height: PAUSE_WINDOW.height / 2 },
  journal: { width: 640, height: 400 },
};

/**
 * Whatever keeps the page from being used at this size: sideways scrolling of the page, a control
 * that cannot be brought fully into view or is covered there, text that spills out of its box.
 * Boxes that scroll sideways on purpose (the calendar) may be wider inside, if a keyboard can
 * scroll them.
 */
async function expectUsable(page: Page, where: string): Promise<void> {
  const { controls, problems } = await page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const describe = (element: Element) => {
      const classes = [...element.classList].map((name) => `.${name}`).join('');
      const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
      return `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes}> "${text}"`;
    };
    // Screen-reader-only text is 1 px on purpose.
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return element.checkVisibility() && box.width > 1 && box.height > 1;
    };

    if (root.scrollWidth > root.clientWidth) {
      problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${root.clientWidth} px view`);
    }

    const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
      shown,
    );
    for (const control of controls) {
      control.scrollIntoView({ block: 'center', inline: 'center' });
      const box = control.getBoundingClientRect();
      if (box.left < 0 || box.top < 0 || box.right > root.clientWidth || box.bottom > root.clientHeight) {
        problems.push(
          `${describe(control)} does not fit in view: ${Math.round(box.left)},${Math.round(box.top)} to ${Math.round(box.right)},${Math.round(box.bottom)}`,
        );
        continue;
      }
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !control.contains(hit)) problems.push(`${describe(control)} is covered by ${hit ? describe(hit) : 'nothing'}`);
    }

    for (const element of [...document.body.querySelectorAll('*')].filter(shown)) {
      // Inline boxes have no client size of their own; their overflow shows in their block.
      if (element.clientWidth === 0 || element.matches('input, select, textarea')) continue;
      const style = getComputedStyle(element);
      const scrollsSideways = /auto|scroll/.test(style.overflowX) && element.matches('[tabindex="0"]');
      if (element.scrollWidth > element.clientWidth + 1 && !scrollsSideways) {
        problems.push(`${describe(element)} overflows sideways: ${element.scrollWidth} px in ${element.clientWidth}`);
      }
      if (element.scrollHeight > element.clientHeight + 1 && style.overflowY !== 'auto' && style.overflowY !== 'scroll') {
        problems.push(`${describe(element)} overflows downwards: ${element.scrollHeight} px in ${element.clientHeight}`);
      }
    }
    return { controls: controls.length, problems };
  });
  expect(controls, `controls checked on ${where}`).toBeGreaterThan(0);
  expect(problems, where).toEqual([]);
}

for (const uiLanguage of ['en_US', 'nl'] as const) {
  test.describe(`accessible in ${uiLanguage}`, () => {
    test.use({ uiLanguage });

    for (const colorScheme of SCHEMES) {
      test(`no serious or critical violation on the popup, the pause window and every journal section, ${colorScheme}`, async ({
        extension,
        popup,
        journal,
        context,
        extensionId,
        locale,
        t,
      }) => {
        // Nine full scans: a few seconds each, far more on a busy two-core machine.
        test.slow();
        const where = (page: string) => `${page} (${locale}, ${colorScheme})`;
        await extension.storeNotes(NOTES);
        await popup.open();
        const pause = await PausePage.open(context, extensionId, t);
        await journal.open();
        for (const page of [popup.page, pause.page, journal.page]) {
          await page.emulateMedia({ colorScheme });
          expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
        }

        await expect(popup.page.locator('html')).toHaveAttribute('lang', locale);
        await expectNoSeriousViolations(popup.page, where('popup'));

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
      });
    }

    test('at 200 % zoom the popup, the pause window and every journal section stay usable', async ({
      extension,
      popup,
      journal,
      context,
      extensionId,
      locale,
      t,
    }) => {
      await extension.storeNotes(NOTES);
      await popup.open();
      await popup.page.setViewportSize(ZOOMED.popup);
      await expectUsable(popup.page, `popup (${locale})`);

      const pause = await PausePage.open(context, extensionId, t, ZOOMED.pause);
      await expectUsable(pause.page, `pause window, breathing (${locale})`);
      await pause.skipBreathing();
      await expect(pause.answer).toBeVisible();
      await expectUsable(pause.page, `pause window, prompt (${locale})`);

      await journal.open(ZOOMED.journal);
      for (const section of SECTIONS) {
        await journal.show(section);
        if (section === 'journal') await expect(journal.notes.first()).toBeVisible();
        if (section === 'insights') await expect(journal.page.getByRole('img', { name: t.insightsCalendarTitle })).toBeVisible();
        await expectUsable(journal.page, `options.html#${section} (${locale})`);
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
