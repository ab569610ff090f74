import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Every page of the extension starts with `indexedDB.open` throwing, as Firefox's private mode
 * and "never remember history" do, until the test lets storage back in for that tab (the flag is
 * in sessionStorage, so it survives a reload of the tab and nothing else).
 */
test.beforeEach(async ({ context }) => {
  await context.addInitScript(() => {
    // The original method, called with the factory it is called on.
    const open = Object.getOwnPropertyDescriptor(IDBFactory.prototype, 'open')!.value as (
      this: IDBFactory,
      ...args: Parameters<IDBFactory['open']>
    ) => IDBOpenDBRequest;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      if (sessionStorage.getItem('adempauze-e2e-storage') !== 'allowed') {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }
      return open.apply(this, args);
    };
  });
});

const allowStorage = (page: Page) => page.evaluate(() => sessionStorage.setItem('adempauze-e2e-storage', 'allowed'));

test('popup and journal say storage is refused, keep the text, and work once it is allowed', async ({ popup, journal, t }) => {
  await popup.open();
  await popup.write('Kept while storage is refused.');
  await popup.save();
  await expect(popup.problem).toHaveText(t.saveUnavailable);
  await expect(popup.answer).toHaveValue('Kept while storage is refused.');

  await allowStorage(popup.page);
  await popup.save();
  await expect(popup.status).toHaveText(t.saved);
  await expect(popup.answer).toHaveValue('');

  // The journal, a tab of its own, is refused: it says so instead of showing an empty journal.
  await journal.open();
  await expect(journal.page.getByRole('alert')).toHaveText(t.notesUnavailable);
  await expect(journal.page.getByText(t.notesEmpty)).toHaveCount(0);
  await allowStorage(journal.page);
  await journal.page.reload();
  await expect(journal.note('Kept while storage is refused.')).toBeVisible();
});
