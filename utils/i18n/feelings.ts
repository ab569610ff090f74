/**
 * The one place a feeling (utils/model/values.ts) becomes words, on every page: its word ("Calm")
 * and how a note felt ("Felt calm"). The journal's strings include these (its first screen shows
 * them); the popup and the pause window load them with the choice, after the first paint.
 */
import type { Feeling } from '@/utils/model/records';
import { useLocale } from './context';
import { feelingsEn, type FeelingsMessages } from './feelings.en';
import { feelingsNl } from './feelings.nl';
import type { Locale } from './locale';

export type { FeelingsMessages };

const FEELINGS_MESSAGES: Readonly<Record<Locale, FeelingsMessages>> = { en: feelingsEn, nl: feelingsNl };

/** The words of the feelings in `locale`. */
export function feelingsMessages(locale: Locale): FeelingsMessages {
  return FEELINGS_MESSAGES[locale];
}

/** The words of the feelings in the page's language, from its LanguageProvider. */
export function useFeelingsT(): FeelingsMessages {
  return FEELINGS_MESSAGES[useLocale()];
}

const WORDS = {
  heavy: 'feelingHeavy',
  tense: 'feelingTense',
  okay: 'feelingOkay',
  calm: 'feelingCalm',
  light: 'feelingLight',
} as const satisfies Record<Feeling, keyof FeelingsMessages>;

const FELT = {
  heavy: 'feltHeavy',
  tense: 'feltTense',
  okay: 'feltOkay',
  calm: 'feltCalm',
  light: 'feltLight',
} as const satisfies Record<Feeling, keyof FeelingsMessages>;

/** The feeling's own word: "Calm", "Rustig". */
export function feelingWord(feeling: Feeling, t: FeelingsMessages): string {
  return t[WORDS[feeling]];
}

/** How a note felt, as a sentence of its own: "Felt calm", "Voelde rustig". */
export function feltWords(feeling: Feeling, t: FeelingsMessages): string {
  return t[FELT[feeling]];
}
