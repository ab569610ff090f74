// The journal lock in real Chromium, through the real Privacy section and unlock form: what is on
// disk once it is on (nothing a person wrote), what a restart, a wrong passphrase, the recovery key
// and a new passphrase do, a change of the lock cut off half-way, and the lock after a time
// without use going off in an open tab.
import { createHash, webcrypto } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import type { LockMessages } from '@/utils/i18n/lock';
import type { Note } from '@/utils/model/records';
import { expectNoSeriousViolations } from './axe';
import { expect, launchWithExtension, test } from './fixtures';
import { openExtensionFile } from './pages/extension-page';
import { ExtensionState } from './pages/extension-state';
import { JournalPage } from './pages/journal-page';
import { PopupPage } from './pages/popup-page';
import { PrivacyPage, UnlockForm } from './pages/privacy-page';
import { rowBinding, type Row } from './rows';
import { seedNotes } from './seed';
import { LOCK_ALARM, SETTLE_LOCK } from '@/utils/lock/names';
import { MINUTE } from '@/utils/time';

const PASSPHRASE = 'heron over the quiet lake';
const SECOND_PASSPHRASE = 'seven kites above the dunes';

const pad = (i: number) => String(i).padStart(3, '0');

/** Notes whose answer and prompt text each carry a marker found nowhere else, so any copy of them on disk is found. */
function markedNotes(count: number, seed: number): Note[] {
  return seedNotes(count, Date.now(), seed).map((note, i) => ({
    ...note,
    promptText: `${note.promptText} [prompt-marker-${pad(i)}]`,
    answer: `answer-marker-${pad(i)}: ${note.answer}`,
  }));
}

const answerMarker = (i: number) => `answer-marker-${pad(i)}`;
const markersOf = (notes: readonly Note[]) => notes.flatMap((_, i) => [answerMarker(i), `prompt-marker-${pad(i)}`]);

/** What "the same note" means here: its id, prompt, texts and times. */
function checksum(notes: readonly Row[]): string {
  const fields = [...notes]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, promptId, promptText, answer, createdAt, updatedAt }) => ({ id, promptId, promptText, answer, createdAt, updatedAt }));
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Encrypted rows opened outside the extension, with the data key the unlocked session holds: AES-GCM
 * with the row's readable fields bound in (rowBinding). Proves the ciphertext on disk is the note,
 * independently of the extension's own reading code.
 */
async function openRows(rows: readonly Row[], journalKey: unknown): Promise<Row[]> {
  if (typeof journalKey !== 'string') throw new Error('the journal is not unlocked: no data key in storage.session');
  const key = await webcrypto.subtle.importKey('raw', Buffer.from(journalKey, 'base64'), 'AES-GCM', false, ['decrypt']);
  return Promise.all(
    rows.map(async (row) => {
      const box = row.cipher as { iv: string; data: string; kid?: string } | undefined;
      if (!box) return row;
      const plain = await webcrypto.subtle.decrypt(
        { name: 'AES-GCM', iv: Buffer.from(box.iv, 'base64'), additionalData: Buffer.from(rowBinding(row, box.kid ?? '')) },
        key,
        Buffer.from(box.data, 'base64'),
      );
      const meta: Row = { ...row };
      delete meta.cipher;
      return { ...meta, ...(JSON.parse(Buffer.from(plain).toString('utf8')) as Row) };
    }),
  );
}

/** The markers found in each place the extension keeps things on disk. */
async function markersOnDisk(extension: ExtensionState, markers: readonly string[]): Promise<Record<string, string[]>> {
  const { indexedDB, ...rest } = await extension.onDisk();
  const places: Record<string, unknown> = { ...rest };
  for (const [db, stores] of Object.entries(indexedDB)) for (const [store, rows] of Object.entries(stores)) places[`${db}/${store}`] = rows;
  return Object.fromEntries(
    Object.entries(places).map(([place, value]) => {
      const text = JSON.stringify(value);
      return [place, markers.filter((marker) => text.includes(marker))];
    }),
  );
}

async function noteRows(extension: ExtensionState): Promise<Row[]> {
  return ((await extension.onDisk()).indexedDB.adempauze?.notes ?? []) as Row[];
}

/** Opens `file` of the extension while the journal is locked: the unlock form in place of the notes. */
async function openLocked(context: BrowserContext, extensionId: string, t: LockMessages, file = 'options.html'): Promise<Page> {
  const page = await openExtensionFile(context, extensionId, file);
  await expect(page.getByRole('heading', { level: 1, name: t.lockedTitle })).toBeVisible();
  return page;
}

/** The journal's list once it is open: its heading, then the count of the notes. */
async function expectJournalOpen(page: Page, t: LockMessages, count: number): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: t.journalTitle })).toBeVisible();
  await expect(page.getByText(t.noteCount(count))).toBeVisible();
}

test('turning the lock on leaves no answer, prompt text, own prompt or draft anywhere on disk', async ({
  context,
  extensionId,
  extension,
  journal,
  popup,
  t,
}) => {
  const notes = markedNotes(30, 3);
  const ownPrompt = 'own-prompt-marker: what did the kestrel see today?';
  const draft = 'draft-marker: half a thought about the kestrel';
  const markers = [...markersOf(notes), ownPrompt, draft];
  await extension.storeNotes(notes);

  await journal.open();
  await journal.page.getByRole('link', { name: t.navPrompts }).click();
  await journal.page.getByRole('textbox', { name: t.newOwnPrompt }).fill(ownPrompt);
  await journal.page.getByRole('button', { name: t.addOwnPrompt }).click();
  await expect(journal.page.getByText(t.ownPromptAdded)).toBeVisible();
  await popup.open();
  await popup.answer.pressSequentially(draft);
  await popup.close();
  // Looked at once more, which brings keystrokes still in memory into the drafts' database.
  await popup.open();
  await expect(popup.answer).toHaveValue(draft);
  await popup.close();

  // The search below does find them while the lock is off.
  const before = await markersOnDisk(extension, markers);
  expect(new Set(Object.values(before).flat())).toEqual(new Set(markers));

  const privacy = await new PrivacyPage(context, extensionId, t).open();
  await privacy.submitTurnOn(PASSPHRASE);
  await expect(privacy.recoveryKey).toHaveText(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  await expect(privacy.notice(t.lockTurnedOn)).toBeVisible();
  await privacy.keptRecoveryKey();

  const after = await markersOnDisk(extension, markers);
  expect(after, 'markers of what a person wrote, by where they were found on disk').toEqual(
    Object.fromEntries(Object.keys(after).map((place) => [place, []])),
  );
  const { indexedDB } = await extension.onDisk();
  const rows = indexedDB.adempauze!;
  const noteRowsNow = rows.notes as Row[];
  expect(noteRowsNow).toHaveLength(notes.length);
  expect(noteRowsNow.filter((row) => !('cipher' in row) || 'answer' in row || 'promptText' in row)).toEqual([]);
  const promptRows = rows.prompts as Row[];
  expect(promptRows).toHaveLength(1);
  expect(promptRows[0]).toHaveProperty('cipher');
  expect(promptRows[0]).not.toHaveProperty('text');

  // The draft is kept, sealed: in its own database, and readable nowhere (memory included).
  expect(JSON.stringify(await extension.inMemory())).not.toContain(draft);
  const drafts = (await extension.onDisk()).indexedDB['adempauze-drafts']?.drafts ?? [];
  expect(drafts).toHaveLength(1);
  expect(drafts[0]).toHaveProperty('sealed');
});

test('a draft in the popup under the lock: back while unlocked, unreadable once locked (typed before or after), back after unlocking', async ({
  context,
  extensionId,
  popup,
  t,
}) => {
  // The popup picks its opening prompt before first paint; it knows which prompt has a draft by id
  // (utils/storage/lock-mirror.ts) and fills in the text from the sealed store just after, when it can.
  const privacy = await new PrivacyPage(context, extensionId, t).open();
  await privacy.turnOn(PASSPHRASE);
  const before = 'Half a thought while the journal is unlocked';
  await popup.open();
  const first = await popup.prompt.textContent();
  await popup.answer.pressSequentially(before);
  await popup.close();
  await popup.open();
  await expect(popup.prompt).toHaveText(first!);
  await expect(popup.answer).toHaveValue(before);
  await popup.close();

  // Locked: the popup opens on that prompt, and nothing of the draft can be read in it.
  await privacy.lockNow();
  await popup.open();
  await expect(popup.prompt).toHaveText(first!);
  // Once the drafts are read, the popup says one is kept locked, and shows none of it.
  await expect(popup.page.getByText(t.draftSealed)).toBeVisible();
  await expect(popup.answer).toHaveValue('');
  expect(await popup.page.locator('body').innerText()).not.toContain('Half a thought');
  // Written while locked, on another prompt: kept, and as unreadable.
  await popup.another();
  const second = await popup.prompt.textContent();
  const locked = 'Half a thought while the journal is locked';
  await popup.answer.pressSequentially(locked);
  await popup.close();
  await popup.open();
  await expect(popup.prompt).toHaveText(second!);
  await expect(popup.page.getByText(t.draftSealed)).toBeVisible();
  await expect(popup.answer).toHaveValue('');
  expect(await popup.page.locator('body').innerText()).not.toContain('Half a thought');
  await popup.close();

  // Unlocked: both are back.
  await privacy.unlockForm.unlockWithPassphrase(PASSPHRASE);
  await expect(privacy.page.getByRole('heading', { level: 2, name: t.lockOnHeading })).toBeVisible();
  await popup.open();
  await expect(popup.prompt).toHaveText(second!);
  await expect(popup.answer).toHaveValue(locked);
  await popup.close();
});

test('saved while locked, restarted, unlocked by passphrase and recovery key, passphrase changed, lock removed: every note as it was', async ({
  extensionId,
  t,
}, testInfo) => {
  test.setTimeout(120_000);
  const notes = markedNotes(30, 5);
  const lockedSave = 'locked-save-marker: written in the popup while the journal was locked';
  const profile = testInfo.outputPath('profile-lock');

  const first = await launchWithExtension(profile, 'en_US');
  let recoveryKey: string;
  let before: string;
  try {
    const extension = await new ExtensionState(first, extensionId).open();
    await extension.storeNotes(notes);
    before = checksum(await noteRows(extension));
    expect(before).toBe(checksum(notes));

    const privacy = await new PrivacyPage(first, extensionId, t).open();
    recoveryKey = await privacy.turnOn(PASSPHRASE);
    await privacy.lockNow();

    const popup = await new PopupPage(first, extensionId, t).open();
    await popup.write(lockedSave);
    await popup.save();
    await expect(popup.status).toHaveText(t.saved);
    const sealed = (await noteRows(extension)).filter((row) => 'sealed' in row);
    expect(sealed).toHaveLength(1);
    expect(JSON.stringify(sealed)).not.toContain('locked-save-marker');
  } finally {
    await first.close();
  }

  const second = await launchWithExtension(profile, 'en_US');
  try {
    const extension = await new ExtensionState(second, extensionId).open();
    // A new browser session: the journal is locked, and shows nothing of the notes.
    const page = await openLocked(second, extensionId, t);
    const form = new UnlockForm(page, t);
    await expect(form.passphrase).toBeFocused();
    const shown = await page.locator('body').innerText();
    expect([...markersOf(notes), 'locked-save-marker'].filter((marker) => shown.includes(marker))).toEqual([]);
    await expect(page.getByRole('article')).toHaveCount(0);
    // The print view too.
    const print = await openLocked(second, extensionId, t, 'print.html');
    expect(await print.locator('body').innerText()).not.toContain('marker');
    await print.close();

    await form.unlockWithPassphrase('heron over the quiet pond');
    await expect(form.problem(t.unlockWrong)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: t.lockedTitle })).toBeVisible();
    await form.unlockWithPassphrase(PASSPHRASE);
    await expectJournalOpen(page, t, notes.length + 1);
    await expect(page.getByRole('article').first()).toContainText(lockedSave);
    // The print view shows every note at once (the journal's list renders only what is in view).
    const printed = await openExtensionFile(second, extensionId, 'print.html');
    await expect(printed.getByText(t.noteCount(notes.length + 1))).toBeVisible();
    const texts = await printed.locator('body').innerText();
    expect(notes.map((_, i) => answerMarker(i)).filter((marker) => !texts.includes(marker))).toEqual([]);
    expect(texts).toContain(lockedSave);
    await printed.close();
    // The first unlock folded the sealed save into the normal encryption.
    await expect.poll(async () => (await noteRows(extension)).filter((row) => !('cipher' in row)).length).toBe(0);

    // Locked again, from the journal. The recovery key, typed in the Privacy section, opens it in
    // every open page (the new passphrase it offers is left to a test of its own, below).
    await page.getByRole('button', { name: t.lockNow }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.lockedTitle })).toBeVisible();
    const recovering = await new PrivacyPage(second, extensionId, t).open();
    await expect(recovering.page.getByText(t.lockLockedPrivacy)).toBeVisible();
    await recovering.unlockForm.unlockWithRecoveryKey(recoveryKey.toLowerCase());
    await expectJournalOpen(page, t, notes.length + 1);
    await recovering.page.close();

    // A new passphrase: it opens the journal, the one before does not.
    const privacy = await new PrivacyPage(second, extensionId, t).open();
    await privacy.changePassphrase(PASSPHRASE, SECOND_PASSPHRASE);
    await privacy.lockNow();
    await expect(page.getByRole('heading', { level: 1, name: t.lockedTitle })).toBeVisible();
    await form.unlockWithPassphrase(PASSPHRASE);
    await expect(form.problem(t.unlockWrong)).toBeVisible();
    await form.unlockWithPassphrase(SECOND_PASSPHRASE);
    await expectJournalOpen(page, t, notes.length + 1);
    await expect(privacy.page.getByRole('heading', { level: 2, name: t.lockOnHeading })).toBeVisible();

    // Removed: every note plain again, byte for byte, and no lock left.
    await privacy.startRemoving(SECOND_PASSPHRASE);
    await expect(privacy.notice(t.lockRemoved)).toBeVisible();
    await expect(privacy.page.getByRole('heading', { level: 2, name: t.lockOffHeading })).toBeVisible();
    const rows = await noteRows(extension);
    expect(rows.filter((row) => 'cipher' in row || 'sealed' in row)).toEqual([]);
    expect(checksum(rows.filter((row) => row.answer !== lockedSave))).toBe(before);
    expect(rows.filter((row) => row.answer === lockedSave)).toHaveLength(1);
    expect((await extension.onDisk()).local).not.toHaveProperty('lock');
    await expectJournalOpen(page, t, notes.length + 1);
    await expect(page.getByRole('button', { name: t.lockNow })).toHaveCount(0);
  } finally {
    await second.close();
  }
});

/** Where the unlock form is, and what shows once the journal is open there. */
const UNLOCK_SURFACES = [
  { file: 'options.html', opened: (t: LockMessages) => ({ level: 1, name: t.journalTitle }) },
  { file: 'print.html', opened: (t: LockMessages) => ({ level: 1, name: t.journalTitle }) },
  { file: 'options.html#privacy', opened: (t: LockMessages) => ({ level: 2, name: t.lockOnHeading }) },
] as const;

for (const { file, opened } of UNLOCK_SURFACES) {
  test(`the recovery key typed in the unlock form of ${file} opens the journal and offers a new passphrase`, async ({
    context,
    extensionId,
    t,
  }) => {
    // Every page hears of the unlock (storage.onChanged) before `unlock` resolves: the form says it
    // will offer a new passphrase before it unlocks, so the page keeps it (it once lost the offer).
    const privacy = await new PrivacyPage(context, extensionId, t).open();
    const recoveryKey = await privacy.turnOn(PASSPHRASE);
    await privacy.lockNow();
    await privacy.page.close();
    const page = await openExtensionFile(context, extensionId, file);
    const form = new UnlockForm(page, t);
    await form.unlockWithRecoveryKey(recoveryKey);
    await expect(page.getByText(t.unlockRenewIntro)).toBeVisible();
    await form.setNewPassphrase(SECOND_PASSPHRASE);
    await expect(page.getByRole('heading', opened(t))).toBeVisible();
  });
}

/** Slows the page's own work (not the browser's), so a change of the lock is seen half-way. */
async function slowDown(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
}

/** Waits until the progress bar shows some records done, but not all. */
async function halfWay(privacy: PrivacyPage): Promise<void> {
  await privacy.page.waitForFunction(
    () => {
      const bar = document.querySelector('progress');
      return !!bar && bar.value > 0 && bar.value < bar.max;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
}

/** The lock as stored in storage.local; undefined when it is off. */
async function storedLock(extension: ExtensionState): Promise<{ state: string; keys: { keyId: string; previous?: unknown } } | undefined> {
  return (await extension.onDisk()).local.lock as { state: string; keys: { keyId: string; previous?: unknown } } | undefined;
}

test('turning the lock on, then off, each cut off half-way by a killed worker and a closed tab: it carries on, every note kept', async ({
  context,
  extensionId,
  extension,
  t,
}) => {
  test.setTimeout(120_000);
  // Six batches of encryption: enough to be seen half-way, little enough for two cores.
  const notes = seedNotes(3000, Date.now(), 9);
  await extension.storeNotes(notes);
  const before = checksum(await noteRows(extension));
  expect(before).toBe(checksum(notes));

  const turningOn = await new PrivacyPage(context, extensionId, t).open();
  await slowDown(turningOn.page);
  await turningOn.submitTurnOn(PASSPHRASE);
  await halfWay(turningOn);
  await extension.endServiceWorker();
  await turningOn.page.close();
  let rows = await noteRows(extension);
  const encrypted = rows.filter((row) => 'cipher' in row).length;
  expect(encrypted, 'notes encrypted when the tab closed').toBeGreaterThan(0);
  expect(encrypted, 'notes encrypted when the tab closed').toBeLessThan(notes.length);
  expect(await storedLock(extension)).toMatchObject({ state: 'turning-on' });

  // The same browser session: the journal is still unlocked, and opening it carries on.
  const journal = await new JournalPage(context, extensionId, t).open();
  await expect(journal.page.getByText(t.noteCount(notes.length))).toBeVisible();
  await expect.poll(async () => (await storedLock(extension))?.state, { timeout: 30_000 }).toBe('on');
  rows = await noteRows(extension);
  expect(rows.filter((row) => !('cipher' in row) || 'answer' in row || 'promptText' in row)).toEqual([]);
  expect(checksum(await openRows(rows, (await extension.inMemory()).journalKey))).toBe(before);
  await journal.page.close();

  const turningOff = await new PrivacyPage(context, extensionId, t).open();
  await slowDown(turningOff.page);
  await turningOff.startRemoving(PASSPHRASE);
  await halfWay(turningOff);
  await extension.endServiceWorker();
  await turningOff.page.close();
  rows = await noteRows(extension);
  const plain = rows.filter((row) => !('cipher' in row)).length;
  expect(plain, 'notes decrypted when the tab closed').toBeGreaterThan(0);
  expect(plain, 'notes decrypted when the tab closed').toBeLessThan(notes.length);
  expect(await storedLock(extension)).toMatchObject({ state: 'turning-off' });

  const reopened = await new JournalPage(context, extensionId, t).open();
  await expect(reopened.page.getByText(t.noteCount(notes.length))).toBeVisible();
  await expect.poll(() => storedLock(extension), { timeout: 30_000 }).toBeUndefined();
  rows = await noteRows(extension);
  expect(rows.filter((row) => 'cipher' in row || 'sealed' in row)).toEqual([]);
  expect(checksum(rows)).toBe(before);
  // The session's key goes last, after one more pass for a save that raced the lock's removal.
  await expect.poll(() => extension.inMemory(), { message: 'the session key gone' }).not.toHaveProperty('journalKey');
});

test('a key replaced while another tab holds the settling (as one folding notes saved while locked does): renewed once that tab lets go', async ({
  context,
  extensionId,
  extension,
  t,
}) => {
  // Replacing the key rewrites the databases twice (utils/db/rewrite.ts): seconds alone, a minute on a busy machine.
  test.setTimeout(180_000);
  const notes = seedNotes(40, Date.now(), 12);
  await extension.storeNotes(notes);
  const privacy = await new PrivacyPage(context, extensionId, t).open();
  await privacy.turnOn(PASSPHRASE);
  await expect.poll(async () => (await storedLock(extension))?.state).toBe('on');

  // The other tab's pass read the record before the key changed, so it will not re-encrypt: this
  // page must wait for it rather than skip its own pass.
  const other = await openExtensionFile(context, extensionId, 'options.html');
  await other.evaluate(
    (name) =>
      new Promise<void>((granted) => {
        void navigator.locks.request(name, () => {
          granted();
          return new Promise<void>((release) => Object.assign(globalThis, { releaseSettle: release }));
        });
      }),
    SETTLE_LOCK,
  );
  await privacy.replaceKey(PASSPHRASE, SECOND_PASSPHRASE);
  await expect(privacy.page.getByText(t.lockRenewingElsewhere)).toBeVisible();
  const during = await storedLock(extension);
  expect(during?.keys.previous).toBeDefined();

  await other.evaluate(() => (globalThis as unknown as { releaseSettle: () => void }).releaseSettle());
  await expect(privacy.page.getByText(t.lockKeyRenewed)).toBeVisible({ timeout: 120_000 });
  const after = await storedLock(extension);
  expect(after?.keys.previous).toBeUndefined();
  const rows = await noteRows(extension);
  expect(rows).toHaveLength(notes.length);
  expect(rows.every((row) => (row.cipher as { kid?: string } | undefined)?.kid === after?.keys.keyId)).toBe(true);
});

test('the lock after a time without use goes off in an open journal tab, which reloads itself and asks for the passphrase', async ({
  context,
  extensionId,
  extension,
  journal,
  t,
}) => {
  const notes = markedNotes(3, 8);
  await extension.storeNotes(notes);
  const privacy = await new PrivacyPage(context, extensionId, t).open();
  await privacy.turnOn(PASSPHRASE);
  // The time is the person's choice: 5 minutes from the last use.
  await privacy.page.getByRole('combobox', { name: t.lockAfterLabel }).selectOption({ label: t.lockAfterChoice(5) });
  await expect(privacy.page.getByText(t.lockAfterSaved)).toBeVisible();
  const armed = (await extension.alarm(LOCK_ALARM))!.scheduledTime;
  expect(armed).toBeGreaterThan(Date.now() + 4 * MINUTE);
  expect(armed).toBeLessThanOrEqual(Date.now() + 5 * MINUTE);
  await privacy.page.close();

  await journal.open();
  await expect(journal.notes.first()).toContainText(answerMarker(2));
  // Opening the journal is a use: it sets the alarm again, before the test fires it.
  await expect.poll(async () => (await extension.alarm(LOCK_ALARM))?.scheduledTime).toBeGreaterThan(armed);
  await journal.page.evaluate(() => (document.documentElement.dataset.sameDocument = 'yes'));

  // The real alarm, going off now, wakes a stopped service worker, which locks every page.
  await extension.endServiceWorker();
  await extension.fireAlarm(LOCK_ALARM);
  await expect(journal.page.getByRole('heading', { level: 1, name: t.lockedTitle })).toBeVisible();
  await expect(journal.notes).toHaveCount(0);
  expect(await journal.page.locator('main').innerText()).not.toContain('answer-marker');
  // Reloaded, so nothing of the unlocked page stays in its memory (lock-memory.spec.ts).
  expect(await journal.page.evaluate(() => document.documentElement.dataset.sameDocument), 'the page was reloaded').toBeUndefined();
  expect(await extension.inMemory()).not.toHaveProperty('journalKey');
  expect(await extension.alarm(LOCK_ALARM)).toBeNull();
});

for (const uiLanguage of ['en_US', 'nl'] as const) {
  test.describe(`the lock is accessible in ${uiLanguage}`, () => {
    test.use({ uiLanguage });

    test('the Privacy section, the unlock form and the locked journal: no serious axe violations in light and dark; unlocked by keyboard alone', async ({
      context,
      extensionId,
      extension,
      t,
    }) => {
      test.setTimeout(120_000);
      await extension.storeNotes(markedNotes(5, 13));
      /** axe in both colour schemes, as the page is now. */
      const scan = async (page: Page, where: string) => {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await expectNoSeriousViolations(page, `${where} (${colorScheme})`);
        }
      };

      const privacy = await new PrivacyPage(context, extensionId, t).open();
      await scan(privacy.page, 'the Privacy section, lock off');
      await privacy.page.getByRole('button', { name: t.lockTurnOn }).click();
      await expect(privacy.page.getByText(t.lockPassphraseTooShort)).toBeVisible();
      await expect(privacy.page.getByText(t.lockAcknowledgeMissing)).toBeVisible();
      await scan(privacy.page, 'the form that turns the lock on, with its problems');
      await privacy.submitTurnOn(PASSPHRASE);
      await expect(privacy.recoveryKey).toBeVisible();
      await scan(privacy.page, 'the recovery key');
      await expect(privacy.notice(t.lockTurnedOn)).toBeVisible();
      await privacy.keptRecoveryKey();
      await scan(privacy.page, 'the Privacy section, lock on');
      await privacy.lockNow();
      await scan(privacy.page, 'the Privacy section, locked');
      await privacy.unlockForm.unlockWithPassphrase('not the passphrase at all');
      await expect(privacy.unlockForm.problem(t.unlockWrong)).toBeVisible();
      await scan(privacy.page, 'the unlock form after a wrong passphrase');
      await privacy.page.getByRole('button', { name: t.unlockUseRecovery }).click();
      await scan(privacy.page, 'the unlock form for the recovery key');
      await privacy.page.close();

      const print = await openLocked(context, extensionId, t, 'print.html');
      await scan(print, 'the locked print view');
      await print.close();
      const page = await openLocked(context, extensionId, t);
      await scan(page, 'the locked journal');

      // By keyboard alone: the focus starts in the field; type, Tab to Unlock, Enter.
      const form = new UnlockForm(page, t);
      await expect(form.passphrase).toBeFocused();
      await page.keyboard.type(PASSPHRASE);
      await page.keyboard.press('Tab');
      await expect(form.unlockButton).toBeFocused();
      await page.keyboard.press('Enter');
      // The form is gone: the focus goes to the heading of what it opened.
      await expect(page.getByRole('heading', { level: 1, name: t.journalTitle })).toBeFocused();
      await expect(page.getByRole('article')).toHaveCount(5);
    });
  });
}
