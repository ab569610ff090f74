/**
 * When to offer a pause. The decisions are pure functions of time, settings, history and a random
 * source, tested with tables of fixed dates; the small device state they work from lives in
 * browser.storage.local, because the background's service worker may die at any moment.
 */
import { browser } from 'wxt/browser';
import type { Settings } from './settings';
import { atMinuteOfDay, MINUTE, sameDay, startOfDay, startOfNextDay, weekday } from './time';
import type { RandomSource } from './prompts';

/** An offer that is waiting for the person: the toolbar mark is shown while it is open. */
export interface OpenOffer {
  readonly offeredAt: number;
  readonly expiresAt: number;
}

/** What the schedule remembers between wake-ups of the background. */
export interface ScheduleState {
  /** When the next offer is due (also when a good moment is being waited for); null when none is planned. */
  readonly nextOfferAt: number | null;
  /** The alarm came but the moment was not good: offer at the next good one. */
  readonly waiting: boolean;
  /** "Later" / "Snooze 1 hour": offer again at this time. */
  readonly snoozedUntil: number | null;
  /** "Pause for an hour" / "No more today": nothing before this time. */
  readonly quietUntil: number | null;
  readonly offer: OpenOffer | null;
  /** The pause window opened for the offer, so a second request focuses it instead of opening another. */
  readonly pauseWindowId: number | null;
  /** When recent offers were made (the last two days), for the daily cap. */
  readonly recentOffers: readonly number[];
}

export const EMPTY_SCHEDULE: ScheduleState = {
  nextOfferAt: null,
  waiting: false,
  snoozedUntil: null,
  quietUntil: null,
  offer: null,
  pauseWindowId: null,
  recentOffers: [],
};

/** How long an offer stays open before it expires quietly. */
export const OFFER_LIFETIME = 30 * MINUTE;
/** "Later" on an offer. */
export const LATER_SNOOZE = 15 * MINUTE;
/** When the first offer of an active period comes: a random moment within this much after it starts. */
const START_SPREAD = 30 * MINUTE;
/** Days searched ahead for an active moment under the cap (two weeks covers every weekly pattern). */
const SEARCH_DAYS = 14;

/** What `nextOfferAt` needs to know of the past. */
export type ScheduleHistory = Pick<ScheduleState, 'snoozedUntil' | 'quietUntil' | 'recentOffers'>;

function offersOnDay(history: ScheduleHistory, day: number): number {
  return history.recentOffers.filter((at) => sameDay(at, day)).length;
}

/**
 * The first moment at or after `candidate` that is inside active hours, on an active day, on a day
 * whose cap is not reached. A moment moved to the start of an active period is spread over its
 * first half hour so pauses do not all arrive on the hour. Null when no such moment exists.
 */
function fitToActiveTime(
  candidate: number,
  settings: Settings,
  history: ScheduleHistory,
  random: RandomSource,
): number | null {
  let day = startOfDay(candidate);
  for (let i = 0; i <= SEARCH_DAYS; i++, day = startOfNextDay(day)) {
    if (!settings.activeDays.includes(weekday(day))) continue;
    if (offersOnDay(history, day) >= settings.maxPerDay) continue;
    const start = atMinuteOfDay(day, settings.activeStartMinutes);
    const end = atMinuteOfDay(day, settings.activeEndMinutes);
    if (candidate >= end) continue;
    if (candidate >= start) return candidate;
    const spread = Math.min(START_SPREAD, end - start);
    return start + Math.floor(random() * spread);
  }
  return null;
}

/**
 * When to offer the next pause, or null when none should come (pauses off, no active day).
 * A snooze brings the offer back when it ends; otherwise the offer comes a random interval within
 * the person's range after now, or after a quiet period ends. Then it moves into active hours and
 * days, past days whose daily cap is reached.
 */
export function nextOfferAt(
  now: number,
  settings: Settings,
  history: ScheduleHistory,
  random: RandomSource,
): number | null {
  if (!settings.pausesEnabled) return null;
  const quietUntil = history.quietUntil ?? 0;
  let candidate: number;
  if (history.snoozedUntil !== null && history.snoozedUntil > now) {
    candidate = Math.max(history.snoozedUntil, quietUntil);
  } else {
    const span = (settings.maxIntervalMinutes - settings.minIntervalMinutes) * MINUTE;
    const interval = settings.minIntervalMinutes * MINUTE + Math.floor(random() * (span + 1));
    candidate = Math.max(now, quietUntil) + interval;
  }
  return fitToActiveTime(candidate, settings, history, random);
}

/** Whether `moment` itself may carry an offer: active hours, active day, cap not reached, not quiet. */
export function isActiveMoment(moment: number, settings: Settings, history: ScheduleHistory): boolean {
  if (!settings.pausesEnabled) return false;
  if (history.quietUntil !== null && moment < history.quietUntil) return false;
  if (!settings.activeDays.includes(weekday(moment))) return false;
  if (offersOnDay(history, moment) >= settings.maxPerDay) return false;
  const start = atMinuteOfDay(moment, settings.activeStartMinutes);
  const end = atMinuteOfDay(moment, settings.activeEndMinutes);
  return moment >= start && moment < end;
}

/** What the browser says about the person's moment. */
export interface MomentSignals {
  readonly idle: 'active' | 'idle' | 'locked';
  /** The state of the focused window, if any window has focus. */
  readonly focusedWindowState: string | undefined;
  readonly audible: boolean;
}

export type MomentVerdict = { ok: true } | { ok: false; reason: 'idle' | 'locked' | 'fullscreen' | 'audible' };

/**
 * A good moment is one where the person is at the computer (not idle, screen not locked), not
 * watching or presenting fullscreen, and not in a call or a video (no tab playing sound).
 */
export function isGoodMoment(signals: MomentSignals): MomentVerdict {
  if (signals.idle !== 'active') return { ok: false, reason: signals.idle };
  if (signals.focusedWindowState === 'fullscreen') return { ok: false, reason: 'fullscreen' };
  if (signals.audible) return { ok: false, reason: 'audible' };
  return { ok: true };
}

/** What the popup tells the person about their pauses. */
export type ScheduleStatus =
  | { kind: 'off' }
  | { kind: 'offer-open' }
  | { kind: 'quiet'; until: number; tomorrowOrLater: boolean }
  | { kind: 'next'; at: number }
  | { kind: 'none' };

/** Reads the state and settings as the popup shows them. */
export function scheduleStatus(now: number, settings: Settings, state: ScheduleState): ScheduleStatus {
  if (!settings.pausesEnabled) return { kind: 'off' };
  if (state.offer) return { kind: 'offer-open' };
  if (state.quietUntil !== null && state.quietUntil > now) {
    return { kind: 'quiet', until: state.quietUntil, tomorrowOrLater: state.quietUntil >= startOfNextDay(now) };
  }
  return state.nextOfferAt === null ? { kind: 'none' } : { kind: 'next', at: Math.max(state.nextOfferAt, now) };
}

const STATE_KEY = 'schedule';

/** The one alarm for pauses (the background's): the next offer, or a re-check while waiting for a good moment. */
export const PAUSE_ALARM = 'pause';

const finiteOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** Narrows stored schedule state; anything unreadable starts afresh rather than stopping pauses. */
export function parseScheduleState(stored: unknown): ScheduleState {
  if (typeof stored !== 'object' || stored === null) return EMPTY_SCHEDULE;
  const raw = stored as Record<string, unknown>;
  const offerRaw = raw.offer as Record<string, unknown> | null | undefined;
  const offer =
    typeof offerRaw === 'object' &&
    offerRaw !== null &&
    finiteOrNull(offerRaw.offeredAt) !== null &&
    finiteOrNull(offerRaw.expiresAt) !== null
      ? { offeredAt: offerRaw.offeredAt as number, expiresAt: offerRaw.expiresAt as number }
      : null;
  return {
    nextOfferAt: finiteOrNull(raw.nextOfferAt),
    waiting: raw.waiting === true,
    snoozedUntil: finiteOrNull(raw.snoozedUntil),
    quietUntil: finiteOrNull(raw.quietUntil),
    offer,
    pauseWindowId: Number.isInteger(raw.pauseWindowId) ? (raw.pauseWindowId as number) : null,
    recentOffers: Array.isArray(raw.recentOffers)
      ? raw.recentOffers.filter((at): at is number => typeof at === 'number' && Number.isFinite(at))
      : [],
  };
}

/** The schedule state stored on this device. */
export async function loadScheduleState(): Promise<ScheduleState> {
  return parseScheduleState((await browser.storage.local.get(STATE_KEY))[STATE_KEY]);
}

export async function saveScheduleState(state: ScheduleState): Promise<void> {
  await browser.storage.local.set({ [STATE_KEY]: state });
}
