/** The words of a failed sync, by language: loaded with the popup's notice of one, never before a first paint. */
import { useLocale } from './context';
import type { Locale } from './locale';
import { syncFailuresEn, type SyncFailureMessages } from './sync-failures.en';
import { syncFailuresNl } from './sync-failures.nl';

const MESSAGES: Readonly<Record<Locale, SyncFailureMessages>> = { en: syncFailuresEn, nl: syncFailuresNl };

/** These words in the page's language, from its LanguageProvider. */
export function useSyncFailureT(): SyncFailureMessages {
  return MESSAGES[useLocale()];
}
