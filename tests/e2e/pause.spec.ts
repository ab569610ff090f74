import { PROMPTS } from '@/content/prompts';
import { pausesMessages } from '@/utils/i18n/pauses';
import { MINUTE } from '@/utils/time';
import { expect, test } from './fixtures';
import { ALWAYS_ACTIVE } from './pages/extension-state';
import { PausePage } from './pages/pause-page';

test.describe('pause offers', () => {
  test('after install exactly one pause alarm is planned', async ({ extension }) => {
    await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
    const alarm = await extension.alarm('pause');
    // Default settings: a random moment 60–120 minutes ahead, or the next active morning.
    expect(alarm!.scheduledTime).toBeGreaterThan(Date.now() + 59 * MINUTE);
  });

  test('the alarm marks the toolbar, the next tab switch opens the pause window; the answer lands in the journal', async ({
    extension,
    context,
    journal,
    t,
  }) => {
    await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
    await extension.setSettings({ ...ALWAYS_ACTIVE, delivery: 'window' });
    const opened = context.waitForEvent('page', { predicate: PausePage.isPauseWindow });
    // First only the mark; the window waits for a seam.
    await extension.fireOffer();
    await extension.switchTab();
    const pause = new PausePage(await opened, t);

    await expect(pause.breathingHeading).toBeVisible();
    await expect(pause.page.getByText(t.breathCount(1, 3))).toBeVisible();
    await pause.skipBreathing();
    const prompt = await pause.prompt.textContent();
    expect(PROMPTS.map((p) => (p.kind === 'step' ? p.title.en : p.text.en))).toContain(prompt);
    await pause.answer.fill('I noticed I was holding my breath.');
    const closed = pause.page.waitForEvent('close');
    await pause.answer.press('Control+Enter');
    await expect(pause.page.getByRole('heading', { name: t.savedPause })).toBeVisible();
    await expect(pause.page.locator('blockquote')).not.toBeEmpty();
    // The window closes by itself a moment after the line: waited for, never raced by a click
    // (its Close button, pressed before that moment, is keyboard.spec.ts's).
    await closed;
    await expect.poll(() => extension.badgeText()).toBe('');

    await journal.open();
    await expect(journal.note('I noticed I was holding my breath.')).toHaveCount(1);
  });

  test('with the default delivery the toolbar mark appears, and the notification at the next tab switch', async ({
    extension,
    popup,
    locale,
  }) => {
    await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
    await extension.setSettings(ALWAYS_ACTIVE);
    // The mark, and clicking the toolbar icon while the offer is open starts the pause itself.
    await extension.fireOffer();
    expect(await extension.notificationIds()).toEqual([]);
    expect(await extension.alarmNames()).toEqual(['offer-expiry', 'offer-seam', 'pause']);
    await extension.switchTab();
    await expect.poll(() => extension.notificationIds()).toEqual(['pause-offer']);
    expect(await extension.alarmNames()).toEqual(['offer-expiry', 'pause']);

    // While the offer is open, the popup says so.
    await popup.open();
    await expect(popup.page.getByText(pausesMessages(locale).offerOpen)).toBeVisible();
  });

  test('after the service worker is killed the alarm is still there and the next offer still comes', async ({ extension }) => {
    await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
    await extension.setSettings(ALWAYS_ACTIVE);
    await expect.poll(() => extension.serviceWorkerRunning()).toBe(true);
    await extension.killServiceWorker();
    await expect.poll(() => extension.serviceWorkerRunning()).toBe(false);
    expect(await extension.alarmNames()).toEqual(['pause']);

    // The alarm wakes a fresh service worker, which knows nothing from memory.
    await extension.fireOffer();
    // So does the tab switch that brings the notification, after the worker of the mark ended.
    await extension.killServiceWorker();
    await expect.poll(() => extension.serviceWorkerRunning()).toBe(false);
    await extension.switchTab();
    await expect.poll(() => extension.notificationIds()).toEqual(['pause-offer']);
  });

  test('changing the frequency in the options page moves the alarm', async ({ extension, journal, t }) => {
    await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
    await extension.setSettings(ALWAYS_ACTIVE);
    await journal.open();
    await journal.page.getByRole('link', { name: t.navSettings }).click();
    await journal.page.getByRole('spinbutton', { name: t.minInterval }).fill('20');
    await journal.page.getByRole('spinbutton', { name: t.maxInterval }).fill('25');
    const before = Date.now();
    await journal.page.getByRole('button', { name: t.saveSettings }).click();
    await expect(journal.page.getByText(t.settingsSaved)).toBeVisible();
    await expect.poll(async () => (await extension.alarm('pause'))!.scheduledTime).toBeLessThanOrEqual(Date.now() + 25 * MINUTE);
    expect((await extension.alarm('pause'))!.scheduledTime).toBeGreaterThanOrEqual(before + 20 * MINUTE);
  });

  test('the settings form refuses an impossible range and changes nothing', async ({ extension, journal, t }) => {
    await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
    const planned = (await extension.alarm('pause'))!.scheduledTime;
    await journal.open();
    await journal.page.getByRole('link', { name: t.navSettings }).click();
    await journal.page.getByRole('spinbutton', { name: t.minInterval }).fill('90');
    await journal.page.getByRole('spinbutton', { name: t.maxInterval }).fill('30');
    await journal.page.getByRole('button', { name: t.saveSettings }).click();
    await expect(journal.page.getByRole('alert')).toHaveText(t.settingsInvalid);
    await expect(journal.page.getByText(t.problemIntervalOrder)).toBeVisible();
    await expect(journal.page.getByRole('spinbutton', { name: t.maxInterval })).toHaveAttribute('aria-invalid', 'true');
    expect((await extension.alarm('pause'))!.scheduledTime).toBe(planned);
  });

  test('the popup goes quiet for an hour and resumes', async ({ extension, popup, locale }) => {
    const p = pausesMessages(locale);
    await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
    await popup.open();
    await expect(popup.page.getByText(/^Next pause around/)).toBeVisible();
    await popup.page.getByRole('combobox', { name: p.quietFor }).selectOption({ label: '1 hour' });
    await popup.page.getByRole('button', { name: p.goQuiet }).click();
    await expect(popup.page.getByText(/^Quiet until (\S+ )?\d{1,2}:\d\d(\s?[AP]M)?\.$/)).toBeVisible();
    await popup.page.getByRole('button', { name: p.resumePauses }).click();
    await expect(popup.page.getByText(/^Next pause around/)).toBeVisible();
  });
});

test.describe('pause window in Dutch', () => {
  test.use({ uiLanguage: 'nl' });

  test('breathes and asks in Dutch', async ({ extensionId, context, t }) => {
    const pause = await PausePage.open(context, extensionId, t);
    await expect(pause.breathingHeading).toHaveText('Adem drie keer rustig in en uit');
    await pause.skipBreathing();
    expect(PROMPTS.map((p) => (p.kind === 'step' ? p.title.nl : p.text.nl))).toContain(await pause.prompt.textContent());
    await expect(pause.button('Nu niet')).toBeVisible();
    await expect(pause.button('Over een uur')).toBeVisible();
    await expect(pause.button('Vandaag niet meer')).toBeVisible();
  });
});
