/**
 * The shapes of the lock (utils/lock/): what storage.local keeps about it, and how an encrypted
 * record holds its ciphertext. The key material stored here is all wrapped or public: without the
 * passphrase or the recovery key it opens nothing.
 */
import * as v from 'valibot';
import { TIME, type Problem } from './fields';

/**
 * AES-GCM ciphertext (utils/lock/crypto.ts, Box). A record's box written since the lock binds all
 * of the record's readable fields says so with `v: 2` and names the data key it is under (`kid`);
 * a box without them was written by an earlier release, bound to the record's id alone.
 */
export const BoxSchema = v.object({ iv: v.string(), data: v.string(), v: v.optional(v.literal(2)), kid: v.optional(v.string()) });
/** Ciphertext sealed to the public key (SealedBox); `to` names the public key it was sealed to (its fingerprint). */
export const SealedBoxSchema = v.object({
  iv: v.string(),
  data: v.string(),
  epk: v.string(),
  v: v.optional(v.literal(2)),
  to: v.optional(v.string()),
});

/**
 * The PBKDF2 iteration counts a lock may ask for. Deriving is the one step whose cost the stored
 * lock or a file sets, and it runs before anything can be checked by decryption, so a crafted
 * locked backup (or stored record) asking for two billion rounds would hold the page for many
 * minutes. 100,000 is the floor the lock always had; 10,000,000 is about 16 times what it uses
 * today (600,000, OWASP's figure), room for that figure to grow for years, and still only seconds
 * of deriving (600,000 take about 0.2 s in the benchmark).
 */
export const PBKDF2_ITERATIONS_MIN = 100_000;
export const PBKDF2_ITERATIONS_MAX = 10_000_000;

/**
 * The wrapped keys: enough, with the passphrase or the recovery key, to read every record. The
 * journal's first paint reads them (utils/lock/keys.ts), so beyond the iteration bounds, fields
 * are only text here: one that is not what it should be fails at decryption, after a derivation
 * those bounds keep short. A locked backup from elsewhere is held to every size
 * (utils/model/lock-file.ts, FileLockKeysSchema) before anything is derived.
 */
export const LockKeysSchema = v.object({
  passphrase: v.object({
    kdf: v.object({
      name: v.literal('PBKDF2'),
      hash: v.literal('SHA-256'),
      iterations: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(PBKDF2_ITERATIONS_MIN, 'iterations' satisfies Problem),
        v.maxValue(PBKDF2_ITERATIONS_MAX, 'iterations' satisfies Problem),
      ),
      salt: v.string(),
    }),
    /** The data key, encrypted with the passphrase's key. */
    key: BoxSchema,
  }),
  recovery: v.object({
    kdf: v.object({ name: v.literal('HKDF'), hash: v.literal('SHA-256'), salt: v.string() }),
    /** The data key, encrypted with the recovery key's key. */
    key: BoxSchema,
  }),
  /** Raw P-256 public key, base64: what a save while locked is sealed to. */
  publicKey: v.string(),
  /** The matching private key (PKCS #8), encrypted with the data key. */
  privateKey: BoxSchema,
  /** Which data key this is (random, base64), so every row and a locked backup can say which key it is under; absent before keys had one. */
  keyId: v.optional(v.string()),
  /** When this data key was made: shown when a locked backup is imported. */
  createdAt: v.optional(TIME),
  /**
   * While the data key is being replaced: the key before, encrypted with the new data key (so only
   * the new passphrase opens it), and its sealing key pair, until every row is under the new key.
   */
  previous: v.optional(
    v.object({
      keyId: v.string(),
      dataKey: BoxSchema,
      publicKey: v.string(),
      privateKey: BoxSchema,
    }),
  ),
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

const LOCK_AFTER = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60));

/** The lock as releases before the authenticated record stored it: read, and upgraded at the next unlock. */
const LockRecordV1Schema = v.object({
  version: v.literal(1),
  state: v.picklist(LOCK_STATES),
  keys: LockKeysSchema,
  lockAfterMinutes: LOCK_AFTER,
  changedAt: TIME,
});

/**
 * The lock record: everything in it, the keys too, authenticated by `mac` (HMAC-SHA-256 with a key
 * derived from the data key, utils/lock/record.ts), so nothing written to storage.local without
 * the passphrase is acted on. `legacyRows` says whether rows bound the earlier way (to their id
 * alone) may still be read; it turns false, for good, once every row has been re-encrypted.
 */
const LockRecordV2Schema = v.object({
  version: v.literal(2),
  state: v.picklist(LOCK_STATES),
  keys: LockKeysSchema,
  lockAfterMinutes: LOCK_AFTER,
  changedAt: TIME,
  legacyRows: v.boolean(),
  mac: v.string(),
});

const LockRecordSchema = v.union([LockRecordV1Schema, LockRecordV2Schema]);

export type LockKeys = v.InferOutput<typeof LockKeysSchema>;
export type LockRecordV1 = v.InferOutput<typeof LockRecordV1Schema>;
export type LockRecordV2 = v.InferOutput<typeof LockRecordV2Schema>;
export type LockRecord = LockRecordV1 | LockRecordV2;
/** A record's fields before they are authenticated (the mac is added by utils/lock/record.ts). */
export type LockFields = Omit<LockRecordV2, 'version' | 'mac'>;

/** The lock as stored, or undefined when the stored value is not one (then the lock reads as damaged, never as off). */
export function parseLockRecord(value: unknown): LockRecord | undefined {
  const result = v.safeParse(LockRecordSchema, value);
  return result.success ? result.output : undefined;
}
