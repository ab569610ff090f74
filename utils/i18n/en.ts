/**
 * The English strings of the popup and the pause window, which the journal shows too. English
 * defines the shape every language fills (`Messages`): the same keys, the same parameters.
 */

export const en = {
  appName: 'Adempauze',
  tagline: 'A breathing space',
  kindQuestion: 'Reflection question',
  kindStep: 'Small step',
  answerLabel: 'Your answer',
  answerPlaceholder: 'A few lines are enough.',
  save: 'Save',
  saving: 'Saving…',
  saveHint: (shortcut: string) => `${shortcut} saves`,
  saved: 'Saved in your journal.',
  emptyAnswer: 'Write a few words first: an empty answer is not saved.',
  saveFailed: (detail: string) => `Could not save (${detail}). Your text is still here; try again.`,
  saveUnavailable:
    'Your browser is not letting Adempauze store notes right now (private mode or storage turned off). What you typed is still here; it is kept as a draft on this device.',
  saveFull: 'There is no room left on this device to save. Your text is still here; free some space and press Save again.',
  another: 'Another one',
  draftKept: 'Your unsaved answer is kept with the previous prompt; it returns when that prompt does.',
  draftRestored: 'Your unsaved answer is back.',
  draftSealed: 'An unsaved answer to this prompt is kept locked: unlock the journal to go on with it.',
  openJournal: 'Open your journal',
  pauseTitle: 'Pause',
  breatheHeading: 'Take three slow breaths',
  breatheIn: 'Breathe in…',
  breatheOut: 'Breathe out…',
  breathCount: (breath: number, total: number) => `Breath ${breath} of ${total}`,
  skipBreathing: 'Skip',
  leaveGroup: 'Leave this pause',
  notNow: 'Not now',
  snoozeHour: 'Snooze 1 hour',
  noMoreToday: 'No more today',
  savedPause: 'Saved. Thank you for taking a moment.',
  closesByItself: 'This window closes by itself.',
  close: 'Close',
  allPromptsHidden: 'Every prompt is hidden. Show some again, or add your own, under Prompts in your journal.',
};

/** The shared strings, as every language must fill them: the same keys, the same parameters. */
export type Messages = typeof en;
