import type { BrowserContext, Page } from '@playwright/test';
import type { Note } from '@/utils/notes-db';
import type { Settings } from '@/utils/settings';

/** Any moment of any day counts as active, so tests do not depend on when they run. */
export const ALWAYS_ACTIVE: Partial<Settings> = { activeDays: [0, 1, 2, 3, 4, 5, 6], activeStartMinutes: 0, activeEndMinutes: 24 * 60 };

/**
 * The extension's own state, read and changed through its real APIs from one of its pages (not
 * from the service worker, so a killed worker never gets in the way).
 */
export class ExtensionState {
  private page!: Page;

  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
  ) {}

  async open(): Promise<this> {
    this.page = await this.context.newPage();
    // The popup page is light, and it runs with the extension's permissions.
    await this.page.goto(`chrome-extension://${this.extensionId}/popup.html`);
    return this;
  }

  alarm(name: string): Promise<{ name: string; scheduledTime: number } | null> {
    return this.page.evaluate(async (alarmName) => (await chrome.alarms.get(alarmName)) ?? null, name);
  }

  alarmNames(): Promise<string[]> {
    return this.page.evaluate(async () => (await chrome.alarms.getAll()).map((alarm) => alarm.name).sort());
  }

  /** Fires an alarm for real: re-created to go off in a moment (unpacked extensions have no 30 s minimum). */
  fireAlarm(name: string): Promise<void> {
    return this.page.evaluate((alarmName) => chrome.alarms.create(alarmName, { when: Date.now() + 100 }), name);
  }

  badgeText(): Promise<string> {
    return this.page.evaluate(() => chrome.action.getBadgeText({}));
  }

  /** The page the toolbar icon opens now. */
  toolbarPopup(): Promise<string> {
    return this.page.evaluate(() => chrome.action.getPopup({}));
  }

  notificationIds(): Promise<string[]> {
    return this.page.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
  }

  /**
   * Writes settings as the options page would, and waits until the background has re-planned the
   * pause alarm in answer (storage.onChanged), so a test's next alarm is not overwritten by it.
   */
  async setSettings(settings: Partial<Settings>): Promise<void> {
    const before = (await this.alarm('pause'))?.scheduledTime;
    await this.page.evaluate(async (patch) => {
      const { settings: stored } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(stored as object | undefined), ...patch } });
    }, settings);
    for (let waited = 0; waited < 5000; waited += 50) {
      if ((await this.alarm('pause'))?.scheduledTime !== before) return;
      await this.page.waitForTimeout(50);
    }
  }

  /**
   * Stores notes straight into the extension's real IndexedDB, as fast as possible, for tests that
   * need thousands. Opens the database at whatever version the extension created.
   */
  async storeNotes(notes: readonly Note[]): Promise<void> {
    // Opening the journal once makes the extension create and upgrade its database.
    await this.page.goto(`chrome-extension://${this.extensionId}/options.html`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await this.page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('adempauze');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('notes', 'readwrite');
            for (const row of rows) tx.objectStore('notes').put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      notes,
    );
  }

  /** Ends the service worker as the browser does after 30 s idle, through CDP Target.closeTarget. */
  async killServiceWorker(): Promise<void> {
    const cdp = await this.context.newCDPSession(this.page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.includes(this.extensionId));
    if (!worker) throw new Error('no service worker to kill');
    await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    await cdp.detach();
  }

  /** Whether the extension's service worker is running now. */
  async serviceWorkerRunning(): Promise<boolean> {
    const cdp = await this.context.newCDPSession(this.page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    await cdp.detach();
    return targetInfos.some((target) => target.type === 'service_worker' && target.url.includes(this.extensionId));
  }
}
