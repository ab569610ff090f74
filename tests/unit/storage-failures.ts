/**
 * The ways IndexedDB fails in the field, simulated on fake-indexeddb. Each returns a way to bring
 * storage back, so a test can show that a retry works once it does.
 */
import { forceCloseDatabase } from 'fake-indexeddb';
import { openDB } from 'idb';
import { vi } from 'vitest';
import { closeDatabase, DB_NAME, DB_VERSION } from '@/utils/db/connection';

/** The browser has no IndexedDB at all. */
export async function removeIndexedDB(): Promise<{ restore: () => void }> {
  await closeDatabase();
  const factory = globalThis.indexedDB;
  Reflect.deleteProperty(globalThis, 'indexedDB');
  return { restore: () => void (globalThis.indexedDB = factory) };
}

/**
 * `indexedDB.open` throws at once, as in Firefox's private mode or with "never remember history"
 * (InvalidStateError, SecurityError). Any open connection is closed first, as at a page's start.
 */
export async function refuseOpen(name: 'InvalidStateError' | 'SecurityError' = 'InvalidStateError'): Promise<{ restore: () => void }> {
  // Refused first, then closed: a page still reading in the background cannot open a new connection in between.
  const spy = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
    throw new DOMException('The operation is insecure.', name);
  });
  await closeDatabase();
  return { restore: () => spy.mockRestore() };
}

/**
 * The open request fails later, with an error event: a database left on disk by a newer version
 * of the extension (VersionError), which no retry fixes until it is gone.
 */
export async function failOpenLater(): Promise<{ restore: () => Promise<void> }> {
  await closeDatabase();
  (await openDB(DB_NAME, DB_VERSION + 1)).close();
  return {
    restore: async () => {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(DB_NAME);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    },
  };
}

/** The device is full: every write is refused with QuotaExceededError; reads still work. */
export function fillDisk(): { restore: () => void } {
  const refuse = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  const spies = [
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(refuse),
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(refuse),
  ];
  return { restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

/**
 * Watches the connections the app opens, to close them the way a browser does when storage is
 * cleared or the disk fails mid-session: with a "close" event (idb's `terminated`).
 */
export function watchConnections(): { terminate: () => void; opened: () => number } {
  const requests: IDBOpenDBRequest[] = [];
  const open = indexedDB.open.bind(indexedDB);
  vi.spyOn(indexedDB, 'open').mockImplementation((name, version) => {
    const request = open(name, version);
    requests.push(request);
    return request;
  });
  return {
    terminate: () => {
      const latest = requests.at(-1);
      if (!latest) throw new Error('No connection was opened.');
      // fake-indexeddb's types ask for the class where the function takes a connection.
      forceCloseDatabase(latest.result as unknown as Parameters<typeof forceCloseDatabase>[0]);
    },
    opened: () => requests.length,
  };
}
