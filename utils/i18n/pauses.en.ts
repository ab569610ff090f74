/**
 * The English strings of the popup's pause panel: when the next pause comes and the quiet choices.
 * They load with the panel, after the prompt is on screen, never with the popup's first paint.
 * English defines the shape.
 */

export const pausesEn = {
  pausesHeading: 'Pauses',
  pausesOff: 'Pauses are off.',
  offerOpen: 'A pause is waiting for you.',
  nextPauseAround: (time: string) => `Next pause around ${time}.`,
  noPausePlanned: 'No pause planned.',
  quietUntil: (time: string) => `Quiet until ${time}.`,
  quietUntilTomorrow: 'Quiet until tomorrow.',
  meetingUntil: (time: string) => `In a meeting until ${time}.`,
  inMeeting: 'In a meeting',
  quietFor: 'Quiet for',
  quietUntilTime: 'Until a time…',
  quietRestOfToday: 'The rest of today',
  quietTimeLabel: 'Quiet until',
  quietTimeTomorrow: 'That time has passed today: quiet until tomorrow.',
  goQuiet: 'Go quiet',
  resumePauses: 'Resume pauses',
  /** Said once offers have backed off (utils/schedule/back-off.ts): calm, no count, no blame. */
  pausesLessOften: 'Pauses come less often since the last few passed by.',
  returnToSetPace: 'Return to the set pace',
};

/** The pause panel's strings, as every language must fill them. */
export type PausesMessages = typeof pausesEn;
