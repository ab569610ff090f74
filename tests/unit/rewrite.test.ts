// The journal's database written anew at lock-on (utils/db/rewrite.ts): the same rows after it,
// and none lost when a run is cut off after the database was deleted.
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { addNote, getNotes } from '@/utils/db/notes';
import { listCustomPrompts, putCustomPrompt } from '@/utils/db/prompts';
import { rewriteDatabase } from '@/utils/db/rewrite';
import { closeDatabase, DB_NAME } from '@/utils/db/connection';
import { readRawRows } from './at-rest';
import { SAMPLE_NOTE } from './sample-note';

const T0 = Date.UTC(2026, 11, 6, 9);

describe('rewriting the database', () => {
  it('keeps every row exactly, and leaves no holding database behind', async () => {
    const notes = [];
    for (let i = 0; i < 2500; i++) notes.push(await addNote({ ...SAMPLE_NOTE, answer: `Answer ${i}` }, T0 + i));
    await putCustomPrompt({ id: 'c-own', text: 'My own question', createdAt: T0, updatedAt: T0 });
    const before = await readRawRows('notes');
    await rewriteDatabase();
    expect(await readRawRows('notes')).toEqual(before);
    expect(await getNotes(notes.map((note) => note.id))).toEqual(notes);
    expect((await listCustomPrompts()).map((prompt) => prompt.text)).toEqual(['My own question']);
    expect((await indexedDB.databases()).map((db) => db.name).sort()).toEqual([DB_NAME]);
  });

  it('puts back the rows a run cut off after deleting the database held, beside a note saved since', async () => {
    const lost = await addNote({ ...SAMPLE_NOTE, answer: 'Only in the holding copy' }, T0);
    const [row] = await readRawRows('notes');
    // What a tab closed between the deletion and the refill leaves: the rows held, the journal empty.
    const holding = await openDB(`${DB_NAME}-rewrite`, 1, { upgrade: (db) => void db.createObjectStore('rows') });
    await holding.put('rows', [{ store: 'notes', key: lost.id, value: row }], 0);
    holding.close();
    await closeDatabase();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('not deleted'));
    });
    const since = await addNote({ ...SAMPLE_NOTE, answer: 'Saved since' }, T0 + 1);

    await rewriteDatabase();
    expect(await getNotes([lost.id, since.id])).toEqual([lost, since]);
  });
});
