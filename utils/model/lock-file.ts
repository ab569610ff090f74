/**
 * The lock's keys as a locked backup holds them (utils/model/backup.ts), checked by every size of
 * what a lock makes before any key is derived: a file from elsewhere may be crafted. Apart from
 * lock.ts because the journal's first paint reads the stored lock through that module.
 *
 * Refusals are `bytes` (and the iterations' `iterations`); utils/backup/backup.ts words them.
 */
import * as v from 'valibot';
import type { Problem } from './fields';
import { LockKeysSchema, SealedBoxSchema } from './lock';

// The sizes, in bytes, of what the lock's keys hold (utils/lock/crypto.ts, secrets.ts).
/** AES-GCM's nonce. */
const IV_BYTES = 12;
/** AES-GCM's tag, at the end of every ciphertext. */
const TAG_BYTES = 16;
/** A 256-bit data key, wrapped: the key and the tag. */
const WRAPPED_DATA_KEY_BYTES = 32 + TAG_BYTES;
/** A raw (uncompressed) P-256 public key: 0x04 and two coordinates of 32 bytes. */
const PUBLIC_KEY_BYTES = 65;
/** The KDF salts: 16 random bytes are made; up to 64 are taken, none shorter than NIST's 128 bits. */
const SALT_MIN_BYTES = 16;
const SALT_MAX_BYTES = 64;
/** The private key's PKCS #8 encoding differs a little by browser (138 bytes in Chromium), wrapped with the tag. */
const WRAPPED_PRIVATE_KEY_MAX_BYTES = 1024;

const code = (problem: Problem): Problem => problem;

/** The number of bytes standard, padded base64 (what btoa makes) stands for; undefined when it is not such base64. */
export function base64ByteLength(text: string): number | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return undefined;
  return (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
}

/** Well-formed base64 of `min` to `max` bytes, judged on the text, before anything is decoded. */
/* @__NO_SIDE_EFFECTS__ */
function base64Of(min: number, max = min) {
  return v.pipe(
    v.string(),
    v.check((text) => {
      const bytes = base64ByteLength(text);
      return bytes !== undefined && bytes >= min && bytes <= max;
    }, code('bytes')),
  );
}

const SALT = base64Of(SALT_MIN_BYTES, SALT_MAX_BYTES);
const IV = base64Of(IV_BYTES);
const PUBLIC_KEY = base64Of(PUBLIC_KEY_BYTES);
/** A wrapped data key: the nonce, and the key with the tag. */
const WRAPPED_DATA_KEY = v.object({ iv: IV, data: base64Of(WRAPPED_DATA_KEY_BYTES) });

// The stored shape (LockKeysSchema, with its iteration bounds) with every text field held to its size.
const { passphrase, recovery, privateKey, ...identity } = LockKeysSchema.entries;

/** The wrapped keys a locked backup carries, every field of the size a lock makes (and which key it is, as stored). */
export const FileLockKeysSchema = v.object({
  ...identity,
  passphrase: v.object({ kdf: v.object({ ...passphrase.entries.kdf.entries, salt: SALT }), key: WRAPPED_DATA_KEY }),
  recovery: v.object({ kdf: v.object({ ...recovery.entries.kdf.entries, salt: SALT }), key: WRAPPED_DATA_KEY }),
  publicKey: PUBLIC_KEY,
  privateKey: v.object({ ...privateKey.entries, iv: IV, data: base64Of(TAG_BYTES + 1, WRAPPED_PRIVATE_KEY_MAX_BYTES) }),
});

/**
 * What a locked backup's contents are sealed in: the nonce, the ephemeral public key, and a
 * ciphertext of at least its tag. Rows in the database keep SealedBoxSchema, read as long as they
 * can be shown.
 */
export const FileSealedBoxSchema = v.object({ ...SealedBoxSchema.entries, iv: IV, data: base64Of(TAG_BYTES, Infinity), epk: PUBLIC_KEY });

/**
 * The size, in words, that a field refused as `bytes` at `path` should have had (`12`, `16–64`),
 * known by the last two names of its place.
 */
export function expectedBytes(path: readonly unknown[]): string {
  const [parent, field] = path.slice(-2);
  if (field === 'iv') return String(IV_BYTES);
  if (field === 'epk' || field === 'publicKey') return String(PUBLIC_KEY_BYTES);
  if (field === 'salt') return `${SALT_MIN_BYTES}–${SALT_MAX_BYTES}`;
  if (parent === 'privateKey') return `${TAG_BYTES + 1}–${WRAPPED_PRIVATE_KEY_MAX_BYTES}`;
  if (parent === 'sealed') return `${TAG_BYTES}+`;
  return String(WRAPPED_DATA_KEY_BYTES);
}
