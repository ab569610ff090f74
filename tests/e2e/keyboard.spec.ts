import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ALWAYS_ACTIVE } from './pages/extension-state';
import { pressToClose } from './pages/extension-page';
import { PausePage } from './pages/pause-page';

/**
 * Presses Tab (Shift+Tab when going back) until `target` has focus, as a person finding a control
 * would; fails if it cannot be reached that way.
 */
async function tabTo(page: Page, target: Locator, direction: 'forward' | 'back' = 'forward'): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(direction === 'forward' ? 'Tab' : 'Shift+Tab');
  }
  await expect(target, 'reachable with the Tab key').toBeFocused({ timeout: 1 });
}

/** The focused control shows where focus is: the browser's keyboard focus style, and a real outline. */
async function expectFocusVisible(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const style = await target.evaluate((element) => {
    const computed = getComputedStyle(element);
    return {
      focusVisible: element.matches(':focus-visible'),
      outlineStyle: computed.outlineStyle,
      outlineWidth: parseFloat(computed.outlineWidth),
    };
  });
  expect(style.focusVisible, 'matches :focus-visible').toBe(true);
  expect(style.outlineStyle, 'outline style').not.toBe('none');
  expect(style.outlineWidth, 'outline width in px').toBeGreaterThanOrEqual(2);
}

const POPUP_ANSWER = 'Keyboard only: I said no, kindly.';
const EDITED_ANSWER = 'Keyboard only: I said no, kindly, and it was heard.';
const PAUSE_ANSWER = 'Three breaths, and my shoulders dropped.';

for (const uiLanguage of ['en_US', 'nl'] as const) {
  test.describe(`keyboard only (${uiLanguage})`, () => {
    test.use({ uiLanguage });

    test('keyboard only: answer in the popup, take a pause, find, edit and delete a note, export', async ({
      popup,
      journal,
      extension,
      context,
      t,
    }, testInfo) => {
      // The popup: the answer field has focus at once; Tab reaches Save.
      await popup.open();
      await popup.page.bringToFront();
      await expect(popup.answer).toBeFocused();
      await popup.page.keyboard.type(POPUP_ANSWER);
      const save = popup.page.getByRole('button', { name: t.save });
      await tabTo(popup.page, save);
      await expectFocusVisible(save);
      await popup.page.keyboard.press('Enter');
      await expect(popup.status).toHaveText(t.saved);
      await expect(popup.answer).toHaveValue('');
      await popup.close();

      // A pause, opened by the background as the alarm goes off. The answer just saved was a pause
      // taken, which holds offers back for the minimum interval: the day starts afresh first.
      await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
      await expect.poll(async () => (await extension.scheduleState())?.lastPauseAt ?? null).not.toBeNull();
      await extension.startNewDay();
      await extension.setSettings({ ...ALWAYS_ACTIVE, delivery: 'window' });
      const opened = context.waitForEvent('page', { predicate: PausePage.isPauseWindow });
      // First only the toolbar mark; the window comes at a seam.
      await extension.fireOffer();
      await extension.switchTab();
      const pause = new PausePage(await opened, t);
      await pause.page.bringToFront();
      await expect(pause.breathingHeading).toBeVisible();
      const skip = pause.page.getByRole('button', { name: t.skipBreathing });
      await tabTo(pause.page, skip);
      await expectFocusVisible(skip);
      await pause.page.keyboard.press('Space');
      await expect(pause.answer).toBeFocused();
      await pause.page.keyboard.type(PAUSE_ANSWER);
      // The window closes by itself a moment (8 s) after saving. Its clock (the context's: every
      // page's) moves only as the test moves it, a tenth of a second at a time until the Close
      // button has focus: only the key below can close it, however long the checks take.
      const { clock } = pause.page;
      await clock.install();
      // Paused a little ahead of the page's own time, which runs on while this is sent.
      await clock.pauseAt((await pause.page.evaluate(() => Date.now())) + 10_000);
      await pause.page.keyboard.press('Control+Enter');
      const close = pause.button(t.close);
      await expect
        .poll(async () => {
          await clock.runFor(100);
          return pause.page.evaluate((name) => document.activeElement?.textContent === name, t.close);
        })
        .toBe(true);
      await expect(pause.page.getByRole('heading', { name: t.savedPause })).toBeVisible();
      await expect(close).toBeFocused();
      const closed = pause.page.waitForEvent('close');
      await pressToClose(pause.page, 'Enter');
      await closed;
      await clock.resume();

      // The journal: search finds the popup's note; edit it, then delete it.
      await journal.open();
      await journal.page.bringToFront();
      await expect(journal.page.getByText(t.noteCount(2))).toBeVisible();
      await tabTo(journal.page, journal.search);
      await expectFocusVisible(journal.search);
      await journal.page.keyboard.type('kindly');
      await expect(journal.page.getByText(t.resultCount(1))).toBeVisible();
      await expect(journal.notes).toHaveCount(1);
      // Found by what both its first and its edited answer begin with.
      const note = journal.note('Keyboard only: I said no, kindly');

      const edit = note.getByRole('button', { name: t.editNote });
      await tabTo(journal.page, edit);
      await expectFocusVisible(edit);
      await journal.page.keyboard.press('Enter');
      await expect(journal.editField).toBeFocused();
      await journal.page.keyboard.press('Control+A');
      await journal.page.keyboard.type(EDITED_ANSWER);
      const saveEdit = journal.page.getByRole('button', { name: t.saveEdit });
      await tabTo(journal.page, saveEdit);
      await journal.page.keyboard.press('Enter');
      await expect(journal.notes.locator('.note-answer')).toHaveText([EDITED_ANSWER]);
      // Focus comes back to the note, so the walk goes on from there.
      await expect(edit).toBeFocused();

      await tabTo(journal.page, note.getByRole('button', { name: t.deleteNote }));
      await journal.page.keyboard.press('Enter');
      await expect(journal.page.getByText(t.noteDeleted)).toBeVisible();
      await expect(journal.notes).toHaveCount(0);

      // Export: back up to the sections, to Backup, to the JSON export.
      const backupLink = journal.page.getByRole('link', { name: t.navBackup });
      await tabTo(journal.page, backupLink, 'back');
      await expectFocusVisible(backupLink);
      await journal.page.keyboard.press('Enter');
      await expect(journal.heading('backup')).toBeVisible();
      const exportJson = journal.page.getByRole('button', { name: t.backupExportJson });
      await tabTo(journal.page, exportJson);
      await expectFocusVisible(exportJson);
      const download = journal.page.waitForEvent('download');
      await journal.page.keyboard.press('Enter');
      const file = testInfo.outputPath('backup.json');
      await (await download).saveAs(file);
      const backup = JSON.parse(await readFile(file, 'utf8')) as { notes: { answer: string }[] };
      // The deleted note stayed deleted; the pause's answer is the one note left.
      expect(backup.notes.map((saved) => saved.answer)).toEqual([PAUSE_ANSWER]);
    });
  });
}
