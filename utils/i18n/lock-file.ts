/** The words for a locked backup's keys outside their bounds, by language; loaded with the Backup section. */
import { useLocale } from './context';
import type { Locale } from './locale';
import { lockFileEn, type LockFileMessages } from './lock-file.en';
import { lockFileNl } from './lock-file.nl';

export type { LockFileMessages };

const LOCK_FILE_MESSAGES: Readonly<Record<Locale, LockFileMessages>> = { en: lockFileEn, nl: lockFileNl };

/** These words in `locale`. */
export function lockFileMessages(locale: Locale): LockFileMessages {
  return LOCK_FILE_MESSAGES[locale];
}

/** These words in the page's language, from its LanguageProvider. */
export function useLockFileT(): LockFileMessages {
  return LOCK_FILE_MESSAGES[useLocale()];
}
