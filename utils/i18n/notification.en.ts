/**
 * The English strings the background shows: the offer of a pause in a notification and on the
 * toolbar. Kept apart from the pages' strings so the background loads only these.
 */

export const notificationEn = {
  offerTitle: 'Time for a pause?',
  offerMessage: 'A few slow breaths and one question, whenever you are ready.',
  takePause: 'Take a pause',
  later: 'Later',
};

/** The background's strings, as every language must fill them. */
export type NotificationMessages = typeof notificationEn;
