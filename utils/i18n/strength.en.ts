/**
 * The English words of the passphrase rule (utils/lock/passphrase.ts): why a passphrase is refused
 * and what would help, our own sentences for the estimator's findings. They load with the forms
 * that ask for a new passphrase. English defines the shape.
 */
import type { Suggestion, Weakness } from '@/utils/lock/passphrase';

export interface StrengthMessages {
  readonly strengthChecking: string;
  readonly strengthStrong: string;
  /** Put before the reason: "Easy to guess: …". */
  readonly strengthWeak: string;
  readonly strengthUnavailable: string;
  readonly weakness: Readonly<Record<Weakness, string>>;
  readonly suggestion: Readonly<Record<Suggestion, string>>;
}

export const strengthEn: StrengthMessages = {
  strengthChecking: 'Checking how easy it is to guess…',
  strengthStrong: 'Hard to guess. This passphrase will do.',
  strengthWeak: 'Easy to guess:',
  strengthUnavailable: 'The passphrase could not be checked. Reload the page and try again.',
  weakness: {
    short: 'it is shorter than 8 characters.',
    topPassword: 'it is one of the most used passwords in the world.',
    commonPassword: 'it is a commonly used password.',
    similarToCommon: 'it is close to a commonly used password.',
    singleWord: 'a single word is among the first things tried.',
    names: 'names are among the first things tried.',
    aboutAdempauze: 'it uses words about Adempauze itself, which anyone would try first.',
    keyboard: 'rows and patterns of keys on a keyboard are tried early.',
    repeats: 'repeated characters or patterns, like “aaa” or “abcabc”, are tried early.',
    sequence: 'sequences like “abc” or “1234” are tried early.',
    years: 'recent years are tried early.',
    dates: 'dates are tried early.',
    guessable: 'it is made of common words or patterns that are tried early.',
  },
  suggestion: {
    moreWords: 'Add a few more words that do not belong together.',
    uncommonWords: 'Use several words, but not a well-known phrase.',
    capitalizeMore: 'A capital at the start adds little; more unrelated words add much more.',
    notAllCapitals: 'All capitals add little; more unrelated words add much more.',
    noReversedWords: 'A word spelled backwards is tried early too.',
    noSubstitutions: 'Swaps like @ for a or 0 for o are tried early too.',
    noYears: 'Leave out years, above all ones that belong to you.',
    noDates: 'Leave out dates that belong to you.',
    noSequences: 'Leave out sequences like “abc” or “1234”.',
    noRepeats: 'Leave out repeated words and characters.',
    longerKeyboardPattern: 'Keyboard patterns are tried early; words are easier to remember anyway.',
  },
};
