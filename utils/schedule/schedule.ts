/**
 * When to offer a pause. The decisions are pure functions of time, settings, history and a random
 * source, tested with tables of fixed dates; the small device state they work from lives in
 * browser.storage.local, because the background's service worker may die at any moment.
 */
import type { ScheduleState } from '@/utils/model/schedule';
import type { Settings } from '@/utils/model/settings';
import { atMinuteOfDay, MINUTE, sameDay, startOfDay, startOfNextDay, weekday } from '@/utils/time';
import type { RandomSource } from '@/utils/prompts/pick';

/** How long an offer stays open before it expires quietly. */
export const OFFER_LIFETIME = 30 * MINUTE;
/** "Later" on an offer. */
export const LATER_SNOOZE = 15 * MINUTE;
/** When the first offer of an active period comes: a random moment within this much after it starts. */
const START_SPREAD = 30 * MINUTE;
/** Away (idle or screen locked) at least this long counts as a break, as a pause taken does. */
export const AWAY_BREAK = 10 * MINUTE;
/**
 * No offer this soon after coming back from a break: the first minutes back go to picking up the
 * thread (the sentence left half-written, the messages that came in), and an offer then would break
 * into exactly that, right after the person had their rest.
 */
export const FIRST_MINUTES_BACK = 10 * MINUTE;
/** Days searched ahead for an active moment under the cap (two weeks covers every weekly pattern). */
const SEARCH_DAYS = 14;

/** What `nextOfferAt` needs to know of the past. */
export type ScheduleHistory = Pick<ScheduleState, 'snoozedUntil' | 'quietUntil' | 'recentOffers' | 'lastPauseAt' | 'backAt'>;

function offersOnDay(history: ScheduleHistory, day: number): number {
  return history.recentOffers.filter((at) => sameDay(at, day)).length;
}

/**
 * The first moment at or after `candidate` that is inside active hours, on an active day, on a day
 * whose cap is not reached. A moment moved to the start of an active period is spread over its
 * first half hour so pauses do not all arrive on the hour. Null when no such moment exists.
 */
function fitToActiveTime(candidate: number, settings: Settings, history: ScheduleHistory, random: RandomSource): number | null {
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
 * Whether time away from `since` until `now` counts as a break. A computer asleep is away too: an
 * alarm that fires this late was slept through, so `since` may be the moment it was due.
 */
export function isBreak(since: number | null, now: number): boolean {
  return since !== null && now - since >= AWAY_BREAK;
}

/**
 * The rest a pause or a break gives: no offer before the person's minimum interval has passed since
 * the last pause taken, nor in the first minutes back from a break. -Infinity when neither applies.
 */
export function restUntil(settings: Settings, history: ScheduleHistory): number {
  return Math.max(
    (history.lastPauseAt ?? -Infinity) + settings.minIntervalMinutes * MINUTE,
    (history.backAt ?? -Infinity) + FIRST_MINUTES_BACK,
  );
}

/**
 * When to offer the next pause, or null when none should come (pauses off, no active day).
 * A snooze brings the offer back when it ends; otherwise the offer comes a random interval within
 * the person's range after now, or after a quiet period ends, or (while their rest lasts) after
 * the last pause taken or the return from a break. Never during that rest. Then it moves into
 * active hours and days, past days whose daily cap is reached.
 */
export function nextOfferAt(now: number, settings: Settings, history: ScheduleHistory, random: RandomSource): number | null {
  if (!settings.pausesEnabled) return null;
  const quietUntil = history.quietUntil ?? 0;
  const rest = restUntil(settings, history);
  let candidate: number;
  if (history.snoozedUntil !== null && history.snoozedUntil > now) {
    candidate = Math.max(history.snoozedUntil, quietUntil);
  } else {
    const span = (settings.maxIntervalMinutes - settings.minIntervalMinutes) * MINUTE;
    const interval = settings.minIntervalMinutes * MINUTE + Math.floor(random() * (span + 1));
    // An alarm planned before a pause may fire during its rest: the interval still counts from the pause.
    const from = now < rest ? Math.max(history.lastPauseAt ?? 0, history.backAt ?? 0) : now;
    candidate = Math.max(from, quietUntil) + interval;
  }
  return fitToActiveTime(Math.max(candidate, rest), settings, history, random);
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

/** The one alarm for pauses (the background's): the next offer, or a re-check while waiting for a good moment. */
export const PAUSE_ALARM = 'pause';
