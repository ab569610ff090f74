/**
 * The English strings the background shows: the offer of a pause in a notification and on the
 * toolbar. Kept apart from the pages' strings so the background loads only these.
 */

export const notificationEn = {
  offerTitle: 'Time for a breathing space?',
  takePause: 'Take a pause',
  later: 'Later',
  // What an offer says under its title, a different line each time (`line…`): short lines of the
  // article, faithfully translated from notification.nl.ts.
  lineCourage: 'Vulnerability is not a sign of weakness, but of courage.',
  lineStrength: 'Vulnerability is really a strength.',
  lineRealStrength: 'Real strength often goes hand in hand with showing your emotions.',
  lineHuman: 'Showing your imperfections makes you human and sincere.',
  lineFreeing: 'Being wholly yourself is freeing.',
  lineConnection: 'By opening yourself up, you make a real connection with others.',
  lineDepth: 'Vulnerability opens the door to depth in relationships.',
  lineStartSmall: 'Start small: share a small insecurity with someone you trust.',
  lineBoundaries: 'You do not have to share everything.',
  lineKindness: '“It takes strength for me to open up.”',
};

/** The background's strings, as every language must fill them. */
export type NotificationMessages = typeof notificationEn;
