/**
 * Unsaved answers, one per prompt, so that nothing typed is ever lost: a popup closes the moment
 * focus leaves it, with no chance to run code.
 *
 * Every keystroke goes into this page's memory (for the synchronous reads) and, at once, to the
 * durable copy in a small IndexedDB database (utils/storage/draft-store.ts): plain without the
 * lock, sealed to the lock's public key with it, so a draft typed before "Lock now" or while locked
 * is kept but cannot be read without the passphrase. The page's own localStorage knows only which
 * prompts have a draft (ids, never text: what localStorage once held stays in the browser's files),
 * so a page opens on the prompt someone was answering before its first paint and fills in the
 * text a moment later.
 */
import type { Draft, Drafts } from '@/utils/model/draft';
import { draftIds, mirrorDraftIds } from '@/utils/storage/lock-mirror';

/** The drafts this page has read or written, for the synchronous reads. */
const inMemory = Object.create(null) as Record<string, Draft>;

/** The draft for a prompt, once restored (or typed in this page). */
export function readDraft(promptId: string): Draft | undefined {
  return inMemory[promptId];
}

/** Whether a prompt has a draft, known before first paint (its text arrives through restoreDrafts). */
export function hasDraft(promptId: string): boolean {
  return readDraft(promptId) !== undefined || draftIds().includes(promptId);
}

/**
 * Stores the draft of a prompt; an empty text removes it. This page's copy is written before this
 * returns; the promise settles when the durable copy is written too.
 */
export async function writeDraft(promptId: string, text: string, now: number): Promise<void> {
  if (text === '') delete inMemory[promptId];
  else inMemory[promptId] = { text, updatedAt: now };
  const draft = inMemory[promptId];
  const others = draftIds().filter((id) => id !== promptId);
  mirrorDraftIds(draft ? [...others, promptId] : others);
  const { storeDraft } = await import('./draft-store');
  await storeDraft(promptId, draft);
}

/** Removes the draft of a prompt, after its answer was saved. */
export function clearDraft(promptId: string, now: number): Promise<void> {
  return writeDraft(promptId, '', now);
}

/**
 * Brings the durable drafts into this page, the newer of each prompt winning, and returns them.
 * Drafts sealed while the journal is locked stay sealed, and keep their ids in the mirror.
 */
export async function restoreDrafts(): Promise<Drafts> {
  const { loadDrafts } = await import('./draft-store');
  const { drafts, sealed } = await loadDrafts();
  for (const [id, draft] of Object.entries(drafts)) {
    const mine = inMemory[id];
    if (!mine || mine.updatedAt < draft.updatedAt) inMemory[id] = draft;
  }
  mirrorDraftIds([...new Set([...Object.keys(inMemory), ...sealed])]);
  return { ...inMemory };
}

/** Drops this page's copy, as a reload does. Exported for the tests, whose "pages" share one module. */
export function forgetPageDrafts(): void {
  for (const id of Object.keys(inMemory)) delete inMemory[id];
}
