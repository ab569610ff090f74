/**
 * Insights for the journal: which days had a pause, what happened to the pauses offered, which
 * prompts were answered most, and how days felt. Pure functions over note times, feelings and pause
 * events, tested with fixed dates; the options page reads the database and passes the rows in.
 *
 * Nothing here counts consecutive days, and feelings are only counted, never scored or averaged:
 * the product has no streaks and no score, on purpose.
 */
import type { Feeling, PauseEvent } from '@/utils/model/records';
import { FEELINGS } from '@/utils/model/values';
import { addMonths, startOfDay, startOfNextDay } from '@/utils/time';

/** How far the calendar looks back, in calendar months. */
export const CALENDAR_MONTHS = 12;

/** One local calendar day of the insights calendar. */
export interface CalendarDay {
  /** Local midnight at the start of the day. */
  readonly start: number;
  /** Notes written that day. */
  readonly notes: number;
  /**
   * Pauses that day: the note count, or, on a day without notes, the 'answered' pause events.
   * A pause answered in the pause window writes a note and an event; counting both would count
   * it twice, and a note also stands for an answer given in the popup without any event.
   */
  readonly count: number;
}

/** What happened to the pauses offered in a period, one number per event type. */
export interface PauseCounts {
  readonly offered: number;
  /** Answered pauses. */
  readonly taken: number;
  readonly skipped: number;
  readonly snoozed: number;
  /** Offers that ended by themselves, without an answer. */
  readonly expired: number;
}

/** One prompt and how many notes answer it. */
export interface PromptCount {
  readonly id: string;
  readonly count: number;
}

/** One calendar month of the insights calendar (the first may be partial). */
export interface MonthSummary {
  readonly year: number;
  /** 0 = January … 11 = December, as `Date` counts them. */
  readonly month: number;
  /** Days of this month the calendar shows. */
  readonly days: number;
  /** Days with at least one pause (see CalendarDay.count). */
  readonly daysWithPause: number;
  /** Notes written in this month's days. */
  readonly notes: number;
}

/** Calm tint steps of a calendar cell: 0 is an empty day, 4 is four pauses or more. */
export type CalendarLevel = 0 | 1 | 2 | 3 | 4;

/**
 * Local midnight of the calendar's first day: the Monday on or before the same date
 * `CALENDAR_MONTHS` months before `now`. Starting on a Monday keeps every column one whole week.
 * A date the earlier month lacks (31 March → February) becomes that month's last day.
 */
export function calendarStart(now: number): number {
  const back = new Date(addMonths(now, -CALENDAR_MONTHS));
  // getDay(): 0 = Sunday; days since Monday is (getDay() + 6) % 7.
  const sinceMonday = (back.getDay() + 6) % 7;
  return new Date(back.getFullYear(), back.getMonth(), back.getDate() - sinceMonday).getTime();
}

/** Adds one to the count kept for the local day containing `ms`. */
function tallyByDay(tally: Map<number, number>, ms: number): void {
  const day = startOfDay(ms);
  tally.set(day, (tally.get(day) ?? 0) + 1);
}

/**
 * Every local day from `calendarStart(now)` through today, oldest first, with its notes and
 * pauses. Days are stepped with local calendar arithmetic, so a daylight-saving change gives a
 * 23- or 25-hour day rather than a skipped or doubled one. Times outside the range are ignored.
 */
export function calendarDays(noteTimes: readonly number[], events: readonly PauseEvent[], now: number): CalendarDay[] {
  const first = calendarStart(now);
  const end = startOfNextDay(now);
  const notesByDay = new Map<number, number>();
  for (const at of noteTimes) if (at >= first && at < end) tallyByDay(notesByDay, at);
  const answeredByDay = new Map<number, number>();
  for (const event of events) {
    if (event.type === 'answered' && event.at >= first && event.at < end) tallyByDay(answeredByDay, event.at);
  }

  const days: CalendarDay[] = [];
  for (let start = first; start < end; start = startOfNextDay(start)) {
    const notes = notesByDay.get(start) ?? 0;
    days.push({ start, notes, count: notes > 0 ? notes : (answeredByDay.get(start) ?? 0) });
  }
  return days;
}

/** How many pauses were offered, taken, skipped, snoozed and let pass at or after `since`. */
export function pauseCounts(events: readonly PauseEvent[], since: number): PauseCounts {
  let offered = 0;
  let taken = 0;
  let skipped = 0;
  let snoozed = 0;
  let expired = 0;
  for (const event of events) {
    if (event.at < since) continue;
    switch (event.type) {
      case 'offered':
        offered++;
        break;
      case 'answered':
        taken++;
        break;
      case 'skipped':
        skipped++;
        break;
      case 'snoozed':
        snoozed++;
        break;
      case 'expired':
        expired++;
        break;
      default: {
        const unknown: never = event.type;
        throw new Error(`Unknown pause event ${String(unknown)}`);
      }
    }
  }
  return { offered, taken, skipped, snoozed, expired };
}

/** The `limit` prompts with the most notes, most first; equal counts in id order; prompts without notes are left out. */
export function topPrompts(counts: ReadonlyMap<string, number>, limit: number): PromptCount[] {
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, limit));
}

/** The calendar's days grouped by month, oldest first: days shown, days with a pause, notes. */
export function monthSummaries(days: readonly CalendarDay[]): MonthSummary[] {
  const months: MonthSummary[] = [];
  for (const day of days) {
    const date = new Date(day.start);
    const year = date.getFullYear();
    const month = date.getMonth();
    const last = months.at(-1);
    const withPause = day.count > 0 ? 1 : 0;
    if (last && last.year === year && last.month === month) {
      months[months.length - 1] = {
        ...last,
        days: last.days + 1,
        daysWithPause: last.daysWithPause + withPause,
        notes: last.notes + day.notes,
      };
    } else {
      months.push({ year, month, days: 1, daysWithPause: withPause, notes: day.notes });
    }
  }
  return months;
}

/** How many days have at least one pause. */
export function daysWithPause(days: readonly CalendarDay[]): number {
  return days.reduce((total, day) => total + (day.count > 0 ? 1 : 0), 0);
}

/**
 * The tint of a day with `count` pauses. Fixed steps rather than steps relative to the busiest
 * day, so one full day never makes every other day look faint.
 */
export function calendarLevel(count: number): CalendarLevel {
  if (count <= 0) return 0;
  if (count < 2) return 1;
  if (count < 3) return 2;
  if (count < 4) return 3;
  return 4;
}

/** How many notes of one day, or of a period, felt each way. */
export type FeelingCounts = Readonly<Record<Feeling, number>>;

/** One local calendar day and the feelings chosen for its notes. */
export interface FeelingDay {
  /** Local midnight at the start of the day. */
  readonly start: number;
  /** Notes of the day per feeling; notes without a feeling are not counted. */
  readonly counts: FeelingCounts;
  /** Notes of the day that have a feeling: 0 on a day when none was chosen. */
  readonly total: number;
}

const noFeelings = (): Record<Feeling, number> => ({ heavy: 0, tense: 0, okay: 0, calm: 0, light: 0 });

/**
 * How days felt: every local day from `calendarStart(now)` through today, oldest first (the same
 * days as calendarDays), with the feelings chosen for that day's notes. For the calendar of
 * feelings and its table; a table lists the days whose `total` is above 0. Notes outside the range,
 * and notes without a feeling, are left out.
 */
export function feelingDays(notes: readonly { readonly createdAt: number; readonly feeling?: Feeling }[], now: number): FeelingDay[] {
  const first = calendarStart(now);
  const end = startOfNextDay(now);
  const byDay = new Map<number, Record<Feeling, number>>();
  for (const { createdAt, feeling } of notes) {
    if (feeling === undefined || createdAt < first || createdAt >= end) continue;
    const day = startOfDay(createdAt);
    const counts = byDay.get(day) ?? noFeelings();
    counts[feeling]++;
    byDay.set(day, counts);
  }
  const days: FeelingDay[] = [];
  for (let start = first; start < end; start = startOfNextDay(start)) {
    const counts = byDay.get(start) ?? noFeelings();
    days.push({ start, counts, total: FEELINGS.reduce((sum, feeling) => sum + counts[feeling], 0) });
  }
  return days;
}

/** The feelings of all `days` together: how many notes felt each way. */
export function feelingTotals(days: readonly FeelingDay[]): FeelingCounts {
  const totals = noFeelings();
  for (const day of days) for (const feeling of FEELINGS) totals[feeling] += day.counts[feeling];
  return totals;
}
