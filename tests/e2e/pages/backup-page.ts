import { expect, type BrowserContext, type Locator } from '@playwright/test';
import { autoBackupMessages, type AutoBackupMessages } from '@/utils/i18n/auto-backup';
import type { LockMessages } from '@/utils/i18n/lock';
import { ExtensionPage } from './extension-page';

/** The journal's Backup section (options.html#backup): export, import, and automatic backups. */
export class BackupPage extends ExtensionPage {
  /** The words of automatic backups, in English as the fixtures run. */
  readonly auto: AutoBackupMessages = autoBackupMessages('en');

  constructor(context: BrowserContext, extensionId: string, t: LockMessages) {
    super(context, extensionId, t);
  }

  async open(): Promise<this> {
    await this.openFile('options.html#backup');
    await this.page.getByRole('heading', { level: 1, name: this.t.backupTitle }).waitFor();
    return this;
  }

  /** "Back up automatically", the switch. */
  get autoSwitch(): Locator {
    return this.page.getByRole('checkbox', { name: this.auto.autoSwitch });
  }

  /** Turns automatic backups on, as a person does: the permission is asked in the click. */
  async turnOn(): Promise<void> {
    await this.autoSwitch.click();
    await expect(this.autoSwitch).toBeChecked();
    await expect(this.autoSwitch).toBeEnabled();
    // The background plans the first backup when it hears of the switch, replacing any backup alarm:
    // one a test fires before that would be replaced, and the backup would come a minute later.
    await expect
      .poll(() => this.page.evaluate(async () => (await chrome.alarms.get('backup')) !== undefined), {
        message: 'the first backup planned',
      })
      .toBe(true);
  }

  async backUpNow(): Promise<void> {
    await this.page.getByRole('button', { name: this.auto.autoNow }).click();
  }

  /** The last automatic backup's file, as the section shows it. */
  get lastFile(): Locator {
    return this.page.locator('.auto-status dd code');
  }

  /** The import: a chosen file, checked and, if it is locked, waiting for its passphrase or recovery key. */
  async importFile(file: string): Promise<void> {
    await this.page.getByLabel(this.t.backupImportLabel).setInputFiles(file);
  }
}
