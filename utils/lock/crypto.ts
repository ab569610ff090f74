/**
 * The cryptography of records, every step of it a WebCrypto primitive; nothing here is made by hand.
 * (Making and opening the keys themselves, from a passphrase or the recovery key: secrets.ts.)
 *
 * - A random data key (AES-256-GCM) encrypts each record with a fresh 96-bit IV, every readable
 *   field of the record bound in as additional data (utils/db/cipher.ts), so a ciphertext moved
 *   onto another record, or an older one put back, does not open. Texts are padded to a size
 *   bucket first, so a ciphertext's length says little about the answer's.
 * - The lock record in storage.local is authenticated with HMAC-SHA-256, its key derived (HKDF)
 *   from the data key: only someone who had the passphrase can write one that checks out.
 * - Writing without the passphrase: a record is sealed to an ECDH P-256 public key (a fresh
 *   ephemeral key pair per record, HKDF-SHA-256 of the shared secret, AES-256-GCM). Only the
 *   private key, itself encrypted with the data key, opens it again.
 *
 * Keys used for records are imported non-extractable. The data key's bytes exist outside
 * WebCrypto only in memory: in storage.session while unlocked (utils/lock/keys.ts).
 */

export const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
export const encoder = new TextEncoder();
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

/** What every key of the lock is: AES-256-GCM, and ECDH on P-256 for sealing. */
export const AES_GCM = { name: 'AES-GCM', length: 256 } as const;
export const P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
const SEAL_INFO = encoder.encode('adempauze sealed box v1');

/** What the data key's wraps, the private key's box and a replaced data key's box are bound to (AES-GCM additional data). */
export const DATA_KEY_CONTEXT = 'adempauze data key';
export const PRIVATE_KEY_CONTEXT = 'adempauze private key';
export const PREVIOUS_KEY_CONTEXT = 'adempauze previous data key';

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  // In slices: String.fromCharCode(...all) overflows the stack for a large backup.
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The browser's own decoder where it has one (Chromium 140, Firefox 133). */
const nativeFromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64?.bind(Uint8Array);

/** Bytes from base64; throws on text that is not base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  // Opening 50,000 notes for the search index decodes each one's ciphertext: 65 ms natively in
  // Chromium against 400 ms through atob and a loop, a fifth of the JavaScript of opening them.
  if (nativeFromBase64) return nativeFromBase64(text);
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

/** The data key for records, from its bytes; it cannot be exported again. */
export function importDataKey(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('raw', bytes, AES_GCM, false, ['encrypt', 'decrypt']);
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

/** Seals bytes to a public key: anyone can seal, only the private key opens. */
export async function sealBytes(publicKey: CryptoKey, bytes: Uint8Array<ArrayBuffer>, context: string): Promise<SealedBox> {
  const ephemeral = await subtle().generateKey(P256, false, ['deriveBits']);
  const epk = new Uint8Array(await subtle().exportKey('raw', ephemeral.publicKey));
  const box = await encryptBytes(await sharedKey(ephemeral.privateKey, publicKey, epk), bytes, context);
  return { ...box, epk: toBase64(epk) };
}

export const sealText = (publicKey: CryptoKey, text: string, context: string): Promise<SealedBox> =>
  sealBytes(publicKey, encoder.encode(text), context);

/** Opens a sealed box with the private key; rejects like decryptText when anything is wrong. */
export async function openSealedText(privateKey: CryptoKey, box: SealedBox, context: string): Promise<string> {
  const epk = fromBase64(box.epk);
  const ephemeral = await subtle().importKey('raw', epk, P256, true, []);
  return decryptText(await sharedKey(privateKey, ephemeral, epk), box, context);
}

/**
 * The text's bytes padded with spaces to a size bucket: powers of two from 256 bytes, then whole
 * 16 KiB steps, so only the rough size of an answer shows through its ciphertext. JSON and the
 * texts read back trim nothing: callers pad JSON, whose trailing whitespace parses away.
 */
export function padded(text: string): Uint8Array<ArrayBuffer> {
  const bytes = encoder.encode(text);
  const STEP = 16_384;
  let size = 256;
  while (size < bytes.length && size < STEP) size *= 2;
  if (bytes.length > size) size = Math.ceil(bytes.length / STEP) * STEP;
  const out = new Uint8Array(size).fill(0x20);
  out.set(bytes);
  return out;
}

/** A short name for a public key (raw, base64): the first 16 bytes of its SHA-256, base64. */
export async function keyFingerprint(publicKey: string): Promise<string> {
  const digest = await subtle().digest('SHA-256', fromBase64(publicKey));
  return toBase64(new Uint8Array(digest).subarray(0, 16));
}
