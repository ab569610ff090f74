/**
 * Durations in epoch milliseconds. Apart from the calendar arithmetic of utils/time.ts (which
 * re-exports them), so the quick pages' first paint, which needs a duration or two, does not carry
 * the calendar's code (scripts/sizes.mjs).
 */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
