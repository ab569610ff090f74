import type { Locator, Page } from '@playwright/test';
import { feelingWord } from '@/utils/i18n/feelings';
import { lookingBackMessages } from '@/utils/i18n/looking-back';
import type { Feeling, Note } from '@/utils/model/records';
import { addDays, addMonths, MINUTE } from '@/utils/time';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { PausePage } from './pages/pause-page';
import { seedNotes } from './seed';

const NOW = Date.now();
const SCHEMES = ['light', 'dark'] as const;

/** `hour` o'clock on the local day containing `day`. */
const atHour = (day: number, hour: number) => new Date(day).setHours(hour, 0, 0, 0);

function note(id: string, createdAt: number, answer: string, feeling?: Feeling): Note {
  const base: Note = {
    id,
    promptId: 'q-beliefs',
    promptText: 'Which beliefs about vulnerability live in me?',
    promptKind: 'question',
    locale: 'en',
    answer,
    createdAt,
    updatedAt: createdAt,
    source: 'popup',
  };
  return feeling ? { ...base, feeling } : base;
}

/** Four hundred notes of the last three days: the year-old note is far down, past the pages read at first. */
const RECENT = seedNotes(400, NOW, 7).map((seeded, i) => {
  const createdAt = NOW - (400 - i) * 10 * MINUTE;
  return { ...seeded, createdAt, updatedAt: createdAt };
});
const WEEK = note(
  'week-ago',
  atHour(addDays(NOW, -7), 12),
  'A week ago I told my sister how nervous I was, and it was easier than expected. #moed',
);
// Two days after the day a month ago: said so.
const MONTH = note('month-ago', atHour(addDays(addMonths(NOW, -1), 2), 10), 'A month ago: a small step at the meeting, quiet but open.');
const YEAR = note(
  'year-ago',
  atHour(addMonths(NOW, -12), 9),
  'A year ago I wrote this, the first time I said out loud that asking for help is not weak at all, whatever I was taught.',
);

/** Presses Tab until `target` has focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

for (const uiLanguage of ['en_US', 'nl'] as const) {
  test.describe(`looking back in the journal, ${uiLanguage}`, () => {
    test.use({ uiLanguage });

    test('On this day shows a week, a month and a year ago, opens a note by keyboard, hides for today and follows the setting', async ({
      extension,
      journal,
      context,
      extensionId,
      t,
    }) => {
      await extension.storeNotes([YEAR, MONTH, WEEK, ...RECENT]);
      await journal.open();
      const page = journal.page;
      const row = page.getByRole('region', { name: t.onThisDayHeading });
      await expect(row).toBeVisible();
      const items = row.getByRole('listitem');
      await expect(items).toHaveText([
        `${t.onThisDayWeek} ${WEEK.answer}`,
        `${t.onThisDayMonth} (${t.onThisDayNear(2)}) ${MONTH.answer}`,
        `${t.onThisDayYear} A year ago I wrote this, the first time I said out loud that asking for help is not weak at all,…`,
      ]);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await expectNoSeriousViolations(page, `journal with On this day (${scheme})`);
      }

      // The year-old note is hundreds of notes down: Enter opens it, with focus on it.
      const yearItem = row.getByRole('button', { name: new RegExp(`^${t.onThisDayYear} `) });
      await tabTo(page, yearItem);
      await page.keyboard.press('Enter');
      const opened = page.locator(`#note-${YEAR.id}`);
      await expect(opened).toBeFocused();
      await expect(opened).toBeInViewport();
      await expect(opened).toContainText(YEAR.answer);
      // From the note, Tab goes on into it.
      await page.keyboard.press('Tab');
      await expect(opened.getByRole('button', { name: t.editNote })).toBeFocused();

      // Off in Settings (another tab): the row goes at once.
      const settings = await context.newPage();
      await settings.goto(`chrome-extension://${extensionId}/options.html#settings`);
      const box = settings.getByRole('checkbox', { name: t.onThisDaySetting });
      await tabTo(settings, box);
      await settings.keyboard.press('Space');
      await expect(box).not.toBeChecked();
      await settings.getByRole('button', { name: t.saveSettings }).click();
      await expect(settings.getByText(t.settingsSaved)).toBeVisible();
      await expect(row).toHaveCount(0);
      await box.check();
      await settings.getByRole('button', { name: t.saveSettings }).click();
      await expect(row).toBeVisible();
      await settings.close();

      // Hidden for today by keyboard, from the top of the page: focus goes to the search, and it stays hidden after a reload.
      await page.reload();
      await tabTo(page, row.getByRole('button', { name: t.onThisDayHide }));
      await page.keyboard.press('Enter');
      await expect(row).toHaveCount(0);
      await expect(journal.search).toBeFocused();
      await expect(page.locator('.toast')).toHaveText(t.onThisDayHidden);
      await page.reload();
      await expect(journal.notes.first()).toBeVisible();
      // The tags show once every note is indexed, well after the row would have: it does not.
      await expect(page.getByRole('group', { name: t.tagsLabel })).toBeVisible();
      await expect(row).toHaveCount(0);

      // The next day it is back.
      await page.clock.setFixedTime(addDays(NOW, 1) + 10 * 60 * MINUTE);
      await page.reload();
      await expect(row).toBeVisible();
    });

    test('a feeling chosen in the pause window shows in the journal, filters it, changes by keyboard and fills How days felt', async ({
      extension,
      journal,
      context,
      extensionId,
      locale,
      t,
    }) => {
      const words = lookingBackMessages(locale);
      const yesterday = note('tense-yesterday', atHour(addDays(NOW, -1), 9), 'Tense before the talk.', 'tense');
      await extension.storeNotes([yesterday, note('no-feeling', atHour(addDays(NOW, -1), 10), 'Nothing said about it.')]);

      const pause = await PausePage.open(context, extensionId, t);
      await pause.skipBreathing();
      await pause.answer.fill('I said what I needed, calmly.');
      const picker = pause.page.getByRole('group', { name: words.feelingsLabel });
      await picker.getByRole('button', { name: words.feelingCalm }).click();
      await expect(picker.getByRole('button', { name: words.feelingCalm })).toHaveAttribute('aria-pressed', 'true');
      await pause.save();
      await expect(pause.page.getByRole('heading', { level: 1, name: t.savedPause })).toBeVisible();

      await journal.open();
      const page = journal.page;
      const saved = journal.note('I said what I needed, calmly.');
      await expect(saved.getByText(t.feltCalm, { exact: true })).toBeVisible();
      await expect(journal.note(yesterday.answer).getByText(t.feltTense, { exact: true })).toBeVisible();

      // The feeling filter finds each.
      await page.getByRole('combobox', { name: t.feelingFilterLabel }).selectOption('calm');
      await expect(page.getByText(t.resultCount(1))).toBeVisible();
      await expect(journal.notes).toHaveCount(1);
      await expect(journal.notes.first()).toContainText('I said what I needed, calmly.');
      await page.getByRole('combobox', { name: t.feelingFilterLabel }).selectOption('tense');
      await expect(journal.notes).toHaveCount(1);
      await expect(journal.notes.first()).toContainText(yesterday.answer);
      await page.getByRole('button', { name: t.clearFilters }).click();
      await expect(page.getByText(t.noteCount(3))).toBeVisible();

      // Changed by keyboard: the chosen feeling has focus, Tab to the next, Enter stores it.
      await tabTo(page, saved.getByRole('button', { name: t.changeFeeling }));
      await page.keyboard.press('Enter');
      const choices = saved.getByRole('group', { name: t.feelingQuestion });
      await expect(choices.getByRole('button', { name: t.feelingCalm })).toBeFocused();
      await expect(choices.getByRole('button', { name: t.feelingCalm })).toHaveAttribute('aria-pressed', 'true');
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await expectNoSeriousViolations(page, `journal, choosing a feeling (${scheme})`);
      }
      await page.keyboard.press('Tab');
      await expect(choices.getByRole('button', { name: t.feelingLight })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(saved.getByText(t.feltLight, { exact: true })).toBeVisible();
      await expect(saved.getByRole('button', { name: t.changeFeeling })).toBeFocused();
      await expect(page.locator('.toast')).toHaveText(t.feelingSaved);
      await expect
        .poll(async () => (await extension.storedNotes()).find((stored) => stored.answer.startsWith('I said'))?.feeling)
        .toBe('light');

      // Insights: the switch by keyboard, the calendar and its table.
      await journal.show('insights');
      const answers = page.getByRole('radio', { name: t.insightsViewAnswers });
      await expect(answers).toBeChecked();
      await tabTo(page, answers);
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('radio', { name: t.insightsViewFeelings })).toBeChecked();
      const calendar = page.getByRole('img', { name: t.feelingsCalendarTitle });
      await expect(calendar).toBeVisible();
      await expect(calendar.locator('rect.feeling-light.today title')).toHaveText(new RegExp(`: ${feelingWord('light', t)} 1$`));
      await expect(calendar.locator('rect.feeling-tense title')).toHaveText(new RegExp(`: ${feelingWord('tense', t)} 1$`));
      await tabTo(page, page.getByText(t.insightsShowTable));
      await page.keyboard.press('Enter');
      const totals = page.getByRole('table', { name: t.feelingsTotalsCaption });
      await expect(totals.getByRole('row', { name: new RegExp(`^${t.feelingLight} 1$`) })).toBeVisible();
      await expect(totals.getByRole('row', { name: new RegExp(`^${t.feelingTense} 1$`) })).toBeVisible();
      await expect(totals.getByRole('row', { name: new RegExp(`^${t.feelingCalm} 0$`) })).toBeVisible();
      await expect(page.getByRole('table', { name: t.feelingsDaysCaption }).getByRole('row')).toHaveCount(3);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await expectNoSeriousViolations(page, `insights, how days felt (${scheme})`);
      }
    });

    test('#tags become filters: #Werk and #werk are one tag of two notes, and a keyboard filters by it', async ({
      extension,
      journal,
      t,
    }) => {
      await extension.storeNotes([
        note('tag-1', NOW - 3 * 60 * MINUTE, 'Een lastig gesprek #Werk'),
        note('tag-2', NOW - 2 * 60 * MINUTE, 'Again at #werk, and #thuis too'),
        note('tag-3', NOW - 60 * MINUTE, 'Nothing tagged, not even issue #3'),
      ]);
      await journal.open();
      const page = journal.page;
      const tags = page.getByRole('group', { name: t.tagsLabel });
      const werk = tags.getByRole('button', { name: `#Werk ${t.noteCount(2)}` });
      await expect(werk).toBeVisible();
      await expect(tags.getByRole('button', { name: /^#/ })).toHaveText([/^#Werk/, /^#thuis/]);
      await expect(werk).toHaveAttribute('aria-pressed', 'false');

      await tabTo(page, werk);
      await page.keyboard.press('Space');
      await expect(werk).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByText(t.resultCount(2))).toBeVisible();
      await expect(journal.notes).toHaveText([/Again at #werk/, /Een lastig gesprek #Werk/]);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await expectNoSeriousViolations(page, `journal filtered by a tag (${scheme})`);
      }

      // With the text search; then the tag pressed again clears its filter.
      await journal.search.fill('thuis');
      await expect(page.getByText(t.resultCount(1))).toBeVisible();
      await werk.focus();
      await page.keyboard.press('Enter');
      await expect(werk).toHaveAttribute('aria-pressed', 'false');
      await expect(page.getByText(t.resultCount(1))).toBeVisible();
      await journal.search.fill('');
      await expect(page.getByText(t.noteCount(3))).toBeVisible();
    });

    test('at 200 % zoom (half of a 1280 × 800 window) every new control fits without sideways scrolling', async ({
      extension,
      journal,
      t,
    }) => {
      await extension.storeNotes([
        YEAR,
        MONTH,
        WEEK,
        note('felt', NOW - 60 * MINUTE, 'Felt it today #werk #thuis #een-lange-tag-die-niet-past', 'calm'),
      ]);
      await journal.open({ width: 640, height: 400 });
      const page = journal.page;
      /** Whether the page scrolls sideways, and every control of `selector` that does not fit its width. */
      const overflow = (selector: string) =>
        page.evaluate((within) => {
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll(within)].flatMap((part) =>
            [...part.querySelectorAll('button, select, input, summary')]
              .filter((control) => control.getBoundingClientRect().right > width || control.getBoundingClientRect().left < 0)
              .map((control) => control.textContent),
          );
          return { sideways: document.documentElement.scrollWidth > width, wide };
        }, selector);

      await expect(page.getByRole('region', { name: t.onThisDayHeading }).getByRole('listitem')).toHaveCount(3);
      await expect(page.getByRole('group', { name: t.tagsLabel })).toBeVisible();
      await journal.note('Felt it today').getByRole('button', { name: t.changeFeeling }).click();
      await expect(page.getByRole('group', { name: t.feelingQuestion })).toBeVisible();
      expect(await overflow('.on-this-day, .journal-tools, .note')).toEqual({ sideways: false, wide: [] });

      await journal.show('insights');
      await page.getByRole('radio', { name: t.insightsViewFeelings }).check();
      await expect(page.getByRole('img', { name: t.feelingsCalendarTitle })).toBeVisible();
      await page.getByText(t.insightsShowTable).click();
      expect(await overflow('.insights')).toEqual({ sideways: false, wide: [] });
    });

    test('a link to a prompt (the popup’s Last time) opens its answers, clears like a filter, and applies while open', async ({
      extension,
      journal,
      extensionId,
      t,
    }) => {
      const step = { ...note('a-step', NOW - 60 * MINUTE, 'Started small today.'), promptId: 's-start-small', promptKind: 'step' as const };
      await extension.storeNotes([note('a-question', NOW - 2 * 60 * MINUTE, 'A belief I noticed.'), step]);
      await journal.open();
      const page = journal.page;
      await page.goto('about:blank');
      await page.goto(`chrome-extension://${extensionId}/options.html#journal?prompt=s-start-small`);
      await expect(page.getByText(t.resultCount(1))).toBeVisible();
      await expect(journal.notes).toHaveText([/Started small today\./]);
      await expect(page.getByRole('combobox', { name: t.promptFilterLabel })).toHaveValue('s-start-small');
      await expect(page.getByRole('heading', { name: t.promptViewHeading })).toBeVisible();

      await page.getByRole('button', { name: t.clearFilters }).click();
      await expect(page.getByText(t.noteCount(2))).toBeVisible();
      expect(new URL(page.url()).hash).toBe('#journal');

      await page.evaluate(() => {
        location.hash = '#journal?prompt=q-beliefs';
      });
      await expect(page.getByText(t.resultCount(1))).toBeVisible();
      await expect(journal.notes).toHaveText([/A belief I noticed\./]);
    });
  });
}
