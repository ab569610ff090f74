/**
 * Whether the popup still offers the lock, as a new install does (entrypoints/popup/LockOffer.tsx):
 * a person who wants their journal private should be able to lock it before the first word is
 * written. Due from the install (never after an update: those journals have notes already) until
 * the person turns the lock on or says "Not now".
 */
import { browser } from 'wxt/browser';
import { LOCK_KEY } from '@/utils/lock/names';

const KEY = 'lockOffer';

/** A new install: the popup offers the lock. */
export async function offerLockAtFirstRun(): Promise<void> {
  await browser.storage.local.set({ [KEY]: 'due' });
}

/** Whether to offer the lock now: due, and no lock stored (on, damaged or half-way, it is not offered). */
export async function lockOfferDue(): Promise<boolean> {
  const stored = await browser.storage.local.get([KEY, LOCK_KEY]);
  return stored[KEY] === 'due' && stored[LOCK_KEY] === undefined;
}

/** "Not now", or the lock turned on: the offer is not made again. */
export async function endLockOffer(): Promise<void> {
  await browser.storage.local.remove(KEY);
}
