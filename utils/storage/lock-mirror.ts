/**
 * What the quick pages must know of the journal lock before their first paint: whether it is on,
 * mirrored into the page's own storage, because under the lock a draft must never be written to
 * localStorage (utils/storage/drafts.ts). Not a secret; the lock's keys live in utils/lock/keys.ts,
 * which writes this every time it reads or changes the lock.
 *
 * Also where drafts are kept, so turning the lock on or off can move them
 * (utils/storage/session-drafts.ts) without the journal loading the popup's draft code.
 */

// This module imports nothing, not even page-storage.ts, whose reading and writing it repeats in
// a few lines (the same JSON `true`/`false`). The lock's code, loaded later, imports it as well;
// with an import of page-storage.ts here, Rolldown, which may not merge chunks into a cycle,
// gave the prompt library a chunk of its own: one more file before the popup's first paint
// (scripts/sizes.mjs).

const MIRROR_KEY = 'adempauze.lockOn';

/** True when the lock was on at the last read of any page of this browser profile. */
export function lockMirror(): boolean {
  try {
    return globalThis.localStorage?.getItem(MIRROR_KEY) === 'true';
  } catch {
    // Blocked storage: read as off, as page-storage.ts reads anything unreadable as missing.
    return false;
  }
}

export function mirrorLock(on: boolean): void {
  // Pages only: a service worker has no localStorage, and writing is skipped there.
  try {
    globalThis.localStorage?.setItem(MIRROR_KEY, JSON.stringify(on));
  } catch {
    // Full or blocked storage, skipped as page-storage.ts skips it.
  }
}

/**
 * Under the lock, which prompts have a draft in storage.session: ids only, never text, so a quick
 * page opens on the prompt someone was answering before its first paint, and fills in the text a
 * moment later from memory.
 */
const LOCKED_DRAFTS_KEY = 'adempauze.lockedDrafts';

export function lockedDraftIds(): readonly string[] {
  try {
    const ids: unknown = JSON.parse(globalThis.localStorage?.getItem(LOCKED_DRAFTS_KEY) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function mirrorLockedDraftIds(ids: readonly string[]): void {
  try {
    if (ids.length === 0) globalThis.localStorage?.removeItem(LOCKED_DRAFTS_KEY);
    else globalThis.localStorage?.setItem(LOCKED_DRAFTS_KEY, JSON.stringify(ids));
  } catch {
    // Without it a quick page opens on another prompt; the draft itself is kept in memory.
  }
}

/** Drafts without the lock: the page's synchronous copy in localStorage, and the durable one in storage.local. */
export const DRAFTS_PAGE_KEY = 'adempauze.drafts';
export const DRAFTS_DURABLE_KEY = 'drafts';
/** Drafts under the lock: one per prompt in storage.session, under this prefix and the prompt's id. */
export const DRAFTS_SESSION_PREFIX = 'draft:';
