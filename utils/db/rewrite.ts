/**
 * Rewriting the journal's database from scratch, so the browser's own files keep no earlier
 * version of any row: the last step of turning the lock on (utils/lock/lock.ts), once every row is
 * ciphertext.
 *
 * Why: Chromium keeps IndexedDB in LevelDB, where a row written over (plain → encrypted) stays in
 * the log and in the table files until a compaction drops it, which may be never in a small
 * journal. The one compaction a page can cause is the one Chromium runs over a database's key
 * range when that database is deleted. Measured (tests/e2e/lock-disk.spec.ts): one deletion is not
 * enough when the rows still sit in LevelDB's memory table, because LevelDB decides which levels to
 * compact before it writes that table out; deleting a scratch database first writes it out, and
 * the deletion of the journal's database then compacts its rows away. So: every row is copied
 * into a holding database, the scratch database is made and deleted, the journal's database is
 * deleted and made again, and the rows go back.
 *
 * A tab closed half-way loses nothing: the holding database is kept until the rows are back,
 * and the next run first puts back every held row the journal lacks (recoverHeld). A row saved by another page in
 * the moment between the last copy and the deletion would be lost; the copy is made a second time
 * just before the deletion to keep that moment to a few milliseconds.
 */
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { announceChange } from './changes';
import { closeDatabase, DB_NAME, openDatabase } from './connection';

/** Where the rows wait while the journal's database is deleted and made again (ciphertext only, under the lock). */
const HOLDING_NAME = `${DB_NAME}-rewrite`;
/** Made and deleted at once: its deletion makes Chromium write LevelDB's memory table to disk first. */
const SCRATCH_NAME = `${DB_NAME}-flush`;

interface HeldRow {
  readonly store: string;
  readonly key: IDBValidKey;
  readonly value: unknown;
}

function openHolding(): Promise<IDBPDatabase> {
  return openDB(HOLDING_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('rows');
    },
  });
}

/** Rows per record of the holding database: 50,000 rows make 50 writes there, not 50,000. */
const CHUNK = 1000;

/** Copies every row of the journal's database into the holding one, replacing what is there. */
async function holdRows(holding: IDBPDatabase): Promise<void> {
  const db = (await openDatabase()) as unknown as IDBPDatabase;
  const stores = [...db.objectStoreNames];
  const read = db.transaction(stores);
  const all = await Promise.all(
    stores.map(async (store) => {
      const [keys, values] = await Promise.all([read.objectStore(store).getAllKeys(), read.objectStore(store).getAll()]);
      return keys.map((key, i): HeldRow => ({ store, key, value: values[i] }));
    }),
  );
  await read.done;
  const rows = all.flat();
  const write = holding.transaction('rows', 'readwrite');
  const chunks = Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
  // A second copy replaces the first whole (clear first), so a row deleted in between is not brought back.
  await Promise.all([write.store.clear(), ...chunks.map((chunk, i) => write.store.put(chunk, i)), write.done]);
}

/**
 * A run cut off after the journal's database was deleted left its rows only here: they go back
 * first, each one the journal does not have again (a row saved since is newer), before anything
 * is copied over them.
 */
async function recoverHeld(holding: IDBPDatabase): Promise<void> {
  const rows = ((await holding.getAll('rows')) as HeldRow[][]).flat();
  if (rows.length === 0) return;
  const db = (await openDatabase()) as unknown as IDBPDatabase;
  const stores = [...db.objectStoreNames];
  const write = db.transaction(stores, 'readwrite');
  const present = new Map(
    await Promise.all(stores.map(async (store) => [store, new Set(await write.objectStore(store).getAllKeys())] as const)),
  );
  await Promise.all([
    ...rows
      .filter((row) => present.get(row.store) && !present.get(row.store)!.has(row.key))
      .map((row) => write.objectStore(row.store).put(row.value)),
    write.done,
  ]);
}

/** Writes the held rows back into the (new, empty) journal's database. */
async function restoreRows(holding: IDBPDatabase): Promise<void> {
  const rows = ((await holding.getAll('rows')) as HeldRow[][]).flat();
  const db = (await openDatabase()) as unknown as IDBPDatabase;
  const stores = [...db.objectStoreNames];
  const write = db.transaction(stores, 'readwrite');
  // Out-of-line keys are given back; the journal's stores all have key paths, so the row carries its key.
  await Promise.all([
    ...rows.filter((row) => stores.includes(row.store)).map((row) => write.objectStore(row.store).put(row.value)),
    write.done,
  ]);
}

/**
 * Deletes database `name` so that Chromium's LevelDB keeps none of its rows: a scratch database
 * made and deleted first writes LevelDB's memory table out, so the deletion's compaction reaches
 * every row (see above). Callers close their own connections first.
 */
export async function forgetDatabase(name: string): Promise<void> {
  await openDB(SCRATCH_NAME, 1).then((db) => db.close());
  await deleteDB(SCRATCH_NAME);
  await deleteDB(name);
}

/**
 * Rewrites the journal's database: the same rows, none of their earlier versions left in the
 * browser's files. Other pages' connections close when asked (connection.ts, `blocking`) and open
 * the new database on their next read; every page is told to read again.
 */
export async function rewriteDatabase(): Promise<void> {
  const holding = await openHolding();
  try {
    await recoverHeld(holding);
    await holdRows(holding);
    await holdRows(holding);
    await closeDatabase();
    await forgetDatabase(DB_NAME);
    await restoreRows(holding);
  } finally {
    holding.close();
  }
  await deleteDB(HOLDING_NAME);
  announceChange({ store: 'notes' });
  announceChange({ store: 'prompts' });
  announceChange({ store: 'events' });
}
