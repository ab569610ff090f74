// Sync (issue 21) between the two browsers it is built for: Chromium and Firefox on one real WebDAV
// server (Apache with mod_dav, tests/support/webdav-server.ts). Chromium starts sync with a note
// in its journal; Firefox joins with the passphrase in its Sync section and shows the note; a note
// written in Firefox then reaches Chromium. Both sides are driven through their own UI. Chromium is
// launched here with playwright-core, not through tests/e2e/fixtures.ts: that module loads
// @playwright/test, whose `expect` cannot share a process with vitest's.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as ChromiumPage } from 'playwright-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { lockMessages } from '@/utils/i18n/lock';
import { syncMessages } from '@/utils/i18n/sync';
import { chromiumPath, E2E_EXTENSION_DIR, extensionArgs, unpackedExtensionId } from '../../scripts/chromium.mjs';
import { startWebdavServer, type WebdavServer } from '../support/webdav-server';
import { byLabel, byRole, extensionPage, installExtension, launchFirefox, shown, until } from './firefox';

const t = syncMessages('en');
const lockT = lockMessages('en');
const PASSPHRASE = 'heron over the quiet lake';
const FROM_CHROMIUM = 'Written in Chromium, read in Firefox';
const FROM_FIREFOX = 'Written in Firefox, read in Chromium';

/** The few WebExtension calls the test makes from an extension page, with Firefox's own `browser`. */
interface PageBrowser {
  tabs: { create(options: { url: string }): Promise<unknown> };
}

let server: WebdavServer;
let chromiumProfile: string;
let chromiumContext: BrowserContext | undefined;
let firefox: Awaited<ReturnType<typeof launchFirefox>> | undefined;

beforeAll(async () => {
  server = await startWebdavServer();
  chromiumProfile = await mkdtemp(join(tmpdir(), 'adempauze-chromium-'));
});

afterAll(async () => {
  await chromiumContext?.close();
  await firefox?.close();
  await rm(chromiumProfile, { recursive: true, force: true });
  await server.stop();
});

/** Debian Chromium with the e2e build, which holds the loopback (the test server) as a granted host. */
function launchChromium(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(chromiumProfile, {
    executablePath: chromiumPath(),
    headless: true,
    args: extensionArgs(E2E_EXTENSION_DIR),
    env: { ...process.env, LANGUAGE: 'en_US' },
  });
}

/**
 * Presses Sync now and resolves once the run it asked for has ended: the section says "Syncing…"
 * from the click until the background answers, and is empty again after. The watch is set up
 * before the click, so a quick run is not missed.
 */
async function syncNowIn(page: { evaluate(run: () => unknown): Promise<unknown> }, click: () => Promise<void>): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { runEnded?: Promise<void> };
    w.runEnded = new Promise<void>((resolve) => {
      let seen = false;
      const observer = new MutationObserver(() => {
        const running = document.querySelector('.sync-running');
        // Not shown (the section re-reading what sync did) says nothing about the run.
        if (!running) return;
        if (running.textContent !== '') seen = true;
        else if (seen) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  });
  await click();
  await page.evaluate(() => (window as unknown as { runEnded: Promise<void> }).runEnded);
}

/** The words of every alert a Firefox page shows (a failure of setting up, or of a sync). */
const alerts = (page: Page) =>
  page.$$eval('[role="alert"]', (shown) => shown.map((alert) => alert.textContent ?? '').filter((text) => text !== ''));

/** Chromium: a note written in the popup, then sync started on the empty server; resolves once its first run sent the note. */
async function chromiumStarts(context: BrowserContext, id: string): Promise<ChromiumPage> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByRole('textbox', { name: lockT.answerLabel }).fill(FROM_CHROMIUM);
  await popup.getByRole('button', { name: lockT.save }).click();
  await popup.getByRole('form', { name: lockT.answerLabel }).getByText(lockT.saved).waitFor();
  await popup.close();

  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html#sync`);
  await page.getByLabel(t.syncAddress).fill(server.url);
  await page.getByLabel(t.syncUser).fill(server.user);
  await page.getByLabel(t.syncPassword, { exact: true }).fill(server.password);
  await page.getByRole('button', { name: t.syncConnect }).click();
  await page.getByText(t.syncFoundEmpty).waitFor();
  await page.getByLabel(t.syncPassphraseLabel, { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(lockT.lockRepeatPassphrase).fill(PASSPHRASE);
  await page.getByRole('button', { name: t.syncStart }).click();
  await page.locator('output.recovery-key').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: lockT.lockRecoveryKept }).click();
  // The first sync runs on its own once sync is set up.
  await page.locator('.sync-status', { hasText: '1 note went out' }).waitFor({ timeout: 60_000 });
  return page;
}

/** Opens `url` of the extension in a new tab, from one of its pages (automation may not open an extension page itself). */
async function openTab(from: Page, url: string): Promise<Page> {
  await from.evaluate((href) => (globalThis as unknown as { browser: PageBrowser }).browser.tabs.create({ url: href }), url);
  const page = await extensionPage(from.browser(), url.slice(1).split('#')[0]!);
  await page.bringToFront();
  return page;
}

/** Firefox: its Sync section, opened from the popup tab its test build opens on install, that tab then closed. */
async function firefoxSyncSection(browser: Browser): Promise<Page> {
  await installExtension(browser);
  const popup = await extensionPage(browser, 'popup.html');
  const options = await openTab(popup, '/options.html#sync');
  await popup.close();
  await shown('the Sync section', [options.locator(byRole('heading', t.syncHeading))]);
  return options;
}

test('a note written in Chromium reaches Firefox, which joins with the passphrase; a note written in Firefox reaches Chromium', async () => {
  chromiumContext = await launchChromium();
  const chromiumId = unpackedExtensionId(E2E_EXTENSION_DIR);
  const chromiumSync = await chromiumStarts(chromiumContext, chromiumId);

  firefox = await launchFirefox();
  const options = await firefoxSyncSection(firefox.browser);
  await (await byLabel(options, t.syncAddress)).fill(server.url);
  await (await byLabel(options, t.syncUser)).fill(server.user);
  await (await byLabel(options, t.syncPassword)).fill(server.password);
  await options.locator(byRole('button', t.syncConnect)).click();
  await shown('the journal found on the server', [
    options.locator(`::-p-text(${t.syncFoundJournal})`),
    options.locator('[role="alert"]:not(:empty)'),
  ]);
  expect(await alerts(options)).toEqual([]);
  await (await byLabel(options, t.syncJoinLabel)).fill(PASSPHRASE);
  await options.locator(byRole('button', t.syncJoin)).click();
  await shown('the first sync previewed', [options.locator('.sync-preview'), options.locator('[role="alert"]:not(:empty)')]);
  expect(await alerts(options)).toEqual([]);
  expect(await options.$eval('.sync-preview', (preview) => preview.textContent)).toBe(
    'The server holds 1 note. 1 note will come into this browser and 0 notes will go to the server. Nothing is deleted.',
  );
  await options.locator(byRole('button', t.syncConfirm)).click();
  await shown('the connected view', [options.locator(byRole('button', t.syncDisconnect))]);
  await shown('the first sync done', [
    options.locator('.sync-status ::-p-text(1 note came in)'),
    options.locator('.sync .problem[role="alert"]'),
  ]);
  expect(await options.$$eval('.sync .problem', (problems) => problems.map((problem) => problem.textContent))).toEqual([]);
  await options.locator(byRole('link', lockT.navJournal)).click();
  await shown('the note from Chromium in the journal', [options.locator(`article.note ::-p-text(${FROM_CHROMIUM})`)]);

  // A note written in Firefox, sent with Sync now.
  const popup = await openTab(options, '/popup.html');
  await popup.locator(byRole('textbox', lockT.answerLabel)).fill(FROM_FIREFOX);
  await popup.locator(byRole('button', lockT.save)).click();
  await shown('the answer saved', [popup.locator(`${byRole('form', lockT.answerLabel)} ::-p-text(${lockT.saved})`)]);
  await popup.close();
  await options.bringToFront();
  await options.locator(byRole('link', lockT.navSync)).click();
  const syncNow = options.locator(byRole('button', t.syncNow));
  await syncNowIn(options, () => syncNow.click());
  expect(await options.$$eval('.sync .problem', (problems) => problems.map((problem) => problem.textContent))).toEqual([]);

  // Chromium's Sync now brings it in, and its journal shows it.
  await chromiumSync.bringToFront();
  await syncNowIn(chromiumSync, () => chromiumSync.getByRole('button', { name: t.syncNow }).click());
  expect(await chromiumSync.locator('.sync-status').textContent()).toContain('1 note came in');
  await chromiumSync.getByRole('link', { name: lockT.navJournal }).click();
  await chromiumSync.getByRole('article').filter({ hasText: FROM_FIREFOX }).waitFor();
  expect(await chromiumSync.getByRole('article').filter({ hasText: FROM_CHROMIUM }).count()).toBe(1);

  // And Firefox's journal holds both, once each.
  await options.bringToFront();
  await options.locator(byRole('link', lockT.navJournal)).click();
  await until(
    'both notes in Firefox',
    async () =>
      (await options.$$eval('article.note', (notes) => notes.map((note) => note.textContent ?? ''))).filter(
        (text) => text.includes(FROM_CHROMIUM) || text.includes(FROM_FIREFOX),
      ).length === 2,
  );
});
