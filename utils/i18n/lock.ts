/**
 * The strings of the journal lock's own screens, by language: the journal's strings and the lock's
 * own, which load with the Privacy section and the unlock form rather than with the first screen.
 */
import { useLocale } from './context';
import { journalMessages, type JournalMessages } from './journal';
import type { Locale } from './locale';
import { lockEn, type LockOnlyMessages } from './lock.en';
import { lockNl } from './lock.nl';

export type LockMessages = JournalMessages & LockOnlyMessages;

// Merged once per language, so the strings stay the same object from render to render.
const LOCK_MESSAGES: Readonly<Record<Locale, LockMessages>> = {
  en: { ...journalMessages('en'), ...lockEn },
  nl: { ...journalMessages('nl'), ...lockNl },
};

/** The lock's strings, with the journal's, in `locale`. */
export function lockMessages(locale: Locale): LockMessages {
  return LOCK_MESSAGES[locale];
}

/** The lock's strings (with the journal's) in the page's language, from its LanguageProvider. */
export function useLockT(): LockMessages {
  return LOCK_MESSAGES[useLocale()];
}
