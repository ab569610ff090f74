import { createFixtureDatabase, DB_FIXTURES, notesDigest } from '../fixtures/db-fixture';
import { expect, test } from './fixtures';
import { ExtensionState } from './pages/extension-state';

test.describe('upgrading a database from every earlier schema version', () => {
  for (const fixture of DB_FIXTURES) {
    test(`version ${fixture.version}: the journal shows the same notes, count and checksum`, async ({
      context,
      extensionId,
      journal,
      t,
    }) => {
      const notes = fixture.stores.find((store) => store.name === 'notes')!.rows;
      // Written before any page of the extension opens the database, which would create the newest
      // version: from a file of the extension that runs none of its code, in the extension's origin.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/manifest.json`);
      await page.evaluate(createFixtureDatabase, fixture);
      await page.close();

      await journal.open();
      await expect(journal.page.getByText(t.noteCount(notes.length))).toBeVisible();
      const newest = [...notes].sort((a, b) => Number(b.createdAt) - Number(a.createdAt))[0]!;
      await expect(journal.notes.first().locator('.note-answer')).toHaveText(String(newest.answer));
      const extension = await new ExtensionState(context, extensionId).open();
      expect(await notesDigest(await extension.storedNotes())).toEqual(await notesDigest(notes));
    });
  }
});
