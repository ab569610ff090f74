import { describe, expect, it, vi } from 'vitest';
import {
  decryptBytes,
  decryptText,
  encryptBytes,
  encryptText,
  fromBase64,
  importDataKey,
  importPrivateKey,
  importPublicKey,
  openSealedText,
  randomBytes,
  sealText,
  toBase64,
  type Box,
} from '@/utils/lock/crypto';
import {
  newDataKeyBytes,
  newPassphraseKdf,
  newRecoveryKdf,
  newRecoveryKey,
  newSealingKeyPair,
  parseRecoveryKey,
  passphraseKey,
  PBKDF2_ITERATIONS,
  recoveryKey,
} from '@/utils/lock/secrets';

const ANSWER = 'Dat het zwak is om hulp te vragen. — 弱さ ✓';

/** Bytes of any length: getRandomValues fills at most 64 KiB at a time. */
function manyRandomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let start = 0; start < length; start += 65_536) bytes.set(randomBytes(Math.min(65_536, length - start)), start);
  return bytes;
}

/** The same base64 with one bit of byte `index` flipped (negative counts from the end). */
function flipBit(base64: string, index: number): string {
  const bytes = fromBase64(base64);
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = (bytes[at] ?? 0) ^ 0b0000_0100;
  return toBase64(bytes);
}

const newDataKey = () => importDataKey(newDataKeyBytes());

describe('base64', () => {
  it('round-trips every byte value and the empty array, as standard base64', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toBase64(all)).toBe(Buffer.from(all).toString('base64'));
    expect(fromBase64(toBase64(all))).toEqual(all);
    expect(toBase64(new Uint8Array(0))).toBe('');
    expect(fromBase64('')).toEqual(new Uint8Array(0));
    expect(toBase64(all.buffer)).toBe(toBase64(all));
  });

  it('round-trips 100 KB, larger than one slice', () => {
    const bytes = manyRandomBytes(100 * 1024);
    const text = toBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(text)).toEqual(bytes);
  });

  it('refuses text that is not base64', () => {
    expect(() => fromBase64('not base64!')).toThrow();
  });
});

describe('encrypting a record', () => {
  it('opens what it encrypted, text and bytes, with the same key and context', async () => {
    const key = await newDataKey();
    const box = await encryptText(key, ANSWER, 'note:a');
    expect(await decryptText(key, box, 'note:a')).toBe(ANSWER);
    const bytes = manyRandomBytes(1000);
    expect(await decryptBytes(key, await encryptBytes(key, bytes, 'x'), 'x')).toEqual(bytes);
  });

  it('uses a fresh 96-bit IV each time, so the same text never looks the same twice', async () => {
    const key = await newDataKey();
    const [first, second] = await Promise.all([encryptText(key, ANSWER, 'note:a'), encryptText(key, ANSWER, 'note:a')]);
    expect(fromBase64(first.iv)).toHaveLength(12);
    expect(first.iv).not.toBe(second.iv);
    expect(first.data).not.toBe(second.data);
    // Ciphertext plus GCM's 16-byte tag: the text itself is nowhere in the box.
    expect(fromBase64(first.data)).toHaveLength(new TextEncoder().encode(ANSWER).length + 16);
    expect(JSON.stringify(first)).not.toContain('hulp');
  });

  it('refuses another key', async () => {
    const box = await encryptText(await newDataKey(), ANSWER, 'note:a');
    await expect(decryptText(await newDataKey(), box, 'note:a')).rejects.toThrow();
  });

  it('refuses another context: a box moved to another record does not open', async () => {
    const key = await newDataKey();
    const box = await encryptText(key, ANSWER, 'note:a');
    await expect(decryptText(key, box, 'note:b')).rejects.toThrow();
    await expect(decryptText(key, box, 'prompt:a')).rejects.toThrow();
  });

  it.each<[string, (box: Box) => Box]>([
    ['the first byte of the ciphertext', (box) => ({ ...box, data: flipBit(box.data, 0) })],
    ['the last byte of the tag', (box) => ({ ...box, data: flipBit(box.data, -1) })],
    ['the IV', (box) => ({ ...box, iv: flipBit(box.iv, 5) })],
  ])('refuses a box with one bit flipped in %s', async (_, damage) => {
    const key = await newDataKey();
    const box = await encryptText(key, ANSWER, 'note:a');
    await expect(decryptText(key, damage(box), 'note:a')).rejects.toThrow();
    // The undamaged box still opens: the refusal is the damage, not the key.
    expect(await decryptText(key, box, 'note:a')).toBe(ANSWER);
  });

  it('imports the data key so that it cannot be exported again', async () => {
    const key = await newDataKey();
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });
});

describe('sealing a save made while locked', () => {
  it('opens with the private key what was sealed to the public key', async () => {
    const pair = await newSealingKeyPair();
    const box = await sealText(await importPublicKey(pair.publicKey), ANSWER, 'note:a');
    expect(JSON.stringify(box)).not.toContain('hulp');
    const privateKey = await importPrivateKey(pair.privateKey);
    expect(privateKey.extractable).toBe(false);
    expect(await openSealedText(privateKey, box, 'note:a')).toBe(ANSWER);
  });

  it('refuses another private key, another context and another ephemeral key', async () => {
    const [pair, other] = await Promise.all([newSealingKeyPair(), newSealingKeyPair()]);
    const publicKey = await importPublicKey(pair.publicKey);
    const [box, second] = await Promise.all([sealText(publicKey, ANSWER, 'note:a'), sealText(publicKey, 'second', 'note:a')]);
    expect(box.epk).not.toBe(second.epk);
    await expect(openSealedText(await importPrivateKey(other.privateKey), box, 'note:a')).rejects.toThrow();
    const privateKey = await importPrivateKey(pair.privateKey);
    await expect(openSealedText(privateKey, box, 'note:b')).rejects.toThrow();
    await expect(openSealedText(privateKey, { ...box, epk: second.epk }, 'note:a')).rejects.toThrow();
    await expect(openSealedText(privateKey, { ...box, data: flipBit(box.data, 3) }, 'note:a')).rejects.toThrow();
  });
});

/** Crockford's base32 in eight groups of four. */
const RECOVERY_FORMAT = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}(-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}){7}$/;

/** The recovery key of the bytes 0x00…0x13, worked out with RFC 4648 base32 mapped onto Crockford's alphabet. */
const KNOWN_BYTES = Uint8Array.from({ length: 20 }, (_, i) => i);
const KNOWN_TEXT = '000G-40R4-0M30-E209-185G-R38E-1W81-24GK';

describe('the recovery key', () => {
  it('reads as eight groups of four Crockford characters, and parses back to its bytes', () => {
    const key = newRecoveryKey();
    expect(key.text).toMatch(RECOVERY_FORMAT);
    expect(key.bytes).toHaveLength(20);
    expect(parseRecoveryKey(key.text)).toEqual(key.bytes);
  });

  it('is written as Crockford base32 of its bytes', () => {
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) array.set(KNOWN_BYTES.subarray(0, array.length));
      return array;
    });
    const key = newRecoveryKey();
    expect(key.bytes).toEqual(KNOWN_BYTES);
    expect(key.text).toBe(KNOWN_TEXT);
  });

  it('is new every time', () => {
    const [first, second] = [newRecoveryKey(), newRecoveryKey()];
    expect(first.text).not.toBe(second.text);
    expect(first.bytes).not.toEqual(second.bytes);
  });

  it.each([
    ['as shown', KNOWN_TEXT],
    ['in lower case', KNOWN_TEXT.toLowerCase()],
    ['with spaces instead of dashes', KNOWN_TEXT.replaceAll('-', ' ')],
    ['without dashes', KNOWN_TEXT.replaceAll('-', '')],
    ['with spaces around and line breaks', `  ${KNOWN_TEXT.slice(0, 19)}\n${KNOWN_TEXT.slice(20)}  `],
    ['with O for 0', KNOWN_TEXT.replaceAll('0', 'O')],
    ['with o for 0', KNOWN_TEXT.replaceAll('0', 'o')],
    ['with I for 1', KNOWN_TEXT.replaceAll('1', 'I')],
    ['with l for 1', KNOWN_TEXT.replaceAll('1', 'l')],
    ['with L for 1', KNOWN_TEXT.replaceAll('1', 'L')],
  ])('is accepted %s', (_, typed) => {
    expect(parseRecoveryKey(typed)).toEqual(KNOWN_BYTES);
  });

  it.each([
    ['empty', ''],
    ['one character short', KNOWN_TEXT.slice(0, -1)],
    ['one character long', `${KNOWN_TEXT}0`],
    ['a group short', KNOWN_TEXT.slice(0, 34)],
    ['with U, not in the alphabet', `U${KNOWN_TEXT.slice(1)}`],
    ['with a character outside base32', `${KNOWN_TEXT.slice(0, -1)}!`],
    ['standard base32 with padding', 'AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT'.slice(0, 24) + '========'],
  ])('is refused %s', (_, typed) => {
    expect(parseRecoveryKey(typed)).toBeUndefined();
  });

  it('derives a key that opens what it wrapped, from the stored salt', async () => {
    const recovery = newRecoveryKey();
    const kdf = newRecoveryKdf();
    const box = await encryptBytes(await recoveryKey(recovery.bytes, kdf), KNOWN_BYTES, 'wrap');
    const stored = JSON.parse(JSON.stringify(kdf)) as typeof kdf;
    const typed = parseRecoveryKey(recovery.text.toLowerCase());
    if (!typed) throw new Error('The recovery key did not parse');
    expect(await decryptBytes(await recoveryKey(typed, stored), box, 'wrap')).toEqual(KNOWN_BYTES);
    await expect(decryptBytes(await recoveryKey(newRecoveryKey().bytes, stored), box, 'wrap')).rejects.toThrow();
    await expect(decryptBytes(await recoveryKey(recovery.bytes, newRecoveryKdf()), box, 'wrap')).rejects.toThrow();
  });
});

describe('the passphrase', () => {
  it('is stretched with PBKDF2-SHA-256, at least 600,000 iterations and a new 128-bit salt each time', () => {
    const kdf = newPassphraseKdf();
    expect(kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256' });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(kdf.salt)).toHaveLength(16);
    expect(newPassphraseKdf().salt).not.toBe(kdf.salt);
  });

  it('gives, from the parameters read back, a key that opens what it wrapped, and that the parameters alone describe', async () => {
    const kdf = newPassphraseKdf();
    const box = await encryptBytes(await passphraseKey('correct horse', kdf), KNOWN_BYTES, 'wrap');
    const stored = JSON.parse(JSON.stringify(kdf)) as typeof kdf;
    expect(await decryptBytes(await passphraseKey('correct horse', stored), box, 'wrap')).toEqual(KNOWN_BYTES);
    await expect(decryptBytes(await passphraseKey('correct horsf', stored), box, 'wrap')).rejects.toThrow();

    // Any PBKDF2 given the stored hash, salt and iterations finds the same key: nothing else goes in.
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode('correct horse'), 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: stored.hash, salt: fromBase64(stored.salt), iterations: stored.iterations },
      material,
      256,
    );
    expect(await decryptBytes(await importDataKey(new Uint8Array(bits)), box, 'wrap')).toEqual(KNOWN_BYTES);
  });

  it('gives the same key however the passphrase is composed (NFC or NFD)', async () => {
    const composed = 'Crème brûlée in Zürich';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const kdf = newPassphraseKdf();
    const box = await encryptText(await passphraseKey(composed, kdf), ANSWER, 'wrap');
    expect(await decryptText(await passphraseKey(decomposed, kdf), box, 'wrap')).toBe(ANSWER);
  });
});
