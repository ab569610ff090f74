/**
 * The UI's languages: which ones there are, what each is called, and which one a browser's
 * language tag asks for. The strings themselves are in one file per language beside this one.
 */
import { LOCALES, type Locale } from '@/utils/model/values';

// The one list of languages is the model's (a note's locale is stored); the UI re-exports it.
export { LOCALES, type Locale };

/** Maps a browser language tag (`nl`, `nl-BE`, `nl_NL`, `en-US`, ...) to a UI locale: Dutch for `nl*`, else English. */
export function resolveLocale(tag: string | undefined): Locale {
  return /^nl(?:[-_]|$)/i.test(tag ?? '') ? 'nl' : 'en';
}

/** Each language named in itself, as language pickers do. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', nl: 'Nederlands' };
