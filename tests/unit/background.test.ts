import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { ensureSchedule, EXPIRY_ALARM, handleMessage, RECHECK_AWAY, RECHECK_BUSY, SEAM_ALARM } from '@/entrypoints/background/scheduler';
import { NOTIFICATION_ID } from '@/entrypoints/background/offer';
import { OFFER_LINES, pickOfferLine } from '@/utils/i18n/notification';
import { notificationEn } from '@/utils/i18n/notification.en';
import { notificationNl } from '@/utils/i18n/notification.nl';
import { listPauseEvents } from '@/utils/db/events';
import { loadScheduleState, saveScheduleState } from '@/utils/storage/schedule-state';
import { FIRST_MINUTES_BACK, PAUSE_ALARM } from '@/utils/schedule/schedule';
import { lockOfferDue } from '@/utils/storage/lock-offer';
import { saveSettings } from '@/utils/storage/settings';
import { HOUR, MINUTE, SECOND } from '@/utils/time';
import { PROMPTS } from '@/content/prompts';
import { refuseOpen, removeIndexedDB } from './storage-failures';

// Wednesday 25 November 2026, 10:00 local time: inside the default active hours.
const NOW = new Date(2026, 10, 25, 10, 0).getTime();

let idle: 'active' | 'idle' | 'locked';
let windowState: string;
let audible: boolean;
/** The idle API's detection interval as the background last set it, in seconds. */
let detectionInterval: number;

const alarm = (name: string) => fakeBrowser.alarms.get(name);
const notifications = () => fakeBrowser.notifications.getAll();
const badge = () => fakeBrowser.action.getBadgeText({});

async function fire(name: string) {
  const scheduled = await alarm(name);
  if (!scheduled) throw new Error(`no alarm "${name}"`);
  vi.setSystemTime(scheduled.scheduledTime);
  await fakeBrowser.alarms.onAlarm.trigger(scheduled);
}

/** A minimal in-memory browser event, for the APIs the fake browser does not implement. */
function fakeEvent<Args extends unknown[]>() {
  const listeners: ((...args: Args) => unknown)[] = [];
  return {
    addListener: (listener: (...args: Args) => unknown) => void listeners.push(listener),
    removeListener: (listener: (...args: Args) => unknown) => void listeners.splice(listeners.indexOf(listener), 1),
    hasListener: (listener: (...args: Args) => unknown) => listeners.includes(listener),
    trigger: async (...args: Args) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}
let idleChanged: ReturnType<typeof fakeEvent<[string]>>;

/** Listeners start work without awaiting it, as the service worker does: wait until the expectation holds. */
// A wait for a state, with a ceiling for a hung one: fake IndexedDB answers in tasks, slow on a busy machine.
const eventually = (check: () => unknown) => vi.waitFor(check, { timeout: 30_000, interval: 5 });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  idle = 'active';
  windowState = 'normal';
  audible = false;
  // APIs the fake browser leaves unimplemented, answering as a quiet, attentive moment would.
  idleChanged = fakeEvent<[string]>();
  detectionInterval = 60;
  Object.assign(fakeBrowser.idle, {
    onStateChanged: idleChanged,
    setDetectionInterval: (seconds: number) => (detectionInterval = seconds),
  });
  Object.assign(fakeBrowser.idle, { queryState: () => Promise.resolve(idle) });
  Object.assign(fakeBrowser.windows, { getLastFocused: () => Promise.resolve({ id: 1, focused: true, state: windowState }) });
  Object.assign(fakeBrowser.tabs, { query: () => Promise.resolve(audible ? [{ id: 3, audible: true }] : []) });
  vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('Adempauze');
  vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({ id: 42 } as never);
});

afterEach(() => {
  vi.useRealTimers();
});

async function installed() {
  background.main();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
  await eventually(async () => expect(await alarm(PAUSE_ALARM)).toBeDefined());
}

/** The person switches to another tab: a seam for an offer in its first stage. */
const tabSwitch = () => fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 1 });

describe('background', () => {
  it('plans one pause alarm 60–120 minutes ahead on install', async () => {
    await installed();
    const pause = await alarm(PAUSE_ALARM);
    expect(pause!.scheduledTime).toBeGreaterThanOrEqual(NOW + 60 * MINUTE);
    expect(pause!.scheduledTime).toBeLessThanOrEqual(NOW + 120 * MINUTE);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect((await loadScheduleState()).nextOfferAt).toBe(pause!.scheduledTime);
  });

  it('offers the lock at the first run of a new install, never after an update (those journals have notes)', async () => {
    await installed();
    expect(await lockOfferDue()).toBe(true);
    await fakeBrowser.storage.local.remove('lockOffer');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await eventually(async () => expect(await alarm(PAUSE_ALARM)).toBeDefined());
    expect(await lockOfferDue()).toBe(false);
  });

  it('offers a pause at a good moment: mark, history, next alarm; at the next seam a notification with two buttons', async () => {
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    expect(fakeBrowser.action.setPopup).toHaveBeenLastCalledWith({ popup: 'pause.html' });
    // vi.waitFor advances the fake clock a little while it polls: read the moment the offer was made.
    const offeredAt = (await loadScheduleState()).offer!.offeredAt;
    await eventually(async () => expect(await listPauseEvents()).toMatchObject([{ type: 'offered', at: offeredAt }]));
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBeGreaterThanOrEqual(offeredAt + HOUR);
    expect(await notifications()).toEqual({});

    await tabSwitch();
    await eventually(async () => expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]));
    const options = fakeBrowser.notifications.getAllCreateOptions()[NOTIFICATION_ID];
    expect(options).toMatchObject({
      title: 'Time for a breathing space?',
      buttons: [{ title: 'Take a pause' }, { title: 'Later' }],
      silent: true,
    });
    // Its 30 minutes count from then (the two stages' own tests fix the moments).
    expect((await alarm(EXPIRY_ALARM))!.scheduledTime).toBe((await loadScheduleState()).offer!.expiresAt);
    expect((await alarm(EXPIRY_ALARM))!.scheduledTime).toBeGreaterThanOrEqual(offeredAt + 30 * MINUTE);
  });

  it.each([
    ['idle', () => (idle = 'idle'), RECHECK_AWAY],
    ['locked', () => (idle = 'locked'), RECHECK_AWAY],
    ['fullscreen', () => (windowState = 'fullscreen'), RECHECK_BUSY],
    ['playing audio', () => (audible = true), RECHECK_BUSY],
  ])('does not offer while %s, and looks again later', async (_case, make, recheck) => {
    await installed();
    make();
    await fire(PAUSE_ALARM);
    const firedAt = Date.now();
    await eventually(async () => expect((await loadScheduleState()).waiting).toBe(true));
    expect(await notifications()).toEqual({});
    expect(await badge()).toBe('');
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBe(firedAt + recheck);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('offers once the person comes back from a short absence, and only once', async () => {
    await installed();
    idle = 'idle';
    await fire(PAUSE_ALARM);
    await idleChanged.trigger('idle');
    await eventually(async () => expect((await loadScheduleState()).waiting).toBe(true));
    idle = 'active';
    // Coming back and the re-check alarm at the same moment must not stack two offers.
    const recheck = (await alarm(PAUSE_ALARM))!;
    vi.setSystemTime(Date.now() + 3 * MINUTE);
    await Promise.all([idleChanged.trigger('active'), fakeBrowser.alarms.onAlarm.trigger(recheck)]);
    await eventually(async () => expect(await badge()).toBe('•'));
    await eventually(async () => expect((await loadScheduleState()).waiting).toBe(false));
    expect((await listPauseEvents()).filter((event) => event.type === 'offered')).toHaveLength(1);
  });

  it('never stacks offers: an alarm while one is open adds nothing', async () => {
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    await fire(PAUSE_ALARM);
    await eventually(async () => expect((await listPauseEvents()).length).toBe(1));
  });

  it('outside active hours the alarm only re-plans', async () => {
    await installed();
    vi.setSystemTime(new Date(2026, 10, 25, 19, 0));
    await fakeBrowser.alarms.onAlarm.trigger({ name: PAUSE_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    await eventually(async () =>
      expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBeGreaterThanOrEqual(new Date(2026, 10, 26, 9, 0).getTime()),
    );
    expect(await notifications()).toEqual({});
  });

  it('"Later" snoozes 15 minutes and removes the mark', async () => {
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    await tabSwitch();
    await eventually(async () => expect(await notifications()).toHaveProperty(NOTIFICATION_ID));
    const at = Date.now();
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 1);
    await eventually(async () => expect(await badge()).toBe(''));
    await eventually(async () => expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBe(at + 15 * MINUTE));
    expect(await notifications()).toEqual({});
    expect(await alarm(EXPIRY_ALARM)).toBeUndefined();
    expect((await listPauseEvents()).map((event) => event.type)).toEqual(['offered', 'snoozed']);
  });

  it.each([
    ['the "Take a pause" button', () => fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 0)],
    ['a click on the notification', () => fakeBrowser.notifications.onClicked.trigger(NOTIFICATION_ID)],
  ])('%s opens the pause window', async (_case, take) => {
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    await tabSwitch();
    await eventually(async () => expect(await notifications()).toHaveProperty(NOTIFICATION_ID));
    await take();
    await eventually(() =>
      expect(fakeBrowser.windows.create).toHaveBeenCalledWith(
        expect.objectContaining({ url: expect.stringMatching(/\/pause\.html$/) as unknown, type: 'popup' }),
      ),
    );
    await eventually(async () => expect((await loadScheduleState()).pauseWindowId).toBe(42));
    expect(await notifications()).toEqual({});
  });

  it('opens the pause window directly, at the first seam, with that delivery', async () => {
    await saveSettings({ delivery: 'window' });
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    await drained();
    expect(fakeBrowser.windows.create).not.toHaveBeenCalled();
    await tabSwitch();
    await eventually(() => expect(fakeBrowser.windows.create).toHaveBeenCalledTimes(1));
    await eventually(async () => expect((await loadScheduleState()).pauseWindowId).toBe(42));
    expect(await notifications()).toEqual({});
  });

  it('shows only the mark with that delivery', async () => {
    await saveSettings({ delivery: 'badge' });
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    expect(await notifications()).toEqual({});
    expect(fakeBrowser.windows.create).not.toHaveBeenCalled();
  });

  it('lets an offer left alone expire quietly after 30 minutes', async () => {
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    await fire(EXPIRY_ALARM);
    await eventually(async () => expect(await badge()).toBe(''));
    expect(fakeBrowser.action.setPopup).toHaveBeenLastCalledWith({ popup: 'popup.html' });
    await eventually(async () => expect((await listPauseEvents()).map((event) => event.type)).toEqual(['offered', 'expired']));
    expect((await loadScheduleState()).offer).toBeNull();
  });

  it('moves the alarm when the settings change', async () => {
    await installed();
    await saveSettings({ minIntervalMinutes: 20, maxIntervalMinutes: 20 });
    const changedAt = Date.now();
    await eventually(async () => expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBeLessThan(NOW + 60 * MINUTE));
    const moved = (await alarm(PAUSE_ALARM))!.scheduledTime;
    expect(moved).toBeGreaterThanOrEqual(changedAt + 20 * MINUTE);
    expect(moved).toBeLessThanOrEqual(Date.now() + 20 * MINUTE);
    await saveSettings({ pausesEnabled: false });
    await eventually(async () => expect(await alarm(PAUSE_ALARM)).toBeUndefined());
  });

  it('re-creates a missing alarm when the service worker starts, and leaves an existing one alone', async () => {
    await installed();
    const planned = (await alarm(PAUSE_ALARM))!.scheduledTime;
    // A fresh start of the background (as after the service worker died) keeps the plan.
    background.main();
    await drained();
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBe(planned);
    // Firefox forgets alarms across restarts: the next start plans again.
    await fakeBrowser.alarms.clearAll();
    background.main();
    await eventually(async () => expect(await alarm(PAUSE_ALARM)).toBeDefined());
  });

  it('plans again when the popup finds the alarm gone, or when the person goes away or comes back', async () => {
    await installed();
    // An update can clear the alarms after the new worker planned them.
    await fakeBrowser.alarms.clearAll();
    await handleMessage({ type: 'check-schedule' });
    expect(await alarm(PAUSE_ALARM)).toBeDefined();
    for (const state of ['idle', 'active']) {
      await fakeBrowser.alarms.clearAll();
      await idleChanged.trigger(state);
      await eventually(async () => expect(await alarm(PAUSE_ALARM)).toBeDefined());
    }
    // With the alarm there, a check changes nothing.
    const planned = (await alarm(PAUSE_ALARM))!.scheduledTime;
    await handleMessage({ type: 'check-schedule' });
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBe(planned);
  });

  it('restores the mark of an offer still open after a browser restart', async () => {
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    await fakeBrowser.action.setBadgeText({ text: '' });
    // A browser start runs the background afresh, then tells it the browser started.
    background.main();
    await fakeBrowser.runtime.onStartup.trigger();
    await eventually(async () => expect(await badge()).toBe('•'));
  });

  it('keeps the pause alarm repeating until it is replaced, so a handler that dies half-way is run again', async () => {
    await installed();
    expect((await alarm(PAUSE_ALARM))!.periodInMinutes).toBe(RECHECK_BUSY / MINUTE);
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    // The next offer replaced the fired alarm, repeating again.
    const next = (await alarm(PAUSE_ALARM))!;
    expect(next.scheduledTime).toBeGreaterThanOrEqual(Date.now() + 60 * MINUTE);
    expect(next.periodInMinutes).toBe(RECHECK_BUSY / MINUTE);
  });

  it('a worker that ended between storing an offer and showing it: the next start shows the mark and plans its expiry', async () => {
    await installed();
    const offeredAt = Date.now();
    await saveScheduleState({ ...(await loadScheduleState()), offer: { offeredAt, expiresAt: offeredAt + 30 * MINUTE } });
    expect(await badge()).toBe('');
    background.main();
    await eventually(async () => expect(await badge()).toBe('•'));
    expect((await alarm(EXPIRY_ALARM))!.scheduledTime).toBe(offeredAt + 30 * MINUTE);
  });

  it('an offer whose expiry never ran does not block the next one', async () => {
    await installed();
    // Stored as open, long past its time, with no expiry alarm left to close it.
    await saveScheduleState({ ...(await loadScheduleState()), offer: { offeredAt: NOW - 3 * HOUR, expiresAt: NOW - 150 * MINUTE } });
    const due = (await alarm(PAUSE_ALARM))!.scheduledTime;
    await fire(PAUSE_ALARM);
    await eventually(async () => expect((await loadScheduleState()).offer?.stage).toBe('mark'));
    expect((await loadScheduleState()).offer!.offeredAt).toBeGreaterThanOrEqual(due);
    // Both happen in the same millisecond: their order in the history is not the point.
    expect((await listPauseEvents()).map((event) => event.type).sort()).toEqual(['expired', 'offered']);
  });
});

describe('messages from the pause window and popup', () => {
  async function offerOpen() {
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    return Date.now();
  }

  it('an answered pause closes the offer and records the answer', async () => {
    await offerOpen();
    await handleMessage({ type: 'pause-ended', outcome: 'answered', promptId: 'q-beliefs' });
    expect(await badge()).toBe('');
    expect((await listPauseEvents()).at(-1)).toMatchObject({ type: 'answered', promptId: 'q-beliefs' });
  });

  it('"Not now" counts as skipped', async () => {
    await offerOpen();
    await handleMessage({ type: 'pause-ended', outcome: 'skipped', promptId: 'q-beliefs' });
    expect((await listPauseEvents()).at(-1)).toMatchObject({ type: 'skipped' });
  });

  it('"Snooze 1 hour" brings the offer back in an hour', async () => {
    const at = await offerOpen();
    await handleMessage({ type: 'pause-ended', outcome: 'snoozed', promptId: 'q-beliefs' }, at);
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBe(at + HOUR);
    expect((await listPauseEvents()).at(-1)).toMatchObject({ type: 'snoozed' });
  });

  it('"No more today" waits for tomorrow', async () => {
    const at = await offerOpen();
    await handleMessage({ type: 'pause-ended', outcome: 'done-today', promptId: 'q-beliefs' }, at);
    const next = (await alarm(PAUSE_ALARM))!.scheduledTime;
    expect(next).toBeGreaterThanOrEqual(new Date(2026, 10, 26, 9, 0).getTime());
    expect(next).toBeLessThan(new Date(2026, 10, 26, 9, 30).getTime());
  });

  it('"No more today" in a range past midnight lasts until that range ends, and forgets a meeting before it', async () => {
    // Wednesday 25 November, 23:30, in a 22:00–02:00 range; a meeting was chosen earlier that evening.
    const late = new Date(2026, 10, 25, 23, 30).getTime();
    vi.setSystemTime(late);
    await saveSettings({ activeDays: [0, 1, 2, 3, 4, 5, 6], activeRanges: [{ startMinutes: 22 * 60, endMinutes: 2 * 60 }] });
    await handleMessage({ type: 'quiet', until: late - 1 + HOUR, reason: 'meeting' }, late - 1);
    await handleMessage({ type: 'pause-ended', outcome: 'done-today', promptId: 'q-beliefs' }, late);
    const state = await loadScheduleState();
    expect(state.quietUntil).toBe(new Date(2026, 10, 26, 2, 0).getTime());
    expect(state.quietReason).toBeNull();
    // The next offer comes in the next night's range.
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBeGreaterThanOrEqual(new Date(2026, 10, 26, 22, 0).getTime());
  });

  it('pausing for an hour, for today, and resuming', async () => {
    await installed();
    await handleMessage({ type: 'quiet', until: NOW + HOUR, reason: null }, NOW);
    expect((await loadScheduleState()).quietUntil).toBe(NOW + HOUR);
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBeGreaterThanOrEqual(NOW + 2 * HOUR);
    await handleMessage({ type: 'quiet', until: new Date(2026, 10, 26).getTime(), reason: null }, NOW);
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBeGreaterThanOrEqual(new Date(2026, 10, 26, 9, 0).getTime());
    await handleMessage({ type: 'resume' }, NOW);
    expect((await loadScheduleState()).quietUntil).toBeNull();
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBeLessThanOrEqual(NOW + 2 * HOUR);
  });

  it.each([
    ['refuses to open', () => refuseOpen('SecurityError')],
    ['is missing', () => removeIndexedDB()],
  ])('keeps offering and planning when IndexedDB %s, and logs what it could not record', async (_case, fail) => {
    await fail();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const at = await offerOpen();
    await tabSwitch();
    await eventually(async () => expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]));
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBeGreaterThanOrEqual(at + HOUR);
    await handleMessage({ type: 'pause-ended', outcome: 'snoozed', promptId: 'q-beliefs' }, at);
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBe(at + HOUR);
    expect(await badge()).toBe('');
    expect(warn.mock.calls.map(([message]: unknown[]) => message)).toEqual([
      'Adempauze: could not record "offered"',
      'Adempauze: could not record "snoozed"',
    ]);
  });
});

/** Waits until the background has done everything started so far: its steps run one after another. */
const drained = () => ensureSchedule();
const offersMade = async () => (await listPauseEvents()).filter((event) => event.type === 'offered').length;

/** Nothing shows: no notification, no mark, no offer stored or recorded. */
async function expectNoOffer() {
  await drained();
  expect(await notifications()).toEqual({});
  expect(await badge()).toBe('');
  expect((await loadScheduleState()).offer).toBeNull();
  expect(await offersMade()).toBe(0);
}

/** The pause alarm, fired at `now` as planned for `dueAt` (late after sleep, early when replaced since). */
async function alarmFires(now: number, dueAt = now) {
  vi.setSystemTime(now);
  await fakeBrowser.alarms.onAlarm.trigger({
    name: PAUSE_ALARM,
    scheduledTime: dueAt,
    periodInMinutes: RECHECK_BUSY / MINUTE,
    persistAcrossSessions: false,
  });
  await drained();
}

async function idleState(state: 'active' | 'idle' | 'locked', now: number) {
  vi.setSystemTime(now);
  idle = state;
  await idleChanged.trigger(state);
  await drained();
}

const nextPlanned = async () => (await alarm(PAUSE_ALARM))!.scheduledTime;

const seamAlarm = () => alarm(SEAM_ALARM);
const stage = async () => (await loadScheduleState()).offer?.stage;
const shownOptions = () => fakeBrowser.notifications.getAllCreateOptions()[NOTIFICATION_ID];
const tooltip = () => fakeBrowser.action.getTitle({});
/**
 * Waits until the background has handled everything started so far, a tab or window switch too:
 * its handler joins the queue only after its first read, which the first round lets finish.
 */
const settled = async () => {
  await drained();
  await drained();
};

/** The pause alarm fires at a good moment: the offer's first stage begins. Returns its moment. */
async function marked(): Promise<number> {
  await installed();
  await fire(PAUSE_ALARM);
  await settled();
  return (await loadScheduleState()).offer!.offeredAt;
}

/** The seam alarm goes off at `now`, as the browser fires a repeating alarm again. */
async function seamAlarmFires(now: number) {
  vi.setSystemTime(now);
  await fakeBrowser.alarms.onAlarm.trigger({ name: SEAM_ALARM, scheduledTime: now, periodInMinutes: 5, persistAcrossSessions: false });
  await settled();
}

const EN_LINES = OFFER_LINES.map((line) => notificationEn[line]);

describe("the offer's two stages", () => {
  it('first shows only the quiet mark, and waits for a seam: at the latest 10 minutes on; 15 seconds of stillness count', async () => {
    const offeredAt = await marked();
    expect(await badge()).toBe('•');
    expect(fakeBrowser.action.setPopup).toHaveBeenLastCalledWith({ popup: 'pause.html' });
    expect(await notifications()).toEqual({});
    expect(fakeBrowser.windows.create).not.toHaveBeenCalled();
    expect(await stage()).toBe('mark');
    expect((await seamAlarm())!.scheduledTime).toBe(offeredAt + 10 * MINUTE);
    expect(detectionInterval).toBe(15);
    // A first stage that never finds a seam ends 30 minutes after the mark.
    expect((await alarm(EXPIRY_ALARM))!.scheduledTime).toBe(offeredAt + 30 * MINUTE);
  });

  it.each([
    ['a tab switch', () => tabSwitch()],
    ['a switch to another window', () => fakeBrowser.windows.onFocusChanged.trigger(2)],
    ['a switch away from the browser (to no window)', () => fakeBrowser.windows.onFocusChanged.trigger(-1)],
    // The idle API speaks after 15 seconds; asked with the usual 60, the person is still there.
    ['a moment of stillness', () => idleChanged.trigger('idle')],
    ['the seam alarm, 10 minutes after the mark', () => fire(SEAM_ALARM)],
  ])('%s brings the notification, and the offer’s 30 minutes begin', async (_case, seam) => {
    const offeredAt = await marked();
    vi.setSystemTime(offeredAt + 4 * MINUTE);
    await seam();
    await settled();
    const shownAt = Date.now();
    expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]);
    expect(EN_LINES).toContain(shownOptions()!.message);
    expect(await badge()).toBe('•');
    expect(await stage()).toBe('shown');
    expect(await seamAlarm()).toBeUndefined();
    expect(detectionInterval).toBe(60);
    expect((await alarm(EXPIRY_ALARM))!.scheduledTime).toBe(shownAt + 30 * MINUTE);
    expect((await loadScheduleState()).offer!.expiresAt).toBe(shownAt + 30 * MINUTE);
  });

  it('stillness during the first stage counts as away from 15 seconds back', async () => {
    const offeredAt = await marked();
    const stillAt = offeredAt + 3 * MINUTE;
    vi.setSystemTime(stillAt);
    await idleChanged.trigger('idle');
    await settled();
    expect((await loadScheduleState()).awaySince).toBe(stillAt - 15 * SECOND);
    // Once shown, stillness is a minute again.
    await idleState('active', stillAt + 20 * SECOND);
    await idleState('idle', stillAt + 5 * MINUTE);
    expect((await loadScheduleState()).awaySince).toBe(stillAt + 4 * MINUTE);
  });

  it('the screen locked is no seam; coming back from a short absence is', async () => {
    const offeredAt = await marked();
    await idleState('locked', offeredAt + MINUTE);
    expect(await notifications()).toEqual({});
    await idleState('active', offeredAt + 4 * MINUTE);
    expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]);
  });

  it('opens the pause window at the seam with that delivery, not before', async () => {
    await saveSettings({ delivery: 'window' });
    const offeredAt = await marked();
    expect(fakeBrowser.windows.create).not.toHaveBeenCalled();
    vi.setSystemTime(offeredAt + 2 * MINUTE);
    await fakeBrowser.windows.onFocusChanged.trigger(2);
    await settled();
    expect(fakeBrowser.windows.create).toHaveBeenCalledTimes(1);
    expect((await loadScheduleState()).pauseWindowId).toBe(42);
    expect(await notifications()).toEqual({});
  });

  it.each([
    [
      'a tab plays sound',
      () => {
        audible = true;
      },
      () => {
        audible = false;
      },
    ],
    [
      'a window is fullscreen',
      () => {
        windowState = 'fullscreen';
      },
      () => {
        windowState = 'normal';
      },
    ],
  ])('while %s no seam brings the notification; the first seam after it does', async (_case, make, end) => {
    const offeredAt = await marked();
    make();
    vi.setSystemTime(offeredAt + 2 * MINUTE);
    await tabSwitch();
    await fakeBrowser.windows.onFocusChanged.trigger(2);
    await idleChanged.trigger('idle');
    await settled();
    await seamAlarmFires(offeredAt + 10 * MINUTE);
    expect(await notifications()).toEqual({});
    expect(await stage()).toBe('mark');
    // The seam alarm stays, to look again every 5 minutes.
    expect((await seamAlarm())!.periodInMinutes).toBe(5);
    end();
    vi.setSystemTime(offeredAt + 12 * MINUTE);
    await tabSwitch();
    await settled();
    expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]);
  });

  it.each([
    ['an answer saved', (at: number) => handleMessage({ type: 'pause-taken' }, at)],
    [
      'a break of 10 minutes',
      async (at: number) => {
        await idleState('locked', at);
        await idleState('active', at + 12 * MINUTE);
      },
    ],
  ])('after %s during the first stage, no seam brings the notification', async (_case, pause) => {
    const offeredAt = await marked();
    await pause(offeredAt + MINUTE);
    vi.setSystemTime(offeredAt + 14 * MINUTE);
    await tabSwitch();
    await settled();
    await seamAlarmFires(offeredAt + 15 * MINUTE);
    expect(await notifications()).toEqual({});
  });

  it('with the mark as the whole delivery there is one stage: no seam alarm, and a seam brings nothing', async () => {
    await saveSettings({ delivery: 'badge' });
    const offeredAt = await marked();
    expect(await badge()).toBe('•');
    expect(await stage()).toBe('shown');
    expect(await seamAlarm()).toBeUndefined();
    expect(detectionInterval).toBe(60);
    await tabSwitch();
    await settled();
    expect(await notifications()).toEqual({});
    expect(fakeBrowser.windows.create).not.toHaveBeenCalled();
    expect((await alarm(EXPIRY_ALARM))!.scheduledTime).toBe(offeredAt + 30 * MINUTE);
  });

  it.each(['notification', 'window'] as const)(
    'a click on the marked toolbar icon takes the pause at once: no %s follows later',
    async (delivery) => {
      await saveSettings({ delivery });
      const offeredAt = await marked();
      const openedAt = offeredAt + 3 * MINUTE;
      vi.setSystemTime(openedAt);
      // The icon opens pause.html, which tells the background so.
      await fakeBrowser.runtime.sendMessage({ type: 'pause-opened' });
      await settled();
      expect(await stage()).toBe('shown');
      expect(await seamAlarm()).toBeUndefined();
      expect(detectionInterval).toBe(60);
      expect((await alarm(EXPIRY_ALARM))!.scheduledTime).toBe(openedAt + 30 * MINUTE);
      // Seams, and the seam alarm had it fired all the same, bring nothing.
      await tabSwitch();
      await idleChanged.trigger('idle');
      await seamAlarmFires(offeredAt + 10 * MINUTE);
      expect(await notifications()).toEqual({});
      expect(fakeBrowser.windows.create).not.toHaveBeenCalled();
      expect(await seamAlarm()).toBeUndefined();
      expect(await badge()).toBe('•');
    },
  );

  it('a service worker that ended during the first stage: the next, from the stored state alone, still brings the notification', async () => {
    const offeredAt = await marked();
    // A fresh worker within the 10 minutes keeps the plan.
    vi.setSystemTime(offeredAt + 5 * MINUTE);
    background.main();
    await settled();
    expect((await seamAlarm())!.scheduledTime).toBe(offeredAt + 10 * MINUTE);

    // The browser restarted: the mark and the seam alarm are gone, the idle interval is its default.
    await fakeBrowser.alarms.clear(SEAM_ALARM);
    await fakeBrowser.action.setBadgeText({ text: '' });
    detectionInterval = 60;
    const restartedAt = offeredAt + 12 * MINUTE;
    vi.setSystemTime(restartedAt);
    background.main();
    await settled();
    expect(await badge()).toBe('•');
    expect(detectionInterval).toBe(15);
    // Past its time, the lost seam alarm is planned again for now, so it fires at once.
    expect((await seamAlarm())!.scheduledTime).toBe(restartedAt);
    await fire(SEAM_ALARM);
    await settled();
    expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]);
  });

  it('an offer stored with an unreadable stage counts as shown: its mark comes back, and nothing follows it', async () => {
    await installed();
    const offer = { offeredAt: NOW, expiresAt: NOW + 30 * MINUTE, stage: 'soon' };
    await fakeBrowser.storage.local.set({ schedule: { ...(await loadScheduleState()), offer } });
    background.main();
    await settled();
    expect(await badge()).toBe('•');
    expect(await seamAlarm()).toBeUndefined();
    await tabSwitch();
    await settled();
    expect(await notifications()).toEqual({});
  });

  it('the 30 minutes count from the full show: the offer is still open when the mark’s 30 minutes are up', async () => {
    const offeredAt = await marked();
    vi.setSystemTime(offeredAt + 8 * MINUTE);
    await tabSwitch();
    await settled();
    expect((await alarm(EXPIRY_ALARM))!.scheduledTime).toBe(offeredAt + 38 * MINUTE);
    vi.setSystemTime(offeredAt + 31 * MINUTE);
    await settled();
    expect(await badge()).toBe('•');
    await fire(EXPIRY_ALARM);
    await settled();
    expect(await badge()).toBe('');
    expect(await notifications()).toEqual({});
    expect((await listPauseEvents()).map((event) => event.type)).toEqual(['offered', 'expired']);
  });

  it('a first stage that never finds a good moment expires 30 minutes after the mark; its seam alarm and short stillness end with it', async () => {
    const offeredAt = await marked();
    audible = true;
    for (const minutes of [10, 15, 20, 25]) await seamAlarmFires(offeredAt + minutes * MINUTE);
    expect(await notifications()).toEqual({});
    await fire(EXPIRY_ALARM);
    await settled();
    expect((await loadScheduleState()).offer).toBeNull();
    expect(await badge()).toBe('');
    expect(await seamAlarm()).toBeUndefined();
    expect(detectionInterval).toBe(60);
    expect((await listPauseEvents()).map((event) => event.type)).toEqual(['offered', 'expired']);
  });

  it.each([
    ['no offer', () => installed()],
    ['an offer shown in full', () => marked().then(tabSwitch)],
  ])('a tab or window switch with %s reads the state once, and does nothing more', async (_case, arrange) => {
    await arrange();
    await settled();
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const settingsReads = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    const alarms = vi.spyOn(fakeBrowser.alarms, 'get');
    await tabSwitch();
    await fakeBrowser.windows.onFocusChanged.trigger(2);
    // Not drained(): its own reads would count. The fake browser answers in promises alone, so once
    // a task has run after these, both handlers have run to their end, however busy the machine.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads).toHaveBeenCalledTimes(2);
    expect(settingsReads).not.toHaveBeenCalled();
    expect(writes).not.toHaveBeenCalled();
    expect(alarms).not.toHaveBeenCalled();
  });
});

describe('what an offer says', () => {
  it('has about ten lines of the article, each its own, in both languages', () => {
    expect(OFFER_LINES.length).toBeGreaterThanOrEqual(8);
    expect(OFFER_LINES.length).toBeLessThanOrEqual(12);
    expect(new Set(EN_LINES).size).toBe(OFFER_LINES.length);
    expect(new Set(OFFER_LINES.map((line) => notificationNl[line])).size).toBe(OFFER_LINES.length);
  });

  it('picks any line but the last one, and can reach each of the others', () => {
    for (const last of [undefined, 'a line this version does not have', ...OFFER_LINES]) {
      const picks = new Set(Array.from({ length: 40 }, (_, i) => pickOfferLine(last, () => i / 40)));
      expect(picks.has(last as never)).toBe(false);
      expect([...picks].sort()).toEqual(OFFER_LINES.filter((line) => line !== last).sort());
      expect(OFFER_LINES).toContain(pickOfferLine(last, () => 0.999999));
    }
  });

  it('speaks a line of the article with each offer, never the same twice in a row, over many offers', async () => {
    await installed();
    const said: string[] = [];
    for (let offer = 0; offer < 30; offer++) {
      await fire(PAUSE_ALARM);
      await settled();
      expect(await stage()).toBe('mark');
      await tabSwitch();
      await settled();
      said.push(shownOptions()!.message);
      await handleMessage({ type: 'pause-ended', outcome: 'skipped', promptId: 'q-beliefs' });
    }
    for (const line of said) expect(EN_LINES).toContain(line);
    for (let i = 1; i < said.length; i++) expect(said[i], `offer ${i + 1}`).not.toBe(said[i - 1]);
    expect(new Set(said).size).toBeGreaterThan(4);
  });

  it.each([
    ['en', notificationEn],
    ['nl', notificationNl],
  ] as const)('in %s: the tooltip and the notification carry the title and the same line', async (language, t) => {
    await saveSettings({ language });
    await marked();
    const { lastLine } = await loadScheduleState();
    const line = OFFER_LINES.find((key) => key === lastLine)!;
    expect(await tooltip()).toBe(`${t.offerTitle}\n${t[line]}`);
    await tabSwitch();
    await settled();
    expect(shownOptions()).toMatchObject({ title: t.offerTitle, message: t[line], buttons: [{ title: t.takePause }, { title: t.later }] });
  });

  it.each([
    ['en', 'Time for a breathing space?'],
    ['nl', 'Tijd voor een adempauze?'],
  ] as const)('discreet in %s, for sharing the screen: only "%s", on the toolbar and in the notification', async (language, title) => {
    await saveSettings({ language, discreet: true });
    await marked();
    expect(await tooltip()).toBe(title);
    await tabSwitch();
    await settled();
    const shown = shownOptions()!;
    expect(shown).toMatchObject({ title, message: '' });
    const words = JSON.stringify(shown);
    for (const text of [...EN_LINES, ...OFFER_LINES.map((line) => notificationNl[line])]) expect(words).not.toContain(text);
    for (const prompt of PROMPTS) expect(words).not.toContain(prompt.text[language]);
  });

  it('turned discreet while the mark shows, the tooltip says only the title at once', async () => {
    await marked();
    expect(await tooltip()).toMatch(/^Time for a breathing space\?\n./);
    await saveSettings({ discreet: true });
    await eventually(async () => expect(await tooltip()).toBe('Time for a breathing space?'));
  });
});

describe('a pause taken counts', () => {
  it('an answer saved: no offer before the minimum interval, even when an alarm planned earlier fires; the next is planned from the answer', async () => {
    await installed();
    const savedAt = NOW + 45 * MINUTE;
    vi.setSystemTime(savedAt);
    await handleMessage({ type: 'pause-taken' }, savedAt);
    expect((await loadScheduleState()).lastPauseAt).toBe(savedAt);
    expect(await nextPlanned()).toBeGreaterThanOrEqual(savedAt + HOUR);
    expect(await nextPlanned()).toBeLessThanOrEqual(savedAt + 2 * HOUR);

    // The alarm as it was planned before the answer (the browser may still hold it, or a worker
    // planned it at the same moment) fires 20 minutes after the answer, at a good moment.
    await alarmFires(savedAt + 20 * MINUTE);
    await expectNoOffer();
    const replanned = (await loadScheduleState()).nextOfferAt!;
    expect(replanned).toBe(await nextPlanned());
    expect(replanned).toBeGreaterThanOrEqual(savedAt + HOUR);
    expect(replanned).toBeLessThanOrEqual(savedAt + 2 * HOUR);

    // The pause holds back offers for a while, not for ever.
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    expect(await offersMade()).toBe(1);
  });

  it('an answer saved while an offer waits for a good moment drops it', async () => {
    await installed();
    audible = true;
    await fire(PAUSE_ALARM);
    await eventually(async () => expect((await loadScheduleState()).waiting).toBe(true));
    audible = false;
    const savedAt = Date.now() + 2 * MINUTE;
    await handleMessage({ type: 'pause-taken' }, savedAt);
    expect((await loadScheduleState()).waiting).toBe(false);
    expect(await nextPlanned()).toBeGreaterThanOrEqual(savedAt + HOUR);
    // The re-check planned before the answer comes to nothing.
    await alarmFires(savedAt + RECHECK_BUSY);
    await expectNoOffer();
  });

  it('an answer saved ends a snooze: the next offer comes from the answer', async () => {
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 1);
    await drained();
    const savedAt = Date.now() + 5 * MINUTE;
    await handleMessage({ type: 'pause-taken' }, savedAt);
    expect((await loadScheduleState()).snoozedUntil).toBeNull();
    expect(await nextPlanned()).toBeGreaterThanOrEqual(savedAt + HOUR);
  });

  it('a pause window the person opened themselves counts; one opened for an offer counts by how it ends', async () => {
    await installed();
    const openedAt = NOW + 10 * MINUTE;
    await handleMessage({ type: 'pause-opened' }, openedAt);
    expect((await loadScheduleState()).lastPauseAt).toBe(openedAt);
    expect(await nextPlanned()).toBeGreaterThanOrEqual(openedAt + HOUR);
    await alarmFires(openedAt + 30 * MINUTE);
    await expectNoOffer();

    // The offer's own window: opening it changes nothing; "Not now" keeps the plan made with the offer.
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    const planned = await nextPlanned();
    await handleMessage({ type: 'pause-opened' }, Date.now() + MINUTE);
    expect((await loadScheduleState()).lastPauseAt).toBe(openedAt);
    expect(await nextPlanned()).toBe(planned);
  });
});

describe('time away counts', () => {
  it('away 10 minutes or more: the offer due meanwhile is dropped, the next is planned from the return', async () => {
    await installed();
    const due = await nextPlanned();
    // Screen locked for lunch, 25 minutes; the alarm comes while away and waits.
    await idleState('locked', due - 5 * MINUTE);
    await alarmFires(due);
    expect((await loadScheduleState()).waiting).toBe(true);
    const back = due + 20 * MINUTE;
    await idleState('active', back);
    await expectNoOffer();
    const state = await loadScheduleState();
    expect(state).toMatchObject({ waiting: false, backAt: back, awaySince: null });
    expect(await nextPlanned()).toBeGreaterThanOrEqual(back + HOUR);
    expect(await nextPlanned()).toBeLessThanOrEqual(back + 2 * HOUR);

    // A re-check planned while away, firing in the first minutes back, offers nothing either.
    await alarmFires(back + FIRST_MINUTES_BACK - MINUTE);
    await expectNoOffer();
    expect(await nextPlanned()).toBeGreaterThanOrEqual(back + HOUR);
  });

  it('idle counts from the last input: 9 minutes after the idle API says so is a break', async () => {
    await installed();
    const due = await nextPlanned();
    // The idle API speaks after 60 seconds without input.
    await idleState('idle', due - MINUTE);
    await alarmFires(due);
    await idleState('active', due + 8 * MINUTE);
    await expectNoOffer();
    expect((await loadScheduleState()).backAt).toBe(due + 8 * MINUTE);
  });

  it('a short absence keeps the due offer for the return', async () => {
    await installed();
    const due = await nextPlanned();
    await idleState('idle', due - 2 * MINUTE);
    await alarmFires(due);
    expect((await loadScheduleState()).waiting).toBe(true);
    await idleState('active', due + 4 * MINUTE);
    await eventually(async () => expect(await badge()).toBe('•'));
    expect(await offersMade()).toBe(1);
    expect((await loadScheduleState()).awaySince).toBeNull();
  });

  it('an alarm that finds the person back before the idle API says so still counts the break', async () => {
    await installed();
    const due = await nextPlanned();
    await idleState('locked', due - 30 * MINUTE);
    // Back at the moment the alarm fires; the "active" event comes just after it.
    idle = 'active';
    await alarmFires(due);
    await expectNoOffer();
    expect((await loadScheduleState()).backAt).toBe(due);
    await idleState('active', due + 2000);
    await expectNoOffer();
    expect(await nextPlanned()).toBeGreaterThanOrEqual(due + HOUR);
  });

  it('after sleep: no offer on waking, and one offer later, not a burst of the missed ones', async () => {
    await installed();
    const due = await nextPlanned();
    // The computer slept through the alarm (no idle event first) and woke two hours later, where the
    // alarm fires once, late.
    const woke = due + 2 * HOUR;
    await alarmFires(woke, due);
    await expectNoOffer();
    expect((await loadScheduleState()).backAt).toBe(woke);
    expect(await nextPlanned()).toBeGreaterThanOrEqual(woke + HOUR);
    // The repeating alarm's next run (five minutes on) offers nothing either.
    await alarmFires(woke + RECHECK_BUSY);
    await expectNoOffer();

    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    expect(await offersMade()).toBe(1);
    expect(await nextPlanned()).toBeGreaterThanOrEqual(Date.now() + HOUR);
  });

  it('after sleep with the screen locked first: the late alarm and the return offer nothing', async () => {
    await installed();
    const due = await nextPlanned();
    await idleState('locked', due - 10 * MINUTE);
    const woke = due + 3 * HOUR;
    await alarmFires(woke, due);
    await idleState('active', woke + 30_000);
    await expectNoOffer();
    expect(await nextPlanned()).toBeGreaterThanOrEqual(woke + HOUR);
  });
});

describe('quiet times from the popup', () => {
  const state = () => loadScheduleState();
  /** Sends a message as a page does, through the background's own listener. */
  const ask = async (message: unknown) => {
    await fakeBrowser.runtime.sendMessage(message);
    await drained();
  };
  const WEEK = 7 * 24 * HOUR;

  it('keeps offers away until the time chosen, with its reason; the next offer comes a whole interval after it', async () => {
    await installed();
    const until = NOW + 30 * MINUTE;
    await ask({ type: 'quiet', until, reason: null });
    expect(await state()).toMatchObject({ quietUntil: until, quietReason: null });
    expect(await nextPlanned()).toBeGreaterThanOrEqual(until + HOUR);
    expect(await nextPlanned()).toBeLessThanOrEqual(until + 2 * HOUR);
    expect((await state()).nextOfferAt).toBe(await nextPlanned());

    await ask({ type: 'quiet', until: NOW + HOUR, reason: 'meeting' });
    expect(await state()).toMatchObject({ quietUntil: NOW + HOUR, quietReason: 'meeting' });
    expect(await nextPlanned()).toBeGreaterThanOrEqual(NOW + 2 * HOUR);
  });

  it('takes a time up to 7 days ahead', async () => {
    await installed();
    await handleMessage({ type: 'quiet', until: NOW + WEEK, reason: null }, NOW);
    expect((await state()).quietUntil).toBe(NOW + WEEK);
    expect(await nextPlanned()).toBeGreaterThanOrEqual(NOW + WEEK + HOUR);
  });

  it.each([
    ['a time already past', NOW - MINUTE],
    ['now itself', NOW],
    ['more than 7 days ahead', NOW + WEEK + 1],
  ])('refuses %s and changes nothing', async (_case, until) => {
    await installed();
    await drained();
    const [before, planned] = [await state(), await nextPlanned()];
    await handleMessage({ type: 'quiet', until, reason: null }, NOW);
    expect(await state()).toEqual(before);
    expect(await nextPlanned()).toBe(planned);
  });

  it.each([
    ['a fraction of a millisecond', { until: NOW + HOUR + 0.5, reason: null }],
    ['a time as text', { until: String(NOW + HOUR), reason: null }],
    ['no end', { until: Infinity, reason: null }],
    ['no reason at all', { until: NOW + HOUR }],
    ['a reason it does not know', { until: NOW + HOUR, reason: 'lunch' }],
    ['the span of earlier versions', { span: 'hour' }],
  ])('ignores a quiet message with %s', async (_case, fields) => {
    await installed();
    await drained();
    const before = await state();
    await ask({ type: 'quiet', ...fields });
    expect(await state()).toEqual(before);
  });

  it('drops a snooze: an offer put off with "Later" does not come during the quiet time', async () => {
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 1);
    await drained();
    expect((await state()).snoozedUntil).not.toBeNull();
    const at = Date.now();
    await handleMessage({ type: 'quiet', until: at + 2 * HOUR, reason: null }, at);
    expect((await state()).snoozedUntil).toBeNull();
    expect(await nextPlanned()).toBeGreaterThanOrEqual(at + 3 * HOUR);
  });

  it('"Resume" ends it and forgets its reason: the next offer is planned from now', async () => {
    await installed();
    await handleMessage({ type: 'quiet', until: NOW + 2 * HOUR, reason: 'meeting' }, NOW);
    const resumedAt = NOW + 10 * MINUTE;
    vi.setSystemTime(resumedAt);
    await ask({ type: 'resume' });
    expect(await state()).toMatchObject({ quietUntil: null, quietReason: null });
    expect(await nextPlanned()).toBeGreaterThanOrEqual(resumedAt + HOUR);
    expect(await nextPlanned()).toBeLessThanOrEqual(resumedAt + 2 * HOUR);
  });

  it('an alarm planned before the quiet time that fires during it only plans again, from its end', async () => {
    await installed();
    const planned = await nextPlanned();
    const until = planned + 30 * MINUTE;
    await handleMessage({ type: 'quiet', until, reason: null }, NOW);

    // The alarm as it was planned before (the browser may still hold it, or a worker planned it at
    // the same moment) fires during the quiet time, at a good moment.
    await alarmFires(planned);
    await expectNoOffer();
    const replanned = await nextPlanned();
    expect((await state()).nextOfferAt).toBe(replanned);
    expect(replanned).toBeGreaterThanOrEqual(until + HOUR);
    expect(replanned).toBeLessThanOrEqual(until + 2 * HOUR);

    // The quiet time holds offers back for a while, not for ever.
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await badge()).toBe('•'));
    expect(await offersMade()).toBe(1);
  });
});

describe('offers that pass by come less often', () => {
  // Every moment active, one offer an hour exactly, a dozen a day: the pace alone moves the offers.
  const SET_PACE = {
    activeDays: [0, 1, 2, 3, 4, 5, 6],
    activeRanges: [{ startMinutes: 0, endMinutes: 24 * 60 }],
    minIntervalMinutes: 60,
    maxIntervalMinutes: 60,
    maxPerDay: 12,
  };
  const pace = async () => (await loadScheduleState()).backOff;

  async function paced() {
    await saveSettings(SET_PACE);
    await installed();
  }

  /** The pause alarm makes an offer, a tab switch shows it in full; returns when it was shown. */
  async function offerShown(): Promise<number> {
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await stage()).toBe('mark'));
    await tabSwitch();
    await eventually(async () => expect(await stage()).toBe('shown'));
    return Date.now();
  }

  /** An offer shown in full and left to expire through its alarm; returns when it expired. */
  async function offerPassesBy(): Promise<number> {
    await offerShown();
    await fire(EXPIRY_ALARM);
    await drained();
    expect((await loadScheduleState()).offer).toBeNull();
    return Date.now();
  }

  it('three offers left to expire: the next comes 3.375 times the interval on; an answer brings it nearer; the set pace returns', async () => {
    await paced();
    const steps = [];
    let expiredAt = 0;
    for (let i = 0; i < 3; i++) {
      expiredAt = await offerPassesBy();
      steps.push(await pace());
      // Each is planned from the one that passed by, at the pace it left.
      expect(await nextPlanned()).toBe(expiredAt + Math.floor(HOUR * 1.5 ** (i + 1)));
    }
    expect(steps).toEqual([1, 2, 3]);
    expect((await listPauseEvents()).filter((event) => event.type === 'expired')).toHaveLength(3);

    const answeredAt = expiredAt + 20 * MINUTE;
    await handleMessage({ type: 'pause-taken' }, answeredAt);
    expect(await pace()).toBe(2);
    expect(await nextPlanned()).toBe(answeredAt + 2.25 * HOUR);

    const resetAt = answeredAt + 5 * MINUTE;
    await handleMessage({ type: 'set-pace' }, resetAt);
    expect(await pace()).toBe(0);
    // The rest after the answer still holds: an hour from it, as the person set.
    expect(await nextPlanned()).toBe(answeredAt + HOUR);
  });

  it('"Later" and "Snooze 1 hour" put an offer off: a step back each, and the snoozed offer still comes back', async () => {
    await paced();
    const laterAt = (await offerShown()) + MINUTE;
    vi.setSystemTime(laterAt);
    await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, 1);
    await drained();
    expect(await pace()).toBe(1);
    expect(await nextPlanned()).toBe(laterAt + 15 * MINUTE);

    const openedAt = await offerShown();
    await handleMessage({ type: 'pause-opened' }, openedAt);
    // Opening the offer's pause is a step nearer; snoozing it from there a step back.
    expect(await pace()).toBe(0);
    await handleMessage({ type: 'pause-ended', outcome: 'snoozed', promptId: 'q-beliefs' }, openedAt + MINUTE);
    expect(await pace()).toBe(1);
    expect(await nextPlanned()).toBe(openedAt + MINUTE + HOUR);
  });

  it('"No more today", "Not now" and an offer that never found a good moment to show leave the pace as it was', async () => {
    await paced();
    await offerPassesBy();
    expect(await pace()).toBe(1);

    // Shown, its pause opened (a step nearer), then "Not now": a clear choice, no step back.
    await handleMessage({ type: 'pause-ended', outcome: 'skipped', promptId: 'q-beliefs' }, (await offerShown()) + MINUTE);
    expect(await pace()).toBe(1);
    const doneAt = (await offerShown()) + MINUTE;
    await handleMessage({ type: 'pause-ended', outcome: 'done-today', promptId: 'q-beliefs' }, doneAt);
    expect(await pace()).toBe(1);

    // Behind a call from its mark to its end, an offer never shows in full: nothing passed the person by.
    await handleMessage({ type: 'resume' }, doneAt + MINUTE);
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(await stage()).toBe('mark'));
    audible = true;
    await fire(EXPIRY_ALARM);
    await drained();
    expect((await loadScheduleState()).offer).toBeNull();
    expect(await pace()).toBe(1);
  });

  it('time away long enough to be a break, and a pause window opened by the person, each bring the pace a step back', async () => {
    await paced();
    await offerPassesBy();
    await offerPassesBy();
    expect(await pace()).toBe(2);
    const awayAt = Date.now() + MINUTE;
    await idleState('idle', awayAt);
    await idleState('active', awayAt + 15 * MINUTE);
    expect(await pace()).toBe(1);
    await handleMessage({ type: 'pause-opened' }, awayAt + 20 * MINUTE);
    expect(await pace()).toBe(0);
  });

  it('kept in the stored schedule: a new service worker goes on at that pace; an update keeps it, a new install starts at the set pace', async () => {
    await paced();
    await offerPassesBy();
    await offerPassesBy();
    // A new worker has nothing in memory: it reads the pace with the rest of the schedule.
    background.main();
    await drained();
    expect(await pace()).toBe(2);
    const expiredAt = await offerPassesBy();
    expect(await pace()).toBe(3);
    expect(await nextPlanned()).toBe(expiredAt + 3.375 * HOUR);

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await drained();
    expect(await pace()).toBe(3);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await drained();
    expect(await pace()).toBe(0);
  });

  it('an old stored schedule without a pace, or one with a pace out of bounds, plans at the set pace', async () => {
    await paced();
    const old: Record<string, unknown> = { ...(await loadScheduleState()) };
    delete old.backOff;
    for (const stored of [old, { ...old, backOff: 17 }, { ...old, backOff: 'slow' }]) {
      await fakeBrowser.storage.local.set({ schedule: stored });
      const now = Date.now() + MINUTE;
      await handleMessage({ type: 'resume' }, now);
      expect(await pace()).toBe(0);
      expect(await nextPlanned()).toBe(now + HOUR);
    }
  });
});
