/**
 * What the quick pages must know of the journal lock before their first paint: whether it is on,
 * mirrored into the page's own storage, so the pickers leave own prompts' texts out of it
 * (utils/prompts/library.ts). Not a secret; the lock's keys live in utils/lock/keys.ts,
 * which writes this every time it reads or changes the lock.
 *
 * Also which prompts have a draft, by id, for the quick pages' first paint.
 */

// This module imports nothing, not even page-storage.ts, whose reading and writing it repeats in
// a few lines (the same JSON `true`/`false`). The lock's code, loaded later, imports it as well;
// with an import of page-storage.ts here, Rolldown, which may not merge chunks into a cycle,
// gave the prompt library a chunk of its own: one more file before the journal's first screen
// (measured again with issue 22's first paint: +0.2 KB and a request there; the quick pages'
// first script is one file either way).

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
 * Which prompts have a draft: ids only, never text (utils/storage/drafts.ts), so a quick page opens
 * on the prompt someone was answering before its first paint, and fills in the text a moment later.
 */
const DRAFT_IDS_KEY = 'adempauze.draftIds';

export function draftIds(): readonly string[] {
  try {
    const ids: unknown = JSON.parse(globalThis.localStorage?.getItem(DRAFT_IDS_KEY) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function mirrorDraftIds(ids: readonly string[]): void {
  try {
    if (ids.length === 0) globalThis.localStorage?.removeItem(DRAFT_IDS_KEY);
    else globalThis.localStorage?.setItem(DRAFT_IDS_KEY, JSON.stringify(ids));
  } catch {
    // Without it a quick page opens on another prompt; the draft itself is kept.
  }
}

/** Where earlier versions kept drafts' text (the page's copy and the durable one), moved out on first read (utils/storage/draft-store.ts). */
export const DRAFTS_PAGE_KEY = 'adempauze.drafts';
export const DRAFTS_DURABLE_KEY = 'drafts';
