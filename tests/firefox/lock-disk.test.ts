// The lock's promise about the disk in Firefox, checked as in tests/e2e/lock-disk.spec.ts: after
// turning the lock on and a restart, nothing written before it is in any file of the profile,
// searched raw (UTF-8 and UTF-16LE) with tests/raw-scan.ts. Firefox keeps an extension's IndexedDB
// (and its storage.local) in SQLite files under storage/default/moz-extension+++<uuid>/idb/.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, expect, test } from 'vitest';
import { lockMessages } from '@/utils/i18n/lock';
import { scanFolder } from '../raw-scan';

const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2-e2e');
const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const t = lockMessages('en');
const PASSPHRASE = 'heron over the quiet lake';

let profileDir: string | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

function launch(userDataDir: string): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir,
    timeout: 60_000,
    extraPrefsFirefox: { 'intl.locale.requested': 'en-US' },
  });
}

/** The tab showing `file` of the extension (see smoke.test.ts: Firefox's BiDi does not report their navigation). */
async function extensionPage(file: string): Promise<Page> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((settle) => setTimeout(settle, 250))) {
    for (const page of await browser!.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === `/${file}`) return page;
    }
  }
  throw new Error(`Firefox shows no tab with the extension's ${file}`);
}

const byRole = (role: string, name: string) => `::-p-aria([role="${role}"][name="${name}"])`;

async function byLabel(page: Page, label: string) {
  const id = await page.$$eval('label', (labels, text) => labels.find((element) => element.textContent === text)?.htmlFor ?? '', label);
  if (!id) throw new Error(`No field labelled "${label}"`);
  return page.locator(`[id="${id}"]`);
}

/**
 * A random marker, with nothing a compressor could take from elsewhere in the record: Firefox
 * snappy-compresses each IndexedDB value, and a marker starting "answer-" is stored as a reference
 * to the property name "answer" before it, so it would never be found raw.
 */
const marker = () => randomBytes(12).toString('base64url');

test('after turning the lock on and a restart, nothing written before it is anywhere in the Firefox profile', async () => {
  profileDir = await mkdtemp(join(tmpdir(), 'adempauze-firefox-disk-'));
  browser = await launch(profileDir);
  await browser.installExtension(EXTENSION_DIR);
  const answers = Array.from({ length: 30 }, () => marker());
  const ownPrompt = marker();
  const draft = marker();
  const markers = [...answers, ownPrompt, draft];

  const popup = await extensionPage('popup.html');
  await popup.locator(byRole('textbox', t.answerLabel)).fill(`${draft} half a thought`);
  // The draft reaches its store a moment after the keystroke.
  await new Promise((settle) => setTimeout(settle, 1000));
  // Thirty notes and an own prompt, stored as the extension stores them, through its own page.
  await popup.evaluate(
    async (texts, own) => {
      const request = indexedDB.open('adempauze', 4);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onupgradeneeded = () => reject(new Error('the extension has not made its database yet'));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB failed'));
      });
      const tx = db.transaction(['notes', 'prompts'], 'readwrite');
      const now = Date.now();
      texts.forEach((text, i) =>
        tx.objectStore('notes').put({
          id: `n-${i}`,
          promptId: 'q-beliefs',
          promptText: 'What do I believe?',
          promptKind: 'question',
          locale: 'en',
          answer: `${text} something said`,
          createdAt: now - i * 60_000,
          updatedAt: now - i * 60_000,
          source: 'popup',
        }),
      );
      tx.objectStore('prompts').put({ id: 'c-own', text: `${own} what did the kestrel see?`, createdAt: now, updatedAt: now });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB failed'));
      });
      db.close();
    },
    answers,
    ownPrompt,
  );
  // The control: before the lock the search finds them on disk. (On the code before this issue the
  // same test found, after the lock and a restart, the notes in idb/*.sqlite and the draft in
  // sessionstore.jsonlz4.)
  for (const deadline = Date.now() + 30_000; ; await new Promise((settle) => setTimeout(settle, 500))) {
    const found = new Set(Object.values(scanFolder(profileDir, markers)).flat());
    // Snappy may still fold a random marker's few bytes onto another's, rarely: most must be found.
    if (found.size >= markers.length - 2) break;
    if (Date.now() > deadline)
      throw new Error(
        `Before the lock only ${found.size} of ${markers.length} markers are on disk: ${JSON.stringify(scanFolder(profileDir, markers))}`,
      );
  }

  await popup.locator(byRole('link', t.openJournal)).click();
  const journal = await extensionPage('options.html');
  journal.on('console', (message) => console.log('PAGE', message.text()));
  popup.on('console', (message) => console.log('POPUP', message.text()));
  await journal.bringToFront();
  await journal.locator(byRole('link', t.navPrivacy)).click();
  await journal.locator(byRole('button', t.lockTurnOn)).wait();
  await (await byLabel(journal, t.lockPassphrase)).fill(PASSPHRASE);
  await (await byLabel(journal, t.lockRepeatPassphrase)).fill(PASSPHRASE);
  await journal.locator(byRole('checkbox', t.lockAcknowledge)).click();
  await journal.locator(byRole('button', t.lockTurnOn)).click();
  // Read from the page itself: locators wait for animation frames, which a tab behind another may not get.
  for (const deadline = Date.now() + 90_000; ; await new Promise((settle) => setTimeout(settle, 250))) {
    const text = await journal.evaluate(() => document.body.innerText).catch(() => '');
    if (text.includes(t.lockTurnedOn)) break;
    if (Date.now() > deadline) throw new Error(`The lock did not come on: ${text}`);
  }
  await browser.close();

  browser = await launch(profileDir);
  await new Promise((settle) => setTimeout(settle, 3000));
  await browser.close();
  browser = undefined;

  expect(scanFolder(profileDir, markers), 'markers of what was written before the lock, by the file they were found in').toEqual({});
});
