/**
 * The words of the passphrase rule, by language, and a verdict put into them. They load with the
 * forms that ask for a new passphrase, never with a first paint.
 */
import type { PassphraseVerdict } from '@/utils/lock/passphrase';
import { useLocale } from './context';
import type { Locale } from './locale';
import { strengthEn, type StrengthMessages } from './strength.en';
import { strengthNl } from './strength.nl';

export type { StrengthMessages };

const STRENGTH_MESSAGES: Readonly<Record<Locale, StrengthMessages>> = { en: strengthEn, nl: strengthNl };

/** The passphrase rule's words in `locale`. */
export function strengthMessages(locale: Locale): StrengthMessages {
  return STRENGTH_MESSAGES[locale];
}

/** The passphrase rule's words in the page's language, from its LanguageProvider. */
export function useStrengthT(): StrengthMessages {
  return STRENGTH_MESSAGES[useLocale()];
}

/** A verdict in plain words: "Easy to guess: it is a commonly used password. Add a few more words…". */
export function describeVerdict(verdict: PassphraseVerdict, t: StrengthMessages): string {
  if (verdict.strong) return t.strengthStrong;
  return [t.strengthWeak, t.weakness[verdict.weakness], ...verdict.suggestions.map((suggestion) => t.suggestion[suggestion])].join(' ');
}
