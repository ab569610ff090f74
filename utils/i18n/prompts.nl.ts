/** The Dutch strings of the journal's Prompts section. */
import { numbersIn } from './format';
import type { PromptsOnlyMessages } from './prompts.en';

const { plural } = numbersIn('nl');

export const promptsNl: PromptsOnlyMessages = {
  promptsIntro: 'Elke vraag en kleine stap uit het artikel. Verberg wat niet bij je past, en voeg je eigen vragen toe.',
  hidePrompt: 'Niet voor mij',
  showPromptAgain: 'Weer tonen',
  hiddenLabel: 'verborgen',
  promptHidden: 'Verborgen: deze wordt niet meer aangeboden.',
  promptShown: 'Deze wordt weer aangeboden.',
  answerCount: (count: number) =>
    count === 0 ? 'Nog niet beantwoord' : plural(count, { one: 'Eén keer beantwoord', other: '# keer beantwoord' }),
  newOwnPrompt: 'Een eigen vraag',
  newOwnPromptPlaceholder: 'Wat zou je jezelf willen vragen?',
  addOwnPrompt: 'Toevoegen',
  editOwnPrompt: 'Je vraag',
  ownPromptEmpty: 'Schrijf eerst je vraag.',
  ownPromptTooLong: (max: number) => `Houd het onder de ${max} tekens.`,
  ownPromptAdded: 'Toegevoegd: hij doet mee in de willekeurige keuze.',
  ownPromptSaved: 'Bewaard.',
  ownPromptDeleted: 'Verwijderd. Je antwoorden erop blijven in je dagboek.',
};
