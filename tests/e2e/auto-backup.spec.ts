// Automatic backups (issue 20) in real Chromium: turned on in the Backup section, written by the
// background through its real alarm into the profile's Downloads folder, restored into a fresh
// profile, encrypted under the lock, eight kept, a killed worker, a withdrawn permission. The
// Chromium test build holds `downloads` as granted (no automation can answer its prompt); the
// hidden page that gives the file its URL (`offscreen`) stays optional, asked for and granted by
// the click as in the shipped build, and withdrawn in the last test.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PromptsMessages } from '@/utils/i18n/prompts';
import type { Note } from '@/utils/model/records';
import type { AutoBackupState } from '@/utils/model/auto-backup';
import { E2E_EXTENSION_DIR } from '../../scripts/chromium.mjs';
import { scanFolder } from '../raw-scan';
import { expectNoSeriousViolations } from './axe';
import { expect, launchWithExtension, test } from './fixtures';
import { BackupPage } from './pages/backup-page';
import { ExtensionState } from './pages/extension-state';
import { PopupPage } from './pages/popup-page';
import { PrivacyPage } from './pages/privacy-page';
import { seedNotes } from './seed';

test.use({ build: 'e2e' });

const FEELINGS = ['heavy', 'tense', 'okay', 'calm', 'light'] as const;
const PASSPHRASE = 'heron over the quiet lake';

/** Notes as people keep them: feelings on some, tags in the answers, both languages. */
function journalNotes(count: number, seed: number): Note[] {
  return seedNotes(count, Date.now(), seed).map((note, i) => ({
    ...note,
    answer: `marker-${String(i).padStart(4, '0')} ${note.answer} #${i % 3 === 0 ? 'moed' : 'rust'}`,
    ...(i % 2 === 0 ? { feeling: FEELINGS[i % FEELINGS.length] } : {}),
  }));
}

/** The state page works from the settings: an open popup would hold a backup back. */
const openState = (context: ConstructorParameters<typeof ExtensionState>[0], extensionId: string) =>
  new ExtensionState(context, extensionId).open('options.html#settings');

const autoState = (state: ExtensionState) => state.localItem('autoBackup') as Promise<AutoBackupState | undefined>;

/** The files in Downloads/Adempauze, by name. */
function backupFolder(downloads: string): string[] {
  const folder = path.join(downloads, 'Adempauze');
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

/** What "the same journal" means: every note (its text, feeling, tags in it, prompt and times) and every own prompt, as stored. */
function checksum(rows: { notes: unknown[]; prompts: unknown[] }): string {
  const sorted = (list: unknown[]) => [...list].sort((a, b) => String((a as { id: string }).id).localeCompare((b as { id: string }).id));
  return createHash('sha256')
    .update(JSON.stringify({ notes: sorted(rows.notes), prompts: sorted(rows.prompts) }))
    .digest('hex');
}

async function journalRows(state: ExtensionState): Promise<{ notes: unknown[]; prompts: unknown[] }> {
  const stores = (await state.onDisk()).indexedDB.adempauze ?? {};
  return { notes: stores.notes ?? [], prompts: stores.prompts ?? [] };
}

/** Adds an own prompt through the Prompts section, as a person does, and comes back to Backup. */
async function addOwnPrompt(backup: BackupPage, t: PromptsMessages, text: string): Promise<void> {
  const { page } = backup;
  await page.goto(page.url().replace(/#.*$/, '#prompts'));
  await page.getByRole('textbox', { name: t.newOwnPrompt }).fill(text);
  await page.getByRole('button', { name: t.addOwnPrompt }).click();
  await expect(page.getByText(t.ownPromptAdded)).toBeVisible();
  await page.goto(page.url().replace(/#.*$/, '#backup'));
}

/** Waits until the automatic backups counted reach `count`; returns the state then. */
async function backupsCounted(state: ExtensionState, count: number): Promise<AutoBackupState> {
  await expect
    .poll(async () => (await autoState(state))?.files.length ?? 0, { message: `${count} backups counted`, timeout: 30_000 })
    .toBe(count);
  return (await autoState(state))!;
}

test('turned on, the real alarm writes a file that restores the whole journal into a fresh profile', async ({
  context,
  extensionId,
  downloads,
  t,
}, testInfo) => {
  const state = await openState(context, extensionId);
  await state.storeNotes(journalNotes(40, 3));
  const backup = await new BackupPage(context, extensionId, t).open();
  await addOwnPrompt(backup, t, 'Wat heb ik vandaag durven vragen?');
  // Off until the person turns it on.
  await expect(backup.autoSwitch).not.toBeChecked();
  expect(await state.alarm('backup')).toBeNull();

  // The first is due at once, and comes through its alarm, planned by then.
  await backup.turnOn();
  expect(backupFolder(downloads)).toEqual([]);
  await state.fireAlarm('backup');
  const [made] = (await backupsCounted(state, 1)).files;
  const name = `adempauze-${new Date(made!.at).toLocaleDateString('sv-SE')}.json`;
  expect(backupFolder(downloads)).toEqual([name]);
  expect(made!.fileName).toBe(path.join(downloads, 'Adempauze', name));
  expect(made!.notes).toBe(40);
  // The section says what it did.
  await expect(backup.lastFile).toHaveText(made!.fileName);
  await expect(backup.page.getByText(backup.auto.autoLastValue('', t.noteCount(40)).slice(2))).toBeVisible();
  // Readable without a lock, and the section says so and offers the lock.
  await expect(backup.page.getByText(backup.auto.autoReadable)).toBeVisible();
  await expect(backup.page.getByRole('link', { name: backup.auto.autoOfferLock })).toHaveAttribute('href', '#privacy');
  const file = path.join(downloads, 'Adempauze', name);
  expect((JSON.parse(readFileSync(file, 'utf8')) as { notes: unknown[] }).notes).toHaveLength(40);
  const before = checksum(await journalRows(state));

  // A new computer: a fresh profile, the file brought along, the existing import.
  const fresh = await launchWithExtension(testInfo.outputPath('fresh-profile'), 'en_US', E2E_EXTENSION_DIR);
  try {
    const other = await new BackupPage(fresh, extensionId, t).open();
    await other.importFile(file);
    await expect(other.page.getByText(t.backupImported({ added: 40 + 1, updated: 0, unchanged: 0 }), { exact: false })).toBeVisible();
    const restored = await openState(fresh, extensionId);
    expect(checksum(await journalRows(restored))).toBe(before);
  } finally {
    await fresh.close();
  }
});

test('with the lock on, the file holds no plain text and opens with the passphrase and with the recovery key', async ({
  context,
  extensionId,
  downloads,
  t,
}, testInfo) => {
  // Three browsers and a key derivation of 600,000 rounds for each opening, on a busy machine.
  test.slow();
  const state = await openState(context, extensionId);
  const notes = journalNotes(12, 5);
  await state.storeNotes(notes);
  const privacy = await new PrivacyPage(context, extensionId, t).open();
  const recoveryKey = await privacy.turnOn(PASSPHRASE);
  const backup = await new BackupPage(context, extensionId, t).open();
  await backup.turnOn();
  await expect(backup.page.getByText(backup.auto.autoEncrypted)).toBeVisible();
  await backup.page.close();
  // Locked: the background backs up without the passphrase.
  await privacy.lockNow();
  await state.fireAlarm('backup');
  const [made] = (await backupsCounted(state, 1)).files;
  expect(made!.encrypted).toBe(true);
  const markers = notes.map((_, i) => `marker-${String(i).padStart(4, '0')}`);
  // Markers of every answer, the tags, and the names of the fields a plain file would show (none of
  // them can appear by chance in base64, which has no '#', '-' or '"').
  expect(scanFolder(path.join(downloads, 'Adempauze'), [...markers, '#moed', '#rust', '"feeling"', '"answer"', '"promptText"'])).toEqual(
    {},
  );

  for (const [secret, label] of [
    [PASSPHRASE, 'passphrase'],
    [recoveryKey, 'recovery key'],
  ] as const) {
    const fresh = await launchWithExtension(testInfo.outputPath(`fresh-${label.replace(' ', '-')}`), 'en_US', E2E_EXTENSION_DIR);
    try {
      const other = await new BackupPage(fresh, extensionId, t).open();
      await other.importFile(made!.fileName);
      if (label === 'recovery key') await other.page.getByRole('button', { name: t.unlockUseRecovery }).click();
      const field =
        label === 'passphrase'
          ? other.page.getByLabel(t.lockPassphrase, { exact: true })
          : other.page.getByRole('textbox', { name: t.lockRecoveryLabel });
      await field.fill(secret);
      await other.page.getByRole('button', { name: t.backupLockedOpen }).click();
      await expect(
        other.page.getByText(t.backupImported({ added: notes.length, updated: 0, unchanged: 0 }), { exact: false }),
      ).toBeVisible();
      const rows = (await (await openState(fresh, extensionId)).storedNotes()).map((note) => note.answer).sort();
      expect(rows).toEqual(notes.map((note) => note.answer).sort());
    } finally {
      await fresh.close();
    }
  }
});

test('nine backups made, eight remain, and no file it did not write is touched', async ({ context, extensionId, downloads, t }) => {
  // The person's own files in the same folder, one even named like a backup.
  mkdirSync(path.join(downloads, 'Adempauze'), { recursive: true });
  const theirs = ['adempauze-2020-01-01.json', 'mijn-aantekeningen.txt'];
  for (const name of theirs) writeFileSync(path.join(downloads, 'Adempauze', name), `kept: ${name}`);

  const state = await openState(context, extensionId);
  await state.storeNotes(journalNotes(5, 9));
  const backup = await new BackupPage(context, extensionId, t).open();
  await backup.turnOn();
  await state.fireAlarm('backup');
  const first = (await backupsCounted(state, 1)).files[0]!.fileName;
  for (let run = 2; run <= 9; run++) {
    await expect(backup.page.getByRole('button', { name: backup.auto.autoNow })).toBeEnabled();
    await backup.backUpNow();
    // The ninth is counted when the first has gone: the count stays at eight.
    if (run < 9) await backupsCounted(state, run);
    else await expect.poll(async () => (await autoState(state))?.files.some((file) => file.fileName === first)).toBe(false);
  }
  const made = (await autoState(state))!.files;
  expect(made).toHaveLength(8);
  const ours = made.map((file) => path.basename(file.fileName)).sort();
  // The oldest of its own went; the person's files stayed as they were.
  expect(backupFolder(downloads)).toEqual([...ours, ...theirs].sort());
  expect(existsSync(first)).toBe(false);
  for (const name of theirs) expect(readFileSync(path.join(downloads, 'Adempauze', name), 'utf8')).toBe(`kept: ${name}`);
});

test('a worker ended while writing leaves no half file counted, and the next backup succeeds', async ({
  context,
  extensionId,
  downloads,
  t,
}) => {
  const state = await openState(context, extensionId);
  // Heavy: a large journal and two backups of it, on a busy machine.
  test.slow();
  // Enough notes that writing takes a while: the worker is ended in the middle of it.
  await state.storeNotes(journalNotes(10_000, 11));
  const backup = await new BackupPage(context, extensionId, t).open();
  await backup.turnOn();
  await state.fireAlarm('backup');
  await expect
    .poll(
      async () => {
        const running = (await autoState(state))?.running;
        return running !== null && running !== undefined && running.downloadId === null;
      },
      { message: 'a backup being written', intervals: [20] },
    )
    .toBe(true);
  await state.killServiceWorker();
  await expect.poll(() => state.serviceWorkerRunning(), { message: 'the worker ended' }).toBe(false);

  const after = (await autoState(state))!;
  // What was being written is not a backup: none counted, no file, and the section says none.
  expect(after.files).toEqual([]);
  expect(after.running?.downloadId).toBeNull();
  expect(backupFolder(downloads)).toEqual([]);

  // The next run (a new worker) is not held back by the one that died, and succeeds whole.
  await backup.backUpNow();
  const [made] = (await backupsCounted(state, 1)).files;
  expect(backupFolder(downloads)).toEqual([path.basename(made!.fileName)]);
  expect((JSON.parse(readFileSync(made!.fileName, 'utf8')) as { notes: unknown[] }).notes).toHaveLength(10_000);
  expect((await autoState(state))!.running).toBeNull();
});

test('a withdrawn permission is said in words in the Backup section, and once in the popup', async ({
  context,
  extensionId,
  downloads,
  t,
}) => {
  const state = await openState(context, extensionId);
  const backup = await new BackupPage(context, extensionId, t).open();
  await backup.turnOn();
  await state.fireAlarm('backup');
  await backupsCounted(state, 1);
  // What the browser's own settings do when a person takes a permission back.
  await state.removePermission('offscreen');
  await backup.backUpNow();
  await expect(backup.page.getByRole('alert').filter({ hasText: backup.auto.autoReason('permission') })).toBeVisible();
  // Everything the part can show at once (on, how often, the last backup, the next, a failure): no
  // serious problem for assistive technology, in either colour scheme.
  for (const colorScheme of ['light', 'dark'] as const) {
    await backup.page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(backup.page, `the Backup section with automatic backups on and failed (${colorScheme})`);
  }
  expect((await autoState(state))!.files).toHaveLength(1);
  expect(backupFolder(downloads)).toHaveLength(1);

  const popup = await new PopupPage(context, extensionId, t).open();
  await expect(popup.page.getByRole('alert').filter({ hasText: backup.auto.noticeFailedTitle })).toBeVisible();
  await expect(popup.page.getByText(backup.auto.noticeFailed(backup.auto.autoReason('permission')))).toBeVisible();
  await popup.close();
  // Shown once: the next popup has the prompt, and not the failure (the Backup section still says it).
  const again = await new PopupPage(context, extensionId, t).open();
  await expect(again.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(async () => (await autoState(state))?.failure?.shown).toBe(true);
  await expect(again.page.getByText(backup.auto.noticeFailedTitle)).toHaveCount(0);
  await expect(backup.page.getByRole('alert').filter({ hasText: backup.auto.autoReason('permission') })).toBeVisible();
});
