/**
 * Unsaved answers, one per prompt, so that nothing typed is ever lost: a popup closes the moment
 * focus leaves it, with no chance to run code.
 *
 * Every keystroke is written synchronously to the page's localStorage (it cannot be cut off by the
 * popup closing, and it can be read before first paint) and then to browser.storage.local, the
 * durable copy that survives a cleared site-data cache. On start a page merges the durable copy
 * back in, newest edit winning.
 *
 * Under the journal lock a draft never reaches disk: it is kept in storage.session (the browser's
 * memory, for this browser session), one key per prompt, and in this page's memory for the
 * synchronous reads. It survives closing the popup; quitting the browser or a crash loses it.
 */
import { browser } from 'wxt/browser';
import type { Draft, Drafts } from '@/utils/model/draft';
import {
  DRAFTS_DURABLE_KEY,
  DRAFTS_PAGE_KEY,
  DRAFTS_SESSION_PREFIX,
  lockedDraftIds,
  lockMirror,
  mirrorLockedDraftIds,
} from '@/utils/storage/lock-mirror';
import { readPageJson, writePageJson } from '@/utils/storage/page-storage';

/** Under the lock: the drafts this page has read or written, for the synchronous reads (utils/storage/session-drafts.ts keeps them). */
const inMemory = Object.create(null) as Record<string, Draft>;

/**
 * Whether a value in the page's copy is a draft: the shape of DraftSchema (utils/model/draft.ts),
 * which the drafts test holds this to. Hand-written: the popup's first paint may not load
 * valibot, scripts/sizes.mjs. The durable copy, read after first paint, is checked by the model.
 */
function isPageDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const { text, updatedAt } = value as Record<string, unknown>;
  return typeof text === 'string' && typeof updatedAt === 'number' && Number.isFinite(updatedAt);
}

/** Keeps only well-formed entries: stored data from an older version or another tab is never trusted. */
function toDrafts(value: unknown, isDraft: (draft: unknown) => draft is Draft): Record<string, Draft> {
  const drafts = Object.create(null) as Record<string, Draft>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return drafts;
  for (const [id, draft] of Object.entries(value)) if (isDraft(draft)) drafts[id] = draft;
  return drafts;
}

function readLocal(): Record<string, Draft> {
  return toDrafts(readPageJson(DRAFTS_PAGE_KEY), isPageDraft);
}

function writeLocal(drafts: Drafts): void {
  // Quota reached or storage blocked: browser.storage.local (unlimitedStorage) still keeps the draft.
  writePageJson(DRAFTS_PAGE_KEY, drafts);
}

/** The draft for a prompt, read synchronously so the first paint can already show it (under the lock: once restored). */
export function readDraft(promptId: string): Draft | undefined {
  return lockMirror() ? inMemory[promptId] : readLocal()[promptId];
}

/**
 * Whether a prompt has a draft, known before first paint even under the lock (whose texts arrive
 * from memory after it, through restoreDrafts): so a page opens on what someone was answering.
 */
export function hasDraft(promptId: string): boolean {
  return readDraft(promptId) !== undefined || (lockMirror() && lockedDraftIds().includes(promptId));
}

/**
 * Stores the draft of a prompt; an empty text removes it. The synchronous copy is written before
 * this returns; the promise settles when the durable copy is written too.
 */
export async function writeDraft(promptId: string, text: string, now: number): Promise<void> {
  if (lockMirror()) {
    // This page's copy first, so the next synchronous read already has it.
    if (text === '') delete inMemory[promptId];
    else inMemory[promptId] = { text, updatedAt: now };
    const key = DRAFTS_SESSION_PREFIX + promptId;
    const draft = inMemory[promptId];
    const others = lockedDraftIds().filter((id) => id !== promptId);
    mirrorLockedDraftIds(draft ? [...others, promptId] : others);
    return draft ? browser.storage.session.set({ [key]: draft }) : browser.storage.session.remove(key);
  }
  // Read-modify-write on the synchronous copy, so two pages editing different prompts never
  // overwrite each other's drafts.
  const drafts = readLocal();
  if (text === '') delete drafts[promptId];
  else drafts[promptId] = { text, updatedAt: now };
  writeLocal(drafts);
  await browser.storage.local.set({ [DRAFTS_DURABLE_KEY]: drafts });
}

/** Removes the draft of a prompt, after its answer was saved. */
export function clearDraft(promptId: string, now: number): Promise<void> {
  return writeDraft(promptId, '', now);
}

/**
 * Merges the durable copy into the synchronous one, the newer draft of each prompt winning, and
 * returns the result. Drafts only ever come back this way; they are removed by `clearDraft`.
 * Under the lock the drafts kept in storage.session come into this page's memory instead.
 */
export async function restoreDrafts(): Promise<Drafts> {
  const locked = lockMirror();
  const [model, stored] = await Promise.all([
    import('@/utils/model/draft'),
    locked ? browser.storage.session.get(null) : browser.storage.local.get(DRAFTS_DURABLE_KEY),
  ]);
  if (locked) return Object.assign(inMemory, model.sessionDrafts(stored, DRAFTS_SESSION_PREFIX));
  const durable = toDrafts(stored[DRAFTS_DURABLE_KEY], model.isDraft);
  const local = readLocal();
  let changed = false;
  for (const [id, draft] of Object.entries(durable)) {
    const mine = local[id];
    if (!mine || mine.updatedAt < draft.updatedAt) {
      local[id] = draft;
      changed = true;
    }
  }
  if (changed) writeLocal(local);
  return local;
}
