import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { Note } from '@/utils/model/records';
import type { ScheduleState } from '@/utils/model/schedule';
import type { Settings } from '@/utils/model/settings';
import { MINUTE } from '@/utils/time';

/** Any moment of any day counts as active, so tests do not depend on when they run. */
export const ALWAYS_ACTIVE: Partial<Settings> = {
  activeDays: [0, 1, 2, 3, 4, 5, 6],
  activeRanges: [{ startMinutes: 0, endMinutes: 24 * 60 }],
};

/** Defaults: the next offer comes 60–120 minutes after the moment it is planned from, never sooner. */
export const MIN_INTERVAL = 60 * MINUTE;

/**
 * The extension's own state, read and changed through its real APIs from one of its pages (not
 * from the service worker, so a killed worker never gets in the way).
 */
export class ExtensionState {
  private page!: Page;
  /** The page it works from, and comes back to. */
  private home = 'popup.html';

  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
  ) {}

  /**
   * The popup page is light, and it runs with the extension's permissions. Tests of automatic
   * backups work from another (`home`): an open popup holds a backup back (an answer may be typed).
   */
  async open(home = 'popup.html'): Promise<this> {
    this.home = home;
    this.page = await this.context.newPage();
    await this.page.goto(`chrome-extension://${this.extensionId}/${home}`);
    return this;
  }

  alarm(name: string): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number } | null> {
    return this.page.evaluate(async (alarmName) => (await chrome.alarms.get(alarmName)) ?? null, name);
  }

  alarmNames(): Promise<string[]> {
    return this.page.evaluate(async () => (await chrome.alarms.getAll()).map((alarm) => alarm.name).sort());
  }

  /**
   * Fires an alarm for real: re-created to go off in a moment (unpacked extensions have no 30 s
   * minimum), repeating as it did, so what happens after it fired is what the browser would do.
   */
  fireAlarm(name: string): Promise<void> {
    return this.page.evaluate(async (alarmName) => {
      const period = (await chrome.alarms.get(alarmName))?.periodInMinutes;
      await chrome.alarms.create(alarmName, { when: Date.now() + 100, ...(period ? { periodInMinutes: period } : {}) });
    }, name);
  }

  /**
   * Fires the real pause alarm and waits for the offer's first stage: the mark on the toolbar icon,
   * whose popup is then the pause itself. The notification or the window waits for a seam.
   */
  async fireOffer(): Promise<void> {
    await this.fireAlarm('pause');
    await expect.poll(async () => (await this.scheduleState())?.offer?.stage, { message: 'an offer in its first stage' }).toBe('mark');
    await expect.poll(() => this.badgeText(), { message: 'the toolbar mark' }).toBe('•');
    await expect.poll(() => this.toolbarPopup(), { message: 'the toolbar icon opens the pause' }).toMatch(/\/pause\.html$/);
  }

  /**
   * A seam in the person's browsing, where an offer in its first stage shows in full: a tab
   * opened, which is a switch of tab too. Returns the new tab.
   */
  switchTab(): Promise<Page> {
    return this.context.newPage();
  }

  /**
   * Fires the pause alarm planned before a rest (a pause taken, a quiet time) that ends at `restEnd`,
   * from a fresh service worker, and waits until it has run: it only plans itself again, a whole
   * interval after the rest, and nothing shows.
   */
  async alarmOffersNothing(restEnd: number): Promise<void> {
    // Nothing in the worker's memory helps: it learns of the rest from storage alone.
    await this.killServiceWorker();
    await expect.poll(() => this.serviceWorkerRunning()).toBe(false);
    await this.fireAlarm('pause');
    await expect
      .poll(async () => (await this.alarm('pause'))?.scheduledTime ?? 0, { message: 'the fired alarm was planned again' })
      .toBeGreaterThanOrEqual(restEnd + MIN_INTERVAL);
    const planned = (await this.alarm('pause'))!.scheduledTime;
    expect(planned).toBeLessThanOrEqual(restEnd + 2 * MIN_INTERVAL);
    await expect.poll(async () => (await this.scheduleState())?.nextOfferAt).toBe(planned);
    expect((await this.scheduleState())?.offer).toBeNull();
    expect(await this.badgeText()).toBe('');
    expect(await this.notificationIds()).toEqual([]);
    expect(await this.alarmNames()).toEqual(['pause']);
  }

  /** The background's stored schedule (see utils/model/schedule.ts). */
  scheduleState(): Promise<ScheduleState | undefined> {
    return this.page.evaluate(async () => (await chrome.storage.local.get('schedule')).schedule as never);
  }

  /**
   * Forgets the offers made today and the pauses taken, as if a new day had begun: a day allows a
   * dozen offers at most, and no offer comes within the minimum interval after a pause taken.
   * The service worker is stopped first, so it cannot write the state at the same time.
   */
  async startNewDay(): Promise<void> {
    // An event still on its way (a page's message) may start the worker again at once.
    await expect
      .poll(async () => (await this.endServiceWorker()) || this.serviceWorkerRunning(), { message: 'the service worker keeps running' })
      .toBe(false);
    await this.page.evaluate(async () => {
      const { schedule } = await chrome.storage.local.get('schedule');
      await chrome.storage.local.set({ schedule: { ...(schedule as object), recentOffers: [], lastPauseAt: null, backAt: null } });
    });
  }

  /** Every note row in the extension's IndexedDB, read directly (none before the database exists). */
  storedNotes(): Promise<Note[]> {
    return this.page.evaluate(async () => {
      // Opening a database that does not exist would create an empty version 1 of it.
      if (!(await indexedDB.databases()).some((db) => db.name === 'adempauze')) return [];
      return new Promise<Note[]>((resolve, reject) => {
        const request = indexedDB.open('adempauze');
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('notes').objectStore('notes').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as Note[]);
          };
          all.onerror = () => reject(all.error ?? new Error('IndexedDB request failed'));
        };
      });
    });
  }

  /**
   * Everything the extension keeps on disk, read raw: every row of every store of every IndexedDB
   * database, every localStorage key, storage.local and storage.sync. (storage.session is memory.)
   */
  onDisk(): Promise<{
    indexedDB: Record<string, Record<string, unknown[]>>;
    localStorage: Record<string, string | null>;
    local: Record<string, unknown>;
    sync: Record<string, unknown>;
  }> {
    return this.page.evaluate(async () => {
      const request = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
        });
      const databases: Record<string, Record<string, unknown[]>> = {};
      for (const { name } of await indexedDB.databases()) {
        if (!name) continue;
        const db = await request(indexedDB.open(name));
        const stores = [...db.objectStoreNames];
        // A database with no stores (the lock's scratch database, utils/db/rewrite.ts) holds nothing.
        if (stores.length === 0) {
          db.close();
          continue;
        }
        const tx = db.transaction(stores);
        databases[name] = Object.fromEntries(
          await Promise.all(stores.map(async (store) => [store, await request(tx.objectStore(store).getAll())] as const)),
        );
        db.close();
      }
      return {
        indexedDB: databases,
        localStorage: Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
        local: await chrome.storage.local.get(null),
        sync: await chrome.storage.sync.get(null),
      };
    });
  }

  /**
   * Writes into storage.local from an extension page, past every verb and check: what any page of
   * the extension (or a script run in one) could do, for the tests of the lock against tampering.
   */
  async writeLocal(items: Record<string, unknown>): Promise<void> {
    await this.page.evaluate((values) => chrome.storage.local.set(values), items);
  }

  /** One item of storage.local, as stored. */
  localItem(key: string): Promise<unknown> {
    return this.page.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key);
  }

  /** Takes an optional permission back, as the browser's own settings do for a person. */
  async removePermission(permission: string): Promise<void> {
    expect(await this.page.evaluate((name) => chrome.permissions.remove({ permissions: [name as never] }), permission)).toBe(true);
  }

  /** Everything in storage.session: memory only, gone when the browser quits. */
  inMemory(): Promise<Record<string, unknown>> {
    return this.page.evaluate(() => chrome.storage.session.get(null));
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
   * pause alarm in answer (storage.onChanged), so a test's next alarm is not overwritten by it. The
   * extension's events reach its worker in order, so once it has answered, every event from before
   * (a tab opened or closed, which is a seam) has reached it too: none arrives late to act on an
   * offer the test makes next. The settings must differ from those stored, or nothing answers.
   */
  async setSettings(settings: Partial<Settings>): Promise<void> {
    const before = (await this.alarm('pause'))?.scheduledTime;
    await this.page.evaluate(async (patch) => {
      const { settings: stored } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(stored as object | undefined), ...patch } });
    }, settings);
    await expect
      .poll(async () => (await this.alarm('pause'))?.scheduledTime, { message: 'the background planned the pause anew', timeout: 30_000 })
      .not.toBe(before);
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
          request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('notes', 'readwrite');
            for (const row of rows) tx.objectStore('notes').put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
          };
        }),
      notes,
    );
    // Back to the light page: an open journal would take part in what a test does next (it
    // re-reads notes, and finishes a change of the lock left half-way).
    await this.page.goto(`chrome-extension://${this.extensionId}/${this.home}`);
  }

  /** Ends the service worker as the browser does after 30 s idle, through CDP Target.closeTarget. */
  async killServiceWorker(): Promise<void> {
    if (!(await this.endServiceWorker())) throw new Error('no service worker to kill');
  }

  /** Ends the service worker if it runs now; says whether it did. */
  async endServiceWorker(): Promise<boolean> {
    const cdp = await this.context.newCDPSession(this.page);
    try {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.includes(this.extensionId));
      if (!worker) return false;
      // It may end by itself between the two calls.
      return (await cdp.send('Target.closeTarget', { targetId: worker.targetId }).catch(() => ({ success: false }))).success;
    } finally {
      await cdp.detach();
    }
  }

  /** Whether the extension's service worker is running now. */
  async serviceWorkerRunning(): Promise<boolean> {
    const cdp = await this.context.newCDPSession(this.page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    await cdp.detach();
    return targetInfos.some((target) => target.type === 'service_worker' && target.url.includes(this.extensionId));
  }
}
