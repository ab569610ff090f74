/**
 * The strings of the popup's pause panel, by language. The panel loads after the popup's first
 * paint, and so do its strings: the first paint carries only what the prompt needs.
 */
import { useLocale } from './context';
import type { Locale } from './locale';
import { pausesEn, type PausesMessages } from './pauses.en';
import { pausesNl } from './pauses.nl';

export type { PausesMessages };

const PAUSES_MESSAGES: Readonly<Record<Locale, PausesMessages>> = { en: pausesEn, nl: pausesNl };

/** The pause panel's strings in `locale`. */
export function pausesMessages(locale: Locale): PausesMessages {
  return PAUSES_MESSAGES[locale];
}

/** The pause panel's strings in the page's language, from its LanguageProvider. */
export function usePausesT(): PausesMessages {
  return PAUSES_MESSAGES[useLocale()];
}
