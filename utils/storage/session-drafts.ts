/**
 * Drafts moving between disk and memory when the journal lock is turned on or off (utils/lock/lock.ts).
 * Under the lock a draft is kept in storage.session only (utils/storage/drafts.ts); this module
 * knows only where drafts are kept, so the journal never loads the popup's draft code.
 */
import { browser } from 'wxt/browser';
import { isDraft, sessionDrafts, type Draft } from '@/utils/model/draft';
import { DRAFTS_DURABLE_KEY, DRAFTS_PAGE_KEY, DRAFTS_SESSION_PREFIX, mirrorLockedDraftIds } from './lock-mirror';
import { readPageJson, writePageJson } from './page-storage';

/** Well-formed drafts of a stored value, by prompt id. */
function draftsOf(value: unknown): Record<string, Draft> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, Draft] => isDraft(entry[1])));
}

/**
 * Turning the lock on: every draft moves from disk (the page's copy and the durable one) into
 * storage.session. Called with the lock already stored, so no new draft goes to disk meanwhile.
 */
export async function moveDraftsToSession(): Promise<void> {
  const durable = await browser.storage.local.get(DRAFTS_DURABLE_KEY);
  const drafts = { ...draftsOf(durable[DRAFTS_DURABLE_KEY]), ...draftsOf(readPageJson(DRAFTS_PAGE_KEY)) };
  const entries = Object.fromEntries(Object.entries(drafts).map(([id, draft]) => [DRAFTS_SESSION_PREFIX + id, draft]));
  if (Object.keys(entries).length > 0) await browser.storage.session.set(entries);
  mirrorLockedDraftIds(Object.keys(drafts));
  try {
    globalThis.localStorage?.removeItem(DRAFTS_PAGE_KEY);
  } catch {
    // Blocked storage held nothing to remove.
  }
  await browser.storage.local.remove(DRAFTS_DURABLE_KEY);
}

/** Removing the lock: the drafts kept in memory go back to disk, as without the lock. */
export async function moveDraftsToDisk(): Promise<void> {
  const drafts = sessionDrafts(await browser.storage.session.get(null), DRAFTS_SESSION_PREFIX);
  writePageJson(DRAFTS_PAGE_KEY, drafts);
  await browser.storage.local.set({ [DRAFTS_DURABLE_KEY]: drafts });
  await browser.storage.session.remove(Object.keys(drafts).map((id) => DRAFTS_SESSION_PREFIX + id));
  mirrorLockedDraftIds([]);
}
