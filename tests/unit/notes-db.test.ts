import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { EmptyAnswerError, StorageUnavailableError, storageProblem } from '@/utils/errors';
import { addNote, countNotes, listNotesPage } from '@/utils/db/notes';
import { addPauseEvent, listPauseEvents } from '@/utils/db/events';
import { closeDatabase, DB_NAME, DB_VERSION } from '@/utils/db/connection';
import { forEachNoteBatchWith, middleNoteId } from '@/utils/db/note-batches';
import { mergeSnapshot, readSnapshot } from '@/utils/db/snapshot';
import { toNote, type NewNote, type Note } from '@/utils/model/records';
import { failOpenLater, fillDisk, refuseOpen, removeIndexedDB, watchConnections } from './storage-failures';

const NOTE: NewNote = {
  promptId: 'q-open-today',
  promptText: 'How can I consciously open myself up a little today?',
  promptKind: 'question',
  locale: 'en',
  answer: 'Tell Sam the meeting made me nervous.',
  source: 'popup',
};

async function addMany(count: number, start = 1_700_000_000_000): Promise<Note[]> {
  const notes: Note[] = [];
  for (let i = 0; i < count; i++) notes.push(await addNote({ ...NOTE, answer: `answer ${i}` }, start + i * 60_000));
  return notes;
}

describe('notes store', () => {
  it('creates its stores and indexes when upgrading from an empty database', async () => {
    expect(await countNotes()).toBe(0);
    await closeDatabase();
    const db = await openDB(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(['events', 'notes', 'promptPrefs', 'prompts']);
    const tx = db.transaction(['notes', 'events']);
    expect(tx.objectStore('notes').keyPath).toBe('id');
    expect([...tx.objectStore('notes').indexNames].sort()).toEqual(['by-created', 'by-prompt', 'by-sealed', 'by-updated']);
    expect([...tx.objectStore('events').indexNames]).toEqual(['by-at']);
    db.close();
  });

  it('records pause events and lists them oldest first from a moment on', async () => {
    await addPauseEvent('answered', 300, 'q-beliefs');
    await addPauseEvent('offered', 100);
    await addPauseEvent('expired', 200);
    expect((await listPauseEvents()).map((event) => event.type)).toEqual(['offered', 'expired', 'answered']);
    expect(await listPauseEvents(250)).toMatchObject([{ type: 'answered', at: 300, promptId: 'q-beliefs' }]);
  });

  it('adds a note with an id and both times, and counts it', async () => {
    const note = await addNote(NOTE, 1_700_000_000_000);
    expect(note).toMatchObject({ ...NOTE, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 });
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countNotes()).toBe(1);
    expect((await listNotesPage({ limit: 10 })).notes).toEqual([note]);
  });

  it.each(['', '   ', '\n\t \n'])('refuses the empty answer %j and stores nothing', async (answer) => {
    await expect(addNote({ ...NOTE, answer }, 1)).rejects.toBeInstanceOf(EmptyAnswerError);
    expect(await countNotes()).toBe(0);
  });

  it('stores a 100,000-character answer whole', async () => {
    const answer = 'ë'.repeat(99_999) + '.';
    await addNote({ ...NOTE, answer }, 1);
    const [stored] = (await listNotesPage({ limit: 1 })).notes;
    expect(stored?.answer).toHaveLength(100_000);
    expect(stored?.answer).toBe(answer);
  });

  it('pages newest first without gaps or repeats', async () => {
    const added = await addMany(23);
    const seen: Note[] = [];
    let page = await listNotesPage({ limit: 10 });
    seen.push(...page.notes);
    while (page.next) {
      page = await listNotesPage({ limit: 10, after: page.next });
      seen.push(...page.notes);
    }
    expect(seen.map((note) => note.id)).toEqual(added.reverse().map((note) => note.id));
    expect(page.next).toBeUndefined();
  });

  it('orders notes saved in the same millisecond consistently across pages', async () => {
    for (let i = 0; i < 5; i++) await addNote({ ...NOTE, answer: `same ${i}` }, 42);
    const first = await listNotesPage({ limit: 2 });
    const second = await listNotesPage({ limit: 10, after: first.next });
    const ids = [...first.notes, ...second.notes].map((note) => note.id);
    expect(new Set(ids).size).toBe(5);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it('says there is no next page when the last page is exactly full', async () => {
    await addMany(10);
    expect((await listNotesPage({ limit: 10 })).next).toBeUndefined();
  });

  it('reads every note once in batches, also as two halves cut at the middle id', async () => {
    const ids = (await addMany(45)).map((note) => note.id).sort();
    const read = async (range?: { from?: string; to?: string }) => {
      const batches: string[][] = [];
      await forEachNoteBatchWith(
        () => Promise.resolve('off'),
        10,
        (notes) => void batches.push(notes.map((note) => note.id)),
        range,
      );
      return batches;
    };
    const whole = await read();
    expect(whole.map((batch) => batch.length)).toEqual([10, 10, 10, 10, 5]);
    expect(whole.flat()).toEqual(ids);

    // Too few notes for two readers to pay: fewer than two batches each.
    expect(await middleNoteId(12)).toBeUndefined();
    const middle = await middleNoteId(10);
    expect(middle).toBe(ids[22]);
    const halves = [await read({ to: middle }), await read({ from: middle })];
    expect(halves.map((half) => half.flat().length)).toEqual([22, 23]);
    expect(halves.flat(2)).toEqual(ids);
  });

  it('passes over a damaged row instead of failing the whole list', async () => {
    const good = await addNote(NOTE, 10);
    await closeDatabase();
    const db = await openDB(DB_NAME, DB_VERSION);
    await db.put('notes', { id: 'broken', createdAt: 20, answer: 7 });
    db.close();
    expect((await listNotesPage({ limit: 10 })).notes).toEqual([good]);
  });

  it('narrows stored rows strictly', () => {
    const row: Note = { ...NOTE, id: 'a', createdAt: 1, updatedAt: 1 };
    expect(toNote(row)).toBe(row);
    expect(toNote({ ...row, locale: 'fr' })).toBeUndefined();
    expect(toNote({ ...row, promptKind: 'line' })).toBeUndefined();
    expect(toNote({ ...row, createdAt: Number.NaN })).toBeUndefined();
    expect(toNote({ ...row, source: undefined })).toBeUndefined();
    expect(toNote(null)).toBeUndefined();
    expect(toNote('note')).toBeUndefined();
  });

  it('closes its connection when a newer version needs the database', async () => {
    await addNote(NOTE, 1);
    // Another context upgrading would wait forever if this connection did not step aside.
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });
});

describe('notes store when storage fails', () => {
  it('rejects with StorageUnavailableError when the browser has no IndexedDB, and works once it has', async () => {
    const storage = await removeIndexedDB();
    const error = await addNote(NOTE, 1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(storageProblem(error)).toBe('unavailable');
    storage.restore();
    await addNote(NOTE, 2);
    expect(await countNotes()).toBe(1);
  });

  it.each(['InvalidStateError', 'SecurityError'] as const)(
    'turns %s thrown by indexedDB.open into StorageUnavailableError, and opens again on the next verb',
    async (name) => {
      const storage = await refuseOpen(name);
      const error = await listNotesPage({ limit: 1 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect((error as Error).cause).toMatchObject({ name });
      expect(storageProblem(error)).toBe('unavailable');
      storage.restore();
      expect(await listNotesPage({ limit: 1 })).toEqual({ notes: [] });
    },
  );

  it('reports an open request that fails later (VersionError) as unavailable', async () => {
    await failOpenLater();
    const error = await addPauseEvent('offered', 1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).cause).toMatchObject({ name: 'VersionError' });
    expect(storageProblem(error)).toBe('unavailable');
  });

  it('reports a full disk on write while reads go on working', async () => {
    const kept = await addNote(NOTE, 1);
    const disk = fillDisk();
    const error = await addNote({ ...NOTE, answer: 'no room' }, 2).catch((caught: unknown) => caught);
    expect(storageProblem(error)).toBe('full');
    expect((await listNotesPage({ limit: 10 })).notes).toEqual([kept]);
    disk.restore();
    await addNote({ ...NOTE, answer: 'room again' }, 3);
    expect(await countNotes()).toBe(2);
  });

  it('merges a backup all or nothing: a write refused halfway leaves the database as it was', async () => {
    const kept = await addNote(NOTE, 1);
    const rows: Note[] = Array.from({ length: 5 }, (_, i) => ({ ...kept, id: `imported-${i}`, createdAt: 10 + i, updatedAt: 10 + i }));
    // The third write is refused on the spot, after two were already queued in the transaction.
    const realPut = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!.value as (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) => IDBRequest<IDBValidKey>;
    let writes = 0;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++writes === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    await expect(mergeSnapshot({ notes: rows, events: [], prompts: [], promptPrefs: [] })).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    put.mockRestore();
    expect((await readSnapshot()).notes).toEqual([kept]);
  });

  it('opens a new connection after the browser closed the old one mid-session', async () => {
    const connections = watchConnections();
    const note = await addNote(NOTE, 1);
    connections.terminate();
    expect((await listNotesPage({ limit: 10 })).notes).toEqual([note]);
    expect(connections.opened()).toBe(2);
  });
});
