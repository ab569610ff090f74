import { readFile, writeFile } from 'node:fs/promises';
import { expect, launchWithExtension, test } from './fixtures';
import { JournalPage } from './pages/journal-page';
import { seedNotes } from './seed';

const NOTES = seedNotes(1500, Date.now(), 7);

test('a backup exports in one profile and imports whole into a fresh one, once', async ({
  extension,
  extensionId,
  journal,
  t,
}, testInfo) => {
  await extension.storeNotes(NOTES);
  await journal.open();
  await journal.page.getByRole('link', { name: t.navBackup }).click();
  await expect(journal.page.getByText(t.backupReminderNone)).toBeVisible();
  const download = journal.page.waitForEvent('download');
  await journal.page.getByRole('button', { name: t.backupExportJson }).click();
  const file = testInfo.outputPath('backup.json');
  await (await download).saveAs(file);
  const backup = JSON.parse(await readFile(file, 'utf8')) as { format: string; notes: unknown[] };
  expect(backup.format).toBe('adempauze-backup');
  expect(backup.notes).toHaveLength(NOTES.length);
  await expect(journal.page.getByText(t.backupReminderNone)).toHaveCount(0);

  // A fresh profile: a new install with an empty journal.
  const fresh = await launchWithExtension(testInfo.outputPath('fresh-profile'), 'en_US');
  try {
    const other = await new JournalPage(fresh, extensionId, t).open();
    await expect(other.page.getByText(t.notesEmpty)).toBeVisible();
    await other.page.getByRole('link', { name: t.navBackup }).click();
    const input = other.page.getByLabel(t.backupImportLabel);
    await input.setInputFiles(file);
    await expect(other.page.getByText(t.backupImported({ added: NOTES.length, updated: 0, unchanged: 0 }), { exact: false })).toBeVisible({
      timeout: 30_000,
    });
    await other.page.getByRole('link', { name: t.navJournal }).click();
    await expect(other.page.getByText(t.noteCount(NOTES.length))).toBeVisible();

    // The same file again: nothing new.
    await other.page.getByRole('link', { name: t.navBackup }).click();
    await other.page.getByLabel(t.backupImportLabel).setInputFiles(file);
    await expect(other.page.getByText(t.backupImported({ added: 0, updated: 0, unchanged: NOTES.length }), { exact: false })).toBeVisible({
      timeout: 30_000,
    });
    await other.page.getByRole('link', { name: t.navJournal }).click();
    await expect(other.page.getByText(t.noteCount(NOTES.length))).toBeVisible();
  } finally {
    await fresh.close();
  }
});

test('a broken file shows where it is wrong and changes nothing', async ({ extension, journal, t }, testInfo) => {
  await extension.storeNotes(NOTES.slice(0, 10));
  await journal.open();
  await expect(journal.page.getByText(t.noteCount(10))).toBeVisible();
  await journal.page.getByRole('link', { name: t.navBackup }).click();
  const broken = testInfo.outputPath('broken.json');
  const notes = NOTES.slice(0, 3).map((note, i) => (i === 2 ? { ...note, createdAt: 'yesterday' } : note));
  await writeFile(broken, JSON.stringify({ format: 'adempauze-backup', version: 1, exportedAt: Date.now(), notes }));
  await journal.page.getByLabel(t.backupImportLabel).setInputFiles(broken);
  const alert = journal.page.getByRole('alert');
  await expect(alert).toContainText(t.backupInvalid);
  await expect(alert).toContainText('notes[2].createdAt');
  await journal.page.getByRole('link', { name: t.navJournal }).click();
  await expect(journal.page.getByText(t.noteCount(10))).toBeVisible();
});
