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
  /**
   * Whether Playwright watches the service worker's requests (its default). Off for a test that
   * stops the worker while its requests are under way: see `workerRequestsWatched`.
   */
  watchWorkerRequests: boolean;
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

/**
 * Playwright follows a service worker's requests through DevTools. With that on, Chromium 156 now
 * and then crashes (SIGTRAP in the browser process, every page gone) when a worker is stopped while
 * its own requests are under way on a busy machine: 3 crashes in about 110 such stops under load,
 * none in 480 with it off (probe, stop 29). Its documented switch, an environment variable, is read
 * each time a worker starts, so it is set for the whole test (tests in one process run one at a
 * time) and restored after. Returns the restore.
 */
function workerRequestsWatched(watched: boolean): () => void {
  const name = 'PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK';
  const before = process.env[name];
  if (watched) delete process.env[name];
  else process.env[name] = '1';
  return () => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  };
}

/** A fresh profile per test: real IndexedDB, real storage, real service worker. */
export const test = base.extend<Fixtures>({
  uiLanguage: ['en_US', { option: true }],
  build: ['production', { option: true }],
  downloads: async ({}, use, testInfo) => use(testInfo.outputPath('downloads')),
  locale: async ({ uiLanguage }, use) => use(uiLanguage === 'nl' ? 'nl' : 'en'),
  t: async ({ locale }, use) => use({ ...lockMessages(locale), ...lookingBackJournalMessages(locale), ...promptsMessages(locale) }),
  watchWorkerRequests: [true, { option: true }],
  context: async ({ uiLanguage, build, downloads, watchWorkerRequests }, use, testInfo) => {
    const restore = workerRequestsWatched(watchWorkerRequests);
    try {
      const context =
        build === 'e2e'
          ? await launchWithExtension(testInfo.outputPath('profile'), uiLanguage, E2E_EXTENSION_DIR, downloads)
          : await launchWithExtension(testInfo.outputPath('profile'), uiLanguage);
      await use(context);
      await context.close();
    } finally {
      restore();
    }
  },
  extensionId: async ({ build }, use) => use(unpackedExtensionId(build === 'e2e' ? E2E_EXTENSION_DIR : EXTENSION_DIR)),
  popup: async ({ context, extensionId, t }, use) => use(new PopupPage(context, extensionId, t)),
  journal: async ({ context, extensionId, t }, use) => use(new JournalPage(context, extensionId, t)),
  extension: async ({ context, extensionId }, use) => use(await new ExtensionState(context, extensionId).open()),
});

export { expect } from '@playwright/test';
