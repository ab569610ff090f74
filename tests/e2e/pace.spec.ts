// Offers that pass by come less often (issue 23), in the real browser: the real pause, seam and
// expiry alarms make three offers that nobody answers, the next is planned later than the set
// interval, an answer in the popup brings it nearer, and the popup says so calmly with a way back
// to the set pace.
import { pausesMessages } from '@/utils/i18n/pauses';
import { expectNoSeriousViolations } from './axe';
import { expect, test } from './fixtures';
import { ALWAYS_ACTIVE, MIN_INTERVAL, type ExtensionState } from './pages/extension-state';

/** One offer an hour exactly, any moment, a dozen a day: the pace alone moves the next offer. */
const SET_PACE = { ...ALWAYS_ACTIVE, minIntervalMinutes: 60, maxIntervalMinutes: 60, maxPerDay: 12 };

/**
 * An offer made by the real pause alarm, shown in full by its seam alarm (no seam came sooner),
 * and left to expire by its expiry alarm: it passed the person by. Waits until the background has
 * backed off to `steps`.
 */
async function offerPassesBy(extension: ExtensionState, steps: number): Promise<void> {
  await extension.fireOffer();
  await extension.fireAlarm('offer-seam');
  await expect.poll(async () => (await extension.scheduleState())?.offer?.stage, { message: 'the offer shown in full' }).toBe('shown');
  await extension.fireAlarm('offer-expiry');
  await expect
    .poll(
      async () => {
        const state = await extension.scheduleState();
        return state?.offer === null ? state.backOff : undefined;
      },
      { message: `the offer expired, and offers backed off to ${steps} steps` },
    )
    .toBe(steps);
  expect(await extension.badgeText()).toBe('');
}

/** How long from now until the next planned offer, once the pause alarm holds it. */
async function untilNext(extension: ExtensionState): Promise<number> {
  const { nextOfferAt } = (await extension.scheduleState())!;
  expect((await extension.alarm('pause'))?.scheduledTime).toBe(nextOfferAt);
  return nextOfferAt! - Date.now();
}

test('three offers left to expire back off the next; an answer in the popup brings it nearer; "Return to the set pace" returns', async ({
  extension,
  popup,
  locale,
  t,
}) => {
  const p = pausesMessages(locale);
  await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
  await extension.setSettings(SET_PACE);

  await offerPassesBy(extension, 1);
  await offerPassesBy(extension, 2);
  // The pace lives in storage: a service worker ended as the browser ends it changes nothing.
  await extension.killServiceWorker();
  await offerPassesBy(extension, 3);
  // Planned 3.375 intervals after the last one went: later than the set interval, well past it.
  const backedOff = await untilNext(extension);
  expect(backedOff).toBeGreaterThan(3 * MIN_INTERVAL);
  expect(backedOff).toBeLessThanOrEqual(3.375 * MIN_INTERVAL);

  await popup.open();
  const panel = popup.page.getByRole('region', { name: p.pausesHeading });
  const status = panel.getByRole('status');
  const returnToPace = panel.getByRole('button', { name: p.returnToSetPace });
  await expect(status).toContainText(p.pausesLessOften);
  await expect(returnToPace).toBeVisible();
  await expectNoSeriousViolations(popup.page, 'the popup, offers backed off');

  // An answer saved in the popup is a pause taken: one step nearer the set pace.
  await popup.write('Three offers went by; this one I take.');
  await popup.save();
  await expect(popup.status).toHaveText(t.saved);
  await expect.poll(async () => (await extension.scheduleState())?.backOff, { message: 'a step nearer the set pace' }).toBe(2);
  const nearer = await untilNext(extension);
  expect(nearer).toBeLessThan(backedOff);
  expect(nearer).toBeGreaterThan(2 * MIN_INTERVAL);
  expect(nearer).toBeLessThanOrEqual(2.25 * MIN_INTERVAL);
  // Still backed off, so the line stays.
  await expect(status).toContainText(p.pausesLessOften);

  // By keyboard, as a person without a mouse would.
  await returnToPace.focus();
  await popup.page.keyboard.press('Enter');
  await expect(returnToPace).toHaveCount(0);
  await expect(status).not.toContainText(p.pausesLessOften);
  await expect(panel.getByRole('button', { name: p.inMeeting })).toBeFocused();
  expect((await extension.scheduleState())?.backOff).toBe(0);
  // The set interval again, counted from the answer (its rest still holds).
  expect(await untilNext(extension)).toBeLessThanOrEqual(MIN_INTERVAL);
  await expectNoSeriousViolations(popup.page, 'the popup, at the set pace');
});
