/** Durations in epoch milliseconds. */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Local midnight at the start of the day containing `ms`. Daylight-saving safe: built from calendar fields. */
export function startOfDay(ms: number): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** Local midnight at the start of the day after the one containing `ms` (23 or 25 hours later on DST days). */
export function startOfNextDay(ms: number): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}

/** The local wall-clock time `minutes` after midnight on the day containing `dayMs`. */
export function atMinuteOfDay(dayMs: number, minutes: number): number {
  const date = new Date(dayMs);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), 0, minutes).getTime();
}

/** 0 = Sunday … 6 = Saturday, in local time. */
export function weekday(ms: number): number {
  return new Date(ms).getDay();
}

/** Whether two instants fall on the same local calendar day. */
export function sameDay(a: number, b: number): boolean {
  return startOfDay(a) === startOfDay(b);
}

/** The local date of `ms` as `2026-11-25`, for file names. */
export function localDate(ms: number): string {
  const date = new Date(ms);
  const twoDigits = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}
