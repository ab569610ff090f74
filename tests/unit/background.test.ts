import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { ensureSchedule, EXPIRY_ALARM, handleMessage, RECHECK_AWAY, RECHECK_BUSY } from '@/entrypoints/background/scheduler';
import { NOTIFICATION_ID } from '@/entrypoints/background/offer';
import { listPauseEvents } from '@/utils/db/events';
import { loadScheduleState, saveScheduleState } from '@/utils/storage/schedule-state';
import { FIRST_MINUTES_BACK, PAUSE_ALARM } from '@/utils/schedule/schedule';
import { saveSettings } from '@/utils/storage/settings';
import { HOUR, MINUTE } from '@/utils/time';
import { refuseOpen, removeIndexedDB } from './storage-failures';

// Wednesday 25 November 2026, 10:00 local time: inside the default active hours.
const NOW = new Date(2026, 10, 25, 10, 0).getTime();

let idle: 'active' | 'idle' | 'locked';
let windowState: string;
let audible: boolean;

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
const eventually = (check: () => unknown) => vi.waitFor(check, { timeout: 2000, interval: 5 });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  idle = 'active';
  windowState = 'normal';
  audible = false;
  // APIs the fake browser leaves unimplemented, answering as a quiet, attentive moment would.
  idleChanged = fakeEvent<[string]>();
  Object.assign(fakeBrowser.idle, { onStateChanged: idleChanged });
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

describe('background', () => {
  it('plans one pause alarm 60–120 minutes ahead on install', async () => {
    await installed();
    const pause = await alarm(PAUSE_ALARM);
    expect(pause!.scheduledTime).toBeGreaterThanOrEqual(NOW + 60 * MINUTE);
    expect(pause!.scheduledTime).toBeLessThanOrEqual(NOW + 120 * MINUTE);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect((await loadScheduleState()).nextOfferAt).toBe(pause!.scheduledTime);
  });

  it('offers a pause at a good moment: notification with two buttons, mark, history, next alarm', async () => {
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(async () => expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]));
    const options = fakeBrowser.notifications.getAllCreateOptions()[NOTIFICATION_ID];
    expect(options).toMatchObject({ title: 'Time for a pause?', buttons: [{ title: 'Take a pause' }, { title: 'Later' }], silent: true });
    expect(await badge()).toBe('•');
    expect(fakeBrowser.action.setPopup).toHaveBeenLastCalledWith({ popup: 'pause.html' });
    // vi.waitFor advances the fake clock a little while it polls: read the moment the offer was made.
    const offeredAt = (await loadScheduleState()).offer!.offeredAt;
    await eventually(async () => expect(await listPauseEvents()).toMatchObject([{ type: 'offered', at: offeredAt }]));
    expect((await alarm(EXPIRY_ALARM))!.scheduledTime).toBe(offeredAt + 30 * MINUTE);
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBeGreaterThanOrEqual(offeredAt + HOUR);
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
    await take();
    await eventually(() =>
      expect(fakeBrowser.windows.create).toHaveBeenCalledWith(
        expect.objectContaining({ url: expect.stringMatching(/\/pause\.html$/) as unknown, type: 'popup' }),
      ),
    );
    await eventually(async () => expect((await loadScheduleState()).pauseWindowId).toBe(42));
    expect(await notifications()).toEqual({});
  });

  it('opens the pause window directly with that delivery', async () => {
    await saveSettings({ delivery: 'window' });
    await installed();
    await fire(PAUSE_ALARM);
    await eventually(() => expect(fakeBrowser.windows.create).toHaveBeenCalledTimes(1));
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
    await new Promise((resolve) => setTimeout(resolve, 20));
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
    await eventually(async () => expect(await notifications()).toHaveProperty(NOTIFICATION_ID));
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

  it('pausing for an hour, for today, and resuming', async () => {
    await installed();
    await handleMessage({ type: 'quiet', span: 'hour' }, NOW);
    expect((await loadScheduleState()).quietUntil).toBe(NOW + HOUR);
    expect((await alarm(PAUSE_ALARM))!.scheduledTime).toBeGreaterThanOrEqual(NOW + 2 * HOUR);
    await handleMessage({ type: 'quiet', span: 'today' }, NOW);
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
    expect(Object.keys(await notifications())).toEqual([NOTIFICATION_ID]);
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
