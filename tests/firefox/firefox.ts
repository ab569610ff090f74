import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { Locator, type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';

/** The test build (`wxt build -b firefox --mode e2e`): the production build plus a popup tab on install. */
const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2-e2e');
const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/**
 * Headless Firefox ESR in English, on a fresh profile that `close` removes, or on `profile`, which
 * is kept (a test that restarts Firefox on it removes it itself). `prefs` are Firefox preferences
 * on top (the download folder, for instance).
 */
export async function launchFirefox(
  profile?: string,
  prefs: Record<string, unknown> = {},
): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const profileDir = profile ?? (await mkdtemp(join(tmpdir(), 'adempauze-firefox-')));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profileDir,
    timeout: 60_000,
    // The extension follows the browser's language; the tests read the English labels.
    extraPrefsFirefox: { 'intl.locale.requested': 'en-US', ...prefs },
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      if (!profile) await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * A Firefox for the tests of one file: launched before them, closed with its profile after them.
 * Returns how to reach it once it runs.
 */
export function firefoxForFile(): () => Browser {
  let launched: Awaited<ReturnType<typeof launchFirefox>> | undefined;
  beforeAll(async () => {
    launched = await launchFirefox();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return () => {
    if (!launched) throw new Error('Firefox did not start');
    return launched.browser;
  };
}

/** Installs the test build; its id is the one the manifest gives it. */
export function installExtension(browser: Browser): Promise<string> {
  return browser.installExtension(EXTENSION_DIR);
}

/**
 * The tab showing `file` of the extension. Puppeteer keeps reporting `about:blank` for tabs the
 * extension opens (Firefox's BiDi does not tell it of their navigation), so each tab is asked
 * where it is.
 */
export async function extensionPage(browser: Browser, file: string): Promise<Page> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === `/${file}`) return page;
    }
    await new Promise((settle) => setTimeout(settle, 250));
  }
  throw new Error(`Firefox shows no tab with the extension's ${file}`);
}

/** Waits until one of `locators` is on screen; a timeout names what never came. */
export async function shown(what: string, locators: Locator<Element>[]): Promise<void> {
  await Locator.race(locators)
    .wait()
    .catch((error: unknown) => {
      throw new Error(`Never shown: ${what}`, { cause: error });
    });
}

export const byRole = (role: string, name: string) => `::-p-aria([role="${role}"][name="${name}"])`;

/** The field a label names (a password field has no role to query it by, and its label shares its name). */
export async function byLabel(page: Page, label: string): Promise<Locator<Element>> {
  const id = await page.$$eval('label', (labels, text) => labels.find((element) => element.textContent === text)?.htmlFor ?? '', label);
  if (!id) throw new Error(`No field labelled "${label}"`);
  return page.locator(`[id="${id}"]`);
}

/** Polls `check` (every 250 ms, for at most `ms`) until it returns true; a timeout says `what` never came. */
export async function until(what: string, check: () => Promise<boolean>, ms = 90_000): Promise<void> {
  for (const deadline = Date.now() + ms; !(await check()); await new Promise((settle) => setTimeout(settle, 250))) {
    if (Date.now() > deadline) throw new Error(`Never came: ${what}`);
  }
}
