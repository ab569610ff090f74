/**
 * The English strings the popup and the pause window add around the answer once the prompt is on
 * screen: "Last time" and the question over the feelings (their words: feelings.en.ts). They load
 * with those parts, after the first paint. English defines the shape.
 */

export const lookingBackEn = {
  lastTime: (ago: string) => `Last time (${ago})`,
  lastTimeAllAnswers: 'All answers to this prompt',
  lastTimeLocked: 'Unlock the journal to see it',
  lastTimeUnreadable: 'This answer could not be read; it may be damaged.',
  feelingsLabel: 'How do you feel? (optional)',
};

/** The strings of "Last time" and the feelings' question, as every language must fill them. */
export type LookingBackOnlyMessages = typeof lookingBackEn;
