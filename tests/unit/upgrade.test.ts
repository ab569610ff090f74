import { describe, expect, it } from 'vitest';
import { createFixtureDatabase, DB_FIXTURES, notesDigest } from '../fixtures/db-fixture';
import { DB_NAME, DB_VERSION } from '@/utils/db/connection';
import { forEachNoteBatchWith } from '@/utils/db/note-batches';
import { readingKeys } from '@/utils/lock/keys';
import { listCustomPrompts } from '@/utils/db/prompts';
import { listPauseEvents } from '@/utils/db/events';

describe('a database from every earlier schema version', () => {
  it('has a fixture for every version before this one', () => {
    expect(DB_FIXTURES.map((fixture) => fixture.version)).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1));
  });

  for (const fixture of DB_FIXTURES) {
    it(`upgrades version ${fixture.version} to ${DB_VERSION} with the same notes and history`, async () => {
      await createFixtureDatabase(fixture);
      const rows = (name: string) => fixture.stores.find((store) => store.name === name)?.rows ?? [];

      // Read through the extension's own verbs, which open (and so upgrade) the database.
      const notes: object[] = [];
      await forEachNoteBatchWith(readingKeys, 17, (batch) => void notes.push(...batch));
      expect(await notesDigest(notes)).toEqual(await notesDigest(rows('notes')));
      expect(notes.length).toBeGreaterThan(0);
      expect(await listPauseEvents()).toHaveLength(rows('events').length);
      expect(await listCustomPrompts()).toEqual(rows('prompts'));

      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(DB_NAME);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual(['events', 'notes', 'promptPrefs', 'prompts']);
      db.close();
    });
  }
});
