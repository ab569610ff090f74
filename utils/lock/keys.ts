/**
 * The lock's keys as every page reads them (the popup's save too, so this stays small; the steps
 * that make and open them are in secrets.ts and lock.ts): the wrapped keys in storage.local
 * (utils/model/lock.ts), and the unlocked data key in storage.session, which lives in memory only, for this browser session at most, and only
 * for the extension's own pages and background (storage.session's default, trusted contexts).
 *
 * Locking is removing the session key: "Lock now", the background when the screen locks or after
 * the chosen time without use (the LOCK_ALARM, re-armed by pages while they are used), and the
 * browser itself at quit. Every page follows the change through storage.onChanged.
 */
import { browser } from 'wxt/browser';
import { JournalLockedError, LockDamagedError } from '@/utils/errors';
import { DEFAULT_LOCK_AFTER_MINUTES, parseLockRecord, type LockKeys, type LockRecord, type LockState } from '@/utils/model/lock';
import { mirrorLock } from '@/utils/storage/lock-mirror';
import { LOCK_ALARM, SESSION_KEY } from './names';
import { decryptBytes, fromBase64, importDataKey, importPrivateKey, importPublicKey } from './crypto';

/** Where the lock is kept in storage.local. */
export const LOCK_KEY = 'lock';

/** What the data key's wraps and the private key's box are bound to (AES-GCM additional data). */
export const DATA_KEY_CONTEXT = 'adempauze data key';
export const PRIVATE_KEY_CONTEXT = 'adempauze private key';

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

/** The keys an unlocked journal reads and writes with; neither can be exported. */
export interface OpenKeys {
  readonly dataKey: CryptoKey;
  readonly privateKey: CryptoKey;
}

/** The data key and private key from the data key's bytes. */
export async function openKeys(dataKeyBytes: Uint8Array<ArrayBuffer>, keys: LockKeys): Promise<OpenKeys> {
  const dataKey = await importDataKey(dataKeyBytes);
  const privateKey = await importPrivateKey(await decryptBytes(dataKey, keys.privateKey, PRIVATE_KEY_CONTEXT));
  return { dataKey, privateKey };
}

/** The session key last opened in this context, so a page imports it once, not per read. */
let opened: { readonly session: string; readonly keys: Promise<OpenKeys> } | undefined;

async function sessionKey(): Promise<string | undefined> {
  const value: unknown = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY];
  return typeof value === 'string' ? value : undefined;
}

/** The keys of the unlocked journal; undefined while it is locked (or the lock is off). */
export async function journalKeys(lock?: LockRecord): Promise<OpenKeys | undefined> {
  const [record, session] = await Promise.all([lock ?? readLock(), sessionKey()]);
  if (!record || session === undefined) return undefined;
  if (opened?.session !== session) opened = { session, keys: openKeys(fromBase64(session), record.keys) };
  const mine = opened;
  // A session key that does not open this lock's private key is not this lock's: treat as locked.
  return mine.keys.catch(() => {
    if (opened === mine) opened = undefined;
    return undefined;
  });
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

/** What a page shows of the lock: off, or on and locked or unlocked in this browser session. */
export type LockView =
  { readonly kind: 'off' } | { readonly kind: 'locked' | 'unlocked'; readonly state: LockState; readonly lockAfterMinutes: number };

export async function lockView(): Promise<LockView> {
  const lock = await readLock();
  if (!lock) return { kind: 'off' };
  const keys = await journalKeys(lock);
  return { kind: keys ? 'unlocked' : 'locked', state: lock.state, lockAfterMinutes: lock.lockAfterMinutes };
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
  | { readonly kind: 'encrypt'; readonly key: CryptoKey }
  | { readonly kind: 'seal'; readonly publicKey: CryptoKey };

export async function currentWriter(): Promise<Writer> {
  const lock = await readLock();
  // Removing the lock: every record is on its way to plain, and a new one starts there.
  if (!lock || lock.state === 'turning-off') return { kind: 'plain' };
  const keys = await journalKeys(lock);
  return keys ? { kind: 'encrypt', key: keys.dataKey } : { kind: 'seal', publicKey: await importPublicKey(lock.keys.publicKey) };
}

/** A lock record in `state` for these keys. */
export function lockRecord(keys: LockKeys, state: LockState, now: number, lockAfterMinutes = DEFAULT_LOCK_AFTER_MINUTES): LockRecord {
  return { version: 1, state, keys, lockAfterMinutes, changedAt: now };
}

/** The person is using the journal: the lock after a time without use starts counting again. */
export async function keepUnlocked(lock: LockRecord): Promise<void> {
  await browser.alarms.create(LOCK_ALARM, { delayInMinutes: lock.lockAfterMinutes });
}

/** Locks the journal in every page at once (the background does the same: entrypoints/background/index.ts). */
export async function lockNow(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEY);
  await browser.alarms.clear(LOCK_ALARM);
}

/** The unlocked data key's bytes: to start the session again after a change, never to store. */
export async function sessionDataKey(): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const session = await sessionKey();
  return session === undefined ? undefined : fromBase64(session);
}
