/**
 * Local calendar arithmetic (days, months, clock times), safe across daylight-saving changes. The
 * durations are re-exported from utils/durations.ts, which the quick pages' first paint imports
 * instead, so it carries none of this (scripts/sizes.mjs).
 */
import { DAY } from './durations';

export { DAY, HOUR, MINUTE, SECOND } from './durations';

/** Local midnight at the start of the day containing `ms`. Daylight-saving safe: see addDays. */
export function startOfDay(ms: number): number {
  return addDays(ms, 0);
}

/** Local midnight at the start of the day after the one containing `ms` (23 or 25 hours later on DST days). */
export function startOfNextDay(ms: number): number {
  return addDays(ms, 1);
}

/** What the local clock reads at `ms`, as a number that orders like the clock: its fields taken as UTC. */
function clockReading(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(
    date.getFullYear(),
    date.getMonth(),
    date.getDate(),
    date.getHours(),
    date.getMinutes(),
    date.getSeconds(),
    date.getMilliseconds(),
  );
}

/**
 * The moment the local clock reads `minutes` after midnight on the day containing `dayMs` (1440:
 * the next midnight). When the clock goes back and shows a time twice, the first; when it jumps
 * forward over the time (02:30 on 29 March 2026 in Amsterdam), the jump itself, because that is
 * when the clock passes it. Date alone reads a skipped time in the offset from before the jump,
 * which lands as far past it as the jump is long (03:30): active hours ending at 02:30 would run
 * to 03:30 by the clock.
 */
export function atMinuteOfDay(dayMs: number, minutes: number): number {
  const date = new Date(dayMs);
  const at = new Date(date.getFullYear(), date.getMonth(), date.getDate(), 0, minutes).getTime();
  const wanted = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), 0, minutes);
  const skipped = clockReading(at) - wanted;
  if (skipped <= 0) return at;
  // The jump lies between the same reading in the offset after it (still before the jump) and `at`.
  let before = at - skipped;
  let after = at;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (clockReading(middle) < wanted) before = middle;
    else after = middle;
  }
  return after;
}

/** 0 = Sunday … 6 = Saturday, in local time. */
export function weekday(ms: number): number {
  return new Date(ms).getDay();
}

/** The local date of `ms` as `2026-11-25`, for file names. */
export function localDate(ms: number): string {
  const date = new Date(ms);
  const twoDigits = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

/**
 * Local midnight `days` calendar days after the day containing `ms` (before it, when negative).
 * Built from calendar fields, so a daylight-saving change in between shifts no day.
 */
export function addDays(ms: number, days: number): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days).getTime();
}

/**
 * Local midnight of the same date `months` calendar months after the day containing `ms` (before
 * it, when negative). A date the other month lacks becomes that month's last day: a month before
 * 31 March is 28 (or 29) February, a year before 29 February is 28 February.
 */
export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const lastDay = new Date(date.getFullYear(), date.getMonth() + months + 1, 0).getDate();
  return new Date(date.getFullYear(), date.getMonth() + months, Math.min(date.getDate(), lastDay)).getTime();
}

/** Calendar days from the day containing `from` to the day containing `to`: 1 for tomorrow, -1 for yesterday, also across a daylight-saving change. */
export function daysBetween(from: number, to: number): number {
  // Local days are 23, 24 or 25 hours long; rounding whole days absorbs the difference.
  return Math.round((startOfDay(to) - startOfDay(from)) / DAY);
}
