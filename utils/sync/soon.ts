/**
 * A sync soon after each save: a page that stored something arms a one-time alarm, which every
 * later save moves on (the same name replaces it), so a burst of changes is one sync. Only where
 * sync is set up, and only from pages: the background's own writes come from a sync.
 */
import { browser } from 'wxt/browser';

/** Where sync's setting up is kept in storage.local (utils/sync/store.ts): here, so a save loads nothing more to ask. */
export const SYNC_KEY = 'sync';

/** The alarm's name (entrypoints/background/sync.ts runs it) and how long a save waits for others. */
export const SYNC_SOON_ALARM = 'sync-soon';
export const SYNC_SOON_MINUTES = 0.5;

export function syncSoon(): void {
  if (typeof document === 'undefined') return;
  browser.storage.local
    .get(SYNC_KEY)
    .then((stored) =>
      stored[SYNC_KEY] === undefined ? undefined : browser.alarms.create(SYNC_SOON_ALARM, { delayInMinutes: SYNC_SOON_MINUTES }),
    )
    .catch(() => undefined);
}
