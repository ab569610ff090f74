/**
 * The lock's keys: the wrapped keys in storage.local (utils/model/lock.ts), and the unlocked data
 * key in storage.session, which lives in memory only, for this browser session at most, and only
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
import {
  decryptBytes,
  encryptBytes,
  fromBase64,
  importDataKey,
  importPrivateKey,
  importPublicKey,
  newDataKeyBytes,
  newPassphraseKdf,
  newRecoveryKdf,
  newRecoveryKey,
  newSealingKeyPair,
  parseRecoveryKey,
  passphraseKey,
  recoveryKey,
  toBase64,
} from './crypto';

/** Where the lock is kept in storage.local. */
export const LOCK_KEY = 'lock';
/** Failed unlock attempts in this session, for the growing delay. */
const ATTEMPTS_KEY = 'unlockAttempts';

/** What the data key's wraps and the private key's box are bound to (AES-GCM additional data). */
const DATA_KEY_CONTEXT = 'adempauze data key';
const PRIVATE_KEY_CONTEXT = 'adempauze private key';

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
async function wrapForPassphrase(dataKeyBytes: Uint8Array<ArrayBuffer>, passphrase: string): Promise<LockKeys['passphrase']> {
  const kdf = newPassphraseKdf();
  return { kdf, key: await encryptBytes(await passphraseKey(passphrase, kdf), dataKeyBytes, DATA_KEY_CONTEXT) };
}

/** A new lock: fresh keys, wrapped by `passphrase` and by a new recovery key, shown once. */
export async function createLockKeys(
  passphrase: string,
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
  };
  return { keys, recoveryKey: recovery.text, dataKeyBytes };
}

/** A lock record in `state` for these keys. */
export function lockRecord(keys: LockKeys, state: LockState, now: number, lockAfterMinutes = DEFAULT_LOCK_AFTER_MINUTES): LockRecord {
  return { version: 1, state, keys, lockAfterMinutes, changedAt: now };
}

/** Keeps the journal unlocked for this browser session, and (re-)arms the lock after a time without use. */
export async function startSession(dataKeyBytes: Uint8Array<ArrayBuffer>, lock: LockRecord): Promise<void> {
  await browser.storage.session.set({ [SESSION_KEY]: toBase64(dataKeyBytes) });
  await browser.storage.session.remove(ATTEMPTS_KEY);
  await keepUnlocked(lock);
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

/** How long after the n-th wrong try in a row the next is accepted: two free tries, then 1 s doubling to 30 s. */
export function retryDelay(failures: number): number {
  return failures < 3 ? 0 : Math.min(30_000, 1000 * 2 ** (failures - 3));
}

interface Attempts {
  readonly failures: number;
  readonly retryAt: number;
}

async function readAttempts(): Promise<Attempts> {
  const value = (await browser.storage.session.get(ATTEMPTS_KEY))[ATTEMPTS_KEY] as Partial<Attempts> | undefined;
  return { failures: Number(value?.failures) || 0, retryAt: Number(value?.retryAt) || 0 };
}

export type UnlockResult =
  { readonly ok: true; readonly keys: OpenKeys } | { readonly ok: false; readonly reason: 'wrong' | 'wait'; readonly retryAt: number };

/**
 * Unlocks the journal for this browser session with the passphrase or the recovery key. A wrong
 * one is counted (in the session, so a reload does not reset it), and after two the next try
 * waits a moment that grows with each; a try made before that moment is not even checked.
 */
export async function unlock(secret: Secret, now: number): Promise<UnlockResult> {
  const [lock, attempts] = await Promise.all([readLock(), readAttempts()]);
  if (!lock) throw new JournalLockedError();
  if (attempts.retryAt > now) return { ok: false, reason: 'wait', retryAt: attempts.retryAt };
  const bytes = await unwrapDataKey(lock.keys, secret);
  if (!bytes) {
    const failures = attempts.failures + 1;
    const retryAt = now + retryDelay(failures);
    await browser.storage.session.set({ [ATTEMPTS_KEY]: { failures, retryAt } satisfies Attempts });
    return { ok: false, reason: 'wrong', retryAt };
  }
  const keys = await openKeys(bytes, lock.keys);
  await startSession(bytes, lock);
  return { ok: true, keys };
}

/** A new passphrase for an unlocked journal: only the data key's wrap changes, at any journal size. */
export async function changePassphrase(passphrase: string, now: number): Promise<void> {
  const [lock, session] = await Promise.all([readLock(), sessionKey()]);
  if (!lock || session === undefined) throw new JournalLockedError();
  const keys: LockKeys = { ...lock.keys, passphrase: await wrapForPassphrase(fromBase64(session), passphrase) };
  await writeLock({ ...lock, keys, changedAt: now });
}

/** How long an unlocked journal stays unlocked without use. */
export async function setLockAfter(minutes: number, now: number): Promise<void> {
  const lock = await readLock();
  if (!lock) return;
  const next = { ...lock, lockAfterMinutes: minutes, changedAt: now };
  await writeLock(next);
  if ((await sessionKey()) !== undefined) await keepUnlocked(next);
}

/** The unlocked data key's bytes: to start the session again after a change, never to store. */
export async function sessionDataKey(): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const session = await sessionKey();
  return session === undefined ? undefined : fromBase64(session);
}
