// Automatic backups in Firefox (issue 20): turned on in the Backup section (the optional downloads
// permission granted in the click), a due backup through the real alarm writes
// Downloads/Adempauze/adempauze-YYYY-MM-DD.json into the profile's download folder, and that file
// restores the journal in a fresh Firefox. Firefox's background is a page, which gives the file its
// URL itself (Chromium's needs an offscreen document: tests/e2e/auto-backup.spec.ts).
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, expect, test } from 'vitest';
import { autoBackupMessages } from '@/utils/i18n/auto-backup';
import { lockMessages } from '@/utils/i18n/lock';
import { byRole, extensionPage, installExtension, launchFirefox, shown, until } from './firefox';

const t = lockMessages('en');
/** One answer written in the first Firefox, to be found in the second after the restore. */
const ANSWER = 'Ik vroeg om hulp, en het voelde licht. #moed';
const auto = autoBackupMessages('en');

/** The few WebExtension calls the test makes from an extension page, with Firefox's own `browser`. */
interface PageBrowser {
  alarms: { get(name: string): Promise<object | undefined>; create(name: string, info: object): void };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  tabs: { create(options: { url: string }): Promise<unknown> };
}

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A Firefox whose downloads go to `downloads` without asking; optional permissions are granted without the prompt automation cannot answer. */
async function firefoxWithDownloads(): Promise<{ browser: Browser; downloads: string; close: () => Promise<void> }> {
  const downloads = await mkdtemp(join(tmpdir(), 'adempauze-downloads-'));
  folders.push(downloads);
  const launched = await launchFirefox(undefined, {
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'extensions.webextOptionalPermissionPrompts': false,
  });
  return { ...launched, downloads };
}

/** The Backup section, opened by the extension itself from its popup tab (automation may not open an extension page), the popup tab then closed. */
async function openBackup(browser: Browser, answer?: string): Promise<Page> {
  await installExtension(browser);
  const popup = await extensionPage(browser, 'popup.html');
  if (answer) {
    await popup.locator(byRole('textbox', t.answerLabel)).fill(answer);
    await popup.locator(byRole('button', t.save)).click();
    await shown('the answer saved', [popup.locator(`${byRole('form', t.answerLabel)} ::-p-text("${t.saved}")`)]);
  }
  await popup.evaluate(() => (globalThis as unknown as { browser: PageBrowser }).browser.tabs.create({ url: '/options.html#backup' }));
  const backup = await extensionPage(browser, 'options.html');
  // An open popup holds a backup back (an answer may be being typed there).
  await popup.close();
  await backup.bringToFront();
  await shown('the Backup section', [backup.locator(byRole('heading', t.backupTitle))]);
  return backup;
}

test('turned on, a due backup writes a file through the real alarm, and it restores in a fresh Firefox', async () => {
  const first = await firefoxWithDownloads();
  let file: string | undefined;
  try {
    const backup = await openBackup(first.browser, ANSWER);
    await backup.locator(byRole('checkbox', auto.autoSwitch)).click();
    await until('automatic backups on', () => backup.$eval('input[type="checkbox"]', (box) => box.checked));
    await until('the backup alarm planned', () =>
      backup.evaluate(async () => (await (globalThis as unknown as { browser: PageBrowser }).browser.alarms.get('backup')) !== undefined),
    );
    expect(readdirSync(first.downloads)).toEqual([]);
    await backup.evaluate(() =>
      (globalThis as unknown as { browser: PageBrowser }).browser.alarms.create('backup', { when: Date.now() + 100 }),
    );
    const folder = join(first.downloads, 'Adempauze');
    await until('a backup file', () => Promise.resolve(existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.json'))));
    const state = async () =>
      (await backup.evaluate(
        async () => (await (globalThis as unknown as { browser: PageBrowser }).browser.storage.local.get('autoBackup')).autoBackup,
      )) as {
        files: { fileName: string; notes: number }[];
      };
    await until('the backup counted', async () => (await state()).files.length === 1);
    const [made] = (await state()).files;
    expect(readdirSync(folder)).toEqual([`adempauze-${new Date().toLocaleDateString('sv-SE')}.json`]);
    expect(made!.fileName).toBe(join(folder, readdirSync(folder)[0]!));
    file = made!.fileName;
    await shown('the last backup in the section', [backup.locator(`::-p-text(${readdirSync(folder)[0]!})`)]);
  } finally {
    await first.close();
  }

  const fresh = await firefoxWithDownloads();
  try {
    const other = await openBackup(fresh.browser);
    const input = await other.$('input[type="file"]');
    if (!input) throw new Error('no file field in the Backup section');
    await input.uploadFile(file);
    // Whatever else the file holds (settings, the pause history), the note must come back.
    const complete = t.backupImported({ added: 0, updated: 0, unchanged: 0 }).split(':')[0]!;
    await shown('the import done', [other.locator(`::-p-text(${complete})`), other.locator('[role="alert"]:not(:empty)')]);
    expect(await other.$eval('.backup-status:not(:empty)', (status) => status.textContent)).toMatch(/^Import complete: [1-9]/);
    await other.locator(byRole('link', t.navJournal)).click();
    await shown('the restored note', [other.locator(`article.note ::-p-text(${ANSWER})`)]);
  } finally {
    await fresh.close();
  }
});
