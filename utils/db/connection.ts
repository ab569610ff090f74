/**
 * The one module that opens IndexedDB and runs its upgrades. The verbs of each store live beside
 * it (notes.ts, events.ts, prompts.ts, snapshot.ts); nothing else touches the database.
 *
 * Schema changes go in a new `if (oldVersion < N)` block with DB_VERSION raised to N. Blocks that
 * have shipped are never edited: a person's database may be upgraded from any earlier version.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CustomPromptRow, NoteRow, PauseEvent, PromptPreference } from '@/utils/model/records';
import { StorageUnavailableError } from '@/utils/errors';

/** The database's name and version; exported for the upgrade tests and their fixtures (tests/fixtures). */
export const DB_NAME = 'adempauze';
export const DB_VERSION = 5;

/** The stores and indexes, typed with the rows of the model (utils/model/records.ts). */
export interface AdempauzeSchema extends DBSchema {
  notes: {
    key: string;
    value: NoteRow;
    indexes: {
      /** Newest-first paging; the id breaks ties between notes saved in the same millisecond. */
      'by-created': [number, string];
      /** Every answer to one prompt over time. */
      'by-prompt': [string, number];
      /** Only notes saved while the journal was locked (sealed), so an unlock finds them without reading the rest. */
      'by-sealed': string;
      /** Notes by when they last changed: what sync has to look at since its last run (utils/sync/engine.ts). */
      'by-updated': number;
    };
  };
  events: {
    key: string;
    value: PauseEvent;
    indexes: { 'by-at': number };
  };
  prompts: {
    key: string;
    value: CustomPromptRow;
  };
  promptPrefs: {
    key: string;
    value: PromptPreference;
  };
}

let connection: Promise<IDBPDatabase<AdempauzeSchema>> | undefined;

/**
 * The cached connection, opened on first use. Every way opening can fail becomes a rejected
 * StorageUnavailableError, and the next verb tries again: `indexedDB` missing, `open` throwing at
 * once (Firefox's private mode, "never remember history"), or the request failing later.
 */
export function openDatabase(): Promise<IDBPDatabase<AdempauzeSchema>> {
  // The executor turns a synchronous throw from indexedDB.open into a rejection.
  connection ??= new Promise<IDBPDatabase<AdempauzeSchema>>((resolve) =>
    resolve(
      openDB<AdempauzeSchema>(DB_NAME, DB_VERSION, {
        upgrade(db, oldVersion, _newVersion, transaction) {
          if (oldVersion < 1) {
            const notes = db.createObjectStore('notes', { keyPath: 'id' });
            notes.createIndex('by-created', ['createdAt', 'id']);
            notes.createIndex('by-prompt', ['promptId', 'createdAt']);
          }
          if (oldVersion < 2) {
            const events = db.createObjectStore('events', { keyPath: 'id' });
            events.createIndex('by-at', 'at');
          }
          if (oldVersion < 3) {
            db.createObjectStore('prompts', { keyPath: 'id' });
            db.createObjectStore('promptPrefs', { keyPath: 'promptId' });
          }
          if (oldVersion < 4) {
            // A row without `sealed` has no key in this index: it holds the sealed notes alone.
            transaction.objectStore('notes').createIndex('by-sealed', 'sealed.epk');
          }
          if (oldVersion < 5) {
            transaction.objectStore('notes').createIndex('by-updated', 'updatedAt');
          }
        },
        // A newer version of the extension (another tab after an update) wants to upgrade: step aside.
        blocking() {
          void closeDatabase();
        },
        // The browser closed the connection (storage cleared, disk failing): the next verb opens anew.
        terminated() {
          connection = undefined;
        },
      }),
    ),
  ).catch((error: unknown) => {
    connection = undefined;
    throw new StorageUnavailableError(error);
  });
  return connection;
}

/** Closes the cached connection; the next verb opens a new one. Exported for the tests, which start each from a closed database. */
export async function closeDatabase(): Promise<void> {
  // A verb may open a new connection while an earlier one is still closing: close that one too.
  while (connection) {
    const pending = connection;
    connection = undefined;
    (await pending.catch(() => undefined))?.close();
  }
}

/** Rolls back a transaction that may already have finished (aborted by the browser, or committed). */
export function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already finished: there is nothing left to roll back.
  }
}
