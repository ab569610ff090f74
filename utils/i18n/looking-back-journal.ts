/**
 * The strings of the journal's looking back (the Insights section, On this day, the tags, choosing
 * how a note felt), with the journal's, by language. They load with those parts rather than with
 * the journal's first screen (scripts/sizes.mjs), as the lock's do (lock.ts).
 */
import { useLocale } from './context';
import { journalMessages, type JournalMessages } from './journal';
import type { Locale } from './locale';
import { lookingBackJournalEn, type LookingBackJournalOnlyMessages } from './looking-back-journal.en';
import { lookingBackJournalNl } from './looking-back-journal.nl';

export type LookingBackJournalMessages = JournalMessages & LookingBackJournalOnlyMessages;

// Merged once per language, so the strings stay the same object from render to render.
const LOOKING_BACK_JOURNAL_MESSAGES: Readonly<Record<Locale, LookingBackJournalMessages>> = {
  en: { ...journalMessages('en'), ...lookingBackJournalEn },
  nl: { ...journalMessages('nl'), ...lookingBackJournalNl },
};

/** The journal's Looking back strings, with the journal's, in `locale`. */
export function lookingBackJournalMessages(locale: Locale): LookingBackJournalMessages {
  return LOOKING_BACK_JOURNAL_MESSAGES[locale];
}

/** The journal's Looking back strings (with the journal's) in the page's language, from its LanguageProvider. */
export function useLookingBackJournalT(): LookingBackJournalMessages {
  return LOOKING_BACK_JOURNAL_MESSAGES[useLocale()];
}
