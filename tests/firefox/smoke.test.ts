import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { lockMessages } from '@/utils/i18n/lock';
import { byLabel, byRole, extensionPage as extensionTab, firefoxForFile, installExtension, shown } from './firefox';

const t = lockMessages('en');

const firefox = firefoxForFile();
const extensionPage = (file: string): Promise<Page> => extensionTab(firefox(), file);

test('an answer saved in the popup is in the journal', async () => {
  const id = await installExtension(firefox());
  expect(id).toBe('adempauze@adempauze.app');

  const popup = await extensionPage('popup.html');
  const prompt = await popup
    .locator('h1')
    .map((heading) => heading.textContent ?? '')
    .wait();
  expect(prompt).not.toBe('');
  const answer = 'In Firefox too, I said what I needed.\nIt was fine.';
  await popup.locator(byRole('textbox', t.answerLabel)).fill(answer);
  await popup.locator(byRole('button', t.save)).click();
  await shown('the popup answering the save', [
    popup.locator(`${byRole('form', t.answerLabel)} ::-p-text("${t.saved}")`),
    popup.locator('[role="alert"]:not(:empty)'),
  ]);
  // "Saved" comes only after the IndexedDB transaction completed; the field is then cleared.
  const form = await popup.$eval(byRole('form', t.answerLabel), (element) => ({
    status: element.querySelector('[role="status"]')?.textContent,
    problem: element.querySelector('[role="alert"]')?.textContent,
    field: element.querySelector('textarea')?.value,
  }));
  expect(form).toEqual({ status: t.saved, problem: '', field: '' });

  await popup.locator(byRole('link', t.openJournal)).click();
  const journal = await extensionPage('options.html');
  await shown('the journal', [journal.locator(byRole('heading', t.journalTitle))]);
  // Notes or the empty journal's invitation: either way, the list read below is what a person sees.
  await shown("the journal's notes", [journal.locator('article.note'), journal.locator(`::-p-text("${t.notesEmpty}")`)]);
  const notes = await journal.$$eval('article.note', (articles) =>
    articles.map((article) => ({
      heading: article.querySelector('.note-prompt')?.textContent ?? '',
      answer: article.querySelector('.note-answer')?.textContent ?? '',
    })),
  );
  expect(notes).toEqual([{ heading: expect.stringContaining(prompt) as unknown, answer }]);
});

test('an open journal shows an answer saved in another popup without a reload', async () => {
  const journal = await extensionPage('options.html');
  const before = await journal.$$eval('article.note', (articles) => articles.length);
  // Automation may not open an extension page; the extension itself may (Firefox's own `browser`).
  await journal.evaluate(async () => {
    await (globalThis as unknown as { browser: { tabs: { create(options: { url: string }): Promise<unknown> } } }).browser.tabs.create({
      url: '/popup.html',
    });
  });
  const popup = await extensionPage('popup.html');
  const answer = 'Seen at once in the journal that was already open.';
  await popup.locator(byRole('textbox', t.answerLabel)).fill(answer);
  await popup.locator(byRole('button', t.save)).click();
  await shown('the popup answering the save', [popup.locator(`${byRole('form', t.answerLabel)} ::-p-text("${t.saved}")`)]);
  await shown('the new answer in the open journal', [journal.locator(`article.note ::-p-text("${answer}")`)]);
  expect(await journal.$$eval('article.note', (articles) => articles.length)).toBe(before + 1);
});

test('the lock turned on in the Privacy section encrypts the note on disk; after a reload the passphrase opens it', async () => {
  const journal = await extensionPage('options.html');
  const answers = await journal.$$eval('article.note .note-answer', (elements) => elements.map((element) => element.textContent ?? ''));
  expect(answers.length).toBeGreaterThan(0);
  const passphrase = 'heron over the quiet lake';
  // The popup tab of the test before is in front; a tab behind it gets no animation frames, which locators wait for.
  await journal.bringToFront();

  await journal.locator(byRole('link', t.navPrivacy)).click();
  await shown('the form that turns the lock on', [journal.locator(byRole('button', t.lockTurnOn))]);
  await (await byLabel(journal, t.lockPassphrase)).fill(passphrase);
  await (await byLabel(journal, t.lockRepeatPassphrase)).fill(passphrase);
  await journal.locator(byRole('checkbox', t.lockAcknowledge)).click();
  await journal.locator(byRole('button', t.lockTurnOn)).click();
  await shown('the recovery key', [journal.locator(byRole('heading', t.lockRecoveryHeading))]);
  await shown('the lock on', [journal.locator(`::-p-text("${t.lockTurnedOn}")`)]);
  await journal.locator(byRole('button', t.lockRecoveryKept)).click();

  // On disk, read raw: the note rows hold ciphertext, and no answer.
  const rows = await journal.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('adempauze');
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
        request.onsuccess = () => {
          const all = request.result.transaction('notes').objectStore('notes').getAll();
          all.onsuccess = () => {
            request.result.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error ?? new Error('IndexedDB request failed'));
        };
      }),
  );
  expect(rows).toHaveLength(answers.length);
  for (const row of rows) expect(row).toMatchObject({ cipher: { iv: expect.any(String) as unknown, data: expect.any(String) as unknown } });
  const onDisk = JSON.stringify(rows);
  for (const answer of answers) expect(onDisk).not.toContain(answer.slice(0, 20));

  // Locking reloads every page that held the keys, so nothing of the unlocked journal stays in its
  // memory: waited for here (Firefox's BiDi does not report an extension page's navigation).
  const loadedAt = await journal.evaluate(() => performance.timeOrigin);
  await journal.locator(byRole('button', t.lockNow)).click();
  for (const deadline = Date.now() + 30_000; ; await new Promise((settle) => setTimeout(settle, 100))) {
    const now = await journal.evaluate(() => document.readyState === 'complete' && performance.timeOrigin).catch(() => false);
    if (now !== false && now !== loadedAt) break;
    if (Date.now() > deadline) throw new Error('The journal did not reload when locked');
  }
  await journal.locator(byRole('link', t.navJournal)).click();
  await shown('the locked journal', [journal.locator(byRole('heading', t.lockedTitle))]);
  expect(await journal.$$eval('article.note', (articles) => articles.length)).toBe(0);
  await (await byLabel(journal, t.lockPassphrase)).fill(passphrase);
  await journal.locator(byRole('button', t.unlockButton)).click();
  await shown('the journal, unlocked', [journal.locator(byRole('heading', t.journalTitle))]);
  await shown("the journal's notes", [journal.locator('article.note')]);
  const unlocked = await journal.$$eval('article.note .note-answer', (elements) => elements.map((element) => element.textContent ?? ''));
  expect(unlocked.sort()).toEqual([...answers].sort());
});
