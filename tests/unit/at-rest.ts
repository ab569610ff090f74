/** What the extension leaves at rest, read past every verb: for checking what the journal lock keeps off the disk. */
import { openDB } from 'idb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase, DB_NAME, DB_VERSION, openDatabase } from '@/utils/db/connection';

/** Every row of a store exactly as IndexedDB holds it, in key order. */
export async function readRawRows(store: 'notes' | 'prompts'): Promise<Record<string, unknown>[]> {
  // Opened through the extension first, so every store exists at this version.
  await openDatabase();
  await closeDatabase();
  const db = await openDB(DB_NAME, DB_VERSION);
  const rows = (await db.getAll(store)) as Record<string, unknown>[];
  db.close();
  return rows;
}

/** Everything written to disk outside IndexedDB, as one text: storage.local, storage.sync and the page's localStorage. */
export async function diskText(): Promise<string> {
  const page: Record<string, string | null> = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key !== null) page[key] = localStorage.getItem(key);
  }
  const [local, sync] = await Promise.all([fakeBrowser.storage.local.get(null), fakeBrowser.storage.sync.get(null)]);
  return JSON.stringify({ local, sync, page });
}

/** What the browser keeps in memory for this session only (storage.session), as one text. */
export async function sessionText(): Promise<string> {
  return JSON.stringify(await fakeBrowser.storage.session.get(null));
}

/** Every draft row as the drafts' own database holds it (utils/storage/draft-store.ts), as one text. */
export async function draftStoreText(): Promise<string> {
  if (!(await indexedDB.databases()).some((db) => db.name === 'adempauze-drafts')) return '';
  const db = await openDB('adempauze-drafts');
  const rows = db.objectStoreNames.contains('drafts') ? await db.getAll('drafts') : [];
  db.close();
  return JSON.stringify(rows);
}
