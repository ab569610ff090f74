/** The words of the five feelings (utils/model/values.ts), as the journal's pages name them. */
import type { Feeling } from '@/utils/model/records';
import type { JournalMessages } from './journal';

type StringKey = { [Key in keyof JournalMessages]: JournalMessages[Key] extends string ? Key : never }[keyof JournalMessages];

const WORDS = {
  heavy: 'feelingHeavy',
  tense: 'feelingTense',
  okay: 'feelingOkay',
  calm: 'feelingCalm',
  light: 'feelingLight',
} as const satisfies Record<Feeling, StringKey>;

const FELT = {
  heavy: 'feltHeavy',
  tense: 'feltTense',
  okay: 'feltOkay',
  calm: 'feltCalm',
  light: 'feltLight',
} as const satisfies Record<Feeling, StringKey>;

/** The feeling's own word: "Calm", "Rustig". */
export function feelingWord(feeling: Feeling, t: JournalMessages): string {
  return t[WORDS[feeling]];
}

/** How a note felt, as a sentence of its own: "Felt calm", "Voelde rustig". */
export function feltWords(feeling: Feeling, t: JournalMessages): string {
  return t[FELT[feeling]];
}
