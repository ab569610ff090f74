import type { Locator } from '@playwright/test';
import { ExtensionPage } from './extension-page';

/** The options page: the person's private journal. */
export class JournalPage extends ExtensionPage {
  async open(): Promise<this> {
    await this.openFile('options.html');
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
