/**
 * What opens the lock, and the keys it opens: the passphrase (PBKDF2-SHA-256) and the recovery key
 * (160 random bits, HKDF-SHA-256) each wrap the same random data key; a new lock also gets its
 * sealing key pair. WebCrypto only. Loaded by the steps that need it (lock.ts, a locked backup),
 * never by a page that only reads or writes records (crypto.ts, keys.ts).
 */
import type { LockKeys } from '@/utils/model/lock';
import {
  AES_GCM,
  DATA_KEY_CONTEXT,
  decryptBytes,
  encoder,
  encryptBytes,
  fromBase64,
  importDataKey,
  P256,
  PRIVATE_KEY_CONTEXT,
  randomBytes,
  subtle,
  toBase64,
} from './crypto';
import { keyIdOf } from './open';

const RECOVERY_INFO = encoder.encode('adempauze recovery key v1');

/** How a passphrase becomes a key; stored beside what it wraps (utils/model/lock.ts), so a stronger function can replace it later. */
type PassphraseKdf = LockKeys['passphrase']['kdf'];
/** How the recovery key becomes a key. */
type RecoveryKdf = LockKeys['recovery']['kdf'];

/** OWASP's current floor for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;

/** A new data key's bytes: 256 random bits. */
export const newDataKeyBytes = (): Uint8Array<ArrayBuffer> => randomBytes(32);

export function newPassphraseKdf(): PassphraseKdf {
  return { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(randomBytes(16)) };
}

/** The key a passphrase stands for under `kdf`: the slow step of unlocking, by design. */
export async function passphraseKey(passphrase: string, kdf: PassphraseKdf): Promise<CryptoKey> {
  // The same passphrase typed on another keyboard or system may arrive composed differently.
  const material = await subtle().importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: kdf.hash, iterations: kdf.iterations, salt: fromBase64(kdf.salt) },
    material,
    AES_GCM,
    false,
    ['encrypt', 'decrypt'],
  );
}

export function newRecoveryKdf(): RecoveryKdf {
  return { name: 'HKDF', hash: 'SHA-256', salt: toBase64(randomBytes(16)) };
}

/** The key the recovery key's bytes stand for under `kdf`. */
export async function recoveryKey(bytes: Uint8Array<ArrayBuffer>, kdf: RecoveryKdf): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', bytes, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'HKDF', hash: kdf.hash, salt: fromBase64(kdf.salt), info: RECOVERY_INFO }, material, AES_GCM, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** Crockford's base32: no I, L, O or U, so a key copied by hand is not misread. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 160 random bits: 32 characters of base32, shown in groups of four. */
const RECOVERY_BYTES = 20;

/** A new recovery key: its bytes and how a person reads it (`7KQ2-M9XD-…`). */
export function newRecoveryKey(): { readonly bytes: Uint8Array<ArrayBuffer>; readonly text: string } {
  const bytes = randomBytes(RECOVERY_BYTES);
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return { bytes, text: text.match(/.{4}/g)?.join('-') ?? text };
}

/** The bytes of a recovery key as a person typed or pasted it (any case, spaces or dashes); undefined when it cannot be one. */
export function parseRecoveryKey(typed: string): Uint8Array<ArrayBuffer> | undefined {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== (RECOVERY_BYTES * 8) / 5) return undefined;
  const bytes = new Uint8Array(RECOVERY_BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    const digit = BASE32.indexOf(char);
    if (digit < 0) return undefined;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes[index++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return bytes;
}

/** A new key pair for sealing: the public key (raw, base64) and the private key's PKCS #8 bytes. */
export async function newSealingKeyPair(): Promise<{ readonly publicKey: string; readonly privateKey: Uint8Array<ArrayBuffer> }> {
  const pair = await subtle().generateKey(P256, true, ['deriveBits']);
  const [publicKey, privateKey] = await Promise.all([
    subtle().exportKey('raw', pair.publicKey),
    subtle().exportKey('pkcs8', pair.privateKey),
  ]);
  return { publicKey: toBase64(publicKey), privateKey: new Uint8Array(privateKey) };
}

/** Something that opens the lock: the passphrase, or the recovery key as the person typed it. */
export type Secret = { readonly passphrase: string } | { readonly recoveryKey: string };

/** The data key's bytes, when `secret` opens `keys`; undefined when it does not. Also what opens a locked backup. */
export async function unwrapDataKey(keys: LockKeys, secret: Secret): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    if ('passphrase' in secret)
      return await decryptBytes(await passphraseKey(secret.passphrase, keys.passphrase.kdf), keys.passphrase.key, DATA_KEY_CONTEXT);
    const bytes = parseRecoveryKey(secret.recoveryKey);
    if (!bytes) return undefined;
    return await decryptBytes(await recoveryKey(bytes, keys.recovery.kdf), keys.recovery.key, DATA_KEY_CONTEXT);
  } catch {
    // GCM refuses a wrong key: the only way this fails with well-formed keys.
    return undefined;
  }
}

/** The data key's bytes wrapped by a passphrase (a new salt each time). */
export async function wrapForPassphrase(dataKeyBytes: Uint8Array<ArrayBuffer>, passphrase: string): Promise<LockKeys['passphrase']> {
  const kdf = newPassphraseKdf();
  return { kdf, key: await encryptBytes(await passphraseKey(passphrase, kdf), dataKeyBytes, DATA_KEY_CONTEXT) };
}

/** A new sealing key pair, its private key encrypted with `dataKey`. */
export async function newSealingKeys(dataKey: CryptoKey): Promise<Pick<LockKeys, 'publicKey' | 'privateKey'>> {
  const pair = await newSealingKeyPair();
  return { publicKey: pair.publicKey, privateKey: await encryptBytes(dataKey, pair.privateKey, PRIVATE_KEY_CONTEXT) };
}

/**
 * A new lock, or a new key for one (made at `now`): fresh keys, wrapped by `passphrase` and by a
 * new recovery key, shown once.
 */
export async function createLockKeys(
  passphrase: string,
  now: number,
): Promise<{ keys: LockKeys; recoveryKey: string; dataKeyBytes: Uint8Array<ArrayBuffer> }> {
  const dataKeyBytes = newDataKeyBytes();
  const recovery = newRecoveryKey();
  const recoveryKdf = newRecoveryKdf();
  const [passphraseWrap, recoveryWrap, pair, dataKey] = await Promise.all([
    wrapForPassphrase(dataKeyBytes, passphrase),
    recoveryKey(recovery.bytes, recoveryKdf).then((key) => encryptBytes(key, dataKeyBytes, DATA_KEY_CONTEXT)),
    newSealingKeyPair(),
    importDataKey(dataKeyBytes),
  ]);
  const keys: LockKeys = {
    passphrase: passphraseWrap,
    recovery: { kdf: recoveryKdf, key: recoveryWrap },
    publicKey: pair.publicKey,
    privateKey: await encryptBytes(dataKey, pair.privateKey, PRIVATE_KEY_CONTEXT),
    keyId: await keyIdOf(dataKeyBytes),
    createdAt: now,
  };
  return { keys, recoveryKey: recovery.text, dataKeyBytes };
}
