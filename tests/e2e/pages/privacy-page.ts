import { expect, type Locator, type Page } from '@playwright/test';
import type { LockMessages } from '@/utils/i18n/lock';
import { ExtensionPage } from './extension-page';

/** The unlock form, wherever a page shows it: the locked journal, the print view, the Privacy section. */
export class UnlockForm {
  constructor(
    private readonly page: Page,
    private readonly t: LockMessages,
  ) {}

  /** A password field has no role of its own: found by its label, as a screen reader names it. */
  get passphrase(): Locator {
    return this.page.getByLabel(this.t.lockPassphrase, { exact: true });
  }

  get recoveryKey(): Locator {
    return this.page.getByRole('textbox', { name: this.t.lockRecoveryLabel, exact: true });
  }

  get unlockButton(): Locator {
    return this.page.getByRole('button', { name: this.t.unlockButton, exact: true });
  }

  /** What the form says of the last try (the alert is always there, empty until something is wrong). */
  problem(text: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  async unlockWithPassphrase(passphrase: string): Promise<void> {
    await this.passphrase.fill(passphrase);
    await this.unlockButton.click();
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t.unlockUseRecovery }).click();
    await this.recoveryKey.fill(recoveryKey);
    await this.unlockButton.click();
  }

  /** After the recovery key opened the journal: a new passphrase, twice. */
  async setNewPassphrase(passphrase: string): Promise<void> {
    await this.page.getByLabel(this.t.lockNewPassphrase, { exact: true }).fill(passphrase);
    await this.page.getByLabel(this.t.lockRepeatPassphrase, { exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: this.t.unlockRenewSave }).click();
  }
}

/** The journal's Privacy section (options.html#privacy): the passphrase lock. */
export class PrivacyPage extends ExtensionPage {
  async open(viewport?: { width: number; height: number }): Promise<this> {
    await this.openFile('options.html#privacy', viewport);
    await this.heading.waitFor();
    return this;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t.privacyTitle });
  }

  get unlockForm(): UnlockForm {
    return new UnlockForm(this.page, this.t);
  }

  /** The section's own status line: "The lock is on", "The lock is removed". */
  notice(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** The encrypting or decrypting progress bar, while this page changes the records. */
  get progress(): Locator {
    return this.page.getByRole('progressbar');
  }

  /** Fills the form that turns the lock on, and submits it; the recovery key shows next. */
  async submitTurnOn(passphrase: string): Promise<void> {
    await this.page.getByLabel(this.t.lockPassphrase, { exact: true }).fill(passphrase);
    await this.page.getByLabel(this.t.lockRepeatPassphrase, { exact: true }).fill(passphrase);
    await this.page.getByRole('checkbox', { name: this.t.lockAcknowledge }).check();
    await this.page.getByRole('button', { name: this.t.lockTurnOn }).click();
  }

  /** The recovery key as the page shows it, once. */
  get recoveryKey(): Locator {
    return this.page.getByRole('status', { name: this.t.lockRecoveryLabel });
  }

  /** Turns the lock on, reads the recovery key, waits until every record is encrypted and puts the key away. */
  async turnOn(passphrase: string): Promise<string> {
    await this.submitTurnOn(passphrase);
    const recoveryKey = (await this.recoveryKey.textContent()) ?? '';
    await expect(this.notice(this.t.lockTurnedOn)).toBeVisible();
    await this.keptRecoveryKey();
    return recoveryKey;
  }

  async keptRecoveryKey(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.lockRecoveryKept }).click();
    await this.page.getByRole('heading', { level: 2, name: this.t.lockOnHeading }).waitFor();
  }

  async lockNow(): Promise<void> {
    await this.page.getByRole('button', { name: this.t.lockNow }).click();
    await this.unlockForm.passphrase.waitFor();
  }

  /** The change-passphrase form, filled: the current passphrase, the new one twice, and whether the key is replaced too. */
  async fillChangePassphrase(current: string, passphrase: string, replaceKey = false): Promise<void> {
    const card = this.page.getByRole('region', { name: this.t.lockChangeHeading });
    await card.getByLabel(this.t.lockCurrentLabel, { exact: true }).fill(current);
    await card.getByLabel(this.t.lockNewPassphrase, { exact: true }).fill(passphrase);
    await card.getByLabel(this.t.lockRepeatPassphrase, { exact: true }).fill(passphrase);
    await card.getByRole('checkbox', { name: this.t.lockReplaceKey }).setChecked(replaceKey);
    await card.getByRole('button', { name: this.t.lockChangePassphrase }).click();
  }

  async changePassphrase(current: string, passphrase: string): Promise<void> {
    await this.fillChangePassphrase(current, passphrase);
    await expect(this.page.getByText(this.t.lockPassphraseChanged)).toBeVisible();
  }

  /** A new passphrase and a new key: resolves to the new recovery key, once every note is under the new key and it is put away. */
  async replaceKey(current: string, passphrase: string): Promise<string> {
    await this.fillChangePassphrase(current, passphrase, true);
    const recoveryKey = (await this.recoveryKey.textContent()) ?? '';
    await this.keptRecoveryKey();
    return recoveryKey;
  }

  /** Asks to remove the lock and confirms with `current`; decrypting then runs with its progress. */
  async startRemoving(current: string): Promise<void> {
    await this.page.getByRole('button', { name: this.t.lockRemoveStart }).click();
    await this.page
      .getByRole('group', { name: this.t.lockRemoveConfirm })
      .getByLabel(this.t.lockCurrentLabel, { exact: true })
      .fill(current);
    await this.page.getByRole('button', { name: this.t.lockRemoveYes }).click();
  }
}
