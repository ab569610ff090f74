/**
 * The strings of the journal's Prompts section (hiding a prompt, questions of one's own), with the
 * journal's, by language. They load with the section rather than with the journal's first screen
 * (scripts/sizes.mjs), as the lock's do (lock.ts).
 */
import { useLocale } from './context';
import { journalMessages, type JournalMessages } from './journal';
import type { Locale } from './locale';
import { promptsEn, type PromptsOnlyMessages } from './prompts.en';
import { promptsNl } from './prompts.nl';

export type PromptsMessages = JournalMessages & PromptsOnlyMessages;

// Merged once per language, so the strings stay the same object from render to render.
const PROMPTS_MESSAGES: Readonly<Record<Locale, PromptsMessages>> = {
  en: { ...journalMessages('en'), ...promptsEn },
  nl: { ...journalMessages('nl'), ...promptsNl },
};

/** The Prompts section's strings, with the journal's, in `locale`. */
export function promptsMessages(locale: Locale): PromptsMessages {
  return PROMPTS_MESSAGES[locale];
}

/** The Prompts section's strings (with the journal's) in the page's language, from its LanguageProvider. */
export function usePromptsT(): PromptsMessages {
  return PROMPTS_MESSAGES[useLocale()];
}
