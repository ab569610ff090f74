/**
 * The lock's cryptography, every step of it a WebCrypto primitive; nothing here is made by hand.
 *
 * - A random data key (AES-256-GCM) encrypts each record with a fresh 96-bit IV, the record's id
 *   bound in as additional data, so a ciphertext moved onto another record does not open.
 * - The data key is kept wrapped (encrypted with AES-GCM) twice: by a key derived from the
 *   passphrase (PBKDF2-SHA-256) and by one derived from the recovery key (HKDF-SHA-256, which is
 *   enough for 160 random bits).
 * - Writing without the passphrase: a record is sealed to an ECDH P-256 public key (a fresh
 *   ephemeral key pair per record, HKDF-SHA-256 of the shared secret, AES-256-GCM). Only the
 *   private key, itself encrypted with the data key, opens it again.
 *
 * Keys used for records are imported non-extractable. The data key's bytes exist outside
 * WebCrypto only in memory: in storage.session while unlocked (utils/lock/keys.ts).
 */

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** AES-GCM ciphertext: its IV and the ciphertext with its tag, both base64. */
export interface Box {
  readonly iv: string;
  readonly data: string;
}

/** A box sealed to the public key: also the ephemeral public key it was sealed with (raw, base64). */
export interface SealedBox extends Box {
  readonly epk: string;
}

/** How a passphrase becomes a key; stored beside what it wraps, so a stronger function can replace it later. */
export interface PassphraseKdf {
  readonly name: 'PBKDF2';
  readonly hash: 'SHA-256';
  readonly iterations: number;
  readonly salt: string;
}

/** How the recovery key becomes a key. */
export interface RecoveryKdf {
  readonly name: 'HKDF';
  readonly hash: 'SHA-256';
  readonly salt: string;
}

/** OWASP's current floor for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;

const AES_GCM = { name: 'AES-GCM', length: 256 } as const;
const P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
const SEAL_INFO = encoder.encode('adempauze sealed box v1');
const RECOVERY_INFO = encoder.encode('adempauze recovery key v1');

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  // In slices: String.fromCharCode(...all) overflows the stack for a large backup.
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Bytes from base64; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** Encrypts bytes with an AES-GCM key and a fresh IV, `context` bound in as additional data. */
export async function encryptBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>, context: string): Promise<Box> {
  const iv = randomBytes(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, bytes);
  return { iv: toBase64(iv), data: toBase64(data) };
}

/** Opens a box; rejects when the key, the context or a single bit of the box is wrong (GCM's tag). */
export async function decryptBytes(key: CryptoKey, box: Box, context: string): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await subtle().decrypt(
    { name: 'AES-GCM', iv: fromBase64(box.iv), additionalData: encoder.encode(context) },
    key,
    fromBase64(box.data),
  );
  return new Uint8Array(plain);
}

export const encryptText = (key: CryptoKey, text: string, context: string): Promise<Box> =>
  encryptBytes(key, encoder.encode(text), context);

export async function decryptText(key: CryptoKey, box: Box, context: string): Promise<string> {
  return decoder.decode(await decryptBytes(key, box, context));
}

/** A new data key's bytes: 256 random bits. */
export const newDataKeyBytes = (): Uint8Array<ArrayBuffer> => randomBytes(32);

/** The data key for records, from its bytes; it cannot be exported again. */
export function importDataKey(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('raw', bytes, AES_GCM, false, ['encrypt', 'decrypt']);
}

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

export function importPublicKey(raw: string): Promise<CryptoKey> {
  return subtle().importKey('raw', fromBase64(raw), P256, true, []);
}

export function importPrivateKey(pkcs8: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('pkcs8', pkcs8, P256, false, ['deriveBits']);
}

/** The AES key two ECDH keys agree on, bound to the ephemeral public key it was made with. */
async function sharedKey(privateKey: CryptoKey, publicKey: CryptoKey, ephemeral: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const secret = await subtle().deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const material = await subtle().importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: ephemeral, info: SEAL_INFO }, material, AES_GCM, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** Seals text to a public key: anyone can seal, only the private key opens. */
export async function sealText(publicKey: CryptoKey, text: string, context: string): Promise<SealedBox> {
  const ephemeral = await subtle().generateKey(P256, false, ['deriveBits']);
  const epk = new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey));
  const box = await encryptText(await sharedKey(ephemeral.privateKey, publicKey, epk), text, context);
  return { ...box, epk: toBase64(epk) };
}

/** Opens a sealed box with the private key; rejects like decryptText when anything is wrong. */
export async function openSealedText(privateKey: CryptoKey, box: SealedBox, context: string): Promise<string> {
  const epk = fromBase64(box.epk);
  const ephemeral = await subtle().importKey('raw', epk, P256, true, []);
  return decryptText(await sharedKey(privateKey, ephemeral, epk), box, context);
}
