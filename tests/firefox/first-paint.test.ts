// The quick pages' first paint in Firefox, which ignores blocking="render" (utils/first-paint/shell.ts):
// whatever Firefox paints first is the shell in the person's language with its prompt, never an
// empty frame of the page or the build's markup in another language.
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { PROMPTS } from '@/content/prompts';
import { messages } from '@/utils/i18n/messages';
import { extensionPage as extensionTab, firefoxForFile, installExtension } from './firefox';

const firefox = firefoxForFile();
const extensionPage = (file: string): Promise<Page> => extensionTab(firefox(), file);

/** Opens `file` as the extension itself would (automation may not open an extension page). */
async function openFrom(page: Page, file: string): Promise<Page> {
  await page.evaluate(async (url) => {
    await (globalThis as unknown as { browser: { tabs: { create(options: { url: string }): Promise<unknown> } } }).browser.tabs.create({
      url,
    });
  }, `/${file}`);
  return extensionPage(file);
}

test('the popup and the pause window paint first in Dutch, with their prompt, when the person chose Dutch', async () => {
  await installExtension(firefox());
  // The test build opens a popup on install: from it the journal, whence the quick pages, one at a time.
  const installed = await extensionPage('popup.html');
  const journal = await openFrom(installed, 'options.html');
  await installed.close();
  // Dutch chosen in Settings: stored, then read as every page reads it, which keeps the quick pages' copy (utils/storage/settings.ts).
  await journal.evaluate(async () => {
    const { storage } = (
      globalThis as unknown as {
        browser: { storage: { sync: { get(key: string): Promise<Record<string, object>>; set(items: object): Promise<void> } } };
      }
    ).browser;
    const { settings } = await storage.sync.get('settings');
    await storage.sync.set({ settings: { ...settings, language: 'nl' } });
  });
  // Puppeteer does not see Firefox's extension pages navigate: the page reloads itself.
  await journal.evaluate(() => location.reload());
  await journal.waitForFunction(() => localStorage.getItem('adempauze.language') === '"nl"');
  const headings = PROMPTS.map((prompt) => (prompt.kind === 'step' ? prompt.title.nl : prompt.text.nl));

  for (const [file, heading] of [
    ['popup.html', 'h1.prompt-title'],
    ['pause.html', 'h1.breathing-heading'],
  ] as const) {
    const page = await openFrom(journal, file);
    await page.waitForFunction(
      () => document.documentElement.dataset.app === 'ready' && performance.getEntriesByName('first-contentful-paint').length > 0,
    );
    const seen = await page.evaluate((selector) => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
      const shell = performance.getEntriesByName('adempauze:shell')[0]?.startTime;
      return { lang: document.documentElement.lang, heading: document.querySelector(selector)?.textContent ?? '', paint, shell };
    }, heading);
    expect(seen.lang).toBe('nl');
    if (file === 'popup.html') expect(headings).toContain(seen.heading);
    else expect(seen.heading).toBe(messages('nl').breatheHeading);
    // Nothing contentful was painted before the shell had its language and prompt.
    expect(seen.shell).toBeDefined();
    expect(seen.paint).toBeGreaterThanOrEqual(seen.shell!);
    await page.close();
  }
});
