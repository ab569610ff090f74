// The lock's promise about the disk in Firefox, checked as in tests/e2e/lock-disk.spec.ts: after
// turning the lock on and a restart, nothing written before it is in any file of the profile,
// searched raw (UTF-8 and UTF-16LE) with tests/raw-scan.ts. Firefox keeps an extension's IndexedDB
// (and its storage.local) in SQLite files under storage/default/moz-extension+++<uuid>/idb/.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DB_VERSION } from '@/utils/db/connection';
import { lockMessages } from '@/utils/i18n/lock';
import { scanFolder } from '../raw-scan';
import { byLabel, byRole, extensionPage, installExtension, launchFirefox, until } from './firefox';

const t = lockMessages('en');
const PASSPHRASE = 'heron over the quiet lake';

let profileDir: string | undefined;
let firefox: Awaited<ReturnType<typeof launchFirefox>> | undefined;

afterAll(async () => {
  await firefox?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

/**
 * A random marker, with nothing a compressor could take from elsewhere in the record: Firefox
 * snappy-compresses each IndexedDB value, so a marker starting "answer-" is stored as a reference
 * to the property name "answer" before it, and text typed into a page is kept as UTF-16, where
 * any two characters that come twice are four bytes snappy stores as a reference. So a marker is
 * upper-case letters and digits (the rest of a record is lower case) with no pair of characters
 * twice: every marker is then stored as written, and the control below finds all of them.
 */
function marker(): string {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  for (;;) {
    const text = [...randomBytes(20)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
    const pairs = new Set(Array.from({ length: text.length - 1 }, (_, i) => text.slice(i, i + 2)));
    if (pairs.size === text.length - 1) return text;
  }
}

test('after turning the lock on and a restart, nothing written before it is anywhere in the Firefox profile', async () => {
  profileDir = await mkdtemp(join(tmpdir(), 'adempauze-firefox-disk-'));
  firefox = await launchFirefox(profileDir);
  await installExtension(firefox.browser);
  const answers = Array.from({ length: 30 }, () => marker());
  const ownPrompt = marker();
  const draft = marker();
  const markers = [...answers, ownPrompt, draft];

  const popup = await extensionPage(firefox.browser, 'popup.html');
  await popup.locator(byRole('textbox', t.answerLabel)).fill(`${draft} half a thought`);
  // The draft is in its database once its copy in memory is gone (utils/storage/drafts.ts).
  await until('the draft in its database', () =>
    popup.evaluate(async () => {
      const session = (globalThis as unknown as { browser: typeof chrome }).browser.storage.session;
      return Object.keys(await session.get(null)).every((key) => !key.startsWith('draft:'));
    }),
  );
  // Thirty notes and an own prompt, stored as the extension stores them, through its own page.
  await popup.evaluate(
    async (texts, own, version) => {
      const request = indexedDB.open('adempauze', version);
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
    DB_VERSION,
  );
  // The control: before the lock the search finds them on disk. (On the code before this issue the
  // same test found, after the lock and a restart, the notes in idb/*.sqlite and the draft in
  // sessionstore.jsonlz4.)
  for (const deadline = Date.now() + 30_000; ; await new Promise((settle) => setTimeout(settle, 500))) {
    const found = new Set(Object.values(scanFolder(profileDir, markers)).flat());
    if (found.size === markers.length) break;
    if (Date.now() > deadline)
      throw new Error(
        `Before the lock only ${found.size} of ${markers.length} markers are on disk: ${JSON.stringify(scanFolder(profileDir, markers))}`,
      );
  }

  await popup.locator(byRole('link', t.openJournal)).click();
  const journal = await extensionPage(firefox.browser, 'options.html');
  await journal.bringToFront();
  await journal.locator(byRole('link', t.navPrivacy)).click();
  await journal.locator(byRole('button', t.lockTurnOn)).wait();
  await (await byLabel(journal, t.lockPassphrase)).fill(PASSPHRASE);
  await (await byLabel(journal, t.lockRepeatPassphrase)).fill(PASSPHRASE);
  await journal.locator(byRole('checkbox', t.lockAcknowledge)).click();
  await journal.locator(byRole('button', t.lockTurnOn)).click();
  // Read from the page itself: locators wait for animation frames, which a tab behind another may not get.
  await until('the lock turned on', async () =>
    (await journal.evaluate(() => document.body.innerText).catch(() => '')).includes(t.lockTurnedOn),
  );
  await firefox.close();

  // Started again and closed: what Firefox does with its files at a start happens too.
  firefox = await launchFirefox(profileDir);
  await firefox.browser.pages();
  await firefox.close();
  firefox = undefined;

  expect(scanFolder(profileDir, markers), 'markers of what was written before the lock, by the file they were found in').toEqual({});
});
