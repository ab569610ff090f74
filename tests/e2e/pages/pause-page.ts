import type { Locator, Page } from '@playwright/test';
import type { JournalMessages } from '@/utils/i18n-journal';

/** The pause window: breathing first, then one prompt to answer. */
export class PausePage {
  constructor(
    readonly page: Page,
    private readonly t: JournalMessages,
  ) {}

  get breathingHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.breatheHeading });
  }

  async skipBreathing(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.skipBreathing }).click();
  }

  get prompt(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get answer(): Locator {
    return this.page.getByRole('textbox', { name: this.t.answerLabel });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.save }).click();
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
