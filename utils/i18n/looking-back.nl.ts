/** The Dutch strings of "Last time" and the feelings in the popup and the pause window. */
import type { LookingBackOnlyMessages } from './looking-back.en';

export const lookingBackNl: LookingBackOnlyMessages = {
  lastTime: (ago: string) => `Vorige keer (${ago})`,
  lastTimeAllAnswers: 'Alle antwoorden op deze vraag',
  lastTimeLocked: 'Ontgrendel je dagboek om het te zien',
  lastTimeUnreadable: 'Dit antwoord kon niet worden gelezen; misschien is het beschadigd.',
  feelingsLabel: 'Hoe voel je je? (hoeft niet)',
};
