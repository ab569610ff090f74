// The offer's two stages in Firefox. Headless Firefox has no screen-saver clock to ask, so its idle
// API counts from the browser's start, and no input puppeteer makes resets it (measured: an extension
// page saw `idle.queryState(15)` say "idle" 17 s after the start, and still after mouse moves, key
// presses and clicks). To Firefox the person is always still, and 15 seconds of stillness is a seam:
// so here the seam under test is stillness, waited for as a state, never raced against. The seam of
// a tab switch is proven in Chromium (tests/e2e/two-stage.spec.ts), where nothing else can cause it.
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { extensionPage, firefoxForFile, installExtension } from './firefox';

const firefox = firefoxForFile();

/** The few WebExtension calls the test makes from an extension page, with Firefox's own `browser`. */
interface PageBrowser {
  storage: {
    sync: { set(items: object): Promise<void> };
    local: { set(items: object): Promise<void> };
    onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
  };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined>; create(name: string, info: object): void };
  browserAction: { getBadgeText(details: object): Promise<string> };
  idle: { queryState(seconds: number): Promise<string>; onStateChanged: { addListener(listener: (state: string) => void): void } };
  notifications: Record<'onShown' | 'onClosed', { addListener(listener: (id: string) => void): void }>;
  tabs: { onActivated: { addListener(listener: () => void): void } };
  windows: { onFocusChanged: { addListener(listener: () => void): void } };
}

test('an offer due shows only the toolbar mark; a seam (a moment of stillness) brings its notification', async () => {
  await installExtension(firefox());
  // The test build opens the popup in a tab when it is installed.
  const popup: Page = await extensionPage(firefox(), 'popup.html');
  const seen = await popup.evaluate(async () => {
    const b = (globalThis as unknown as { browser: PageBrowser }).browser;
    const until = async <T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
      for (const deadline = Date.now() + 60_000; ; await new Promise((settle) => setTimeout(settle, 100))) {
        const value = await read();
        if (done(value)) return value;
        if (Date.now() > deadline) throw new Error(`Never came: ${what}`);
      }
    };
    // Everything the background could answer, in the order this page hears it: each change of the
    // offer's stage as stored, the notification's events (headless Firefox closes a notification as soon as it is
    // shown, so either says it came), and every kind of seam.
    const events: string[] = [];
    const note = (event: string) => {
      if (events.at(-1) !== event) events.push(event);
    };
    // A fresh profile: no offer yet.
    let stage = 'none';
    b.storage.onChanged.addListener((changes, area) => {
      const schedule = changes.schedule;
      if (area !== 'local' || !schedule) return;
      const now = (schedule.newValue as { offer?: { stage?: string } | null } | undefined)?.offer?.stage ?? 'none';
      if (now !== stage) note(`stage:${now}`);
      stage = now;
    });
    for (const source of [b.notifications.onShown, b.notifications.onClosed]) source.addListener((id) => note(`notification:${id}`));
    b.tabs.onActivated.addListener(() => note('tab switch'));
    b.windows.onFocusChanged.addListener(() => note('window switch'));
    b.idle.onStateChanged.addListener((state) => note(`idle:${state}`));

    // Every moment of every day active. The background answers the change by planning the pause
    // alarm anew; extension events reach it in order, so once it has, every event from before (the
    // install, the popup's tab) has reached it too, and none is left to arrive during the offer.
    const planned = await until(
      'the first planned pause',
      () => b.alarms.get('pause'),
      (alarm) => alarm !== undefined,
    );
    await b.storage.sync.set({ settings: { activeDays: [0, 1, 2, 3, 4, 5, 6], activeRanges: [{ startMinutes: 0, endMinutes: 1440 }] } });
    await until(
      'the pause planned anew for the settings',
      () => b.alarms.get('pause'),
      (alarm) => alarm !== undefined && alarm.scheduledTime !== planned?.scheduledTime,
    );
    // Still for 15 seconds, but not yet away (a minute): the first stage then finds its seam at once.
    await until(
      '15 seconds of stillness',
      () => b.idle.queryState(15),
      (state) => state === 'idle',
    );
    const away = await b.idle.queryState(60);
    if (away !== 'active') throw new Error(`Firefox has been still for a minute since its start (${away}): no offer can come`);

    events.length = 0;
    // No pause taken or offer made before; the alarm goes off in a moment, as it would when due.
    await b.storage.local.set({ schedule: {} });
    b.alarms.create('pause', { when: Date.now() + 200, periodInMinutes: 5 });
    await until(
      'the notification',
      () => Promise.resolve(events),
      (list) => list.includes('notification:pause-offer'),
    );
    return { events: [...events], badge: await b.browserAction.getBadgeText({}) };
  });
  // The alarm's offer: only the mark; then the stillness, and only then the notification. No other
  // seam came between.
  expect(seen).toEqual({
    events: ['stage:mark', 'idle:idle', 'stage:shown', 'notification:pause-offer'],
    badge: '•',
  });
});
