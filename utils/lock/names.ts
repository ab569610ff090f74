/**
 * What the background needs to lock the journal, apart from the lock's code (utils/lock/keys.ts):
 * the background's bundle carries these names, and `endSession`, and nothing of the crypto.
 */
import { browser } from 'wxt/browser';

/** Where the lock is kept in storage.local. */
export const LOCK_KEY = 'lock';
/** Where the unlocked data key is kept in storage.session: removing it locks every page at once. */
export const SESSION_KEY = 'journalKey';
/** The Web Lock a page holds while it finishes what the lock asks (utils/lock/lock.ts, resume). */
export const SETTLE_LOCK = 'adempauze-lock-settle';
/** The alarm that locks the journal after a time without use, re-armed by pages while they are used. */
export const LOCK_ALARM = 'journal-lock';
/**
 * Where each keystroke of a draft is kept in storage.session (memory) until its database has it
 * (utils/storage/drafts.ts): locking removes these with the key. The prefix earlier versions used
 * for drafts under the lock, so those are picked up the same way.
 */
export const DRAFT_MEMORY_PREFIX = 'draft:';

/**
 * Locks the journal in every page at once: the data key leaves storage.session, and the memory
 * copies of drafts with it, in one change, so no text typed before the lock stays readable.
 */
export async function endSession(): Promise<void> {
  const memory = Object.keys(await browser.storage.session.get(null)).filter((key) => key.startsWith(DRAFT_MEMORY_PREFIX));
  await browser.storage.session.remove([SESSION_KEY, ...memory]);
}
