/**
 * The background's schedule: one alarm for the next pause, the good-moment check when it fires,
 * and what each answer to an offer does. Every step reads its state from storage and writes it
 * back, so nothing depends on the service worker staying alive.
 */
import { browser } from 'wxt/browser';
import { notificationMessages, offerLine, offerText, pickOfferLine, type OfferText } from '@/utils/i18n/notification';
import type { ScheduleMessage } from '@/utils/messages';
import { recordPauseEvent } from '@/utils/pause-history';
import { backOffAfter } from '@/utils/schedule/back-off';
import {
  endOfToday,
  isActiveMoment,
  isBreak,
  isGoodMoment,
  LATER_SNOOZE,
  nextOfferAt,
  OFFER_LIFETIME,
  PAUSE_ALARM,
  restUntil,
  SEAM_LATEST,
  type MomentSignals,
} from '@/utils/schedule/schedule';
import { loadScheduleState, saveScheduleState } from '@/utils/storage/schedule-state';
import type { ScheduleState } from '@/utils/model/schedule';
import { loadSettings } from '@/utils/storage/settings';
import { localeFor } from '@/utils/storage/language';
import type { Settings } from '@/utils/model/settings';
import { DAY, HOUR, MINUTE, SECOND } from '@/utils/time';
import { clearOfferNotification, openPauseWindow, setOfferMark, showOfferNotification } from './offer';

/** Ends an offer nobody took, quietly. */
export const EXPIRY_ALARM = 'offer-expiry';
/** Waiting behind fullscreen or sound: look again soon. */
export const RECHECK_BUSY = 5 * MINUTE;
/** Waiting for the person to come back: the idle API usually says so first; this is the fallback. */
export const RECHECK_AWAY = 30 * MINUTE;
/** Seconds without input before the person counts as away: also the idle API's default for its events. */
const IDLE_SECONDS = 60;
/** The idle API's shortest interval: while an offer waits for a seam, this much stillness is one. */
const STILL_SECONDS = 15;
/**
 * The latest moment for an offer in its first stage to show in full, if no seam came first; it
 * repeats (a re-check while the moment is not good) until the first stage ends.
 */
export const SEAM_ALARM = 'offer-seam';
/**
 * The pause alarm repeats at this period until it is replaced. A handler that dies half-way (the
 * service worker ended by the browser, an update) would otherwise consume the one-shot alarm and
 * leave no next offer: the browser itself fires it again, and that run re-plans.
 */
export const WATCHDOG_MINUTES = RECHECK_BUSY / MINUTE;
/** "Snooze 1 hour" in the pause window. */
const SNOOZE_HOUR = HOUR;

// Alarms, notification clicks and the idle API can fire together; each step reads, decides and
// writes the stored state, so they run one after the other. This queue holds no state: a fresh
// service worker starts with an empty one.
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(step: () => Promise<T>): Promise<T> {
  const run = queue.then(step, step);
  queue = run.catch(() => undefined);
  return run;
}

async function context(): Promise<{ settings: Settings; state: ScheduleState }> {
  const [settings, state] = await Promise.all([loadSettings(), loadScheduleState()]);
  return { settings, state };
}

/** What the open offer says: its line, in the language of the settings, or only its title when discreet. */
function offerWords(settings: Settings, state: ScheduleState): OfferText {
  const t = notificationMessages(localeFor(settings.language, browser.i18n.getUILanguage()));
  return offerText(t, offerLine(state.lastLine), settings.discreet);
}

/** Sets the one pause alarm to `when`, replacing any earlier one. */
async function setPauseAlarm(when: number): Promise<void> {
  await browser.alarms.create(PAUSE_ALARM, { when, periodInMinutes: WATCHDOG_MINUTES });
}

/** Plans the next offer from `now`, replacing the pause alarm (or clearing it when none is due). */
async function plan(now: number, settings: Settings, state: ScheduleState): Promise<ScheduleState> {
  const at = nextOfferAt(now, settings, state, Math.random);
  if (at === null) await browser.alarms.clear(PAUSE_ALARM);
  else await setPauseAlarm(at);
  return { ...state, nextOfferAt: at, waiting: false };
}

/**
 * A pause taken, or a break that ended, at `now`: an offer waiting or snoozed is dropped, and the
 * next one is planned from now (and never comes during the rest, see `restUntil`), one step nearer
 * the set pace if offers had backed off.
 */
async function rest(
  now: number,
  settings: Settings,
  state: ScheduleState,
  taken: Pick<ScheduleState, 'lastPauseAt'> | Pick<ScheduleState, 'backAt'>,
): Promise<void> {
  const backOff = backOffAfter(state.backOff, 'taken');
  await saveScheduleState(await plan(now, settings, { ...state, ...taken, backOff, snoozedUntil: null, awaySince: null }));
}

/**
 * The open offer's time is up: it goes quietly, recorded as expired. One the person saw in full
 * passed them by, so offers back off a step and the next is planned at that pace; one still in its
 * first stage never found a good moment to show, which says nothing of the person, and changes nothing.
 */
async function expireOffer(now: number, settings: Settings, state: ScheduleState): Promise<ScheduleState> {
  await recordPauseEvent('expired', now);
  const closed = await closeOffer(state);
  if (state.offer?.stage === 'mark') return closed;
  return plan(now, settings, { ...closed, backOff: backOffAfter(state.backOff, 'ignored') });
}

/** Ends the open offer: mark, notification and expiry alarm go (and its first stage, if it was in it). */
async function closeOffer(state: ScheduleState): Promise<ScheduleState> {
  await Promise.all([setOfferMark(null), clearOfferNotification(), browser.alarms.clear(EXPIRY_ALARM)]);
  if (state.offer?.stage === 'mark') await endFirstStage();
  return { ...state, offer: null, pauseWindowId: null };
}

/** An offer's first stage begins: a moment of stillness becomes a seam, and the latest one is planned. */
async function beginFirstStage(latest: number): Promise<void> {
  browser.idle.setDetectionInterval(STILL_SECONDS);
  await browser.alarms.create(SEAM_ALARM, { when: latest, periodInMinutes: RECHECK_BUSY / MINUTE });
}

/** No seam is waited for any more: its alarm goes, and stillness counts only as being away again. */
async function endFirstStage(): Promise<void> {
  browser.idle.setDetectionInterval(IDLE_SECONDS);
  await browser.alarms.clear(SEAM_ALARM);
}

/**
 * Ends the first stage of the open offer at `now`, before it shows in full or because the person
 * took the pause from the toolbar: its 30 minutes begin now. Stored first, as an offer is, so a
 * service worker ending here never shows it twice.
 */
async function leaveFirstStage(now: number, state: ScheduleState, offer: NonNullable<ScheduleState['offer']>): Promise<ScheduleState> {
  const left: ScheduleState = { ...state, offer: { ...offer, stage: 'shown', expiresAt: now + OFFER_LIFETIME } };
  await saveScheduleState(left);
  await endFirstStage();
  await browser.alarms.create(EXPIRY_ALARM, { when: now + OFFER_LIFETIME });
  return left;
}

/**
 * Re-plans from now: on install, browser start and settings changes. A new install (`installed`)
 * starts at the set pace: a browser clears an uninstalled extension's storage, and this holds even
 * where one would not.
 */
export function reschedule(now = Date.now(), { installed = false } = {}): Promise<void> {
  return serialized(async () => {
    const loaded = await context();
    const { settings } = loaded;
    let state = installed ? { ...loaded.state, backOff: 0 } : loaded.state;
    if (state.offer && state.offer.expiresAt <= now) state = await expireOffer(now, settings, state);
    else if (state.offer && !settings.pausesEnabled) state = await closeOffer(state);
    // The tooltip follows the settings at once: turned discreet as screen sharing begins.
    if (state.offer) await setOfferMark(offerWords(settings, state));
    await saveScheduleState(await plan(now, settings, state));
  });
}

/**
 * Runs on every start of the service worker and repairs what a worker that ended half-way, a
 * browser restart or an update can leave behind: an open offer gets its toolbar mark and expiry
 * alarm back (or goes, if its time is up), one in its first stage its seam alarm and its short
 * stillness, and a missing pause alarm is planned again (Firefox drops alarms on restart). Changes
 * nothing when all is in order.
 */
export function ensureSchedule(now = Date.now()): Promise<void> {
  return serialized(() => repairSchedule(now));
}

/** What ensureSchedule does, for callers already in the queue. */
async function repairSchedule(now: number): Promise<void> {
  const { settings, state: stored } = await context();
  let state = stored;
  if (state.offer) {
    state = await settleOffer(now, settings, state);
    if (state.offer) {
      await setOfferMark(offerWords(settings, state));
      if (!(await browser.alarms.get(EXPIRY_ALARM))) await browser.alarms.create(EXPIRY_ALARM, { when: state.offer.expiresAt });
      // A lost seam alarm is planned again; past due, it fires at once.
      if (state.offer.stage === 'mark' && !(await browser.alarms.get(SEAM_ALARM)))
        await beginFirstStage(Math.max(now, state.offer.offeredAt + SEAM_LATEST));
    }
  }
  // Set on every start: a worker may have ended between a first stage's end and this reset.
  browser.idle.setDetectionInterval(state.offer?.stage === 'mark' ? STILL_SECONDS : IDLE_SECONDS);
  if (await browser.alarms.get(PAUSE_ALARM)) return;
  if (state.waiting && settings.pausesEnabled) {
    // The re-check alarm was lost while waiting for a good moment: look again soon.
    await setPauseAlarm(now + RECHECK_BUSY);
    return;
  }
  await saveScheduleState(await plan(now, settings, state));
}

/** Lets an open offer whose time is up go quietly; returns the state to go on with. */
async function settleOffer(now: number, settings: Settings, state: ScheduleState): Promise<ScheduleState> {
  if (!state.offer || state.offer.expiresAt > now) return state;
  const expired = await expireOffer(now, settings, state);
  await saveScheduleState(expired);
  return expired;
}

/** Reads what the browser knows about the person's moment. None of it needs a host permission. */
async function readSignals(): Promise<MomentSignals> {
  const [idle, focused, audibleTabs] = await Promise.all([
    browser.idle.queryState(IDLE_SECONDS),
    browser.windows.getLastFocused().catch(() => undefined),
    browser.tabs.query({ audible: true }),
  ]);
  return {
    idle,
    focusedWindowState: focused?.focused ? focused.state : undefined,
    audible: audibleTabs.length > 0,
  };
}

/** The pause alarm, due at `dueAt`, fired: offer if this is a good moment, else wait for one. */
export function onPauseAlarm(dueAt: number, now = Date.now()): Promise<void> {
  return serialized(() => offerIfGoodMoment(now, dueAt));
}

/**
 * The person went away or came back. Either wakes the worker, so the schedule is checked (an update
 * may have cleared the alarms after this worker planned them). Coming back from a break plans the
 * next offer from the return; from a short absence, it may be the good moment an offer waited for.
 */
export function onIdleStateChanged(newState: string, now = Date.now()): Promise<void> {
  return serialized(async () => {
    await repairSchedule(now);
    const { settings, state } = await context();
    const firstStage = state.offer?.stage === 'mark';
    if (newState !== 'active') {
      // "idle" comes after IDLE_SECONDS without input (STILL_SECONDS while an offer waits for a
      // seam), when the absence began; "locked" after "idle" keeps that.
      const still = (firstStage ? STILL_SECONDS : IDLE_SECONDS) * SECOND;
      if (state.awaySince === null) await saveScheduleState({ ...state, awaySince: newState === 'idle' ? now - still : now });
      // A moment of stillness is a seam.
      if (firstStage && newState === 'idle') await showAtSeam(now);
      return;
    }
    if (isBreak(state.awaySince, now)) return rest(now, settings, state, { backAt: now });
    if (state.awaySince !== null) await saveScheduleState({ ...state, awaySince: null });
    if (state.waiting) await offerIfGoodMoment(now);
    // Back from a short absence: a seam too.
    else if (firstStage) await showAtSeam(now);
  });
}

async function offerIfGoodMoment(now: number, dueAt = now): Promise<void> {
  const current = await context();
  const { settings } = current;
  // An offer whose expiry never ran (its worker ended first) must not block every later one.
  const state = await settleOffer(now, settings, current.state);
  // One offer at a time: an open offer is never stacked on, it expires first.
  if (state.offer) return;
  // After sleep the alarm fires once, late (as after a browser closed for a while): that was a
  // break, and waking is never the moment for an offer.
  if (isBreak(dueAt, now)) return rest(now, settings, state, { backAt: now });
  // During the rest after a pause or a break (the alarm was planned before it), or outside active
  // time, it only re-plans.
  if (now < restUntil(settings, state) || !isActiveMoment(now, settings, state)) {
    await saveScheduleState(await plan(now, settings, state));
    return;
  }
  const verdict = isGoodMoment(await readSignals());
  if (!verdict.ok) {
    const away = verdict.reason === 'idle' || verdict.reason === 'locked';
    await setPauseAlarm(now + (away ? RECHECK_AWAY : RECHECK_BUSY));
    await saveScheduleState({ ...state, waiting: true, nextOfferAt: state.nextOfferAt ?? now });
    return;
  }
  // Back before the idle API said so (its event may come just after this alarm): a break still counts.
  if (isBreak(state.awaySince, now)) return rest(now, settings, state, { backAt: now });
  await makeOffer(now, settings, { ...state, awaySince: null });
}

/**
 * Makes the offer, in two stages: first only the quiet toolbar mark, while the person may be
 * mid-sentence; the notification or the pause window follows at a seam (`showAtSeam`). With the
 * mark as the whole delivery there is no second stage.
 */
async function makeOffer(now: number, settings: Settings, state: ScheduleState): Promise<void> {
  const stage = settings.delivery === 'badge' ? 'shown' : 'mark';
  const offered: ScheduleState = {
    ...state,
    // Until a seam, this is when a first stage that never finds one ends.
    offer: { offeredAt: now, expiresAt: now + OFFER_LIFETIME, stage },
    lastLine: pickOfferLine(state.lastLine, Math.random),
    snoozedUntil: null,
    recentOffers: [...state.recentOffers.filter((at) => at > now - 2 * DAY), now],
  };
  // The state is stored before anything shows, so a service worker dying here never offers twice.
  const planned = await plan(now, settings, offered);
  await saveScheduleState(planned);
  await browser.alarms.create(EXPIRY_ALARM, { when: now + OFFER_LIFETIME });
  if (stage === 'mark') await beginFirstStage(now + SEAM_LATEST);
  await recordPauseEvent('offered', now);
  await setOfferMark(offerWords(settings, planned));
}

/**
 * A seam came (a tab or window switch, a moment of stillness, the return from a short absence,
 * or the seam alarm): the offer in its first stage shows in full, as the delivery setting says,
 * and its 30 minutes begin. Never into a bad moment, nor during the rest after a pause taken or a
 * break, nor in a quiet time: then it waits for the next seam or the seam alarm's next run.
 */
async function showAtSeam(now: number): Promise<void> {
  const current = await context();
  const { settings } = current;
  const state = await settleOffer(now, settings, current.state);
  const { offer } = state;
  if (offer?.stage !== 'mark') return;
  if (now < restUntil(settings, state) || (state.quietUntil !== null && now < state.quietUntil)) return;
  if (!isGoodMoment(await readSignals()).ok) return;
  const shown = await leaveFirstStage(now, state, offer);
  if (settings.delivery === 'notification') await showOfferNotification(offerWords(settings, shown));
  if (settings.delivery === 'window') await saveScheduleState({ ...shown, pauseWindowId: (await openPauseWindow(null)) ?? null });
}

/**
 * The person switched tab or window. This runs on every switch in the browser, and wakes the
 * service worker for it: so without an offer in its first stage it ends after one read.
 */
export async function onSeam(now = Date.now()): Promise<void> {
  if ((await loadScheduleState()).offer?.stage !== 'mark') return;
  await serialized(() => showAtSeam(now));
}

/** The seam alarm: no seam came in time, or it is time to look again. */
export function onSeamAlarm(now = Date.now()): Promise<void> {
  return serialized(async () => {
    // The alarm repeats: one left behind by a worker that ended after its first stage goes now.
    if ((await loadScheduleState()).offer?.stage !== 'mark') await browser.alarms.clear(SEAM_ALARM);
    else await showAtSeam(now);
  });
}

/** An offer nobody took: it goes quietly. */
export function onExpiryAlarm(now = Date.now()): Promise<void> {
  return serialized(async () => {
    const { settings, state } = await context();
    if (!state.offer) return;
    await saveScheduleState(await expireOffer(now, settings, state));
  });
}

/** "Take a pause" or a click on the notification: open the pause window for the open offer. */
export function takePause(): Promise<void> {
  return serialized(async () => {
    const { state } = await context();
    await clearOfferNotification();
    if (!state.offer) return;
    const windowId = await openPauseWindow(state.pauseWindowId);
    await saveScheduleState({ ...state, pauseWindowId: windowId ?? null });
  });
}

/** "Later" on the notification: the offer comes back in 15 minutes, and the ones after it back off a step. */
export function later(now = Date.now()): Promise<void> {
  return serialized(async () => {
    const { settings, state } = await context();
    if (!state.offer) return;
    await recordPauseEvent('snoozed', now);
    const closed = await closeOffer(state);
    const backOff = backOffAfter(state.backOff, 'ignored');
    await saveScheduleState(await plan(now, settings, { ...closed, backOff, snoozedUntil: now + LATER_SNOOZE }));
  });
}

/** Handles a message from a page. Exhaustive: a new message type fails to compile until handled here. */
export function handleMessage(message: ScheduleMessage, now = Date.now()): Promise<void> {
  return serialized(async () => {
    const { settings, state } = await context();
    switch (message.type) {
      case 'pause-ended': {
        const { outcome, promptId } = message;
        await recordPauseEvent(outcome === 'answered' ? 'answered' : outcome === 'snoozed' ? 'snoozed' : 'skipped', now, promptId);
        const closed = await closeOffer(state);
        // "Snooze 1 hour" puts the offer off, as "Later" does; "No more today" and "Not now" are
        // clear choices, not offers passed by, and leave the pace as it is.
        const next: ScheduleState =
          outcome === 'snoozed'
            ? { ...closed, snoozedUntil: now + SNOOZE_HOUR, backOff: backOffAfter(state.backOff, 'ignored') }
            : outcome === 'done-today'
              ? { ...closed, snoozedUntil: null, quietUntil: endOfToday(now, settings), quietReason: null }
              : closed;
        // Only a snooze or "no more today" changes when the next offer comes.
        await saveScheduleState(outcome === 'snoozed' || outcome === 'done-today' ? await plan(now, settings, next) : next);
        return;
      }
      case 'quiet': {
        // The popup never asks for a time past or more than a day ahead: such a request is a
        // mistake, and the schedule the person had is better than one built on it.
        if (message.until <= now || message.until > now + 7 * DAY) return;
        // The next offer is planned from the end of the quiet time, so it never comes the moment it ends.
        const quiet = { snoozedUntil: null, quietUntil: message.until, quietReason: message.reason };
        await saveScheduleState(await plan(now, settings, { ...state, ...quiet }));
        return;
      }
      case 'resume':
        await saveScheduleState(await plan(now, settings, { ...state, snoozedUntil: null, quietUntil: null, quietReason: null }));
        return;
      case 'pause-taken':
        await rest(now, settings, state, { lastPauseAt: now });
        return;
      case 'pause-opened': {
        // Opened for an offer, the pause counts by how it ends; opened by the person, it counts now.
        if (!state.offer) return rest(now, settings, state, { lastPauseAt: now });
        // The pause is open: its notification has nothing left to offer. From the marked toolbar
        // icon in the first stage, nothing may follow at a seam either. The offer was welcome: a
        // step nearer the set pace, whatever the pause ends with.
        await clearOfferNotification();
        const welcomed = { ...state, backOff: backOffAfter(state.backOff, 'taken') };
        if (state.offer.stage === 'mark') await leaveFirstStage(now, welcomed, state.offer);
        else await saveScheduleState(welcomed);
        return;
      }
      case 'set-pace':
        // "Return to the set pace" in the popup: the next offer comes as the person set it.
        await saveScheduleState(await plan(now, settings, { ...state, backOff: 0 }));
        return;
      case 'check-schedule':
        await repairSchedule(now);
        return;
      default: {
        const unhandled: never = message;
        throw new Error(`Unhandled message ${JSON.stringify(unhandled)}`);
      }
    }
  });
}
