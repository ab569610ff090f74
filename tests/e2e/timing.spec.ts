import { expect, test } from './fixtures';
import { ALWAYS_ACTIVE, MIN_INTERVAL, type ExtensionState } from './pages/extension-state';
import { PausePage } from './pages/pause-page';

/** Waits until the background has heard of a pause taken at or after `since`; returns its moment. */
async function pauseHeard(extension: ExtensionState, since: number): Promise<number> {
  await expect
    .poll(async () => (await extension.scheduleState())?.lastPauseAt ?? 0, { message: 'the background heard of the pause' })
    .toBeGreaterThanOrEqual(since);
  return (await extension.scheduleState())!.lastPauseAt!;
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

    await extension.alarmOffersNothing(savedAt);
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

    await extension.alarmOffersNothing(openedAt);
  });
});
