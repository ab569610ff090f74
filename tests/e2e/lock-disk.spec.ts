// The lock's promise about the disk, checked as an attacker with the profile folder would: after
// turning the lock on and restarting the browser, nothing written before it (notes, a draft, an
// own prompt) is found in any file of the profile, searched as raw bytes in UTF-8 and UTF-16LE
// (LevelDB tables decompressed), not through the IndexedDB or storage APIs, which cannot see
// stale log records, old table files or deleted databases (tests/raw-scan.ts).
import { randomBytes } from 'node:crypto';
import { expect, launchWithExtension, test } from './fixtures';
import { ExtensionState } from './pages/extension-state';
import { openExtensionFile } from './pages/extension-page';
import { JournalPage } from './pages/journal-page';
import { PopupPage } from './pages/popup-page';
import { PrivacyPage } from './pages/privacy-page';
import { seedNotes } from './seed';
import { scanFolder } from '../raw-scan';

const PASSPHRASE = 'heron over the quiet lake';

/** A marker found nowhere else: random, so no two share a prefix LevelDB's compression could fold. */
const marker = (kind: string) => `${kind}-${randomBytes(9).toString('base64url')}`;

test('after turning the lock on and a restart, nothing written before it is anywhere in the profile folder', async ({
  extensionId,
  t,
}, testInfo) => {
  test.setTimeout(180_000);
  const profile = testInfo.outputPath('profile');
  const notes = seedNotes(30, Date.now(), 19).map((note) => ({
    ...note,
    promptText: `${note.promptText} ${marker('prompt')}`,
    answer: `${marker('answer')} ${note.answer}`,
  }));
  const ownPrompt = `${marker('own')} what did the kestrel see today?`;
  const draft = `${marker('draft')} half a thought about the kestrel`;
  const markers = [...notes.flatMap((note) => [note.answer.split(' ')[0]!, note.promptText.split(' ').at(-1)!]), ownPrompt, draft];

  const first = await launchWithExtension(profile, 'en_US');
  try {
    const extension = await new ExtensionState(first, extensionId).open();
    await extension.storeNotes(notes);
    const journal = await new JournalPage(first, extensionId, t).open();
    await journal.show('prompts');
    await journal.page.getByRole('textbox', { name: t.newOwnPrompt }).fill(ownPrompt);
    await journal.page.getByRole('button', { name: t.addOwnPrompt }).click();
    await expect(journal.page.getByText(t.ownPromptAdded)).toBeVisible();
    await journal.page.close();
    const popup = await new PopupPage(first, extensionId, t).open();
    await popup.answer.pressSequentially(draft);
    // The control: before the lock the same search finds everything written, once the browser has
    // written it out (a page's localStorage reaches the disk some seconds later).
    await expect.poll(() => new Set(Object.values(scanFolder(profile, markers)).flat()).size, { timeout: 30_000 }).toBe(markers.length);
    await popup.close();
    const privacy = await new PrivacyPage(first, extensionId, t).open();
    await privacy.turnOn(PASSPHRASE);
    await privacy.page.close();
  } finally {
    await first.close();
  }
  const second = await launchWithExtension(profile, 'en_US');
  try {
    // Opening the journal is what a person does next: it asks for the passphrase.
    const page = await openExtensionFile(second, extensionId, 'options.html');
    await expect(page.getByRole('heading', { level: 1, name: t.lockedTitle })).toBeVisible();
    await page.close();
  } finally {
    await second.close();
  }

  const hits = scanFolder(profile, markers);
  expect(hits, 'markers of what was written before the lock, by the file they were found in').toEqual({});
});
