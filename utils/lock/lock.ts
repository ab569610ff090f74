/**
 * The journal lock's steps, as the pages take them (utils/hooks/use-lock.ts loads this module only
 * when the lock is used, so no first paint carries the crypto): turning it on and off, unlocking,
 * and finishing whatever a closed tab or a restart left half-way.
 */
import { browser } from 'wxt/browser';
import { foldSealed, settleRecords } from '@/utils/db/settle';
import { JournalLockedError } from '@/utils/errors';
import type { LockKeys, LockRecord } from '@/utils/model/lock';
import { refreshLibraryMirror } from '@/utils/prompts/library';
import { moveDraftsToDisk, moveDraftsToSession } from '@/utils/storage/session-drafts';
import { toBase64 } from './crypto';
import {
  journalKeys,
  keepUnlocked,
  lockNow,
  lockRecord,
  openKeys,
  readLock,
  requireKeys,
  sessionDataKey,
  writeLock,
  type OpenKeys,
  type Writer,
} from './keys';
import { SESSION_KEY } from './names';
import { createLockKeys, unwrapDataKey, wrapForPassphrase, type Secret } from './secrets';

export { lockNow } from './keys';

/** Failed unlock attempts in this session, for the growing delay. */
const ATTEMPTS_KEY = 'unlockAttempts';

/** Keeps the journal unlocked for this browser session, and (re-)arms the lock after a time without use. */
export async function startSession(dataKeyBytes: Uint8Array<ArrayBuffer>, lock: LockRecord): Promise<void> {
  await browser.storage.session.set({ [SESSION_KEY]: toBase64(dataKeyBytes) });
  await browser.storage.session.remove(ATTEMPTS_KEY);
  await keepUnlocked(lock);
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
  const [lock, dataKeyBytes] = await Promise.all([readLock(), sessionDataKey()]);
  if (!lock || dataKeyBytes === undefined) throw new JournalLockedError();
  const keys: LockKeys = { ...lock.keys, passphrase: await wrapForPassphrase(dataKeyBytes, passphrase) };
  await writeLock({ ...lock, keys, changedAt: now });
}

/** How long an unlocked journal stays unlocked without use. */
export async function setLockAfter(minutes: number, now: number): Promise<void> {
  const lock = await readLock();
  if (!lock) return;
  const next = { ...lock, lockAfterMinutes: minutes, changedAt: now };
  await writeLock(next);
  if ((await sessionDataKey()) !== undefined) await keepUnlocked(next);
}

export function unlockJournal(secret: Secret, now: number): Promise<UnlockResult> {
  return unlock(secret, now);
}

/** The journal is in use: it stays unlocked for the chosen time from now. */
export async function keepJournalUnlocked(): Promise<void> {
  const lock = await readLock();
  if (lock && (await journalKeys(lock))) await keepUnlocked(lock);
}

/**
 * Turns the lock on: new keys, the lock stored as "turning on" (from then on every new record is
 * encrypted) and the journal unlocked for this session; drafts leave the disk. Resolves to the
 * recovery key, shown once. The records already stored are encrypted by `resume`.
 */
export async function createLock(passphrase: string, now: number): Promise<string> {
  if (await readLock()) throw new Error('The lock is already on.');
  const { keys, recoveryKey, dataKeyBytes } = await createLockKeys(passphrase);
  const record = lockRecord(keys, 'turning-on', now);
  await writeLock(record);
  await startSession(dataKeyBytes, record);
  await moveDraftsToSession();
  // The quick pages' prompt mirror (localStorage) keeps no own prompt's text under the lock.
  await refreshLibraryMirror();
  return recoveryKey;
}

/** Starts removing the lock (the journal must be unlocked); the records are decrypted by `resume`. */
export async function startRemovingLock(now: number): Promise<void> {
  const lock = await readLock();
  if (!lock) return;
  await requireKeys(lock);
  await writeLock({ ...lock, state: 'turning-off', changedAt: now });
}

/** Runs `work` in one page at a time (two journal tabs would otherwise both encrypt); skipped when another page runs it. */
async function alone(work: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return work();
  await locks.request('adempauze-lock-settle', { ifAvailable: true }, async (held) => {
    if (held) await work();
  });
}

/**
 * With the journal unlocked, finishes what the lock asks: encrypts or decrypts every record while
 * it is turning on or off (then marks it on, or removes it), and folds in notes saved while
 * locked. `progress` gets the direction and returns where to report rows done.
 */
export async function resume(progress: (direction: 'on' | 'off') => ((done: number, total: number) => void) | undefined): Promise<void> {
  await alone(async () => {
    const lock = await readLock();
    const keys = lock && (await journalKeys(lock));
    if (!lock || !keys) return;
    if (lock.state === 'on') {
      await foldSealed(keys);
      return;
    }
    const direction = lock.state === 'turning-on' ? 'on' : 'off';
    const writer: Writer = direction === 'on' ? { kind: 'encrypt', key: keys.dataKey } : { kind: 'plain' };
    // Sealed notes are opened on the way; encrypting turns them into the normal form too.
    await settleRecords(writer, keys, progress(direction));
    const latest = await readLock();
    if (latest?.state !== lock.state) return;
    if (direction === 'on') {
      await writeLock({ ...latest, state: 'on' });
      return;
    }
    await writeLock(undefined);
    await lockNow();
    await moveDraftsToDisk();
  });
}
