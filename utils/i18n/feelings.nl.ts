/** The Dutch words of the five feelings. */
import type { FeelingsMessages } from './feelings.en';

export const feelingsNl: FeelingsMessages = {
  feelingHeavy: 'Zwaar',
  feelingTense: 'Gespannen',
  feelingOkay: 'Oké',
  feelingCalm: 'Rustig',
  feelingLight: 'Licht',
  feltHeavy: 'Voelde zwaar',
  feltTense: 'Voelde gespannen',
  feltOkay: 'Voelde oké',
  feltCalm: 'Voelde rustig',
  feltLight: 'Voelde licht',
};
