// Every open page shows the truth, in real Chromium: two journal tabs, the popup and the real
// background, each seeing what the others change without a reload; and no edit made from a stale
// tab silently replaces a newer one.
import type { BrowserContext } from '@playwright/test';
import type { LockMessages } from '@/utils/i18n/lock';
import { pausesMessages } from '@/utils/i18n/pauses';
import { HOUR } from '@/utils/time';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { ALWAYS_ACTIVE } from './pages/extension-state';
import { JournalPage } from './pages/journal-page';

async function twoJournals(context: BrowserContext, extensionId: string, t: LockMessages): Promise<[JournalPage, JournalPage]> {
  return [await new JournalPage(context, extensionId, t).open(), await new JournalPage(context, extensionId, t).open()];
}

test('a note saved in the popup appears in both open journal tabs, and a delete in one leaves the other', async ({
  context,
  extensionId,
  popup,
  t,
}) => {
  const [a, b] = await twoJournals(context, extensionId, t);
  await expect(a.page.getByText(t.notesEmpty)).toBeVisible();
  await popup.open();
  await popup.write('Written in the popup while the journal was open.');
  await popup.save();
  await expect(popup.status).toHaveText(t.saved);
  for (const journal of [a, b]) {
    await expect(journal.note('Written in the popup')).toBeVisible();
    await expect(journal.page.getByText(t.noteCount(1))).toBeVisible();
  }
  await a.note('Written in the popup').getByRole('button', { name: t.deleteNote }).click();
  await expect(b.notes).toHaveCount(0);
  await expect(b.page.getByText(t.notesEmpty)).toBeVisible();
});

for (const uiLanguage of ['en_US', 'nl'] as const) {
  test.describe(`two journal tabs edit the same note (${uiLanguage})`, () => {
    test.use({ uiLanguage });

    test('the stale tab is refused, sees the newer text, and keeps theirs, mine or both', async ({ context, extensionId, popup, t }) => {
      await popup.open();
      await popup.write('original');
      await popup.save();
      await expect(popup.status).toHaveText(t.saved);
      const [a, b] = await twoJournals(context, extensionId, t);
      const conflictIn = (journal: JournalPage) => journal.page.getByRole('alert').filter({ hasText: t.editConflict });

      /** B starts editing, A saves an edit first, then B saves from the version it started with. */
      async function collide(theirs: string, mine: string) {
        await b.notes.first().getByRole('button', { name: t.editNote }).click();
        await b.editField.fill(mine);
        await a.notes.first().getByRole('button', { name: t.editNote }).click();
        await a.editField.fill(theirs);
        await a.page.getByRole('button', { name: t.saveEdit }).click();
        await expect(a.note(theirs)).toBeVisible();
        await b.page.getByRole('button', { name: t.saveEdit }).click();
        await expect(conflictIn(b)).toBeVisible();
        await expect(conflictIn(b)).toContainText(theirs);
        // Refused: tab A still shows its own edit, and B's text is still in B's editor.
        await expect(a.note(theirs)).toBeVisible();
        await expect(b.editField).toHaveValue(mine);
      }

      await collide('theirs 1', 'mine 1');
      await b.page.getByRole('button', { name: t.keepTheirs }).click();
      for (const journal of [a, b]) await expect(journal.notes).toHaveText([new RegExp('theirs 1')]);

      await collide('theirs 2', 'mine 2');
      await b.page.getByRole('button', { name: t.keepMine }).click();
      for (const journal of [a, b]) await expect(journal.notes).toHaveText([new RegExp('mine 2')]);

      // The choice itself, by keyboard alone and with axe clean: focus lands on the choice (the
      // Save pressed is gone), and Tab reaches each button in turn.
      await collide('theirs 3', 'mine 3');
      for (const colorScheme of ['dark', 'light'] as const) {
        await b.page.emulateMedia({ colorScheme });
        await expectNoSeriousViolations(b.page, `the conflict in a journal tab (${uiLanguage}, ${colorScheme})`);
      }
      await expect(conflictIn(b)).toBeFocused();
      const keepBoth = b.page.getByRole('button', { name: t.keepBoth });
      for (let presses = 0; presses < 3 && !(await keepBoth.evaluate((button) => button === document.activeElement)); presses++) {
        await b.page.keyboard.press('Tab');
      }
      await expect(keepBoth).toBeFocused();
      await b.page.keyboard.press('Enter');
      for (const journal of [a, b]) {
        await expect(journal.page.getByText(t.noteCount(2))).toBeVisible();
        await expect(journal.note('theirs 3')).toBeVisible();
        await expect(journal.note('mine 3')).toBeVisible();
      }
    });
  });
}

test('settings, hidden prompts and the language chosen in one tab apply in the other', async ({ context, extensionId, t }) => {
  const [a, b] = await twoJournals(context, extensionId, t);
  await a.show('settings');
  await b.show('settings');
  const perDay = (journal: JournalPage) => journal.page.getByRole('spinbutton', { name: t.maxPerDay });
  await perDay(a).fill('7');
  await a.page.getByRole('button', { name: t.saveSettings }).click();
  await expect(a.page.getByText(t.settingsSaved)).toBeVisible();
  await expect(perDay(b)).toHaveValue('7');

  await a.show('prompts');
  await b.show('prompts');
  const hide = a.page.getByRole('button', { name: new RegExp(`^${t.hidePrompt}: `) }).first();
  const name = (await hide.getAttribute('aria-label'))!.slice(`${t.hidePrompt}: `.length);
  await hide.click();
  await expect(b.page.getByRole('button', { name: `${t.showPromptAgain}: ${name}` })).toHaveAttribute('aria-pressed', 'true');

  await a.show('settings');
  await a.page.getByRole('combobox', { name: t.languageLabel }).selectOption('nl');
  await a.page.getByRole('button', { name: t.saveSettings }).click();
  await expect(b.page.getByRole('heading', { level: 1, name: 'Vragen' })).toBeVisible();
  await expect(b.page).toHaveTitle(/Vragen/);
});

test("the popup's pause status follows the schedule the background changes", async ({ extension, popup, journal, locale }) => {
  await extension.setSettings(ALWAYS_ACTIVE);
  await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
  await popup.open();
  await expect(popup.page.getByText(/^Next pause around/)).toBeVisible();
  // Another page asks the background for a quiet hour; the open popup follows.
  await journal.open();
  await journal.page.evaluate((until) => chrome.runtime.sendMessage({ type: 'quiet', until, reason: null }), Date.now() + HOUR);
  await expect(popup.page.getByText(/^Quiet until /)).toBeVisible();
  await expect(popup.page.getByRole('button', { name: pausesMessages(locale).resumePauses })).toBeVisible();
});
