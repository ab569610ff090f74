import { MINUTE } from '@/utils/time';
import { expect, test } from './fixtures';
import { ALWAYS_ACTIVE, type ExtensionState } from './pages/extension-state';
import { PausePage } from './pages/pause-page';

/** Defaults: the next offer comes 60–120 minutes after a pause taken, never sooner. */
const MIN_INTERVAL = 60 * MINUTE;

/** Waits until the background has heard of a pause taken at or after `since`; returns its moment. */
async function pauseHeard(extension: ExtensionState, since: number): Promise<number> {
  await expect
    .poll(async () => (await extension.scheduleState())?.lastPauseAt ?? 0, { message: 'the background heard of the pause' })
    .toBeGreaterThanOrEqual(since);
  return (await extension.scheduleState())!.lastPauseAt!;
}

/**
 * Fires the real pause alarm, as planned before the pause (it goes off in a moment), from a fresh
 * service worker, and waits until it has run: it re-plans the alarm it fired. Then nothing shows.
 */
async function alarmOffersNothing(extension: ExtensionState, pausedAt: number): Promise<void> {
  // Nothing in the worker's memory helps: it learns of the pause from storage alone.
  await extension.killServiceWorker();
  await expect.poll(() => extension.serviceWorkerRunning()).toBe(false);
  await extension.fireAlarm('pause');
  await expect
    .poll(async () => (await extension.alarm('pause'))?.scheduledTime ?? 0, { message: 'the fired alarm was planned again' })
    .toBeGreaterThanOrEqual(pausedAt + MIN_INTERVAL);
  const planned = (await extension.alarm('pause'))!.scheduledTime;
  expect(planned).toBeLessThanOrEqual(pausedAt + 2 * MIN_INTERVAL);
  await expect.poll(async () => (await extension.scheduleState())?.nextOfferAt).toBe(planned);
  expect((await extension.scheduleState())?.offer).toBeNull();
  expect(await extension.badgeText()).toBe('');
  expect(await extension.notificationIds()).toEqual([]);
  expect(await extension.alarmNames()).toEqual(['pause']);
}

test.describe('a pause taken counts', () => {
  test('an answer saved in the popup: the alarm planned before it offers nothing, the next comes from the answer', async ({
    extension,
    popup,
    t,
  }) => {
    await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
    await extension.setSettings(ALWAYS_ACTIVE);
    await popup.open();
    await popup.write('I told a friend I was unsure, and it was fine.');
    const before = Date.now();
    await popup.save();
    await expect(popup.status).toHaveText(t.saved);
    const savedAt = await pauseHeard(extension, before);
    expect((await extension.alarm('pause'))!.scheduledTime).toBeGreaterThanOrEqual(savedAt + MIN_INTERVAL);

    await alarmOffersNothing(extension, savedAt);
    // The popup tells the same plan.
    await expect(popup.page.getByText(/^Next pause around/)).toBeVisible();
  });

  test('a pause window the person opened themselves counts the same', async ({ context, extensionId, extension, t }) => {
    await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
    await extension.setSettings(ALWAYS_ACTIVE);
    const before = Date.now();
    const pause = await PausePage.open(context, extensionId, t);
    await expect(pause.breathingHeading).toBeVisible();
    const openedAt = await pauseHeard(extension, before);

    await alarmOffersNothing(extension, openedAt);
  });
});
