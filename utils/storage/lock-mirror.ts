/**
 * What the quick pages must know of the journal lock before their first paint: whether it is on,
 * mirrored into the page's own storage, because under the lock a draft must never be written to
 * localStorage (utils/storage/drafts.ts). Not a secret; the lock's keys live in utils/lock/keys.ts,
 * which writes this every time it reads or changes the lock.
 *
 * Also where drafts are kept, so turning the lock on or off can move them
 * (utils/storage/session-drafts.ts) without the journal loading the popup's draft code.
 */
import { readPageJson, writePageJson } from './page-storage';

const MIRROR_KEY = 'adempauze.lockOn';

/** True when the lock was on at the last read of any page of this browser profile. */
export function lockMirror(): boolean {
  return readPageJson(MIRROR_KEY) === true;
}

export function mirrorLock(on: boolean): void {
  // Pages only: a service worker has no localStorage, and writing is skipped there.
  writePageJson(MIRROR_KEY, on);
}

/** Drafts without the lock: the page's synchronous copy in localStorage, and the durable one in storage.local. */
export const DRAFTS_PAGE_KEY = 'adempauze.drafts';
export const DRAFTS_DURABLE_KEY = 'drafts';
/** Drafts under the lock: one per prompt in storage.session, under this prefix and the prompt's id. */
export const DRAFTS_SESSION_PREFIX = 'draft:';
