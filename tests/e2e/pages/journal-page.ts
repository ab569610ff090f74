import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { JournalMessages } from '@/utils/i18n-journal';

/** The options page: the person's private journal. */
export class JournalPage {
  page!: Page;

  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
    private readonly t: JournalMessages,
  ) {}

  async open(): Promise<this> {
    this.page = await this.context.newPage();
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html`);
    await this.page.getByRole('heading', { level: 1, name: this.t.journalTitle }).waitFor();
    return this;
  }

  /** The notes in the order shown. */
  get notes(): Locator {
    return this.page.getByRole('article');
  }

  note(answer: string): Locator {
    return this.notes.filter({ hasText: answer });
  }
}
