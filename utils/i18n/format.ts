/**
 * Numbers, counts and dates as people of a locale read them. Making an Intl formatter is slow
 * (it loads the locale's data) while using one is fast, so each is made once per locale, on first
 * use, and reused: a journal formats thousands of day headings and counts.
 */
import type { Locale } from './locale';

/** Makes a value once per locale, on first use, and hands out the same one after. */
function perLocale<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let value = made.get(locale);
    if (value === undefined) made.set(locale, (value = make(locale)));
    return value;
  };
}

/** A date format of these options, made once per locale on first use: `dates(options)(locale).format(ms)`. */
export const dates = (options: Intl.DateTimeFormatOptions) => perLocale((locale) => new Intl.DateTimeFormat(locale, options));

const numbers = perLocale((locale) => new Intl.NumberFormat(locale));
const plurals = perLocale((locale) => new Intl.PluralRules(locale));
const dateTimes = dates({ dateStyle: 'medium', timeStyle: 'short' });
const days = dates({ dateStyle: 'full' });
const times = dates({ timeStyle: 'short' });
const months = dates({ month: 'short' });
const monthYears = dates({ month: 'long', year: 'numeric' });
// Weekday names are read off a fixed week in UTC, so no time zone can shift them a day.
const weekdays = { long: dates({ weekday: 'long', timeZone: 'UTC' }), short: dates({ weekday: 'short', timeZone: 'UTC' }) };

/** A number with the locale's grouping: "3,000" / "3.000". */
export function formatNumber(value: number, locale: Locale): string {
  return numbers(locale).format(value);
}

/**
 * The phrases of a count, by the locale's plural category (Intl.PluralRules: English and Dutch
 * have `one` and `other`); `#` stands for the number.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/** A count in the phrase its number takes: `formatPlural(3000, 'en', { one: '# note', other: '# notes' })` is "3,000 notes". */
export function formatPlural(count: number, locale: Locale, forms: PluralForms): string {
  return (forms[plurals(locale).select(count)] ?? forms.other).replace('#', formatNumber(count, locale));
}

/** `number` and `plural` bound to one language: what that language's string file formats with. */
export function numbersIn(locale: Locale) {
  return {
    number: (value: number) => formatNumber(value, locale),
    plural: (count: number, forms: PluralForms) => formatPlural(count, locale, forms),
  };
}

/** A date and time: "Nov 25, 2026, 2:20 PM" / "25 nov 2026, 14:20". */
export function formatDateTime(ms: number, locale: Locale): string {
  return dateTimes(locale).format(ms);
}

/** A day in full, as a heading: "Wednesday, November 25, 2026" / "woensdag 25 november 2026". */
export function formatDay(ms: number, locale: Locale): string {
  return days(locale).format(ms);
}

/** A time of day: "9:03 AM" / "09:03". */
export function formatTime(ms: number, locale: Locale): string {
  return times(locale).format(ms);
}

/** The name of a weekday, 0 = Sunday … 6 = Saturday: "Monday" / "maandag", or short: "Mon" / "ma". */
export function weekdayName(day: number, locale: Locale, width: keyof typeof weekdays = 'long'): string {
  // 4 January 1970 was a Sunday.
  return weekdays[width](locale).format(Date.UTC(1970, 0, 4 + day));
}

/** A month's short name, above a calendar's columns: "Nov" / "nov". */
export function formatMonth(ms: number, locale: Locale): string {
  return months(locale).format(ms);
}

/** A month with its year: "November 2026" / "november 2026". */
export function formatMonthYear(ms: number, locale: Locale): string {
  return monthYears(locale).format(ms);
}
