/**
 * What the background needs to lock the journal, apart from the lock's code (utils/lock/keys.ts):
 * the background's bundle carries these two names and nothing of the crypto.
 */

/** Where the unlocked data key is kept in storage.session: removing it locks every page at once. */
export const SESSION_KEY = 'journalKey';
/** The alarm that locks the journal after a time without use, re-armed by pages while they are used. */
export const LOCK_ALARM = 'journal-lock';
