// Quiet for a while, from the real popup, with the real background and its real alarm: nothing is
// offered while it lasts, the next offer is planned a whole interval after it, and "Resume pauses"
// plans from now.
import { pausesMessages, type PausesMessages } from '@/utils/i18n/pauses';
import { HOUR, MINUTE, startOfNextDay } from '@/utils/time';
import { expectNoSeriousViolations } from './axe';
import { expect, test as base } from './fixtures';
import { ALWAYS_ACTIVE, MIN_INTERVAL, type ExtensionState } from './pages/extension-state';
import type { PopupPage } from './pages/popup-page';

/** The words a phrase with a time starts with: "Next pause around" of "Next pause around 9:00." */
const wordsBefore = (phrase: (time: string) => string) => new RegExp(`^${phrase('\n').split('\n')[0]!.trim()} \\S`);

/** The popup, opened once the background has planned its first pause; its pause panel is shown. */
async function openPanel(extension: ExtensionState, popup: PopupPage, p: PausesMessages) {
  await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
  await extension.setSettings(ALWAYS_ACTIVE);
  await popup.open();
  const panel = popup.page.getByRole('region', { name: p.pausesHeading });
  await expect(panel.getByRole('status')).toHaveText(wordsBefore(p.nextPauseAround));
  return {
    region: panel,
    status: panel.getByRole('status'),
    quietFor: panel.getByRole('combobox', { name: p.quietFor }),
    time: panel.getByLabel(p.quietTimeLabel, { exact: true }),
    button: (name: string) => panel.getByRole('button', { name, exact: true }),
  };
}

/** "H:MM" of a moment, as the panel shows the hour: "9:05" / "14:30" (English adds AM/PM after it). */
const hourAndMinute = (ms: number) => {
  const date = new Date(ms);
  return `${date.getHours() % 12 || 12}:${String(date.getMinutes()).padStart(2, '0')}`;
};

/** A time field's value for a moment: "09:05". */
const timeValue = (ms: number) => {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
};

/** Every test here starts in the popup's pause panel, in the browser's language. */
const test = base.extend<{ p: PausesMessages; panel: Awaited<ReturnType<typeof openPanel>> }>({
  p: async ({ locale }, use) => use(pausesMessages(locale)),
  panel: async ({ extension, popup, p }, use) => use(await openPanel(extension, popup, p)),
});

test.describe('quiet until, from the popup', () => {
  test('30 minutes chosen by keyboard: no offer while it lasts, the next a whole interval after; "Resume pauses" plans from now', async ({
    extension,
    popup,
    p,
    panel,
  }) => {
    await popup.page.bringToFront();

    // The keyboard: the choice, then Tab to "Go quiet" and Enter.
    await panel.quietFor.focus();
    await expect(panel.quietFor).toHaveValue('1h');
    await popup.page.keyboard.press('ArrowUp');
    await expect(panel.quietFor.locator('option:checked')).toHaveText('30 minutes');
    await popup.page.keyboard.press('Tab');
    await expect(panel.button(p.goQuiet)).toBeFocused();
    const before = Date.now();
    await popup.page.keyboard.press('Enter');

    // With the weekday when it is another day (late in the evening, the next pause is tomorrow).
    await expect(panel.status).toHaveText(/^Quiet until (\S+ )?\d{1,2}:\d\d\s?[AP]M\.$/);
    const resume = panel.button(p.resumePauses);
    await expect(resume).toBeFocused();
    const { quietUntil, quietReason } = (await extension.scheduleState())!;
    expect(quietUntil).toBeGreaterThanOrEqual(before + 30 * MINUTE);
    expect(quietUntil).toBeLessThanOrEqual(Date.now() + 30 * MINUTE);
    expect(quietReason).toBeNull();
    await expect(panel.status).toContainText(hourAndMinute(quietUntil!));
    expect((await extension.alarm('pause'))!.scheduledTime).toBeGreaterThanOrEqual(quietUntil! + MIN_INTERVAL);

    // The real alarm fires now, during the quiet time: it only plans again.
    await extension.alarmOffersNothing(quietUntil!);
    await expect(panel.status).toHaveText(/^Quiet until /);

    // "Resume pauses", by keyboard: the next pause comes at least the minimum interval from now.
    await expect(resume).toBeFocused();
    const resumedAt = Date.now();
    await popup.page.keyboard.press('Enter');
    await expect(panel.status).toHaveText(/^Next pause around (\S+ )?\d{1,2}:\d\d\s?[AP]M\.$/);
    await expect(panel.button(p.inMeeting)).toBeFocused();
    const resumed = (await extension.scheduleState())!;
    expect(resumed).toMatchObject({ quietUntil: null, quietReason: null });
    expect(resumed.nextOfferAt).toBeGreaterThanOrEqual(resumedAt + MIN_INTERVAL);
    expect((await extension.alarm('pause'))!.scheduledTime).toBe(resumed.nextOfferAt);
    await expect(panel.status).toContainText(hourAndMinute(resumed.nextOfferAt!));
  });

  test('"In a meeting" says so; a chosen time later today, and one already past, which is tomorrow', async ({ extension, p, panel }) => {
    const before = Date.now();
    await panel.button(p.inMeeting).click();
    await expect(panel.status).toHaveText(/^In a meeting until (\S+ )?\d{1,2}:\d\d\s?[AP]M\.$/);
    const meeting = (await extension.scheduleState())!;
    expect(meeting.quietReason).toBe('meeting');
    expect(meeting.quietUntil).toBeGreaterThanOrEqual(before + HOUR);
    expect(meeting.quietUntil).toBeLessThanOrEqual(Date.now() + HOUR);
    await expect(panel.status).toContainText(hourAndMinute(meeting.quietUntil!));
    await panel.button(p.resumePauses).click();

    // A time two hours on: today, unless that is past midnight; the stored end is that time, to the minute.
    await panel.quietFor.selectOption({ label: p.quietUntilTime });
    await expect(panel.time).toBeVisible();
    const later = Date.now() + 2 * HOUR;
    await panel.time.fill(timeValue(later));
    await panel.button(p.goQuiet).click();
    await expect(panel.status).toHaveText(/^Quiet until /);
    const chosen = (await extension.scheduleState())!;
    expect(chosen.quietUntil).toBe(new Date(later).setSeconds(0, 0));
    expect(chosen.quietReason).toBeNull();
    await expect(panel.status).toContainText(hourAndMinute(later));
    await panel.button(p.resumePauses).click();

    // A time already past today (a minute ago; at midnight itself, midnight): the popup says it means
    // tomorrow before it is chosen.
    await panel.quietFor.selectOption({ label: p.quietUntilTime });
    const past = Math.max(Date.now() - MINUTE, new Date().setHours(0, 0, 0, 0));
    // Before: the line shows only if the field's time has passed today already (late in the
    // evening the time chosen above, two hours on, has).
    const [hours, minutes] = (await panel.time.inputValue()).split(':').map(Number);
    const shownPast = new Date().setHours(hours ?? 0, minutes ?? 0, 0, 0) <= Date.now();
    await expect(panel.region.getByText(p.quietTimeTomorrow)).toHaveCount(shownPast ? 1 : 0);
    await panel.time.fill(timeValue(past));
    await expect(panel.region.getByText(p.quietTimeTomorrow)).toBeVisible();
    await expect(panel.time).toHaveAccessibleDescription(p.quietTimeTomorrow);
    await panel.button(p.goQuiet).click();
    await expect(panel.status).toHaveText(/^Quiet until /);
    const tomorrow = new Date(startOfNextDay(Date.now()));
    tomorrow.setHours(new Date(past).getHours(), new Date(past).getMinutes());
    expect((await extension.scheduleState())?.quietUntil).toBe(tomorrow.getTime());
  });
});

for (const uiLanguage of ['en_US', 'nl'] as const) {
  test.describe(`the quiet choices are accessible in ${uiLanguage}`, () => {
    test.use({ uiLanguage });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`no serious or critical violation with the choices open and while quiet, ${colorScheme}`, async ({
        popup,
        locale,
        p,
        panel,
      }) => {
        const where = (state: string) => `pause panel, ${state} (${locale}, ${colorScheme})`;
        await popup.page.emulateMedia({ colorScheme });
        await expect(popup.page.locator('html')).toHaveAttribute('lang', locale);

        // Every choice open: "Until a time…" with its field and, for a time already past, its note.
        await panel.quietFor.selectOption('time');
        await panel.time.fill('00:00');
        await expect(panel.region.getByText(p.quietTimeTomorrow)).toBeVisible();
        await expectNoSeriousViolations(popup.page, where('choices open'));

        await panel.button(p.inMeeting).click();
        await expect(panel.status).toHaveText(wordsBefore(p.meetingUntil));
        await expect(panel.button(p.resumePauses)).toBeFocused();
        await expectNoSeriousViolations(popup.page, where('in a meeting'));
      });
    }
  });
}
