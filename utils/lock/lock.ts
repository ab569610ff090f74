/**
 * The journal lock's steps, as the pages take them (utils/hooks/use-lock.ts loads this module only
 * when the lock is used, so no first paint carries the crypto): turning it on and off, unlocking,
 * and finishing whatever a closed tab or a restart left half-way.
 */
import { foldSealed, settleRecords } from '@/utils/db/settle';
import { refreshLibraryMirror } from '@/utils/prompts/library';
import { moveDraftsToDisk, moveDraftsToSession } from '@/utils/storage/session-drafts';
import {
  createLockKeys,
  journalKeys,
  keepUnlocked,
  lockNow,
  lockRecord,
  readLock,
  requireKeys,
  startSession,
  unlock,
  writeLock,
  type Secret,
  type UnlockResult,
  type Writer,
} from './keys';

export { changePassphrase, lockNow, setLockAfter } from './keys';

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
