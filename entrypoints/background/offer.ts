/**
 * How an offer shows itself to the person: the toolbar mark, the notification, the pause window.
 * Effects only; what to show and when is decided in scheduler.ts.
 */
import { browser } from 'wxt/browser';
import type { NotificationMessages } from '@/utils/i18n/notification';

export const NOTIFICATION_ID = 'pause-offer';
const PAUSE_PAGE = 'pause.html';
const POPUP_PAGE = 'popup.html';
/** Button order in the notification: "Take a pause", then "Later". */
export const TAKE_BUTTON = 0;
export const LATER_BUTTON = 1;

/**
 * Shows the toolbar mark, titled in the person's language (`t`), or removes it (`null`). While it
 * shows, the toolbar icon opens the pause itself instead of the everyday popup.
 */
export async function setOfferMark(t: NotificationMessages | null): Promise<void> {
  // Manifest V2 (the Firefox build) calls the toolbar button browserAction.
  const action = import.meta.env.MANIFEST_VERSION === 2 ? browser.browserAction : browser.action;
  await Promise.all([
    action.setBadgeText({ text: t ? '•' : '' }),
    action.setBadgeBackgroundColor({ color: '#2f6b5e' }),
    // The manifest's own (browser-language) tooltip returns when no offer is open.
    action.setTitle({ title: t ? t.offerTitle : browser.i18n.getMessage('actionTitle') }),
    action.setPopup({ popup: t ? PAUSE_PAGE : POPUP_PAGE }),
  ]);
}

/** A quiet notification offering a pause; it makes no sound. */
export async function showOfferNotification(t: NotificationMessages): Promise<void> {
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t.offerTitle,
    message: t.offerMessage,
    // Firefox shows no buttons: clicking the notification takes the pause there.
    ...(import.meta.env.FIREFOX ? {} : { buttons: [{ title: t.takePause }, { title: t.later }], silent: true }),
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
