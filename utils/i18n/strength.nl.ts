/** The Dutch words of the passphrase rule. */
import type { StrengthMessages } from './strength.en';

export const strengthNl: StrengthMessages = {
  strengthChecking: 'Nagaan hoe makkelijk die te raden is…',
  strengthStrong: 'Moeilijk te raden. Deze wachtwoordzin is goed.',
  strengthWeak: 'Makkelijk te raden:',
  strengthUnavailable: 'De wachtwoordzin kon niet worden nagekeken. Laad de pagina opnieuw en probeer het nog eens.',
  weakness: {
    short: 'hij is korter dan 8 tekens.',
    topPassword: 'het is een van de meest gebruikte wachtwoorden ter wereld.',
    commonPassword: 'het is een veelgebruikt wachtwoord.',
    similarToCommon: 'het lijkt sterk op een veelgebruikt wachtwoord.',
    singleWord: 'één los woord is een van de eerste dingen die geprobeerd worden.',
    names: 'namen zijn een van de eerste dingen die geprobeerd worden.',
    aboutAdempauze: 'er staan woorden over Adempauze zelf in, en die probeert iedereen als eerste.',
    keyboard: 'rijen en patronen van toetsen op het toetsenbord worden vroeg geprobeerd.',
    repeats: 'herhaalde tekens of patronen, zoals ‘aaa’ of ‘abcabc’, worden vroeg geprobeerd.',
    sequence: 'reeksen zoals ‘abc’ of ‘1234’ worden vroeg geprobeerd.',
    years: 'recente jaartallen worden vroeg geprobeerd.',
    dates: 'datums worden vroeg geprobeerd.',
    guessable: 'hij bestaat uit gewone woorden of patronen die vroeg geprobeerd worden.',
  },
  suggestion: {
    moreWords: 'Voeg nog een paar woorden toe die niet bij elkaar horen.',
    uncommonWords: 'Gebruik meerdere woorden, maar geen bekende uitdrukking.',
    capitalizeMore: 'Een hoofdletter aan het begin helpt weinig; meer losse woorden helpen veel meer.',
    notAllCapitals: 'Alles in hoofdletters helpt weinig; meer losse woorden helpen veel meer.',
    noReversedWords: 'Een woord achterstevoren wordt ook vroeg geprobeerd.',
    noSubstitutions: 'Vervangingen zoals @ voor a of 0 voor o worden ook vroeg geprobeerd.',
    noYears: 'Laat jaartallen weg, vooral jaartallen die bij jou horen.',
    noDates: 'Laat datums weg die bij jou horen.',
    noSequences: 'Laat reeksen zoals ‘abc’ of ‘1234’ weg.',
    noRepeats: 'Laat herhaalde woorden en tekens weg.',
    longerKeyboardPattern: 'Toetsenbordpatronen worden vroeg geprobeerd; woorden zijn bovendien makkelijker te onthouden.',
  },
};
