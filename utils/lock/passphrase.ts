/**
 * The rule a new passphrase is held to, wherever one is chosen (turning the lock on, changing the
 * passphrase, a new one after the recovery key): at least 8 characters, and not guessable. The
 * estimate itself is heavy (dictionaries of common passwords, words and names in English and
 * Dutch), so it lives in utils/lock/strength.ts and is loaded with import() only by a form that
 * asks for a new passphrase; this module is what the form needs before it arrives.
 */

/** The shortest passphrase the lock takes: PBKDF2 slows guessing, it cannot make a short one long. */
export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * The lowest zxcvbn score taken: 3 means about 10^8 guesses or more. Against a stolen profile every
 * guess costs 600,000 PBKDF2 rounds, so that is years of a fast machine, where score 2 (10^6) is
 * days and below that minutes.
 */
export const MIN_STRENGTH_SCORE = 3;

/** Characters as a person counts them, not UTF-16 units: 🌿 is one. */
export const isTooShort = (passphrase: string): boolean => [...passphrase].length < MIN_PASSPHRASE_LENGTH;

/** Why a passphrase is guessable: the estimator's warning, in no language (utils/i18n/strength.*.ts words it). */
export type Weakness =
  | 'short'
  | 'topPassword'
  | 'commonPassword'
  | 'similarToCommon'
  | 'singleWord'
  | 'names'
  | 'aboutAdempauze'
  | 'keyboard'
  | 'repeats'
  | 'sequence'
  | 'years'
  | 'dates'
  | 'guessable';

/** What would make it harder to guess, in no language. */
export type Suggestion =
  | 'moreWords'
  | 'uncommonWords'
  | 'capitalizeMore'
  | 'notAllCapitals'
  | 'noReversedWords'
  | 'noSubstitutions'
  | 'noYears'
  | 'noDates'
  | 'noSequences'
  | 'noRepeats'
  | 'longerKeyboardPattern';

/** The verdict on a passphrase: taken, or refused with the reason and what would help. */
export type PassphraseVerdict =
  { readonly strong: true } | { readonly strong: false; readonly weakness: Weakness; readonly suggestions: readonly Suggestion[] };

/** The verdict every passphrase under the floor gets, without loading the estimator. */
export const TOO_SHORT: PassphraseVerdict = { strong: false, weakness: 'short', suggestions: [] };
