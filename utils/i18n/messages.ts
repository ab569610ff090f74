/**
 * The strings of the popup and the pause window, by language: one file per language (en.ts
 * defines the shape, nl.ts fills it). The journal adds its own (journal.ts), the background has
 * a few of its own (notification.ts), and the manifest's live in public/_locales.
 */
import { storageMessage } from '@/utils/errors';
import type { Locale } from './locale';
import { en, type Messages } from './en';
import { nl } from './nl';

export type { Messages };

const MESSAGES: Readonly<Record<Locale, Messages>> = { en, nl };

/** The popup's and the pause window's strings in `locale`. */
export function messages(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** What the popup and the pause window say when an answer could not be stored. */
export function saveProblem(error: unknown, t: Messages): string {
  return storageMessage(error, { unavailable: t.saveUnavailable, full: t.saveFull, other: t.saveFailed });
}
