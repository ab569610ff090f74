// Looking back from where a person writes (issue 13): "Last time" under the answer in the popup
// and the pause window, and "How do you feel?" beside it, in real Chromium with the built
// extension, in English and Dutch: reached and used by keyboard alone, following "Hide answers"
// and the journal lock, and clean under axe in light and dark.
import type { Locator, Page } from '@playwright/test';
import { PROMPTS } from '@/content/prompts';
import type { Locale } from '@/utils/i18n/locale';
import { lookingBackMessages, type LookingBackMessages } from '@/utils/i18n/looking-back';
import type { Note } from '@/utils/model/records';
import { promptText } from '@/utils/prompts/pick';
import { addDays, HOUR } from '@/utils/time';
import { expectNoSeriousViolations } from './axe';
import { expect, test as base } from './fixtures';
import { pressToClose } from './pages/extension-page';
import { PAUSE_WINDOW, PausePage } from './pages/pause-page';
import { PrivacyPage } from './pages/privacy-page';

const PASSPHRASE = 'a lantern by the canal';

/** Presses Tab until `target` has focus, as a person finding a control would; fails if it cannot be reached that way. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reachable with the Tab key').toBeFocused({ timeout: 1 });
}

/** The prompt a page shows, found by its heading. */
async function shownPrompt(heading: Locator, locale: Locale): Promise<(typeof PROMPTS)[number]> {
  const text = await heading.textContent();
  const prompt = PROMPTS.find((candidate) => (candidate.kind === 'step' ? candidate.title[locale] : candidate.text[locale]) === text);
  if (!prompt) throw new Error(`no prompt is headed "${text}"`);
  return prompt;
}

/** One earlier answer to every prompt, written three weeks ago, so whichever prompt opens has a last time. */
function earlierAnswers(locale: Locale): Note[] {
  const at = addDays(Date.now(), -21) + 12 * HOUR;
  return PROMPTS.map((prompt, i) => ({
    id: `earlier-${i}`,
    promptId: prompt.id,
    promptText: promptText(prompt, locale),
    promptKind: prompt.kind,
    locale,
    answer: `Earlier answer ${i} to ${prompt.id}`,
    createdAt: at,
    updatedAt: at,
    source: 'popup',
  }));
}

/** What a page shows of "Last time". */
function lastTime(page: Page) {
  const details = page.locator('details.last-time');
  return { details, summary: details.locator('summary'), answer: details.locator('.note-answer') };
}

/** Opens "Last time" on a page with a click, and waits for its answer to show. */
async function openLastTime(page: Page): Promise<void> {
  await lastTime(page).summary.click();
  await expect(lastTime(page).answer).toBeVisible();
}

/** The place kept for the feelings, and the feelings in it: the place must hold them without growing. */
async function expectFeelingsFitTheirPlace(page: Page): Promise<void> {
  // They load after the first paint.
  await expect(page.locator('.feeling-picker-place > :first-child')).toBeVisible();
  const { held, kept } = await page.evaluate(() => {
    const place = document.querySelector('.feeling-picker-place')!;
    return { held: place.firstElementChild!.getBoundingClientRect().height, kept: parseFloat(getComputedStyle(place).minHeight) };
  });
  expect(held, 'the feelings fit the place kept for them, so Save does not move when they appear').toBeLessThanOrEqual(kept);
}

const test = base.extend<{ lb: LookingBackMessages; openPause: (viewport?: typeof PAUSE_WINDOW) => Promise<PausePage> }>({
  lb: async ({ locale }, use) => use(lookingBackMessages(locale)),
  /** The pause window, opened as the toolbar icon does while an offer is open. */
  openPause: async ({ context, extensionId, t }, use) => use((viewport) => PausePage.open(context, extensionId, t, viewport)),
});

for (const uiLanguage of ['en_US', 'nl'] as const) {
  test.describe(`looking back from the popup and the pause window (${uiLanguage})`, () => {
    test.use({ uiLanguage });

    test('answer a prompt in the popup, meet it again, open "Last time" by keyboard and find that answer and all answers', async ({
      popup,
      context,
      extensionId,
      locale,
      t,
      lb,
    }) => {
      const answer = locale === 'nl' ? 'Ik vroeg om hulp.\nDat was spannend.' : 'I asked for help.\nThat felt exposed.';
      await popup.open();
      const prompt = await shownPrompt(popup.prompt, locale);
      await popup.write(answer);
      await popup.save();
      await expect(popup.status).toHaveText(t.saved);
      // A second answer begun and left: the popup opens on this prompt again.
      await popup.answer.pressSequentially('And then');
      await popup.close();

      await popup.open();
      await popup.page.bringToFront();
      await expect(popup.prompt).toHaveText(prompt.kind === 'step' ? prompt.title[locale] : prompt.text[locale]);
      await expect(popup.answer).toBeFocused();
      const last = lastTime(popup.page);
      await expect(last.summary).toHaveText(lb.lastTime(locale === 'nl' ? 'vandaag' : 'today'));
      await expect(last.answer).toBeHidden();
      await expectFeelingsFitTheirPlace(popup.page);

      // Where the prompt and the field sit in the page (not the viewport: reaching the summary by
      // keyboard may scroll a short window, which moves nothing on the page).
      const placeOf = (locator: Locator) =>
        locator.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return { x: box.left + scrollX, y: box.top + scrollY, width: box.width, height: box.height };
        });
      const places = { prompt: await placeOf(popup.prompt), field: await placeOf(popup.answer) };
      await tabTo(popup.page, last.summary);
      await popup.page.keyboard.press('Enter');
      await expect(last.details).toHaveAttribute('open', '');
      await expect(last.answer).toBeVisible();
      await expect(last.answer).toHaveText(answer);
      // Opening it moved neither the prompt nor the answer field, and left the new answer alone.
      expect({ prompt: await placeOf(popup.prompt), field: await placeOf(popup.answer) }).toEqual(places);
      await expect(popup.answer).toHaveValue('And then');

      const all = popup.page.getByRole('link', { name: lb.lastTimeAllAnswers });
      await tabTo(popup.page, all);
      const opened = context.waitForEvent('page');
      const closed = popup.page.waitForEvent('close');
      await pressToClose(popup.page, 'Enter');
      await expect(await opened).toHaveURL(`chrome-extension://${extensionId}/options.html#journal?prompt=${prompt.id}`);
      // Like the journal link below it, it leaves the popup behind.
      await closed;
    });

    test('with "Hide answers" on, last time’s answer stays blurred until focus rests on it', async ({
      extension,
      journal,
      popup,
      locale,
      t,
    }) => {
      await extension.storeNotes(earlierAnswers(locale));
      await journal.open();
      await journal.page.getByLabel(t.hideAnswers).check();

      await popup.open();
      await popup.page.bringToFront();
      const last = lastTime(popup.page);
      await last.summary.click();
      await expect(last.answer).toHaveText(/^Earlier answer \d to /);
      // The pointer is elsewhere: on the heading.
      await popup.prompt.hover();
      await expect(last.answer).toHaveCSS('filter', 'blur(6px)');
      await tabTo(popup.page, last.answer);
      await expect(last.answer).toHaveCSS('filter', 'none');
    });

    test('while the journal is locked, "Last time" says to unlock it and shows no text', async ({
      extension,
      popup,
      context,
      extensionId,
      locale,
      t,
      lb,
    }) => {
      await extension.storeNotes(earlierAnswers(locale));
      const privacy = await new PrivacyPage(context, extensionId, t).open();
      await privacy.turnOn(PASSPHRASE);
      await privacy.lockNow();

      await popup.open();
      const last = lastTime(popup.page);
      await expect(last.summary).toHaveText(lb.lastTime(locale === 'nl' ? '3 weken geleden' : '3 weeks ago'));
      await last.summary.click();
      const unlock = popup.page.getByRole('link', { name: lb.lastTimeLocked });
      await expect(unlock).toBeVisible();
      await expect(popup.page.getByText('Earlier answer')).toHaveCount(0);
      await expect(popup.page.getByRole('link', { name: lb.lastTimeAllAnswers })).toHaveCount(0);

      const opened = context.waitForEvent('page');
      await unlock.click();
      const journalTab = await opened;
      await expect(journalTab).toHaveURL(`chrome-extension://${extensionId}/options.html#journal`);
      await expect(journalTab.getByRole('heading', { level: 1, name: t.lockedTitle })).toBeVisible();
    });

    test('a feeling chosen by keyboard in the pause window is stored with the note', async ({ extension, openPause, locale, t, lb }) => {
      const answer = locale === 'nl' ? 'Drie keer ademen, en mijn schouders zakten.' : 'Three breaths, and my shoulders dropped.';
      const pause = await openPause();
      await pause.page.bringToFront();
      await pause.skipBreathing();
      await expect(pause.answer).toBeFocused();
      await expectFeelingsFitTheirPlace(pause.page);
      await pause.page.keyboard.type(answer);

      const group = pause.page.getByRole('group', { name: lb.feelingsLabel });
      const calm = group.getByRole('button', { name: lb.feelingCalm });
      const pressed = group.getByRole('button', { pressed: true });
      await expect(pressed).toHaveCount(0);
      await tabTo(pause.page, calm);
      await pause.page.keyboard.press('Space');
      await expect(calm).toHaveAttribute('aria-pressed', 'true');
      // A second press clears it, a third chooses it again: a choice can be taken back.
      await pause.page.keyboard.press('Enter');
      await expect(pressed).toHaveCount(0);
      await pause.page.keyboard.press('Enter');
      await expect(pressed).toHaveText([lb.feelingCalm]);

      await tabTo(pause.page, pause.button(t.save));
      await pause.page.keyboard.press('Enter');
      await expect(pause.page.getByRole('heading', { name: t.savedPause })).toBeVisible();
      const notes = await extension.storedNotes();
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ answer, source: 'pause', feeling: 'calm' });
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds nothing serious with "Last time" open and a feeling chosen, ${colorScheme}`, async ({
        extension,
        popup,
        openPause,
        locale,
        lb,
      }) => {
        const where = (page: string) => `${page} (${locale}, ${colorScheme})`;
        await extension.storeNotes(earlierAnswers(locale));

        await popup.open();
        await popup.page.emulateMedia({ colorScheme });
        await openLastTime(popup.page);
        await popup.page.getByRole('button', { name: lb.feelingLight }).click();
        await expect(popup.page.getByRole('button', { name: lb.feelingLight })).toHaveAttribute('aria-pressed', 'true');
        await expectNoSeriousViolations(popup.page, where('popup'));

        const pause = await openPause();
        await pause.page.emulateMedia({ colorScheme });
        await pause.skipBreathing();
        await openLastTime(pause.page);
        await pause.page.getByRole('button', { name: lb.feelingHeavy }).click();
        await expect(pause.page.getByRole('button', { name: lb.feelingHeavy })).toHaveAttribute('aria-pressed', 'true');
        await expectNoSeriousViolations(pause.page, where('pause window'));
      });
    }

    test('at 200 % zoom the feelings and "Last time" fit the popup and the pause window', async ({
      extension,
      popup,
      openPause,
      locale,
    }) => {
      await extension.storeNotes(earlierAnswers(locale));
      await popup.open();
      // What 200 % zoom leaves of each in CSS pixels (tests/e2e/accessibility.spec.ts).
      await popup.page.setViewportSize({ width: 352, height: 300 });
      const pause = await openPause({ width: 220, height: 300 });
      await pause.skipBreathing();
      for (const page of [popup.page, pause.page]) {
        await openLastTime(page);
        const outside = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const parts = [...document.querySelectorAll('.feeling-picker button, .last-time summary, .last-time p, .last-time a')];
          return {
            sideways: document.documentElement.scrollWidth > width,
            outside: parts.filter((part) => part.getBoundingClientRect().right > width).map((part) => part.textContent),
          };
        });
        expect(outside, page.url()).toEqual({ sideways: false, outside: [] });
      }
    });
  });
}
