/** The Dutch strings the background shows: the offer of a pause in a notification and on the toolbar. */
import type { NotificationMessages } from './notification.en';

export const notificationNl: NotificationMessages = {
  offerTitle: 'Tijd voor een adempauze?',
  offerMessage: 'Een paar rustige ademhalingen en één vraag, wanneer je er klaar voor bent.',
  takePause: 'Neem een pauze',
  later: 'Straks',
};
