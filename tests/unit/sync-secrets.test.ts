/**
 * Sync's app password and key in this browser follow the lock: encrypted with its data key while it
 * is on (read raw, no byte of them is readable), unreadable while locked, brought to a new key when
 * the key is replaced, and plain again when the lock is removed.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JournalLockedError } from '@/utils/errors';
import { toBase64 } from '@/utils/lock/crypto';
import { changePassphrase, createLock, lockNow, resume, startRemovingLock } from '@/utils/lock/lock';
import { readSyncSecrets, SYNC_SECRETS_KEY, writeSyncSecrets } from '@/utils/sync/store';
import { PASSPHRASE } from './locked-journal';

const T0 = Date.UTC(2026, 11, 1, 9);
const PASSWORD = 'APPPASSWORD-7QX';
const KEY = new Uint8Array(32).fill(7);

/** storage.local's item as stored, as text: what a copy of the profile would hold. */
async function raw(): Promise<string> {
  return JSON.stringify((await fakeBrowser.storage.local.get(SYNC_SECRETS_KEY))[SYNC_SECRETS_KEY]);
}

describe('sync secrets under the lock', () => {
  it('are plain without a lock, encrypted when it is turned on, and plain again when it is removed', async () => {
    await writeSyncSecrets({ password: PASSWORD, key: KEY });
    expect(await raw()).toContain(PASSWORD);

    await createLock(PASSPHRASE, T0);
    await resume(() => undefined);
    expect(await raw()).not.toContain(PASSWORD);
    expect(await raw()).not.toContain(toBase64(KEY));
    expect(await readSyncSecrets()).toEqual({ password: PASSWORD, key: KEY });

    await lockNow();
    await expect(readSyncSecrets()).rejects.toThrow(JournalLockedError);
  });

  it('follow a replaced key, and go plain with the lock', async () => {
    await createLock(PASSPHRASE, T0);
    await resume(() => undefined);
    await writeSyncSecrets({ password: PASSWORD, key: KEY });
    const before = await raw();
    expect(before).not.toContain(PASSWORD);

    await changePassphrase({ passphrase: PASSPHRASE }, `${PASSPHRASE} again`, T0 + 1, { replaceKey: true });
    await resume(() => undefined);
    expect(await raw()).not.toEqual(before);
    expect(await raw()).not.toContain(PASSWORD);
    expect(await readSyncSecrets()).toEqual({ password: PASSWORD, key: KEY });

    await startRemovingLock({ passphrase: `${PASSPHRASE} again` }, T0 + 2);
    await resume(() => undefined);
    expect(await raw()).toContain(PASSWORD);
    expect(await readSyncSecrets()).toEqual({ password: PASSWORD, key: KEY });
  });
});
