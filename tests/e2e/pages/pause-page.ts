import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { LockMessages } from '@/utils/i18n/lock';
import { openExtensionFile } from './extension-page';

/** The pause window's inner size: the background opens it 440 × 640 with its title bar. */
export const PAUSE_WINDOW = { width: 440, height: 600 };

/** The pause window: breathing first, then one prompt to answer. */
export class PausePage {
  constructor(
    readonly page: Page,
    private readonly t: LockMessages,
  ) {}

  /** Whether `page` is the pause window, for waiting on the one the background opens. */
  static isPauseWindow(this: void, page: Page): boolean {
    return page.url().endsWith('/pause.html');
  }

  /** Opens pause.html in a tab of its own, as the toolbar icon does while an offer is open. */
  static async open(context: BrowserContext, extensionId: string, t: LockMessages, viewport = PAUSE_WINDOW): Promise<PausePage> {
    const pause = new PausePage(await openExtensionFile(context, extensionId, 'pause.html', viewport), t);
    await pause.page.getByRole('heading', { level: 1 }).waitFor();
    await pause.page.locator('html[data-app="ready"]').waitFor({ state: 'attached' });
    return pause;
  }

  get breathingHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.breatheHeading });
  }

  async skipBreathing(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.skipBreathing }).click();
  }

  /** The breathing circle: decoration, hidden from assistive technology, so found by its class. */
  get breathCircle(): Locator {
    return this.page.locator('.breath-circle');
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
