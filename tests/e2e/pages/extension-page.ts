import type { BrowserContext, Page } from '@playwright/test';
import type { LockMessages } from '@/utils/i18n/lock';

/** Opens `file` of the extension in a new tab of `context`, at `viewport` if given. */
export async function openExtensionFile(
  context: BrowserContext,
  extensionId: string,
  file: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${extensionId}/${file}`);
  return page;
}

/**
 * Presses `key` on a control that closes its page (the pause window's Close, the popup's links to
 * the journal): the page may close while the key is still down, so the press itself cannot finish.
 */
export async function pressToClose(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key).catch((error: unknown) => {
    if (!page.isClosed()) throw error;
  });
}

/** One of the extension's pages, opened in a fresh tab of the test's browser. */
export abstract class ExtensionPage {
  page!: Page;

  constructor(
    protected readonly context: BrowserContext,
    protected readonly extensionId: string,
    protected readonly t: LockMessages,
  ) {}

  /** Opens `file` of the extension in a new tab. */
  protected async openFile(file: string, viewport?: { width: number; height: number }): Promise<Page> {
    this.page = await openExtensionFile(this.context, this.extensionId, file, viewport);
    return this.page;
  }
}
