/**
 * The words of automatic backups, by language: loaded with the Backup section and with the popup's
 * notice (after its first paint), never before.
 */
import { useLocale } from './context';
import type { Locale } from './locale';
import { autoBackupEn, type AutoBackupMessages } from './auto-backup.en';
import { autoBackupNl } from './auto-backup.nl';

export type { AutoBackupMessages };

const AUTO_BACKUP_MESSAGES: Readonly<Record<Locale, AutoBackupMessages>> = { en: autoBackupEn, nl: autoBackupNl };

/** These words in `locale`. */
export function autoBackupMessages(locale: Locale): AutoBackupMessages {
  return AUTO_BACKUP_MESSAGES[locale];
}

/** These words in the page's language, from its LanguageProvider. */
export function useAutoBackupT(): AutoBackupMessages {
  return AUTO_BACKUP_MESSAGES[useLocale()];
}
