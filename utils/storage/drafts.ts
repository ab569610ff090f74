/**
 * Unsaved answers, one per prompt, so that nothing typed is ever lost: a popup closes the moment
 * focus leaves it, with no chance to run code.
 *
 * Every keystroke goes into this page's memory (for the synchronous reads), at once into the
 * browser's memory (storage.session: the call is made before this returns, so it reaches the
 * browser even when the popup closes a moment later), and then to the durable copy in a small
 * IndexedDB database (utils/storage/draft-store.ts): plain without the lock, sealed to the lock's
 * public key with it, so a draft typed before "Lock now" or while locked is kept but cannot be read
 * without the passphrase. Sealing and IndexedDB are asynchronous and die with the page; the
 * browser's memory copy is what covers that moment, removed once the database has the draft, and
 * with the key when the journal locks (utils/lock/names.ts). The page's own localStorage knows only which
 * prompts have a draft (ids, never text: what localStorage once held stays in the browser's files),
 * so a page opens on the prompt someone was answering before its first paint and fills in the
 * text a moment later.
 */
import { browser } from 'wxt/browser';
import { DRAFT_MEMORY_PREFIX } from '@/utils/lock/names';
import type { Draft, Drafts } from '@/utils/model/draft';
import { draftIds, mirrorDraftIds } from '@/utils/storage/lock-mirror';

/** The drafts this page has read or written, for the synchronous reads. */
const inMemory = Object.create(null) as Record<string, Draft>;
/** When this page removed a prompt's draft (saved or emptied): a durable copy read later but older is gone, not back. */
const removedAt = Object.create(null) as Record<string, number>;

/** The draft for a prompt, once restored (or typed in this page). */
export function readDraft(promptId: string): Draft | undefined {
  return inMemory[promptId];
}

/**
 * Stores the draft of a prompt; an empty text removes it. This page's copy is written before this
 * returns; the promise settles when the durable copy is written too.
 */
export async function writeDraft(promptId: string, text: string, now: number): Promise<void> {
  if (text === '') {
    delete inMemory[promptId];
    removedAt[promptId] = now;
  } else inMemory[promptId] = { text, updatedAt: now };
  const draft = inMemory[promptId];
  const others = draftIds().filter((id) => id !== promptId);
  mirrorDraftIds(draft ? [...others, promptId] : others);
  // An empty text is kept too, so a removal cut off by the popup closing is still carried out.
  const inBrowser = browser.storage.session.set({ [DRAFT_MEMORY_PREFIX + promptId]: draft ?? { text: '', updatedAt: now } });
  const { storeDraft, settleMemoryCopy } = await import('./draft-store');
  await Promise.all([inBrowser, storeDraft(promptId, draft)]);
  await settleMemoryCopy(promptId, draft);
}

/** Removes the draft of a prompt, after its answer was saved. */
export function clearDraft(promptId: string, now: number): Promise<void> {
  return writeDraft(promptId, '', now);
}

/**
 * Brings the durable drafts into this page, the newer of each prompt winning, and returns them,
 * with the ids of those kept sealed while the journal is locked (their ids stay in the mirror).
 */
export async function restoreDrafts(): Promise<{ readonly drafts: Drafts; readonly sealed: readonly string[] }> {
  const { loadDrafts } = await import('./draft-store');
  const { drafts, sealed } = await loadDrafts();
  for (const [id, draft] of Object.entries(drafts)) {
    const mine = inMemory[id];
    if ((!mine || mine.updatedAt < draft.updatedAt) && (removedAt[id] ?? -Infinity) < draft.updatedAt) inMemory[id] = draft;
  }
  mirrorDraftIds([...new Set([...Object.keys(inMemory), ...sealed])]);
  return { drafts: { ...inMemory }, sealed };
}

/** Drops this page's copy, as a reload does. Exported for the tests, whose "pages" share one module. */
export function forgetPageDrafts(): void {
  for (const id of Object.keys(inMemory)) delete inMemory[id];
  for (const id of Object.keys(removedAt)) delete removedAt[id];
}
