/**
 * The background's strings in one language (the offer of a pause), and what an offer says with
 * them; it loads no other strings.
 */
import type { RandomSource } from '@/utils/prompts/pick';
import type { Locale } from './locale';
import { notificationEn, type NotificationMessages } from './notification.en';
import { notificationNl } from './notification.nl';

export type { NotificationMessages };

const NOTIFICATION_MESSAGES: Readonly<Record<Locale, NotificationMessages>> = { en: notificationEn, nl: notificationNl };

/** What the background says, in `locale`. */
export function notificationMessages(locale: Locale): NotificationMessages {
  return NOTIFICATION_MESSAGES[locale];
}

/** One of the lines an offer speaks with, by its key in the strings. */
export type OfferLine = Extract<keyof NotificationMessages, `line${string}`>;

/** Every line an offer may speak with: each language has them all (the type says so). */
export const OFFER_LINES: readonly OfferLine[] = Object.keys(notificationEn).filter((key): key is OfferLine => key.startsWith('line'));

/** Narrows a stored line id; undefined for one this version does not have. */
export function offerLine(id: string | undefined): OfferLine | undefined {
  return OFFER_LINES.find((line) => line === id);
}

/** The line of the next offer: any but the `last` one, at random, so no offer repeats the one before. */
export function pickOfferLine(last: string | undefined, random: RandomSource): OfferLine {
  const others = OFFER_LINES.filter((line) => line !== last);
  return others[Math.floor(random() * others.length)] ?? 'lineCourage';
}

/** What an offer shows: the notification's title, message and buttons, and the toolbar's tooltip. */
export interface OfferText {
  readonly title: string;
  readonly message: string;
  readonly tooltip: string;
  readonly takePause: string;
  readonly later: string;
}

/**
 * An offer's words in `t`, speaking `line`. Discreet, for sharing the screen, it says only its
 * title, on the toolbar as in the notification: nothing of the article, of a prompt or an answer.
 */
export function offerText(t: NotificationMessages, line: OfferLine | undefined, discreet: boolean): OfferText {
  const message = discreet || !line ? '' : t[line];
  return {
    title: t.offerTitle,
    message,
    tooltip: message ? `${t.offerTitle}\n${message}` : t.offerTitle,
    takePause: t.takePause,
    later: t.later,
  };
}
