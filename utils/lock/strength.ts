/**
 * How guessable a new passphrase is, estimated by zxcvbn-ts against the lists an attacker tries
 * first: common passwords, keyboard patterns, and the common words, Wikipedia words and names of
 * English and Dutch (Belgian Dutch is the Dutch list the registry has). About a megabyte of
 * dictionaries, so only ever reached through import(): its own chunk, loaded when a form asks for
 * a new passphrase (scripts/sizes.mjs budgets it apart from the pages).
 *
 * The estimator's feedback comes back as its translation keys (no translations are given to it),
 * and is mapped to our own codes here, then worded by utils/i18n/strength.*.ts.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { dictionary as dutchDictionary } from '@zxcvbn-ts/language-nl-be';
import { isTooShort, MIN_STRENGTH_SCORE, TOO_SHORT, type PassphraseVerdict, type Suggestion, type Weakness } from './passphrase';

/**
 * Words anyone guessing an Adempauze passphrase tries first: the extension's name and its parts,
 * and what its screens say. zxcvbn counts them as the cheapest guesses.
 */
const ADEMPAUZE_WORDS = [
  'adempauze',
  'adem',
  'pauze',
  'ademruimte',
  'breathing',
  'space',
  'journal',
  'dagboek',
  'passphrase',
  'wachtwoordzin',
  'recovery',
  'lock',
  'slot',
];

// The Dutch lists are named like the English ones; a suffix keeps both (the English package already carries one).
const dutch = Object.fromEntries(Object.entries(dutchDictionary).map(([name, words]) => [`${name}-nl`, words]));

let estimator: ZxcvbnFactory | undefined;

/** Ranking a few hundred thousand words takes a moment: done once, on first use. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary, ...dutch, userInputs: ADEMPAUZE_WORDS },
    graphs: adjacencyGraphs,
  });
  return estimator;
}

/** zxcvbn's warnings (its translation keys) as our reasons. */
const WEAKNESSES: Readonly<Record<string, Weakness>> = {
  topTen: 'topPassword',
  topHundred: 'topPassword',
  common: 'commonPassword',
  similarToCommon: 'similarToCommon',
  wordByItself: 'singleWord',
  namesByThemselves: 'names',
  commonNames: 'names',
  userInputs: 'aboutAdempauze',
  straightRow: 'keyboard',
  keyPattern: 'keyboard',
  simpleRepeat: 'repeats',
  extendedRepeat: 'repeats',
  sequences: 'sequence',
  recentYears: 'years',
  dates: 'dates',
};

/** zxcvbn's suggestions (its translation keys) as ours; "no need for symbols" is no help to a refused passphrase. */
const SUGGESTIONS: Readonly<Record<string, Suggestion>> = {
  anotherWord: 'moreWords',
  useWords: 'uncommonWords',
  capitalization: 'capitalizeMore',
  allUppercase: 'notAllCapitals',
  reverseWords: 'noReversedWords',
  l33t: 'noSubstitutions',
  recentYears: 'noYears',
  associatedYears: 'noYears',
  dates: 'noDates',
  sequences: 'noSequences',
  repeated: 'noRepeats',
  longerKeyboardPattern: 'longerKeyboardPattern',
};

/** The verdict of an estimate: refused below MIN_STRENGTH_SCORE, with its reason and hints. */
export function verdictOf(result: Pick<ZxcvbnResult, 'score' | 'feedback'>): PassphraseVerdict {
  if (result.score >= MIN_STRENGTH_SCORE) return { strong: true };
  const { warning, suggestions } = result.feedback;
  const found = suggestions.map((key) => SUGGESTIONS[key]).filter((suggestion) => suggestion !== undefined);
  // A passphrase refused without a reason of its own (a common Dutch word, say) still gets the advice that always helps.
  const hints: Suggestion[] = found.includes('moreWords') ? found : ['moreWords', ...found];
  return {
    strong: false,
    weakness: (warning !== null ? WEAKNESSES[warning] : undefined) ?? 'guessable',
    suggestions: [...new Set(hints)],
  };
}

/** Whether `passphrase` may become the lock's passphrase: 8 characters at least, and not guessable. */
export function judgePassphrase(passphrase: string): PassphraseVerdict {
  if (isTooShort(passphrase)) return TOO_SHORT;
  return verdictOf(zxcvbn().check(passphrase));
}
