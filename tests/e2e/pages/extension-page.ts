import type { BrowserContext, Page } from '@playwright/test';
import type { JournalMessages } from '@/utils/i18n-journal';

/** One of the extension's pages, opened in a fresh tab of the test's browser. */
export abstract class ExtensionPage {
  page!: Page;

  constructor(
    protected readonly context: BrowserContext,
    protected readonly extensionId: string,
    protected readonly t: JournalMessages,
  ) {}

  /** Opens `file` of the extension in a new tab. */
  protected async openFile(file: string, viewport?: { width: number; height: number }): Promise<Page> {
    this.page = await this.context.newPage();
    if (viewport) await this.page.setViewportSize(viewport);
    await this.page.goto(`chrome-extension://${this.extensionId}/${file}`);
    return this.page;
  }
}
