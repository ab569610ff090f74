/**
 * The strings of "Last time" and the feelings in the popup and the pause window, by language, and
 * how long ago an earlier answer was written. Both parts load after the first paint, and so do
 * their strings: the first paint carries only what the prompt needs.
 */
import { daysBetween } from '@/utils/time';
import { useLocale } from './context';
import { feelingsMessages, type FeelingsMessages } from './feelings';
import type { Locale } from './locale';
import { lookingBackEn, type LookingBackOnlyMessages } from './looking-back.en';
import { lookingBackNl } from './looking-back.nl';

/** "Last time", the feelings' question and their words. */
export type LookingBackMessages = LookingBackOnlyMessages & FeelingsMessages;

// Merged once per language, so the strings stay the same object from render to render.
const LOOKING_BACK_MESSAGES: Readonly<Record<Locale, LookingBackMessages>> = {
  en: { ...lookingBackEn, ...feelingsMessages('en') },
  nl: { ...lookingBackNl, ...feelingsMessages('nl') },
};

/** The strings of "Last time" and the feelings in `locale`. */
export function lookingBackMessages(locale: Locale): LookingBackMessages {
  return LOOKING_BACK_MESSAGES[locale];
}

/** The strings of "Last time" and the feelings in the page's language, from its LanguageProvider. */
export function useLookingBackT(): LookingBackMessages {
  return LOOKING_BACK_MESSAGES[useLocale()];
}

/** Whole calendar months from the local day of `from` to that of `to`: 31 January to 28 February is 0. */
function monthsBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  const months = (b.getFullYear() - a.getFullYear()) * 12 + b.getMonth() - a.getMonth();
  return b.getDate() < a.getDate() ? months - 1 : months;
}

/**
 * How long before `now` a moment was, in the calendar's words: "today", "yesterday", "3 days ago",
 * "last week", "3 weeks ago", "last month", "2 years ago" ("vandaag", "eergisteren", "vorige
 * maand"…). Counted in local days, so an answer from late last night is "yesterday", not "7 hours
 * ago": a pause looks back in days, not hours.
 */
export function formatAgo(then: number, now: number, locale: Locale): string {
  const ago = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const days = Math.max(0, daysBetween(then, now));
  const months = monthsBetween(then, now);
  if (days < 7) return ago.format(-days, 'day');
  if (months < 1) return ago.format(-Math.floor(days / 7), 'week');
  if (months < 12) return ago.format(-months, 'month');
  return ago.format(-Math.floor(months / 12), 'year');
}
