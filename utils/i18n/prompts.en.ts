/**
 * The English strings of the journal's Prompts section, which load with it rather than with the
 * journal's first screen (utils/i18n/prompts.ts). English defines the shape.
 */
import { numbersIn } from './format';

const { plural } = numbersIn('en');

export const promptsEn = {
  promptsIntro: 'Every question and small step from the article. Hide the ones that are not for you, and add your own.',
  hidePrompt: 'Not for me',
  showPromptAgain: 'Show again',
  hiddenLabel: 'hidden',
  promptHidden: 'Hidden: it will not be offered.',
  promptShown: 'It will be offered again.',
  answerCount: (count: number) => (count === 0 ? 'Not answered yet' : plural(count, { one: 'Answered once', other: 'Answered # times' })),
  newOwnPrompt: 'A question of your own',
  newOwnPromptPlaceholder: 'What would you like to ask yourself?',
  addOwnPrompt: 'Add',
  editOwnPrompt: 'Your question',
  ownPromptEmpty: 'Write your question first.',
  ownPromptTooLong: (max: number) => `Keep it under ${max} characters.`,
  ownPromptAdded: 'Added: it joins the random choice.',
  ownPromptSaved: 'Saved.',
  ownPromptDeleted: 'Deleted. Your answers to it stay in the journal.',
};

/** The Prompts section's own strings, as every language must fill them. */
export type PromptsOnlyMessages = typeof promptsEn;
