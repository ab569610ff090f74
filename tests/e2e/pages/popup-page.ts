import type { Locator } from '@playwright/test';
import { ExtensionPage } from './extension-page';

/** The toolbar popup, opened as a page of the extension (the toolbar itself is out of reach headless). */
export class PopupPage extends ExtensionPage {
  /** Opens the popup as a person clicking the icon would: a fresh page each time. */
  async open(): Promise<this> {
    // A popup is about this size; the page's own CSS sets its width.
    await this.openFile('popup.html', { width: 360, height: 560 });
    // Painted by its first script before its app: the tests act once the app took it over (utils/first-paint/takeover.ts).
    await this.page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    return this;
  }

  /** Closing the popup: focus moved away and the browser discarded the page. */
  async close(): Promise<void> {
    await this.page.close();
  }

  get prompt(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get answer(): Locator {
    return this.page.getByRole('textbox', { name: this.t.answerLabel });
  }

  /** The answer form's status line (the pause schedule below has its own). */
  get status(): Locator {
    return this.page.getByRole('form', { name: this.t.answerLabel }).getByRole('status');
  }

  get problem(): Locator {
    return this.page.getByRole('alert');
  }

  async write(text: string): Promise<void> {
    await this.answer.fill(text);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.save }).click();
  }

  async another(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.another }).click();
  }

  get journalLink(): Locator {
    return this.page.getByRole('link', { name: this.t.openJournal });
  }
}
