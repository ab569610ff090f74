/** The strings of the popup's first-run offers, by language: they load with the offer, never with the first paint. */
import { useLocale } from './context';
import type { Locale } from './locale';
import { firstRunEn, type FirstRunMessages } from './first-run.en';
import { firstRunNl } from './first-run.nl';

const FIRST_RUN_MESSAGES: Readonly<Record<Locale, FirstRunMessages>> = { en: firstRunEn, nl: firstRunNl };

/** The first-run offer's strings in the page's language, from its LanguageProvider. */
export function useFirstRunT(): FirstRunMessages {
  return FIRST_RUN_MESSAGES[useLocale()];
}
