/**
 * Opening the lock's keys and checking its record (utils/lock/keys.ts loads this only once a lock
 * is unlocked, so no page's first paint carries it; scripts/sizes.mjs): the data key's id, the
 * public key a private key holds, and the record's MAC, every step a WebCrypto primitive.
 */
import type { LockFields, LockKeys, LockRecord, LockRecordV2 } from '@/utils/model/lock';
import {
  decryptBytes,
  encoder,
  fromBase64,
  importDataKey,
  importPrivateKey,
  keyFingerprint,
  P256,
  PREVIOUS_KEY_CONTEXT,
  PRIVATE_KEY_CONTEXT,
  subtle,
  toBase64,
} from './crypto';
// Types only: keys.ts loads this module with import(), and a value imported back would tie them into one chunk.
import type { KeySet, OpenKeys } from './keys';

/** The raw public key (base64) that belongs to a P-256 private key, read from the key itself rather than trusted from storage. */
export async function publicKeyOf(pkcs8: Uint8Array<ArrayBuffer>): Promise<string> {
  const key = await subtle().importKey('pkcs8', pkcs8, P256, true, ['deriveBits']);
  const jwk = await subtle().exportKey('jwk', key);
  if (!jwk.x || !jwk.y) throw new Error('Not a P-256 private key');
  const base64url = (text: string) =>
    fromBase64(
      text
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(text.length / 4) * 4, '='),
    );
  const raw = new Uint8Array(65);
  raw[0] = 4;
  raw.set(base64url(jwk.x), 1);
  raw.set(base64url(jwk.y), 33);
  return toBase64(raw);
}

const RECORD_MAC_INFO = encoder.encode('adempauze lock record v2');
const KEY_ID_INFO = encoder.encode('adempauze key id');

/**
 * A data key's id: 96 bits of HKDF of its bytes, so the id a row names can always be checked against
 * the key itself, and an id changed in storage changes nothing. Says nothing about the key.
 */
export async function keyIdOf(dataKeyBytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const material = await subtle().importKey('raw', dataKeyBytes, 'HKDF', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: KEY_ID_INFO }, material, 96);
  return toBase64(bits);
}

/** The HMAC-SHA-256 key that authenticates the lock record: HKDF of the data key's bytes, so only an unlocked journal has it. */
export async function recordMacKey(dataKeyBytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', dataKeyBytes, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: RECORD_MAC_INFO },
    material,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign', 'verify'],
  );
}

export async function macText(key: CryptoKey, text: string): Promise<string> {
  return toBase64(await subtle().sign('HMAC', key, encoder.encode(text)));
}

/** Whether `mac` is the text's MAC; WebCrypto compares in constant time. False for a MAC that is not base64. */
export async function verifyMac(key: CryptoKey, mac: string, text: string): Promise<boolean> {
  try {
    return await subtle().verify('HMAC', key, fromBase64(mac), encoder.encode(text));
  } catch {
    return false;
  }
}

/** JSON with every object's keys sorted, so the same value always gives the same text to authenticate, however it was stored. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

async function openKeySet(dataKey: CryptoKey, privateKeyBox: LockKeys['privateKey'], keyId: string): Promise<KeySet> {
  const pkcs8 = await decryptBytes(dataKey, privateKeyBox, PRIVATE_KEY_CONTEXT);
  const [privateKey, sealedTo] = await Promise.all([importPrivateKey(pkcs8), publicKeyOf(pkcs8).then(keyFingerprint)]);
  return { dataKey, privateKey, keyId, sealedTo };
}

/**
 * The keys from the data key's bytes; rejects when they do not open `keys`' private key. Rows are
 * judged leniently (plain and earlier rows accepted) unless `rules` say otherwise: what a locked
 * backup, a file of rows as they were, needs.
 */
export async function openKeys(
  dataKeyBytes: Uint8Array<ArrayBuffer>,
  keys: LockKeys,
  rules: { readonly trustPlain: boolean; readonly legacyRows: boolean } = { trustPlain: true, legacyRows: true },
): Promise<OpenKeys> {
  // Key ids come from the keys themselves (keyIdOf), never from storage: an id changed there changes nothing.
  const [dataKey, macKey, keyId] = await Promise.all([importDataKey(dataKeyBytes), recordMacKey(dataKeyBytes), keyIdOf(dataKeyBytes)]);
  const current = await openKeySet(dataKey, keys.privateKey, keyId);
  let previous: KeySet | undefined;
  if (keys.previous) {
    const beforeBytes = await decryptBytes(dataKey, keys.previous.dataKey, PREVIOUS_KEY_CONTEXT);
    previous = await openKeySet(await importDataKey(beforeBytes), keys.previous.privateKey, await keyIdOf(beforeBytes));
  }
  return { ...current, macKey, previous, ...rules };
}

/** The text a record's MAC covers: every field but the MAC, in one canonical form. */
function macInput(fields: LockFields): string {
  const { state, keys, lockAfterMinutes, changedAt, legacyRows } = fields;
  return canonicalJson({ version: 2, state, keys, lockAfterMinutes, changedAt, legacyRows });
}

/** The record for `fields`, authenticated with `macKey`: what every step that changes the lock writes. */
export async function signLock(fields: LockFields, macKey: CryptoKey): Promise<LockRecordV2> {
  const { state, keys, lockAfterMinutes, changedAt, legacyRows } = fields;
  return { version: 2, state, keys, lockAfterMinutes, changedAt, legacyRows, mac: await macText(macKey, macInput(fields)) };
}

/** Whether a record is one the passphrase's holder wrote: a version-2 record whose MAC checks out. */
export async function lockChecksOut(record: LockRecord, macKey: CryptoKey): Promise<boolean> {
  if (record.version !== 2) return false;
  return verifyMac(macKey, record.mac, macInput(record));
}
