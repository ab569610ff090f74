import type { BrowserContext, Page, Worker } from '@playwright/test';
import { PROMPTS } from '@/content/prompts';
import { OFFER_LINES } from '@/utils/i18n/notification';
import { notificationEn } from '@/utils/i18n/notification.en';
import { expect, test } from './fixtures';
import { ALWAYS_ACTIVE, type ExtensionState } from './pages/extension-state';

/** The extension's running service worker: a settings change has just woken it. */
async function serviceWorker(context: BrowserContext, extensionId: string): Promise<Worker> {
  const ours = (worker: Worker) => worker.url().startsWith(`chrome-extension://${extensionId}/`);
  return context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours }));
}

/**
 * The service worker, once it has planned its first pause, keeping a copy of every notification it
 * creates from now on, as the browser offers no way to read one back: the real
 * chrome.notifications.create still runs, with the same arguments.
 */
async function recordingWorker(context: BrowserContext, extensionId: string, extension: ExtensionState): Promise<Worker> {
  await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
  const worker = await serviceWorker(context, extensionId);
  await worker.evaluate(() => {
    const created: unknown[] = [];
    Object.assign(self, { createdNotifications: created });
    const create = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
    Object.assign(chrome.notifications, {
      create: (...args: unknown[]) => {
        created.push(args.find((arg) => typeof arg === 'object'));
        return create(...args);
      },
    });
  });
  return worker;
}

const created = (worker: Worker) =>
  worker.evaluate(() => (self as unknown as { createdNotifications: { title: string; message: string }[] }).createdNotifications);
const notificationIds = (worker: Worker) => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
const offerStage = async (extension: ExtensionState) => (await extension.scheduleState())?.offer?.stage;

/**
 * Fires the real pause alarm at an always active moment, and waits for the offer's first stage:
 * the toolbar mark. Returns a tab in the background to switch to, opened before: opening one is a
 * switch too, so the tabs are opened before the settings change, whose answer proves the
 * background has heard of them (ExtensionState.setSettings).
 */
async function offerMarked(context: BrowserContext, extension: ExtensionState, settings = {}): Promise<Page> {
  await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
  const otherTab = await context.newPage();
  await context.newPage();
  await extension.setSettings({ ...ALWAYS_ACTIVE, ...settings });
  await extension.fireOffer();
  return otherTab;
}

test.describe("the offer's two stages", () => {
  test('the alarm shows only the mark; switching tab brings the notification, speaking a line of the article', async ({
    context,
    extensionId,
    extension,
  }) => {
    const worker = await recordingWorker(context, extensionId, extension);
    const otherTab = await offerMarked(context, extension);
    expect(await notificationIds(worker)).toEqual([]);
    expect(await extension.alarmNames()).toEqual(['offer-expiry', 'offer-seam', 'pause']);
    const lines = OFFER_LINES.map((line) => notificationEn[line]);
    const tooltip = await worker.evaluate(() => chrome.action.getTitle({}));
    expect(lines.map((line) => `Time for a breathing space?\n${line}`)).toContain(tooltip);

    await otherTab.bringToFront();
    await expect.poll(() => notificationIds(worker)).toEqual(['pause-offer']);
    const [shown] = await created(worker);
    expect(shown?.title).toBe('Time for a breathing space?');
    expect(lines).toContain(shown?.message);
    // The same line as the tooltip's.
    expect(tooltip).toBe(`${shown?.title}\n${shown?.message}`);
    await expect.poll(() => offerStage(extension)).toBe('shown');
    expect(await extension.alarmNames()).toEqual(['offer-expiry', 'pause']);
  });

  test('a click on the marked toolbar icon takes the pause: the seam alarm, fired later, brings no notification', async ({
    context,
    extensionId,
    extension,
  }) => {
    const otherTab = await offerMarked(context, extension);
    const worker = await serviceWorker(context, extensionId);
    // The real toolbar popup, as a click on the icon opens it: pause.html while the mark shows.
    await worker.evaluate(() => chrome.action.openPopup());
    // Unlike a click, openPopup first focuses the window: a switch, which may show the notification
    // before the pause page says it is open. Once it has said so, no notification is left.
    await expect
      .poll(async () => [await offerStage(extension), await notificationIds(worker)], { message: 'the pause page told the background' })
      .toEqual(['shown', []]);
    expect(await extension.alarmNames()).toEqual(['offer-expiry', 'pause']);

    // Had the seam alarm been left behind, it would fire now; a tab switch comes too.
    await extension.fireAlarm('offer-seam');
    await otherTab.bringToFront();
    await expect.poll(() => extension.alarm('offer-seam'), { message: 'the seam alarm fired' }).toBeNull();
    expect(await notificationIds(worker)).toEqual([]);
    expect(await extension.badgeText()).toBe('•');
  });

  test('discreet: the notification and the tooltip say only "Time for a breathing space?", and Chrome takes the empty message', async ({
    context,
    extensionId,
    extension,
  }) => {
    const worker = await recordingWorker(context, extensionId, extension);
    const otherTab = await offerMarked(context, extension, { discreet: true });
    expect(await worker.evaluate(() => chrome.action.getTitle({}))).toBe('Time for a breathing space?');

    await otherTab.bringToFront();
    await expect.poll(() => notificationIds(worker)).toEqual(['pause-offer']);
    const [shown] = await created(worker);
    expect(shown).toMatchObject({ title: 'Time for a breathing space?', message: '' });
    const words = JSON.stringify(shown);
    for (const line of OFFER_LINES) expect(words).not.toContain(notificationEn[line]);
    for (const prompt of PROMPTS) expect(words).not.toContain(prompt.text.en);
  });
});
