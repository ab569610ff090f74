import { describe, expect, it } from 'vitest';
import { onDataChange, type DataChange } from '@/utils/db/changes';
import { addNote, addNoteCopy, deleteNote, getNotes, listNotesPage, restoreNote, updateNoteAnswer } from '@/utils/db/notes';
import { mergeSnapshot } from '@/utils/db/snapshot';
import { NoteConflictError } from '@/utils/errors';
import { SAMPLE_NOTE } from './sample-note';

const T0 = Date.UTC(2026, 10, 25, 9);

async function conflictOf(change: Promise<unknown>): Promise<NoteConflictError> {
  const error: unknown = await change.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(NoteConflictError);
  return error as NoteConflictError;
}

describe('a change carries the version it began from', () => {
  it('stores an edit made from the current version, with a newer version', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    const edited = await updateNoteAnswer(note, 'mine', T0, note.updatedAt);
    expect(edited.answer).toBe('mine');
    // The same millisecond still makes a new version: the next stale edit must be refused.
    expect(edited.updatedAt).toBeGreaterThan(note.updatedAt);
    expect(edited.createdAt).toBe(note.createdAt);
  });

  it('refuses an edit over a note edited elsewhere since, and shows the newer text', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    await updateNoteAnswer(note, 'theirs', T0 + 1000, note.updatedAt);
    const conflict = await conflictOf(updateNoteAnswer(note, 'mine', T0 + 2000, note.updatedAt));
    expect(conflict.current?.answer).toBe('theirs');
    expect((await getNotes([note.id]))[0]?.answer).toBe('theirs');
  });

  it('keeps mine: saving again from the newer version goes through', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    const theirs = await updateNoteAnswer(note, 'theirs', T0 + 1000, note.updatedAt);
    const conflict = await conflictOf(updateNoteAnswer(note, 'mine', T0 + 2000, note.updatedAt));
    await updateNoteAnswer(note, 'mine', T0 + 3000, conflict.current?.updatedAt ?? -1);
    expect((await getNotes([note.id]))[0]?.answer).toBe('mine');
    expect(theirs.updatedAt).toBeLessThan((await getNotes([note.id]))[0]?.updatedAt ?? 0);
  });

  it('keeps both: the edit becomes a note of its own beside the other, same prompt and day', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    const theirs = await updateNoteAnswer(note, 'theirs', T0 + 1000, note.updatedAt);
    const copy = await addNoteCopy(theirs, 'mine', T0 + 2000);
    expect(copy.id).not.toBe(note.id);
    expect(copy).toMatchObject({ promptId: note.promptId, promptText: note.promptText, createdAt: note.createdAt, answer: 'mine' });
    expect((await listNotesPage({ limit: 10 })).notes.map((row) => row.answer).sort()).toEqual(['mine', 'theirs']);
  });

  it('refuses an edit over a note deleted elsewhere, and says it is gone', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    await deleteNote(note.id, note.updatedAt);
    const conflict = await conflictOf(updateNoteAnswer(note, 'mine', T0 + 2000, note.updatedAt));
    expect(conflict.current).toBeUndefined();
    expect(await getNotes([note.id])).toEqual([]);
  });

  it('refuses to delete a note changed elsewhere since it was shown, and deletes it from the newer version', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    await updateNoteAnswer(note, 'theirs', T0 + 1000, note.updatedAt);
    const conflict = await conflictOf(deleteNote(note.id, note.updatedAt));
    expect(conflict.current?.answer).toBe('theirs');
    expect(await getNotes([note.id])).toHaveLength(1);
    await deleteNote(note.id, conflict.current?.updatedAt ?? -1);
    expect(await getNotes([note.id])).toEqual([]);
  });

  it('refuses a second delete of a note already deleted elsewhere', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    await deleteNote(note.id, note.updatedAt);
    expect((await conflictOf(deleteNote(note.id, note.updatedAt))).current).toBeUndefined();
  });

  it('refuses an edit over a note an import replaced with a newer version', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    await mergeSnapshot({ notes: [{ ...note, answer: 'imported', updatedAt: T0 + 5000 }], events: [], prompts: [], promptPrefs: [] });
    const conflict = await conflictOf(updateNoteAnswer(note, 'mine', T0 + 6000, note.updatedAt));
    expect(conflict.current?.answer).toBe('imported');
  });

  it('puts a note back exactly as it was (Undo)', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    const deleted = await deleteNote(note.id, note.updatedAt);
    await restoreNote(deleted);
    expect(await getNotes([note.id])).toEqual([note]);
  });
});

describe('every write tells the other pages what changed', () => {
  it('names the notes saved and deleted, and says "any note" after an import', async () => {
    const heard: DataChange[] = [];
    const stop = onDataChange((change) => heard.push(change));
    const note = await addNote(SAMPLE_NOTE, T0);
    const edited = await updateNoteAnswer(note, 'two', T0 + 1, note.updatedAt);
    await deleteNote(note.id, edited.updatedAt);
    await restoreNote(edited);
    await mergeSnapshot({ notes: [{ ...edited, id: 'other', answer: 'imported' }], events: [], prompts: [], promptPrefs: [] });
    stop();
    expect(heard.filter((change) => change.store === 'notes')).toEqual([
      { store: 'notes', saved: [note.id] },
      { store: 'notes', saved: [note.id] },
      { store: 'notes', deleted: [note.id] },
      { store: 'notes', saved: [note.id] },
      { store: 'notes' },
    ]);
    // Ids only: no note text ever travels with the signal.
    expect(JSON.stringify(heard)).not.toContain('imported');
  });

  it('announces nothing for a refused write', async () => {
    const note = await addNote(SAMPLE_NOTE, T0);
    const heard: DataChange[] = [];
    const stop = onDataChange((change) => heard.push(change));
    await updateNoteAnswer(note, 'x', T0, note.updatedAt - 1).catch(() => undefined);
    await updateNoteAnswer(note, '  ', T0, note.updatedAt).catch(() => undefined);
    stop();
    expect(heard).toEqual([]);
  });
});
