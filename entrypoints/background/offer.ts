/**
 * How an offer shows itself to the person: the toolbar mark, the notification, the pause window.
 * Effects only; what to show and when is decided in scheduler.ts.
 */
import { browser } from 'wxt/browser';
import type { OfferText } from '@/utils/i18n/notification';

export const NOTIFICATION_ID = 'pause-offer';
const PAUSE_PAGE = 'pause.html';
const POPUP_PAGE = 'popup.html';
/** Button order in the notification: "Take a pause", then "Later". */
export const TAKE_BUTTON = 0;
export const LATER_BUTTON = 1;

/**
 * Shows the toolbar mark with the offer's tooltip (`text`), or removes it (`null`). While it
 * shows, the toolbar icon opens the pause itself instead of the everyday popup.
 */
export async function setOfferMark(text: OfferText | null): Promise<void> {
  // Manifest V2 (the Firefox build) calls the toolbar button browserAction.
  const action = import.meta.env.MANIFEST_VERSION === 2 ? browser.browserAction : browser.action;
  await Promise.all([
    action.setBadgeText({ text: text ? '•' : '' }),
    action.setBadgeBackgroundColor({ color: '#2f6b5e' }),
    // The manifest's own (browser-language) tooltip returns when no offer is open.
    action.setTitle({ title: text ? text.tooltip : browser.i18n.getMessage('actionTitle') }),
    action.setPopup({ popup: text ? PAUSE_PAGE : POPUP_PAGE }),
  ]);
}

/**
 * A quiet notification offering a pause; it makes no sound. A discreet offer has an empty message:
 * Chrome requires the field, and takes an empty one (tests/e2e/two-stage.spec.ts).
 */
export async function showOfferNotification(text: OfferText): Promise<void> {
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: text.title,
    message: text.message,
    // Firefox shows no buttons: clicking the notification takes the pause there.
    ...(import.meta.env.FIREFOX ? {} : { buttons: [{ title: text.takePause }, { title: text.later }], silent: true }),
  });
}

export async function clearOfferNotification(): Promise<void> {
  await browser.notifications.clear(NOTIFICATION_ID);
}

/**
 * Brings the pause window to the front, opening it if `existingId` is not a window any more.
 * Returns the window's id.
 */
export async function openPauseWindow(existingId: number | null): Promise<number | undefined> {
  if (existingId !== null) {
    try {
      await browser.windows.update(existingId, { focused: true, drawAttention: true });
      return existingId;
    } catch {
      // Closed since: open a new one.
    }
  }
  const created = await browser.windows.create({
    url: browser.runtime.getURL(`/${PAUSE_PAGE}`),
    type: 'popup',
    width: 440,
    height: 640,
    focused: true,
  });
  return created?.id;
}
