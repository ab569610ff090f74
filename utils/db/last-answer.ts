/**
 * "Last time" in the popup and the pause window: what the person wrote to the same prompt before.
 * One small read of the notes store's `by-prompt` index (a bounded key range, a cursor that stops at
 * its first hit), never a scan, so it costs the same with 50 notes or 50,000. Its own module: the
 * popup loads it after the prompt is on screen, without the journal's On this day (looking-back.ts).
 */
import { readingKeys } from '@/utils/lock/keys';
import type { Note } from '@/utils/model/records';
import { isNoteRow, rowToNote } from './cipher';
import { openDatabase } from './connection';

/**
 * The latest answer to a prompt before a moment: the note itself; or, while the journal is locked,
 * only when it was written (its text is not read), so the page can say that unlocking shows it.
 * A note whose ciphertext does not open comes back `unreadable` (utils/model/records.ts).
 */
export type LastAnswer =
  { readonly kind: 'note'; readonly note: Note } | { readonly kind: 'locked'; readonly id: string; readonly createdAt: number };

/**
 * The most recent note to `promptId` written before `before` (epoch ms, exclusive), or null when the
 * prompt was never answered before then. One read of `by-prompt`, newest first, that stops at the
 * first note; while the journal is locked it reads the index's keys only, never a note.
 */
export async function lastAnswerBefore(promptId: string, before: number): Promise<LastAnswer | null> {
  const [keys, db] = await Promise.all([readingKeys(), openDatabase()]);
  const index = db.transaction('notes').store.index('by-prompt');
  const range = IDBKeyRange.bound([promptId, -Infinity], [promptId, before], false, true);
  if (keys === 'locked') {
    const cursor = await index.openKeyCursor(range, 'prev');
    return cursor ? { kind: 'locked', id: cursor.primaryKey, createdAt: cursor.key[1] } : null;
  }
  // A row that is no note at all (damaged on disk) is passed over for the one before it.
  let cursor = await index.openCursor(range, 'prev');
  while (cursor && !isNoteRow(cursor.value)) cursor = await cursor.continue();
  // Opened after the read: awaiting WebCrypto inside the transaction would end it.
  const note = cursor ? await rowToNote(cursor.value, keys) : undefined;
  return note ? { kind: 'note', note } : null;
}
