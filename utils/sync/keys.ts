/**
 * The sync key: 256 random bits that encrypt every file on the server, made by the first browser
 * that connects and wrapped for keys.json by the passphrase (PBKDF2, as the lock's) and by a
 * recovery key shown once. A second browser joins with either. The server never sees the key; the
 * passphrase never leaves the page it is typed in.
 */
import { decryptBytes, encryptBytes } from '@/utils/lock/crypto';
import { keyIdOf } from '@/utils/lock/open';
import {
  newDataKeyBytes,
  newPassphraseKdf,
  newRecoveryKdf,
  newRecoveryKey,
  parseRecoveryKey,
  passphraseKey,
  recoveryKey,
  type Secret,
} from '@/utils/lock/secrets';
import { FORMAT_VERSION, KEYS_FORMAT, type KeysFile } from './format';

const SYNC_KEY_CONTEXT = 'adempauze sync key';

/** A new sync key and its keys.json, wrapped by `passphrase` and a new recovery key (shown once). */
export async function createSyncKeys(
  passphrase: string,
  now: number,
): Promise<{ file: KeysFile; key: Uint8Array<ArrayBuffer>; recoveryKey: string }> {
  const key = newDataKeyBytes();
  const recovery = newRecoveryKey();
  const passphraseKdf = newPassphraseKdf();
  const recoveryKdf = newRecoveryKdf();
  const [byPassphrase, byRecovery, keyId] = await Promise.all([
    passphraseKey(passphrase, passphraseKdf).then((wrapping) => encryptBytes(wrapping, key, SYNC_KEY_CONTEXT)),
    recoveryKey(recovery.bytes, recoveryKdf).then((wrapping) => encryptBytes(wrapping, key, SYNC_KEY_CONTEXT)),
    keyIdOf(key),
  ]);
  const file: KeysFile = {
    format: KEYS_FORMAT,
    v: FORMAT_VERSION,
    keyId,
    createdAt: now,
    passphrase: { kdf: passphraseKdf, key: byPassphrase },
    recovery: { kdf: recoveryKdf, key: byRecovery },
  };
  return { file, key, recoveryKey: recovery.text };
}

/** The sync key, when `secret` opens keys.json and the key is the one it names; undefined otherwise. */
export async function openSyncKeys(file: KeysFile, secret: Secret): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    let key: Uint8Array<ArrayBuffer>;
    if ('passphrase' in secret)
      key = await decryptBytes(await passphraseKey(secret.passphrase, file.passphrase.kdf), file.passphrase.key, SYNC_KEY_CONTEXT);
    else {
      const bytes = parseRecoveryKey(secret.recoveryKey);
      if (!bytes) return undefined;
      key = await decryptBytes(await recoveryKey(bytes, file.recovery.kdf), file.recovery.key, SYNC_KEY_CONTEXT);
    }
    // A keys.json whose id is not its key's is not to be trusted with the files.
    return (await keyIdOf(key)) === file.keyId ? key : undefined;
  } catch {
    // GCM refuses the wrong passphrase or recovery key.
    return undefined;
  }
}
