/**
 * When to offer a pause. The decisions are pure functions of time, settings, history and a random
 * source, tested with tables of fixed dates; the small device state they work from lives in
 * browser.storage.local, because the background's service worker may die at any moment.
 */
import type { ScheduleState } from '@/utils/model/schedule';
import type { Settings } from '@/utils/model/settings';
import { addDays, atMinuteOfDay, MINUTE, startOfDay, startOfNextDay, weekday } from '@/utils/time';
import type { RandomSource } from '@/utils/prompts/pick';
import { backedOffCap, backOffFactor } from './back-off';

/** How long an offer stays open before it expires quietly. */
export const OFFER_LIFETIME = 30 * MINUTE;
/**
 * An offer first shows only its toolbar mark, and its notification (or window) waits for a seam: a
 * tab or window switch, or a moment of stillness. Without one it comes this long after the mark.
 */
export const SEAM_LATEST = 10 * MINUTE;
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
export type ScheduleHistory = Pick<ScheduleState, 'snoozedUntil' | 'quietUntil' | 'recentOffers' | 'lastPauseAt' | 'backAt' | 'backOff'>;

/** One showing of an active range: the local day it belongs to (that day's midnight), and when it starts and ends. */
interface ActivePeriod {
  readonly day: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The showings of the active ranges that belong to `day` (a local midnight), in order. A range
 * that ends before it starts runs past midnight and still belongs to the day it starts on: Friday
 * 22:00–02:00 is Friday's, even when Saturday is no active day. The times are what the local clock
 * reads, so a clock change lengthens or shortens a range but never moves it (see atMinuteOfDay).
 */
function periodsOf(day: number, settings: Settings): ActivePeriod[] {
  const nextDay = startOfNextDay(day);
  return settings.activeRanges.map(({ startMinutes, endMinutes }) => ({
    day,
    start: atMinuteOfDay(day, startMinutes),
    end: atMinuteOfDay(endMinutes > startMinutes ? day : nextDay, endMinutes),
  }));
}

/**
 * The period holding `moment`, if any: one of its own day's, or one of the day before that runs
 * past midnight. This is the one rule for which day a moment belongs to; ranges never overlap,
 * so at most one period holds it.
 */
function periodAt(moment: number, settings: Settings): ActivePeriod | undefined {
  const periods = [...periodsOf(addDays(moment, -1), settings), ...periodsOf(startOfDay(moment), settings)];
  return periods.find((period) => moment >= period.start && moment < period.end);
}

/**
 * When "today" ends for "No more today" and "The rest of today": as the active day `moment` belongs
 * to ends. That is the next midnight, or later when one of that day's ranges runs past it: at
 * Friday 23:30 in a 22:00–02:00 range, today ends on Saturday at 02:00.
 */
export function endOfToday(moment: number, settings: Settings): number {
  const isActive = (day: number) => settings.activeDays.includes(weekday(day));
  const held = periodAt(moment, settings)?.day;
  const day = held !== undefined && isActive(held) ? held : startOfDay(moment);
  const periods = isActive(day) ? periodsOf(day, settings) : [];
  return Math.max(startOfNextDay(day), ...periods.map((period) => period.end));
}

/**
 * How many offers count toward the cap of `day` (a local midnight): those in its periods, and
 * those outside any period (made under other settings or in another time zone) by their calendar day.
 */
function offersOnDay(history: ScheduleHistory, day: number, settings: Settings): number {
  return history.recentOffers.filter((at) => (periodAt(at, settings)?.day ?? startOfDay(at)) === day).length;
}

/** Whether the day `day` (a local midnight) has had as many offers as the pace allows: the person's cap, lowered while offers back off. */
function capReached(history: ScheduleHistory, day: number, settings: Settings): boolean {
  return offersOnDay(history, day, settings) >= backedOffCap(settings.maxPerDay, history.backOff);
}

/**
 * The first moment at or after `candidate` that is inside active hours, on an active day, on a day
 * whose cap is not reached. A moment moved to the start of an active period is spread over its
 * first half hour so pauses do not all arrive on the hour. Null when no such moment exists.
 */
function fitToActiveTime(candidate: number, settings: Settings, history: ScheduleHistory, random: RandomSource): number | null {
  // The day before may own a period that runs past midnight into the candidate's day.
  let day = addDays(candidate, -1);
  for (let i = 0; i <= SEARCH_DAYS + 1; i++, day = startOfNextDay(day)) {
    if (!settings.activeDays.includes(weekday(day))) continue;
    if (capReached(history, day, settings)) continue;
    for (const { start, end } of periodsOf(day, settings)) {
      // A range the clock jumps over entirely (02:00–02:30 when 02:00 becomes 03:00) has no time that day.
      if (candidate >= end || start >= end) continue;
      if (candidate >= start) return candidate;
      return start + Math.floor(random() * Math.min(START_SPREAD, end - start));
    }
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
 * the person's range (lengthened, and the day's cap lowered, while offers back off) after now, or after a quiet period ends, or (while their rest lasts) after
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
    // Offers that passed by lengthen it (see back-off.ts); never below what the person set.
    const interval = Math.floor(
      (settings.minIntervalMinutes * MINUTE + Math.floor(random() * (span + 1))) * backOffFactor(history.backOff),
    );
    // An alarm planned before a pause may fire during its rest: the interval still counts from the pause.
    const from = now < rest ? Math.max(history.lastPauseAt ?? 0, history.backAt ?? 0) : now;
    candidate = Math.max(from, quietUntil) + interval;
  }
  return fitToActiveTime(Math.max(candidate, rest), settings, history, random);
}

/**
 * Whether `moment` itself may carry an offer: inside active hours, not quiet, and the day its
 * period belongs to is an active day whose cap is not reached.
 */
export function isActiveMoment(moment: number, settings: Settings, history: ScheduleHistory): boolean {
  if (!settings.pausesEnabled) return false;
  if (history.quietUntil !== null && moment < history.quietUntil) return false;
  const period = periodAt(moment, settings);
  if (!period || !settings.activeDays.includes(weekday(period.day))) return false;
  return !capReached(history, period.day, settings);
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
  /**
   * No offers until `until`, for `reason` if the person gave one. `untilTomorrow` when it ends as
   * tomorrow begins ("For today", "No more today"): the popup says so, rather than "until 0:00".
   */
  | { kind: 'quiet'; until: number; reason: ScheduleState['quietReason']; untilTomorrow: boolean }
  /**
   * The next offer around `at`; "The rest of today" would be quiet until `todayEndsAt` (see
   * endOfToday). `backedOff` while offers come less often than the person set (see back-off.ts).
   */
  | { kind: 'next'; at: number; todayEndsAt: number; backedOff: boolean }
  | { kind: 'none' };

/** Reads the state and settings as the popup shows them. */
export function scheduleStatus(now: number, settings: Settings, state: ScheduleState): ScheduleStatus {
  if (!settings.pausesEnabled) return { kind: 'off' };
  if (state.offer) return { kind: 'offer-open' };
  if (state.quietUntil !== null && state.quietUntil > now) {
    return { kind: 'quiet', until: state.quietUntil, reason: state.quietReason, untilTomorrow: state.quietUntil === startOfNextDay(now) };
  }
  return state.nextOfferAt === null
    ? { kind: 'none' }
    : { kind: 'next', at: Math.max(state.nextOfferAt, now), todayEndsAt: endOfToday(now, settings), backedOff: state.backOff > 0 };
}

/** The one alarm for pauses (the background's): the next offer, or a re-check while waiting for a good moment. */
export const PAUSE_ALARM = 'pause';
