/** The background's strings in one language (the offer of a pause); it loads no other strings. */
import type { Locale } from './locale';
import { notificationEn, type NotificationMessages } from './notification.en';
import { notificationNl } from './notification.nl';

export type { NotificationMessages };

const NOTIFICATION_MESSAGES: Readonly<Record<Locale, NotificationMessages>> = { en: notificationEn, nl: notificationNl };

/** What the background says, in `locale`. */
export function notificationMessages(locale: Locale): NotificationMessages {
  return NOTIFICATION_MESSAGES[locale];
}
