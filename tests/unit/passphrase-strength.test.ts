import { describe, expect, it } from 'vitest';
import { describeVerdict, strengthMessages } from '@/utils/i18n/strength';
import { MIN_PASSPHRASE_LENGTH, TOO_SHORT } from '@/utils/lock/passphrase';
import { judgePassphrase, verdictOf } from '@/utils/lock/strength';

describe('the passphrase rule (utils/lock/strength.ts)', () => {
  // Each refused one with the reason a person reads, so a refusal for the wrong reason fails too.
  it.each([
    ['password', 'topPassword'],
    ['Password1', 'commonPassword'],
    ['qwertyuiop', 'topPassword'],
    ['adempauze2026', 'aboutAdempauze'],
    ['wachtwoord', 'guessable'],
    ['kowalczyk', 'names'],
    ['onafhankelijkheid', 'singleWord'],
    ['aaaaaaaaaaaa', 'repeats'],
  ] as const)('refuses %j: %s', (passphrase, weakness) => {
    const verdict = judgePassphrase(passphrase);
    expect(verdict).toMatchObject({ strong: false, weakness });
    // Whatever the reason, the advice that always helps comes with it.
    expect(verdict.strong || verdict.suggestions.includes('moreWords')).toBe(true);
  });

  it.each([
    'correct horse battery staple',
    'wolk fiets lamp regen',
    'blauwe kaas rivier vlag',
    'heron over the quiet lake',
    'seven kites above the dunes',
    'a long walk along the Amstel',
    'a lantern by the canal',
    'a bench passphrase, not a secret',
  ])('takes %j (words that do not belong together)', (passphrase) => {
    expect(judgePassphrase(passphrase)).toEqual({ strong: true });
  });

  it('keeps 8 characters as the floor, counted as a person counts them, before any estimate', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(8);
    // Random characters are hard to guess, but seven of them are still too few.
    expect(judgePassphrase('q7#Vz!p')).toBe(TOO_SHORT);
    expect(judgePassphrase('🌿🌿🌿🌿🌿🌿🌿')).toBe(TOO_SHORT);
    expect(judgePassphrase('')).toBe(TOO_SHORT);
  });

  it('refuses below score 3 and takes 3 and up', () => {
    const feedback = { warning: null, suggestions: [] };
    expect(verdictOf({ score: 2, feedback })).toEqual({ strong: false, weakness: 'guessable', suggestions: ['moreWords'] });
    expect(verdictOf({ score: 3, feedback })).toEqual({ strong: true });
    expect(verdictOf({ score: 4, feedback })).toEqual({ strong: true });
  });

  it('maps the estimator’s feedback to our reasons, never passing its English through', () => {
    const verdict = verdictOf({ score: 1, feedback: { warning: 'recentYears', suggestions: ['recentYears', 'capitalization', 'noNeed'] } });
    expect(verdict).toEqual({ strong: false, weakness: 'years', suggestions: ['moreWords', 'noYears', 'capitalizeMore'] });
    // A key we do not know reads as plainly guessable.
    expect(verdictOf({ score: 0, feedback: { warning: 'somethingNew', suggestions: ['alsoNew'] } })).toEqual({
      strong: false,
      weakness: 'guessable',
      suggestions: ['moreWords'],
    });
  });
});

describe('the verdict in words', () => {
  it.each([
    ['en', 'Easy to guess: it is one of the most used passwords in the world. Add a few more words that do not belong together.'],
    [
      'nl',
      'Makkelijk te raden: het is een van de meest gebruikte wachtwoorden ter wereld. Voeg nog een paar woorden toe die niet bij elkaar horen.',
    ],
  ] as const)('%s', (locale, expected) => {
    expect(describeVerdict(judgePassphrase('password'), strengthMessages(locale))).toBe(expected);
  });

  it('never shows the estimator’s own English', () => {
    for (const passphrase of ['password', 'Password1', 'adempauze2026', 'kowalczyk', 'qwertyuiop']) {
      const text = describeVerdict(judgePassphrase(passphrase), strengthMessages('nl'));
      expect(text).not.toMatch(/password|easy to guess|words/i);
    }
  });
});
