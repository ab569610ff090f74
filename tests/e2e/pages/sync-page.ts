/** The Sync section of the journal's page, as a person uses it. */
import type { BrowserContext, Page } from '@playwright/test';
import { syncMessages, type SyncMessages } from '@/utils/i18n/sync';
import { lockMessages, type LockMessages } from '@/utils/i18n/lock';
import { expect } from '../fixtures';

export class SyncPage {
  readonly page: Page;
  private readonly t: SyncMessages;
  private readonly lockT: LockMessages;

  private constructor(page: Page, locale: 'en' | 'nl') {
    this.page = page;
    this.t = syncMessages(locale);
    this.lockT = lockMessages(locale);
  }

  static async open(context: BrowserContext, extensionId: string, locale: 'en' | 'nl' = 'en'): Promise<SyncPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html#sync`);
    const sync = new SyncPage(page, locale);
    await expect(page.getByRole('heading', { level: 1, name: sync.t.syncHeading })).toBeVisible();
    return sync;
  }

  /** Fills in the server and presses Connect; resolves once the folder has been looked at. */
  async connect(address: string, user: string, password: string): Promise<void> {
    await this.page.getByLabel(this.t.syncAddress).fill(address);
    await this.page.getByLabel(this.t.syncUser).fill(user);
    await this.page.getByLabel(this.t.syncPassword, { exact: true }).fill(password);
    await this.page.getByRole('button', { name: this.t.syncConnect }).click();
  }

  /** Starts sync on an empty folder with a new sync passphrase; resolves to the recovery key shown. */
  async start(passphrase: string): Promise<string> {
    await expect(this.page.getByText(this.t.syncFoundEmpty)).toBeVisible();
    await this.page.getByLabel(this.t.syncPassphraseLabel, { exact: true }).fill(passphrase);
    await this.page.getByLabel(this.lockT.lockRepeatPassphrase).fill(passphrase);
    await this.page.getByRole('button', { name: this.t.syncStart }).click();
    return this.keepRecoveryKey();
  }

  /** Starts sync on an empty folder with the lock's passphrase; resolves to the recovery key shown. */
  async startWithLock(passphrase: string): Promise<string> {
    await expect(this.page.getByText(this.t.syncFoundEmpty)).toBeVisible();
    await this.page.getByLabel(this.t.syncLockPassphraseLabel).fill(passphrase);
    await this.page.getByRole('button', { name: this.t.syncStart }).click();
    return this.keepRecoveryKey();
  }

  private async keepRecoveryKey(): Promise<string> {
    const key = this.page.locator('output.recovery-key');
    await expect(key).toBeVisible({ timeout: 30_000 });
    const text = (await key.textContent()) ?? '';
    await this.page.getByRole('button', { name: this.lockT.lockRecoveryKept }).click();
    return text;
  }

  /** Joins the journal found, with its passphrase or recovery key; resolves to the preview's words. */
  async join(secret: { passphrase: string } | { recoveryKey: string }): Promise<string> {
    await expect(this.page.getByText(this.t.syncFoundJournal)).toBeVisible();
    if ('recoveryKey' in secret) {
      await this.page.getByRole('button', { name: this.lockT.unlockUseRecovery }).click();
      await this.page.getByLabel(this.lockT.lockRecoveryLabel).fill(secret.recoveryKey);
    } else await this.page.getByLabel(this.t.syncJoinLabel).fill(secret.passphrase);
    await this.page.getByRole('button', { name: this.t.syncJoin }).click();
    const preview = this.page.locator('.sync-preview');
    await expect(preview).toBeVisible({ timeout: 30_000 });
    return (await preview.textContent()) ?? '';
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.syncConfirm }).click();
    await this.connected();
  }

  /** The connected view is showing. */
  async connected(): Promise<void> {
    await expect(this.page.getByRole('button', { name: this.t.syncDisconnect })).toBeVisible();
  }

  /** Presses Sync now and waits until the run has ended (the button is enabled again). */
  async syncNow(): Promise<void> {
    const button = this.page.getByRole('button', { name: this.t.syncNow });
    await expect(button).toBeEnabled({ timeout: 30_000 });
    await button.click();
    await expect(this.page.locator('.sync-running')).toHaveText('', { timeout: 60_000 });
    await expect(button).toBeEnabled({ timeout: 60_000 });
  }

  /** The alert a failure shows, or '' without one. */
  failure() {
    return this.page.locator('.sync .problem[role="alert"]');
  }

  problemText() {
    return this.page.getByRole('alert');
  }
}
