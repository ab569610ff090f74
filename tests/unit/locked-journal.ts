/** A browser whose journal lock is on, for the tests of backups made and imported under it. */
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase } from '@/utils/db/connection';
import { lockRecord, writeLock } from '@/utils/lock/keys';
import { createLockKeys } from '@/utils/lock/secrets';
import { startSession } from '@/utils/lock/lock';

export const PASSPHRASE = 'a long walk along the Amstel';

/** Turns the lock on with `passphrase`, the journal unlocked: what is written from now on is encrypted. Resolves to the recovery key. */
export async function turnOnLock(now: number, passphrase = PASSPHRASE): Promise<string> {
  const { keys, recoveryKey, dataKeyBytes } = await createLockKeys(passphrase);
  const record = lockRecord(keys, 'on', now);
  await writeLock(record);
  await startSession(dataKeyBytes, record);
  return recoveryKey;
}

/** Another browser, or this one after a reinstall: an empty database and empty extension storage, no lock. */
export async function freshBrowser(): Promise<void> {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  localStorage.clear();
}
