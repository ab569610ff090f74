/**
 * The shapes of the lock (utils/lock/): what storage.local keeps about it, and how an encrypted
 * record holds its ciphertext. The key material stored here is all wrapped or public: without the
 * passphrase or the recovery key it opens nothing.
 */
import * as v from 'valibot';
import { TIME, type Problem } from './fields';

/** AES-GCM ciphertext (utils/lock/crypto.ts, Box). */
export const BoxSchema = v.object({ iv: v.string(), data: v.string() });
/** Ciphertext sealed to the public key (SealedBox). */
export const SealedBoxSchema = v.object({ iv: v.string(), data: v.string(), epk: v.string() });

/**
 * The PBKDF2 iteration counts a lock may ask for. Deriving is the one step whose cost a file sets,
 * and it runs before anything can be checked by decryption, so a crafted locked backup (or stored
 * record) asking for two billion rounds would hold the page for many minutes. 100,000 is the floor
 * the lock always had; 10,000,000 is about 16 times what it uses today (600,000, OWASP's figure),
 * room for that figure to grow for years, and still a few seconds of deriving at most.
 */
export const PBKDF2_ITERATIONS_MIN = 100_000;
export const PBKDF2_ITERATIONS_MAX = 10_000_000;

/** The sizes, in bytes, of what the lock's keys hold (utils/lock/crypto.ts, secrets.ts). */
export const KEY_BYTES = {
  /** AES-GCM's nonce. */
  iv: 12,
  /** AES-GCM's tag, at the end of every ciphertext. */
  tag: 16,
  /** A 256-bit data key, wrapped: the key and the tag. */
  wrappedDataKey: 32 + 16,
  /** A raw (uncompressed) P-256 public key: 0x04 and two coordinates of 32 bytes. */
  publicKey: 65,
  /** The KDF salts: 16 random bytes are made; up to 64 are taken, none shorter than NIST's 128 bits. */
  saltMin: 16,
  saltMax: 64,
  /** The private key's PKCS #8 encoding differs a little by browser (138 bytes in Chromium), wrapped with the tag. */
  wrappedPrivateKeyMax: 1024,
} as const;

const code = (problem: Problem): Problem => problem;

/** The number of bytes standard, padded base64 (what btoa makes) stands for; undefined when it is not such base64. */
export function base64ByteLength(text: string): number | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/**
 * Well-formed base64 of `min` to `max` bytes, checked on the text before anything is decoded or
 * derived; a refusal is `bytes`, with the expected size (`12`, `16–64`) for the words.
 */
/* @__NO_SIDE_EFFECTS__ */
function base64Of(min: number, max: number = min) {
  return v.pipe(
    v.string(),
    v.rawCheck<string>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const bytes = base64ByteLength(dataset.value);
      if (bytes === undefined || bytes < min || bytes > max)
        addIssue({ message: code('bytes'), expected: min === max ? String(min) : max === Infinity ? `${min}+` : `${min}–${max}` });
    }),
  );
}

/** A salt of a key derivation. */
const SALT = base64Of(KEY_BYTES.saltMin, KEY_BYTES.saltMax);
/** A wrapped key: AES-GCM's nonce, and the key with the tag. */
const keyBox = (minData: number, maxData: number) => v.object({ iv: base64Of(KEY_BYTES.iv), data: base64Of(minData, maxData) });

/**
 * What a locked backup's contents are sealed in, held to its sizes: the nonce, the ephemeral
 * public key, and a ciphertext of at least its tag. Rows in the database keep SealedBoxSchema,
 * read as long as they can be shown.
 */
export const FileSealedBoxSchema = v.object({
  iv: base64Of(KEY_BYTES.iv),
  data: base64Of(KEY_BYTES.tag, Infinity),
  epk: base64Of(KEY_BYTES.publicKey),
});

/**
 * The wrapped keys: enough, with the passphrase or the recovery key, to read every record. A locked
 * backup carries them too. Every parameter and size is bounded, so a stored record or an imported
 * file that asks for more work than a lock ever makes, or holds keys of the wrong size, is refused
 * by the model before any key is derived.
 */
export const LockKeysSchema = v.object({
  passphrase: v.object({
    kdf: v.object({
      name: v.literal('PBKDF2'),
      hash: v.literal('SHA-256'),
      iterations: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(PBKDF2_ITERATIONS_MIN, code('iterations')),
        v.maxValue(PBKDF2_ITERATIONS_MAX, code('iterations')),
      ),
      salt: SALT,
    }),
    /** The data key, encrypted with the passphrase's key. */
    key: keyBox(KEY_BYTES.wrappedDataKey, KEY_BYTES.wrappedDataKey),
  }),
  recovery: v.object({
    kdf: v.object({ name: v.literal('HKDF'), hash: v.literal('SHA-256'), salt: SALT }),
    /** The data key, encrypted with the recovery key's key. */
    key: keyBox(KEY_BYTES.wrappedDataKey, KEY_BYTES.wrappedDataKey),
  }),
  /** Raw P-256 public key, base64: what a save while locked is sealed to. */
  publicKey: base64Of(KEY_BYTES.publicKey),
  /** The matching private key (PKCS #8), encrypted with the data key. */
  privateKey: keyBox(KEY_BYTES.tag + 1, KEY_BYTES.wrappedPrivateKeyMax),
});

/**
 * Where turning the lock on or off stands. Every record says itself whether it is plain or
 * encrypted, so a half-done change loses nothing; this only tells the next start what to finish.
 */
const LOCK_STATES = ['turning-on', 'on', 'turning-off'] as const;
export type LockState = (typeof LOCK_STATES)[number];

/** Minutes without use after which an unlocked journal locks again: what the Privacy section offers. */
export const LOCK_AFTER_CHOICES = [5, 15, 30, 60, 240] as const;
export const DEFAULT_LOCK_AFTER_MINUTES = 15;

const LockRecordSchema = v.object({
  version: v.literal(1),
  state: v.picklist(LOCK_STATES),
  keys: LockKeysSchema,
  lockAfterMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60)),
  changedAt: TIME,
});

export type LockKeys = v.InferOutput<typeof LockKeysSchema>;
export type LockRecord = v.InferOutput<typeof LockRecordSchema>;

/** The lock as stored, or undefined when the stored value is not one (then the lock reads as damaged, never as off). */
export function parseLockRecord(value: unknown): LockRecord | undefined {
  const result = v.safeParse(LockRecordSchema, value);
  return result.success ? result.output : undefined;
}
