/**
 * The journal's strings (the options page and the print view) by language, and the sentences made
 * from them. They live apart from the popup's and the pause window's (messages.ts) because those
 * pages never show them and must stay small: a page loads only the strings of the surfaces it has.
 */
import { storageMessage } from '@/utils/errors';
import type { Locale } from './locale';
import { messages, type Messages } from './messages';
import { feelingsMessages, type FeelingsMessages } from './feelings';
import { journalEn, type JournalOnlyMessages } from './journal.en';
import { journalNl } from './journal.nl';

/** Everything the journal's first screen shows: the shared strings, the feelings' words (under each note, in the filter) and its own. */
export type JournalMessages = Messages & FeelingsMessages & JournalOnlyMessages;

// Merged once per language, so a page's strings stay the same object from render to render.
const JOURNAL_MESSAGES: Readonly<Record<Locale, JournalMessages>> = {
  en: { ...messages('en'), ...feelingsMessages('en'), ...journalEn },
  nl: { ...messages('nl'), ...feelingsMessages('nl'), ...journalNl },
};

/** The journal's strings in `locale`. */
export function journalMessages(locale: Locale): JournalMessages {
  return JOURNAL_MESSAGES[locale];
}

/**
 * Why something could not be read from the database: plainly when the browser refuses storage or
 * the device is full (never an empty journal that pretends there are no notes), else the
 * surface's own message with the detail.
 */
export function readProblem(error: unknown, t: JournalMessages, other: (detail: string) => string = t.notesError): string {
  return storageMessage(error, { unavailable: t.notesUnavailable, full: t.notesFull, other });
}

/** Why a change in the journal (an edit, a delete, a prompt) was not stored. */
export function changeProblem(error: unknown, t: JournalMessages): string {
  return storageMessage(error, { unavailable: t.changeUnavailable, full: t.changeFull, other: t.changeFailed });
}

/** Why an import did not go through; it is one transaction, so nothing was written. */
export function importProblem(error: unknown, t: JournalMessages): string {
  return storageMessage(error, { unavailable: t.backupImportUnavailable, full: t.backupImportFull, other: t.backupImportFailed });
}

/** Stored rows an export had to leave out because they could not be read, by kind. */
export type LeftOut = Partial<Record<'notes' | 'events' | 'prompts' | 'promptPrefs', number>>;

/**
 * What an export left out, one plain sentence per kind ("1 note could not be read and was left
 * out."); empty when nothing. An import of a locked backup words it with `t.backupNotImported`.
 */
export function leftOutMessage(leftOut: LeftOut, t: JournalMessages, sentence: JournalMessages['backupLeftOut'] = t.backupLeftOut): string {
  return (['notes', 'events', 'prompts', 'promptPrefs'] as const)
    .flatMap((kind) => {
      const count = leftOut[kind] ?? 0;
      return count > 0 ? [sentence(kind, count)] : [];
    })
    .join(' ');
}
