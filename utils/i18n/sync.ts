/** The words of sync, by language: loaded with the Sync section and the popup's notice, never before a first paint. */
import { useLocale } from './context';
import type { Locale } from './locale';
import { syncEn, type SyncMessages } from './sync.en';
import { syncNl } from './sync.nl';

export type { SyncMessages };

const SYNC_MESSAGES: Readonly<Record<Locale, SyncMessages>> = { en: syncEn, nl: syncNl };

export function syncMessages(locale: Locale): SyncMessages {
  return SYNC_MESSAGES[locale];
}

/** These words in the page's language, from its LanguageProvider. */
export function useSyncT(): SyncMessages {
  return SYNC_MESSAGES[useLocale()];
}
