import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, chromium, type BrowserContext } from '@playwright/test';
import { chromiumPath, E2E_EXTENSION_DIR, EXTENSION_DIR, extensionArgs, unpackedExtensionId } from '../../scripts/chromium.mjs';
import type { Locale } from '@/utils/i18n/locale';
import { lockMessages, type LockMessages } from '@/utils/i18n/lock';
import { lookingBackJournalMessages, type LookingBackJournalMessages } from '@/utils/i18n/looking-back-journal';
import { promptsMessages, type PromptsMessages } from '@/utils/i18n/prompts';
import { ExtensionState } from './pages/extension-state';
import { JournalPage } from './pages/journal-page';
import { PopupPage } from './pages/popup-page';

interface Fixtures {
  /** The UI language Chromium runs in. On Linux only $LANGUAGE changes it; --lang does not. */
  uiLanguage: 'en_US' | 'nl';
  /** Which build the profile loads: the production build, or the test build with `downloads` granted. */
  build: 'production' | 'e2e';
  /** The profile's Downloads folder (with the test build; the production build downloads through Playwright). */
  downloads: string;
  locale: Locale;
  /** The journal's strings, with those its lock, its looking back and its Prompts section load when shown. */
  t: LockMessages & LookingBackJournalMessages & PromptsMessages;
  context: BrowserContext;
  extensionId: string;
  popup: PopupPage;
  journal: JournalPage;
  extension: ExtensionState;
}

/**
 * Debian Chromium with the built extension in the profile at `userDataDir`. With `downloadsDir`,
 * downloads go there as they would for a person (the profile's own Downloads folder, no dialog),
 * not through Playwright, which would name each file by a random id.
 */
export async function launchWithExtension(
  userDataDir: string,
  uiLanguage: Fixtures['uiLanguage'],
  extensionDir?: string,
  downloadsDir?: string,
): Promise<BrowserContext> {
  // Developer mode, as for anyone loading an unpacked extension: without it Chromium disables an
  // unpacked extension that reloads itself (chrome.runtime.reload) instead of reloading it.
  const preferences = path.join(userDataDir, 'Default', 'Preferences');
  if (!existsSync(preferences)) {
    mkdirSync(path.dirname(preferences), { recursive: true });
    const download = downloadsDir ? { download: { default_directory: downloadsDir, prompt_for_download: false } } : {};
    writeFileSync(preferences, JSON.stringify({ extensions: { ui: { developer_mode: true } }, ...download }));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: extensionArgs(extensionDir),
    env: { ...process.env, LANGUAGE: uiLanguage },
  });
  if (downloadsDir) {
    // Playwright takes over downloads when it launches; the browser's own behaviour comes back.
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    await cdp.detach();
  }
  return context;
}

/** A fresh profile per test: real IndexedDB, real storage, real service worker. */
export const test = base.extend<Fixtures>({
  uiLanguage: ['en_US', { option: true }],
  build: ['production', { option: true }],
  downloads: async ({}, use, testInfo) => use(testInfo.outputPath('downloads')),
  locale: async ({ uiLanguage }, use) => use(uiLanguage === 'nl' ? 'nl' : 'en'),
  t: async ({ locale }, use) => use({ ...lockMessages(locale), ...lookingBackJournalMessages(locale), ...promptsMessages(locale) }),
  context: async ({ uiLanguage, build, downloads }, use, testInfo) => {
    const context =
      build === 'e2e'
        ? await launchWithExtension(testInfo.outputPath('profile'), uiLanguage, E2E_EXTENSION_DIR, downloads)
        : await launchWithExtension(testInfo.outputPath('profile'), uiLanguage);
    await use(context);
    await context.close();
  },
  extensionId: async ({ build }, use) => use(unpackedExtensionId(build === 'e2e' ? E2E_EXTENSION_DIR : EXTENSION_DIR)),
  popup: async ({ context, extensionId, t }, use) => use(new PopupPage(context, extensionId, t)),
  journal: async ({ context, extensionId, t }, use) => use(new JournalPage(context, extensionId, t)),
  extension: async ({ context, extensionId }, use) => use(await new ExtensionState(context, extensionId).open()),
});

export { expect } from '@playwright/test';
