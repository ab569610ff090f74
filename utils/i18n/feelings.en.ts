/**
 * The English words of the five feelings (utils/model/values.ts), wherever they show: the choice
 * in the popup, the pause window and the journal, the line under a note, the filter, the insights
 * and the Markdown export. English defines the shape.
 */

export const feelingsEn = {
  feelingHeavy: 'Heavy',
  feelingTense: 'Tense',
  feelingOkay: 'Okay',
  feelingCalm: 'Calm',
  feelingLight: 'Light',
  // How a note felt, as a sentence of its own: under a note, in the journal and the Markdown export
  feltHeavy: 'Felt heavy',
  feltTense: 'Felt tense',
  feltOkay: 'Felt okay',
  feltCalm: 'Felt calm',
  feltLight: 'Felt light',
};

/** The words of the feelings, as every language must fill them. */
export type FeelingsMessages = typeof feelingsEn;
