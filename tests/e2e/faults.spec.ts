import type { BrowserContext } from '@playwright/test';
import { unpackedExtensionId } from '../../scripts/chromium.mjs';
import { expect, launchWithExtension, test } from './fixtures';
import { ALWAYS_ACTIVE, ExtensionState } from './pages/extension-state';
import { JournalPage } from './pages/journal-page';
import { PausePage } from './pages/pause-page';
import { PopupPage } from './pages/popup-page';
import { MINUTE } from '@/utils/time';
import type { LockMessages } from '@/utils/i18n/lock';

const { isPauseWindow } = PausePage;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Saves `text` from the pause page and waits for the thanks, which shows once the note is stored. */
async function answerPause(pause: PausePage, t: LockMessages, text: string, during?: () => Promise<unknown>): Promise<void> {
  await pause.skipBreathing();
  await pause.answer.fill(text);
  await Promise.all([pause.save(), during?.()]);
  await expect(pause.page.getByRole('heading', { name: t.savedPause })).toBeVisible();
}

test.describe('faults', () => {
  test('the service worker killed before, during and after saves and offers, 20 times: every note kept, the schedule recovers', async ({
    context,
    extensionId,
    extension,
    popup,
    journal,
    t,
  }) => {
    test.setTimeout(6 * 60_000);
    await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
    await extension.setSettings({ ...ALWAYS_ACTIVE, delivery: 'window' });
    const saved: string[] = [];

    for (let round = 0; round < 20; round++)
      await test.step(`round ${round + 1}`, async () => {
        // A different moment of each step every round: from before the work starts to after it ends.
        const delay = (round * 37) % 260;
        const kill = (after = delay) => sleep(after).then(() => extension.endServiceWorker());

        // Each round stands for a day of its own (a day has a dozen offers at most, and none comes
        // soon after a pause taken); it stops the worker first.
        await extension.startNewDay();
        await extension.fireAlarm('pause');
        // The alarm goes off about 100 ms from now: these moments fall around and inside its handler.
        await kill(60 + ((round * 11) % 140));
        // The offer's first stage: the toolbar mark.
        const marked = (timeout: number) => expect.poll(() => extension.toolbarPopup(), { timeout }).toMatch(/\/pause\.html$/);
        const markShown = await marked(4000).then(
          () => true,
          () => false,
        );
        if (!markShown) {
          // The worker ended before the mark showed. The pause alarm repeats until a run finishes;
          // its next run (fired now instead of five minutes from now) shows the mark.
          expect(await extension.alarm('pause'), 'a pause alarm is still planned after the worker ended').not.toBeNull();
          await extension.fireAlarm('pause');
          await marked(10_000);
        }
        // The window follows at a seam, here a tab opened; the worker ends around and inside that handler too.
        const opened = context.waitForEvent('page', { predicate: isPauseWindow, timeout: 4000 }).catch(() => undefined);
        const seamTab = await extension.switchTab();
        await kill((round * 23) % 200);
        let pausePage = await opened;
        if (!pausePage && (await extension.scheduleState())?.offer?.stage === 'mark') {
          // The worker ended before the first stage did. The seam alarm repeats until a run ends it;
          // its next run (fired now) opens the window.
          const again = context.waitForEvent('page', { predicate: isPauseWindow, timeout: 10_000 });
          await extension.fireAlarm('offer-seam');
          pausePage = await again;
        }
        // Else the worker ended after the first stage did but before the window opened, or the offer
        // before is still open because its end was lost with a worker: clicking the marked toolbar
        // icon opens the pause.
        const window = pausePage ?? context.pages().find(isPauseWindow);
        const pause = window ? new PausePage(window, t) : await PausePage.open(context, extensionId, t);
        await answerPause(pause, t, `Pause note ${round}`, kill);
        saved.push(`Pause note ${round}`);
        await Promise.all([
          seamTab.close(),
          ...context
            .pages()
            .filter(isPauseWindow)
            .map((page) => page.close()),
        ]);

        // The popup's save comes after the offer: an answer saved is a pause taken, and holds back
        // the offers of the rest of this round's day.
        await popup.open();
        await popup.write(`Popup note ${round}`);
        await Promise.all([popup.save(), kill()]);
        await expect(popup.status).toHaveText(t.saved);
        saved.push(`Popup note ${round}`);
        await popup.close();
        await kill();
      });

    // Every note is stored exactly once.
    expect((await extension.storedNotes()).map((note) => note.answer).sort()).toEqual([...saved].sort());
    await journal.open();
    await expect(journal.page.getByText(t.noteCount(saved.length))).toBeVisible();

    // The schedule recovered: one repeating pause alarm ahead, and an open offer (if the last end was
    // lost with a worker) has its mark and its expiry.
    await expect.poll(() => extension.alarmNames().then((names) => names.filter((name) => name === 'pause'))).toEqual(['pause']);
    expect((await extension.alarm('pause'))!.periodInMinutes, 'the pause alarm repeats until a run replaces it').toBeGreaterThan(0);
    const state = await extension.scheduleState();
    if (state?.offer) {
      expect(await extension.toolbarPopup()).toMatch(/\/pause\.html$/);
      expect((await extension.alarm('offer-expiry'))?.scheduledTime).toBe(state.offer.expiresAt);
      const pause = await PausePage.open(context, extensionId, t);
      await pause.skipBreathing();
      await pause.button(t.notNow).click();
      await expect.poll(async () => (await extension.scheduleState())?.offer).toBeNull();
    }
    // And the next offer comes as always.
    await extension.startNewDay();
    const next = context.waitForEvent('page', { predicate: isPauseWindow });
    await extension.fireOffer();
    await extension.switchTab();
    await expect((await next).getByRole('heading', { level: 1, name: t.breatheHeading })).toBeVisible();
    expect((await extension.alarm('pause'))!.scheduledTime).toBeGreaterThan(Date.now() + 50 * MINUTE);
  });

  test('the popup and the pause window saving at the same moment: both notes kept', async ({
    context,
    extensionId,
    extension,
    popup,
    t,
  }) => {
    await popup.open();
    for (let round = 0; round < 5; round++) {
      const pause = await PausePage.open(context, extensionId, t);
      await pause.skipBreathing();
      await popup.write(`From the popup ${round}`);
      await pause.answer.fill(`From the pause ${round}`);
      await Promise.all([popup.save(), pause.save()]);
      // Both confirmations at once: the pause window closes by itself a moment after its thanks.
      await Promise.all([
        expect(popup.status).toHaveText(t.saved),
        expect(pause.page.getByRole('heading', { name: t.savedPause })).toBeVisible(),
      ]);
      // The next round starts a fresh one; this one goes now, or has gone by itself.
      await pause.page.close();
    }
    const answers = (await extension.storedNotes()).map((note) => note.answer).sort();
    expect(answers).toEqual([0, 1, 2, 3, 4].flatMap((round) => [`From the popup ${round}`, `From the pause ${round}`]).sort());
  });
});

/** What a person leaves in the extension: notes, a half-written answer, settings, a planned pause. */
async function leaveSomething(context: BrowserContext, extensionId: string, t: LockMessages) {
  const extension = await new ExtensionState(context, extensionId).open();
  await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
  await extension.setSettings({ ...ALWAYS_ACTIVE, minIntervalMinutes: 20, maxIntervalMinutes: 25 });
  const popup = new PopupPage(context, extensionId, t);
  for (const text of ['Kept through a restart', 'Also kept']) {
    await popup.open();
    await popup.write(text);
    await popup.save();
    await expect(popup.status).toHaveText(t.saved);
    await popup.close();
  }
  await popup.open();
  const prompt = await popup.prompt.textContent();
  await popup.answer.pressSequentially('Half a thought');
  await popup.close();
  // Looked at once more: the last keystrokes of a popup closed that very moment wait in the
  // browser's memory until a page of the extension opens (README, "What a crash can cost").
  await popup.open();
  await expect(popup.answer).toHaveValue('Half a thought');
  await popup.close();
  return { prompt: prompt! };
}

/** Everything `leaveSomething` left is still there. */
async function expectEverythingKept(context: BrowserContext, extensionId: string, t: LockMessages, prompt: string) {
  const extension = await new ExtensionState(context, extensionId).open();
  await expect.poll(() => extension.alarmNames()).toEqual(['pause']);
  const alarm = (await extension.alarm('pause'))!;
  expect(alarm.scheduledTime).toBeGreaterThan(Date.now());
  expect(alarm.scheduledTime).toBeLessThanOrEqual(Date.now() + 25 * MINUTE);

  const journal = await new JournalPage(context, extensionId, t).open();
  await expect(journal.page.getByText(t.noteCount(2))).toBeVisible();
  await expect(journal.note('Kept through a restart')).toHaveCount(1);
  await expect(journal.note('Also kept')).toHaveCount(1);
  await journal.page.getByRole('link', { name: t.navSettings }).click();
  await expect(journal.page.getByRole('spinbutton', { name: t.minInterval })).toHaveValue('20');
  await expect(journal.page.getByRole('spinbutton', { name: t.maxInterval })).toHaveValue('25');

  const popup = await new PopupPage(context, extensionId, t).open();
  await expect(popup.prompt).toHaveText(prompt);
  await expect(popup.answer).toHaveValue('Half a thought');
}

test.describe('restarts', () => {
  test('the browser closed and started again on the same profile: notes, draft, settings and the pause alarm are there', async ({
    t,
  }, testInfo) => {
    const profile = testInfo.outputPath('profile-restarted');
    const extensionId = unpackedExtensionId();
    const first = await launchWithExtension(profile, 'en_US');
    const { prompt } = await leaveSomething(first, extensionId, t);
    await first.close();

    const second = await launchWithExtension(profile, 'en_US');
    try {
      await expectEverythingKept(second, extensionId, t, prompt);
    } finally {
      await second.close();
    }
  });

  test('the extension reloaded, as an update does: notes, draft, settings and the pause alarm are there', async ({
    context,
    extensionId,
    t,
  }) => {
    const { prompt } = await leaveSomething(context, extensionId, t);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const closed = page.waitForEvent('close');
    // The reloaded extension starts a new service worker.
    const restarted = context.waitForEvent('serviceworker', { predicate: (worker) => worker.url().includes(extensionId) });
    // Reloading closes this page: it happens after the evaluation has answered.
    await page.evaluate(() => void setTimeout(() => chrome.runtime.reload()));
    await Promise.all([closed, restarted]);
    await expectEverythingKept(context, extensionId, t, prompt);
  });
});
