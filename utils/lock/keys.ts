/**
 * The lock's keys as every page reads them (the popup's save too, so this stays small; the steps
 * that make and open them are in secrets.ts and lock.ts): the wrapped keys in storage.local
 * (utils/model/lock.ts), in a record authenticated with a key only the passphrase opens, and the unlocked data key in storage.session, which lives in memory only, for this browser session at most, and only
 * for the extension's own pages and background (storage.session's default, trusted contexts).
 *
 * Locking is removing the session key: "Lock now", the background when the screen locks or after
 * the chosen time without use (the LOCK_ALARM, re-armed by pages while they are used), and the
 * browser itself at quit. Every page follows the change through storage.onChanged.
 */
import { browser } from 'wxt/browser';
import { JournalLockedError, LockDamagedError } from '@/utils/errors';
import {
  DEFAULT_LOCK_AFTER_MINUTES,
  parseLockRecord,
  type LockFields,
  type LockKeys,
  type LockRecord,
  type LockState,
} from '@/utils/model/lock';
import { mirrorLock } from '@/utils/storage/lock-mirror';
import { endSession, LOCK_ALARM, LOCK_KEY, SESSION_KEY } from './names';
import { fromBase64, importPublicKey, keyFingerprint } from './crypto';

export { LOCK_KEY } from './names';

/** The lock as stored: undefined when it is off; LockDamagedError when something is stored that is not a lock. */
export async function readLock(): Promise<LockRecord | undefined> {
  const stored: unknown = (await browser.storage.local.get(LOCK_KEY))[LOCK_KEY];
  mirrorLock(stored !== undefined);
  if (stored === undefined) return undefined;
  const record = parseLockRecord(stored);
  if (!record) throw new LockDamagedError();
  return record;
}

/** Stores the lock, or removes it (`undefined`: the lock is off, every record plain). */
export async function writeLock(record: LockRecord | undefined): Promise<void> {
  if (record) await browser.storage.local.set({ [LOCK_KEY]: record });
  else await browser.storage.local.remove(LOCK_KEY);
  mirrorLock(record !== undefined);
}

/** One data key and its sealing key pair, opened. */
export interface KeySet {
  readonly dataKey: CryptoKey;
  readonly privateKey: CryptoKey;
  /** The data key's id (keyIdOf), named in every row encrypted with it. */
  readonly keyId: string;
  /** The fingerprint of the public key that belongs to the private key (derived from it, not read from storage). */
  readonly sealedTo: string;
}

/**
 * The keys an unlocked journal reads and writes with (none can be exported), and what the
 * authenticated lock record says about rows: whether plain rows are the owner's (only while the
 * lock is being turned on or off) and whether rows bound the earlier way may still be read.
 */
export interface OpenKeys extends KeySet {
  /** Authenticates the lock record (utils/lock/crypto.ts, recordMacKey). */
  readonly macKey: CryptoKey;
  /** The key being replaced, while its rows are re-encrypted under this one. */
  readonly previous?: KeySet;
  readonly trustPlain: boolean;
  readonly legacyRows: boolean;
}

async function sessionKey(): Promise<string | undefined> {
  const value: unknown = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The keys of the unlocked journal; undefined while it is locked (or the lock is off), and also
 * when the record does not check out: nothing is read or written on the word of a record the
 * passphrase's holder did not write, until the next unlock has looked at it (lock.ts, unlock). A
 * version-1 record (an earlier release) has no MAC; it is read until that unlock upgrades it.
 */
export async function journalKeys(lock?: LockRecord): Promise<OpenKeys | undefined> {
  const [record, session] = await Promise.all([lock ?? readLock(), sessionKey()]);
  if (!record || session === undefined) return undefined;
  // What opens and checks the keys loads only now: no first paint without an unlocked lock carries it.
  return (await import('./journal-keys')).openJournalKeys(record, session);
}

/**
 * What reading records has to go on: the keys when unlocked, 'locked' while locked, 'off' without
 * a lock (an encrypted row then is a damaged leftover and reads as unreadable).
 */
export type ReadingKeys = OpenKeys | 'locked' | 'off';

export async function readingKeys(): Promise<ReadingKeys> {
  const lock = await readLock();
  if (!lock) return 'off';
  return (await journalKeys(lock)) ?? 'locked';
}

/** Where a warning about the lock waits for the journal, until the person has read it. */
export const LOCK_WARNING_KEY = 'lockWarning';

/**
 * What an unlock found that did not check out: the record (its state or settings), the public key
 * (saves since were sealed to another key), the private key's box (a new key pair was made).
 */
export type LockProblem = 'record' | 'public-key' | 'private-key';
const LOCK_PROBLEMS: readonly LockProblem[] = ['record', 'public-key', 'private-key'];

/** The warning waiting for the journal; an empty list when there is none. */
export async function readLockWarning(): Promise<readonly LockProblem[]> {
  const stored: unknown = (await browser.storage.local.get(LOCK_WARNING_KEY))[LOCK_WARNING_KEY];
  return Array.isArray(stored) ? LOCK_PROBLEMS.filter((problem) => stored.includes(problem)) : [];
}

/** What a page shows of the lock: off, or on and locked or unlocked in this browser session, and any warning an unlock left. */
export type LockView =
  | { readonly kind: 'off' }
  | {
      readonly kind: 'locked' | 'unlocked';
      readonly state: LockState;
      readonly lockAfterMinutes: number;
      readonly warning: readonly LockProblem[];
      /** Rows still under a data key being replaced. */
      readonly replacing: boolean;
    };

export async function lockView(): Promise<LockView> {
  const lock = await readLock();
  if (!lock) return { kind: 'off' };
  const [keys, warning] = await Promise.all([journalKeys(lock), readLockWarning()]);
  return {
    kind: keys ? 'unlocked' : 'locked',
    state: lock.state,
    lockAfterMinutes: lock.lockAfterMinutes,
    warning,
    replacing: lock.keys.previous !== undefined,
  };
}

/** The keys of the unlocked journal; JournalLockedError while locked. */
export async function requireKeys(lock?: LockRecord): Promise<OpenKeys> {
  const keys = await journalKeys(lock);
  if (!keys) throw new JournalLockedError();
  return keys;
}

/** How a record is written now: plain without the lock, encrypted when unlocked, sealed when locked. */
export type Writer =
  | { readonly kind: 'plain' }
  | { readonly kind: 'encrypt'; readonly key: CryptoKey; readonly keyId: string }
  | { readonly kind: 'seal'; readonly publicKey: CryptoKey; readonly to: string };

/**
 * How a record is written now. Never plain while any lock record is stored: while locked every
 * save is sealed, whatever the record says; a record's "turning off" is acted on only in an
 * unlocked page, after its MAC has checked out (journalKeys), and never for a version-1 record.
 */
export async function currentWriter(): Promise<Writer> {
  const lock = await readLock();
  if (!lock) return { kind: 'plain' };
  const keys = await journalKeys(lock);
  if (!keys) return { kind: 'seal', publicKey: await importPublicKey(lock.keys.publicKey), to: await keyFingerprint(lock.keys.publicKey) };
  // Removing the lock: every record is on its way to plain, and a new one starts there.
  if (lock.version === 2 && lock.state === 'turning-off') return { kind: 'plain' };
  return { kind: 'encrypt', key: keys.dataKey, keyId: keys.keyId };
}

/** The Web Lock every write of a record holds (shared) from reading the lock's state to its row being stored. */
const WRITES_LOCK = 'adempauze-record-writes';

/**
 * Runs `write` with the writer the lock asks for now, holding the writes lock (shared, so writes
 * never wait for each other), so a change of the lock can wait for every write that read the lock
 * before it (`writesSettled`). Where Web Locks are missing, the write runs as it is.
 */
export function whileWriting<T>(write: (writer: Writer) => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  const run = async (): Promise<T> => write(await currentWriter());
  return locks ? (locks.request(WRITES_LOCK, { mode: 'shared' }, run) as Promise<T>) : run();
}

/** Resolves once every write that began before it (`whileWriting`), in any page or the background, has ended. */
export async function writesSettled(): Promise<void> {
  await globalThis.navigator?.locks?.request(WRITES_LOCK, { mode: 'exclusive' }, () => undefined);
}

/** A lock's fields in `state` for these keys, to be signed (signLock). */
export function lockFields(
  keys: LockKeys,
  state: LockState,
  now: number,
  lockAfterMinutes = DEFAULT_LOCK_AFTER_MINUTES,
  legacyRows = false,
): LockFields {
  return { state, keys, lockAfterMinutes, changedAt: now, legacyRows };
}

/** The person is using the journal: the lock after a time without use starts counting again. */
export async function keepUnlocked(lock: Pick<LockRecord, 'lockAfterMinutes'>): Promise<void> {
  await browser.alarms.create(LOCK_ALARM, { delayInMinutes: lock.lockAfterMinutes });
}

/** Locks the journal in every page at once (the background does the same: entrypoints/background/index.ts). */
export async function lockNow(): Promise<void> {
  await endSession();
  await browser.alarms.clear(LOCK_ALARM);
}

/** The unlocked data key's bytes: to start the session again after a change, never to store. */
export async function sessionDataKey(): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const session = await sessionKey();
  return session === undefined ? undefined : fromBase64(session);
}
