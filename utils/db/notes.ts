/** The notes store: answers, newest first by the `by-created` index, and per prompt by `by-prompt`. */
import type { IDBPTransaction } from 'idb';
import { EmptyAnswerError, NoteConflictError } from '@/utils/errors';
import { readingKeys, whileWriting } from '@/utils/lock/keys';
import type { Feeling, NewNote, Note, NoteRow, PageCursor, NotesPage } from '@/utils/model/records';
import { announceChange } from './changes';
import { noteToRow, rowToNote, rowsToNotes } from './cipher';
import { abortQuietly, openDatabase, type AdempauzeSchema } from './connection';

/** Stores a note that is not stored yet, once the transaction has completed; refuses an empty answer. */
async function insertNote(note: Note): Promise<Note> {
  if (note.answer.trim() === '') throw new EmptyAnswerError();
  // Stored as the lock wants it now (plain, encrypted, or sealed while locked), while the lock
  // cannot change under it (whileWriting). idb's shortcut resolves once the transaction completed.
  await whileWriting(async (writer) => (await openDatabase()).add('notes', await noteToRow(note, writer)));
  announceChange({ store: 'notes', saved: [note.id] });
  return note;
}

/**
 * Stores a new answer and resolves only once the transaction has completed, so a confirmation
 * shown after it is true. Refuses an empty or whitespace-only answer with EmptyAnswerError.
 */
export function addNote(input: NewNote, now: number): Promise<Note> {
  return insertNote({ ...input, id: crypto.randomUUID(), createdAt: now, updatedAt: now });
}

/** Notes newest first, `limit` at a time; pass the previous page's `next` to continue. */
export async function listNotesPage(options: { limit: number; after?: PageCursor }): Promise<NotesPage> {
  const keys = await readingKeys();
  const db = await openDatabase();
  const index = db.transaction('notes').store.index('by-created');
  const range = options.after ? IDBKeyRange.upperBound([...options.after], true) : null;
  const rows: NoteRow[] = [];
  let last: PageCursor | undefined;
  let cursor = await index.openCursor(range, 'prev');
  while (cursor && rows.length < options.limit) {
    last = cursor.key;
    rows.push(cursor.value);
    cursor = await cursor.continue();
  }
  const more = cursor !== null;
  // Opened after the transaction: awaiting WebCrypto inside it would let it end. A damaged row
  // is passed over rather than breaking the whole journal.
  const notes = await rowsToNotes(rows, keys);
  return more && last ? { notes, next: last } : { notes };
}

/** How many notes are stored. */
export async function countNotes(): Promise<number> {
  return (await openDatabase()).count('notes');
}

/** The notes with these ids, in the same order; ids no longer stored are left out. */
export async function getNotes(ids: readonly string[]): Promise<Note[]> {
  const keys = await readingKeys();
  const store = (await openDatabase()).transaction('notes').store;
  const rows = await Promise.all(ids.map((id) => store.get(id)));
  return rowsToNotes(rows, keys);
}

/** The version a change made at `now` gives a note: always later than the one it replaces. */
const nextVersion = (note: Note, now: number): number => Math.max(now, note.updatedAt + 1);

/**
 * Reads a note's row for a change, refusing (and rolling back) when it is not the version the
 * change started from; NoteConflictError then carries the note as it is now.
 */
async function readForChange(tx: IDBPTransaction<AdempauzeSchema, ['notes'], 'readwrite'>, id: string, version: number): Promise<NoteRow> {
  const row = await tx.store.get(id);
  if (row?.updatedAt !== version) {
    abortQuietly(tx);
    throw new NoteConflictError(await rowToNote(row, await readingKeys()));
  }
  return row;
}

/**
 * Stores `updated` over the note it was made from, which must still be stored at `version`: the
 * note's other fields come from `updated` as the change began, so they are only right if nothing
 * changed since. updatedAt moves forward (strictly, so every saved change is a new version).
 */
async function storeChange(updated: Note, now: number, version: number): Promise<Note> {
  // A note without its texts (unreadable: its ciphertext does not open) would be stored empty.
  if (updated.answer.trim() === '') throw new EmptyAnswerError();
  const changed: Note = { ...updated, updatedAt: Math.max(now, version + 1) };
  await whileWriting(async (writer) => {
    // Encrypted before the transaction opens: an await on WebCrypto would end it.
    const row = await noteToRow(changed, writer);
    const tx = (await openDatabase()).transaction('notes', 'readwrite');
    await readForChange(tx, changed.id, version);
    await Promise.all([tx.store.put(row), tx.done]);
  });
  announceChange({ store: 'notes', saved: [changed.id] });
  return changed;
}

/**
 * Changes the answer of `note`, which must still be stored at `version` (its updatedAt when the
 * edit began); createdAt stays, updatedAt moves forward. Refuses an empty answer, and a note
 * changed or deleted since with NoteConflictError.
 */
export function updateNoteAnswer(note: Note, answer: string, now: number, version: number): Promise<Note> {
  return storeChange({ ...note, answer }, now, version);
}

/**
 * Sets how the moment of `note` felt, or takes the feeling away (`null`), as updateNoteAnswer
 * changes its answer: only over the version the change began from (NoteConflictError otherwise),
 * as a new version. An unreadable note is refused with EmptyAnswerError: it has no texts to keep.
 */
export function updateNoteFeeling(note: Note, feeling: Feeling | null, now: number, version: number): Promise<Note> {
  return storeChange(withFeeling(note, feeling ?? undefined), now, version);
}

/** `note` with `feeling`; without one, no `feeling` key at all, as a note that never had one. */
function withFeeling(note: Note, feeling: Feeling | undefined): Note {
  if (feeling !== undefined) return { ...note, feeling };
  const without: { -readonly [Key in keyof Note]: Note[Key] } = { ...note };
  delete without.feeling;
  return without;
}

/**
 * Deletes a note that is still at `version` and returns it exactly as it was, so an Undo can put
 * it back. A note changed or deleted since is refused with NoteConflictError.
 */
export async function deleteNote(id: string, version: number): Promise<Note> {
  const keys = await readingKeys();
  const tx = (await openDatabase()).transaction('notes', 'readwrite');
  const row = await readForChange(tx, id, version);
  await Promise.all([tx.store.delete(id), tx.done]);
  announceChange({ store: 'notes', deleted: [id] });
  const note = await rowToNote(row, keys);
  if (!note) throw new NoteConflictError(undefined);
  if (note.unreadable) deletedUnreadable.set(note, row);
  return note;
}

/** The stored rows of unreadable notes deleted in this page: an Undo puts back the ciphertext as it was, having no text to encrypt. */
const deletedUnreadable = new WeakMap<Note, NoteRow>();

/** Puts a note back exactly as it was (Undo after delete, or "keep mine" over a deletion made elsewhere). */
export async function restoreNote(note: Note): Promise<void> {
  await whileWriting(async (writer) => {
    const row = note.unreadable ? deletedUnreadable.get(note) : await noteToRow(note, writer);
    // An unreadable note known only by its dates has nothing that could be stored.
    if (!row) throw new EmptyAnswerError();
    await (await openDatabase()).put('notes', row);
  });
  announceChange({ store: 'notes', saved: [note.id] });
}

/** "Keep my edit" over a deletion made elsewhere: the note comes back with `answer`, as a new version. */
export async function restoreNoteWith(note: Note, answer: string, now: number): Promise<Note> {
  if (answer.trim() === '') throw new EmptyAnswerError();
  const restored: Note = { ...note, answer, updatedAt: nextVersion(note, now) };
  await restoreNote(restored);
  return restored;
}

/** "Keep both": stores `answer` as a new note beside `of`, with the same prompt and day. */
export function addNoteCopy(of: Note, answer: string, now: number): Promise<Note> {
  return insertNote({ ...of, id: crypto.randomUUID(), answer, updatedAt: Math.max(now, of.createdAt) });
}

/** When notes were written, from `since` on, newest first: index keys only, no note bodies read. */
export async function listNoteTimes(since: number): Promise<number[]> {
  const index = (await openDatabase()).transaction('notes').store.index('by-created');
  // A key cursor reads the index's own keys ([createdAt, id]) without touching note bodies.
  const times: number[] = [];
  let cursor = await index.openKeyCursor(IDBKeyRange.lowerBound([since, '']), 'prev');
  while (cursor) {
    times.push(cursor.key[0]);
    cursor = await cursor.continue();
  }
  return times;
}

/**
 * When notes from `since` on were written and how they felt, oldest first, for the insights' "how
 * days felt": notes without a feeling are left out. A feeling is part of what the person wrote, so
 * under the lock it is read from the opened notes: JournalLockedError while the journal is locked.
 */
export async function listNoteFeelings(since: number): Promise<{ readonly createdAt: number; readonly feeling: Feeling }[]> {
  const keys = await readingKeys();
  const rows = await (await openDatabase()).getAllFromIndex('notes', 'by-created', IDBKeyRange.lowerBound([since, '']));
  const notes = await rowsToNotes(rows, keys);
  return notes.flatMap(({ createdAt, feeling }) => (feeling === undefined ? [] : [{ createdAt, feeling }]));
}

/** How many notes answer each prompt, read from the index without loading notes. */
export async function countNotesByPrompt(promptIds: readonly string[]): Promise<Map<string, number>> {
  const index = (await openDatabase()).transaction('notes').store.index('by-prompt');
  const counts = await Promise.all(promptIds.map((id) => index.count(IDBKeyRange.bound([id, -Infinity], [id, Infinity]))));
  return new Map(promptIds.map((id, i) => [id, counts[i] ?? 0]));
}
