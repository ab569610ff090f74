/**
 * The unlocked journal's keys, opened once per session key and record in a page (keys.ts loads
 * this with import(), and nothing else imports it, so the first paints carry none of the crypto
 * behind it: open.ts).
 */
import { browser } from 'wxt/browser';
import type { LockRecord } from '@/utils/model/lock';
import { fromBase64 } from './crypto';
import { LOCK_KEY, type OpenKeys } from './keys';
import { SESSION_KEY } from './names';
import { canonicalJson, lockChecksOut, openKeys } from './open';

/** The session key's keys last opened in this context, so a page imports them once, not per read. */
let opened: { readonly id: string; readonly keys: Promise<OpenKeys> } | undefined;
/** The last record (all of it, not only its MAC) that checked out here: checked once per change, not per read. */
let checked: { readonly session: string; readonly record: string } | undefined;

let forgetting = false;

/**
 * Locked means locked in memory too: once a context has opened the keys, the session key's removal
 * (Lock now, the time without use, the screen locking, in any page or the background) drops them
 * here, and a page reloads itself, so neither the keys nor any text they opened stay reachable in
 * its memory (a closure, a hook's state, the search index, the DOM). Reloading is the one way to
 * be sure of all of them; the locked page shows the unlock form again, as it would on opening.
 * (A failed read of the lock leaves the page as it is: its hooks still hear the change and lock.)
 */
function forgetKeysWhenLocked(): void {
  if (forgetting) return;
  forgetting = true;
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SESSION_KEY];
    if (area !== 'session' || !change || change.newValue !== undefined) return;
    opened = undefined;
    checked = undefined;
    if (typeof location === 'undefined' || typeof document === 'undefined') return;
    // Removing the lock ends the session too, with every note already plain: nothing to forget,
    // and the page keeps its "The lock is removed" notice.
    browser.storage.local
      .get(LOCK_KEY)
      .then((stored) => {
        if (stored[LOCK_KEY] !== undefined) location.reload();
      })
      .catch(() => undefined);
  });
}

/**
 * The keys of an unlocked journal for `record` and the session's data key (keys.ts, journalKeys):
 * undefined when the session key does not open it, or a version-2 record does not check out.
 */
export async function openJournalKeys(record: LockRecord, session: string): Promise<OpenKeys | undefined> {
  const id = `${session}|${record.keys.privateKey.data}|${record.keys.previous?.dataKey.data ?? ''}`;
  if (opened?.id !== id) {
    forgetKeysWhenLocked();
    opened = { id, keys: openKeys(fromBase64(session), record.keys) };
  }
  const mine = opened;
  // A session key that does not open this lock's private key is not this lock's: treat as locked.
  const keys = await mine.keys.catch(() => {
    if (opened === mine) opened = undefined;
    return undefined;
  });
  if (!keys) return undefined;
  if (record.version === 2) {
    const text = canonicalJson(record);
    if (!(checked?.session === session && checked.record === text)) {
      if (!(await lockChecksOut(record, keys.macKey))) return undefined;
      checked = { session, record: text };
    }
  }
  return {
    ...keys,
    trustPlain: record.state !== 'on',
    legacyRows: record.version === 1 || record.legacyRows,
  };
}
