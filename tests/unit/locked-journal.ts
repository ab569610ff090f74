/** A browser whose journal lock is on, for the tests of backups made and imported under it. */
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDatabase } from '@/utils/db/connection';
import { lockFields, readLock, requireKeys, writeLock } from '@/utils/lock/keys';
import { recordMacKey, signLock } from '@/utils/lock/open';
import { createLockKeys } from '@/utils/lock/secrets';
import { DEFAULT_LOCK_AFTER_MINUTES, type LockFields, type LockKeys, type LockRecordV1, type LockState } from '@/utils/model/lock';
import { startSession } from '@/utils/lock/lock';

export const PASSPHRASE = 'a long walk along the Amstel';

/** Turns the lock on with `passphrase`, the journal unlocked: what is written from now on is encrypted. Resolves to the recovery key. */
export async function turnOnLock(now: number, passphrase = PASSPHRASE): Promise<string> {
  const { keys, recoveryKey, dataKeyBytes } = await createLockKeys(passphrase, now);
  const record = await signLock(lockFields(keys, 'on', now), await recordMacKey(dataKeyBytes));
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

/** A lock record as releases before the authenticated record wrote it (version 1, no MAC). */
export function lockRecordV1(keys: LockKeys, state: LockState, now: number): LockRecordV1 {
  return { version: 1, state, keys, lockAfterMinutes: DEFAULT_LOCK_AFTER_MINUTES, changedAt: now };
}

/** Changes the stored lock as the unlocked journal itself would: the record signed again with its key. */
export async function rewriteLock(change: Partial<LockFields>): Promise<void> {
  const lock = await readLock();
  if (lock?.version !== 2) throw new Error('No authenticated lock to change');
  const keys = await requireKeys(lock);
  const { state, keys: lockKeys, lockAfterMinutes, changedAt, legacyRows } = lock;
  await writeLock(await signLock({ state, keys: lockKeys, lockAfterMinutes, changedAt, legacyRows, ...change }, keys.macKey));
}
