/**
 * The journal lock's steps, as the pages take them (utils/hooks/use-lock.ts loads this module only
 * when the lock is used, so no first paint carries the crypto): turning it on and off, unlocking,
 * a new passphrase or a new key, and finishing whatever a closed tab or a restart left half-way.
 *
 * Every record this module writes is authenticated (keys.ts, signLock), and every step that cannot
 * be undone checks the passphrase or recovery key itself, whatever the page in front of it asked.
 */
import { browser } from 'wxt/browser';
import { rewriteDatabase } from '@/utils/db/rewrite';
import { foldSealed, settleRecords } from '@/utils/db/settle';
import { JournalLockedError } from '@/utils/errors';

import { DEFAULT_LOCK_AFTER_MINUTES, type LockFields, type LockKeys, type LockRecord } from '@/utils/model/lock';
import { refreshLibraryMirror } from '@/utils/prompts/library';
import { endLockOffer } from '@/utils/storage/lock-offer';
import { decryptBytes, encryptBytes, importDataKey, PREVIOUS_KEY_CONTEXT, PRIVATE_KEY_CONTEXT, toBase64 } from './crypto';
import {
  journalKeys,
  keepUnlocked,
  lockFields,
  LOCK_WARNING_KEY,
  lockNow,
  readLock,
  readLockWarning,
  requireKeys,
  sessionDataKey,
  writeLock,
  writesSettled,
  type LockProblem,
  type OpenKeys,
  type Writer,
} from './keys';
import { SESSION_KEY, SETTLE_LOCK } from './names';
import { keyIdOf, lockChecksOut, publicKeyOf, recordMacKey, signLock } from './open';
import { createLockKeys, newSealingKeys, unwrapDataKey, wrapForPassphrase, type Secret } from './secrets';
import { WrongSecretError } from './wrong-secret';

export { lockNow } from './keys';

/** Failed unlock attempts in this session, for the growing delay. */
const ATTEMPTS_KEY = 'unlockAttempts';

/** Keeps the journal unlocked for this browser session, and (re-)arms the lock after a time without use. */
export async function startSession(dataKeyBytes: Uint8Array<ArrayBuffer>, lock: Pick<LockRecord, 'lockAfterMinutes'>): Promise<void> {
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

/** Counts a wrong try; resolves to the moment the next is accepted. */
async function countWrongTry(attempts: Attempts, now: number): Promise<number> {
  const failures = attempts.failures + 1;
  const retryAt = now + retryDelay(failures);
  await browser.storage.session.set({ [ATTEMPTS_KEY]: { failures, retryAt } satisfies Attempts });
  return retryAt;
}

/** A record's fields as they stand, to be changed and signed again. */
function fieldsOf(lock: LockRecord): LockFields {
  const { state, keys, lockAfterMinutes, changedAt } = lock;
  return { state, keys, lockAfterMinutes, changedAt, legacyRows: lock.version === 1 || lock.legacyRows };
}

export type UnlockResult =
  | { readonly ok: true; readonly keys: OpenKeys; readonly problems: readonly LockProblem[] }
  | { readonly ok: false; readonly reason: 'wrong' | 'wait'; readonly retryAt: number };

/** Adds problems to the warning the journal shows until the person has read it. */
async function warn(problems: readonly LockProblem[]): Promise<void> {
  if (problems.length === 0) return;
  const before = await readLockWarning();
  await browser.storage.local.set({ [LOCK_WARNING_KEY]: [...new Set([...before, ...problems])] });
}

/** The person has read the warning. */
export async function dismissLockWarning(): Promise<void> {
  await browser.storage.local.remove(LOCK_WARNING_KEY);
}

/**
 * Looks at the stored record with the data key the secret opened, before anything is read or
 * written on its word, and stores a record that checks out:
 * - a version-2 record whose MAC fails is refused: the lock stays on ("turning on" if it said so,
 *   since that only encrypts; else "on"), the time without use no longer than the default, and
 *   rows bound the earlier way readable again until re-encrypted (whether they all were is unknown);
 * - a version-1 record (an earlier release) is upgraded; a "turning off" in it is not taken on its
 *   word (anyone could have written it) and becomes "turning on": nothing is lost, and the person
 *   can remove the lock again;
 * - the public key is compared with the one the private key itself holds; when it is another
 *   (swapped) or the private key's box does not open, the key pair is replaced, after the saves
 *   sealed to the right key are folded in. Saves sealed to the wrong key are then flagged
 *   (utils/db/cipher.ts).
 * Resolves to what did not check out; the journal shows it (LockView's warning).
 */
async function checkLock(lock: LockRecord, dataKeyBytes: Uint8Array<ArrayBuffer>, now: number): Promise<LockProblem[]> {
  const macKey = await recordMacKey(dataKeyBytes);
  if (await lockChecksOut(lock, macKey)) {
    await startSession(dataKeyBytes, lock);
    return [];
  }
  const problems: LockProblem[] = [];
  let fields = fieldsOf(lock);
  if (lock.version === 2) {
    problems.push('record');
    fields = {
      ...fields,
      state: lock.state === 'turning-on' ? 'turning-on' : 'on',
      lockAfterMinutes: Math.min(lock.lockAfterMinutes, DEFAULT_LOCK_AFTER_MINUTES),
      legacyRows: true,
    };
  } else {
    fields = {
      ...fields,
      state: lock.state === 'turning-off' ? 'turning-on' : lock.state,
      keys: { ...fields.keys, createdAt: fields.keys.createdAt ?? lock.changedAt },
    };
  }
  // The key's id is its own (keyIdOf), whatever was stored; a previous key that no longer opens
  // (its box changed) is let go rather than keeping the journal shut.
  fields = { ...fields, keys: { ...fields.keys, keyId: await keyIdOf(dataKeyBytes) } };
  const dataKey = await importDataKey(dataKeyBytes);
  const { previous } = fields.keys;
  if (previous) {
    const before = await decryptBytes(dataKey, previous.dataKey, PREVIOUS_KEY_CONTEXT).catch(() => undefined);
    fields = { ...fields, keys: { ...fields.keys, previous: before && { ...previous, keyId: await keyIdOf(before) } } };
  }
  const pkcs8 = await decryptBytes(dataKey, fields.keys.privateKey, PRIVATE_KEY_CONTEXT).catch(() => undefined);
  const ownPublicKey = pkcs8 && (await publicKeyOf(pkcs8));
  if (!ownPublicKey) problems.push('private-key');
  else if (ownPublicKey !== fields.keys.publicKey) problems.push('public-key');
  // The key the private key holds, so the saves sealed to it before the swap are folded in below.
  if (ownPublicKey) fields = { ...fields, keys: { ...fields.keys, publicKey: ownPublicKey } };
  await writeLock(await signLock({ ...fields, changedAt: now }, macKey));
  await startSession(dataKeyBytes, fields);
  if (problems.includes('public-key') || problems.includes('private-key')) {
    if (ownPublicKey) await foldSealed(await requireKeys());
    const keys: LockKeys = { ...fields.keys, ...(await newSealingKeys(dataKey)) };
    await writeLock(await signLock({ ...fields, keys, changedAt: now }, macKey));
  }
  await warn(problems);
  return problems;
}

/**
 * Unlocks the journal for this browser session with the passphrase or the recovery key. A wrong
 * one is counted (in the session, so a reload does not reset it), and after two the next try
 * waits a moment that grows with each; a try made before that moment is not even checked. The
 * record is looked at first (checkLock): what does not check out is refused and reported.
 */
export async function unlock(secret: Secret, now: number): Promise<UnlockResult> {
  const [lock, attempts] = await Promise.all([readLock(), readAttempts()]);
  if (!lock) throw new JournalLockedError();
  if (attempts.retryAt > now) return { ok: false, reason: 'wait', retryAt: attempts.retryAt };
  const bytes = await unwrapDataKey(lock.keys, secret);
  if (!bytes) return { ok: false, reason: 'wrong', retryAt: await countWrongTry(attempts, now) };
  const problems = await checkLock(lock, bytes, now);
  return { ok: true, keys: await requireKeys(), problems };
}

/**
 * Checks that `secret` opens the lock as it is now, for a step that cannot be undone: counted like
 * an unlock's tries (and refused, unchecked, during the wait after them). Resolves to the data
 * key's bytes; WrongSecretError when it does not open, JournalLockedError while locked.
 */
export async function confirmSecret(secret: Secret, now: number): Promise<Uint8Array<ArrayBuffer>> {
  const [lock, attempts, session] = await Promise.all([readLock(), readAttempts(), sessionDataKey()]);
  if (!lock || session === undefined || !(await journalKeys(lock))) throw new JournalLockedError();
  if (attempts.retryAt > now) throw new WrongSecretError(attempts.retryAt);
  const bytes = await unwrapDataKey(lock.keys, secret);
  // It must open this session's key: a wrap swapped in storage opens some other key.
  if (!bytes || toBase64(bytes) !== toBase64(session)) throw new WrongSecretError(await countWrongTry(attempts, now));
  await browser.storage.session.remove(ATTEMPTS_KEY);
  return bytes;
}

/**
 * A new passphrase for the unlocked journal, once `current` (the passphrase or recovery key) has
 * opened it again. Without `replaceKey` only the data key's wrap changes, at any journal size, and
 * resolves to undefined. With it, a new data key, key pair and recovery key replace the old ones:
 * the old wraps are gone at once, the old data key is kept only encrypted with the new one until
 * `resume` has re-encrypted every row under the new key. Resolves to the new recovery key, shown once.
 */
export async function changePassphrase(
  current: Secret,
  passphrase: string,
  now: number,
  options: { readonly replaceKey?: boolean } = {},
): Promise<string | undefined> {
  const lock = await readLock();
  const keys = lock && (await journalKeys(lock));
  if (!lock || !keys) throw new JournalLockedError();
  const dataKeyBytes = await confirmSecret(current, now);
  const fields = fieldsOf(lock);
  if (!options.replaceKey) {
    const next: LockKeys = { ...lock.keys, passphrase: await wrapForPassphrase(dataKeyBytes, passphrase) };
    await writeLock(await signLock({ ...fields, keys: next, changedAt: now }, keys.macKey));
    return undefined;
  }
  if (lock.state !== 'on' || lock.keys.previous) throw new Error('The lock is still changing: try again when it is done.');
  const made = await createLockKeys(passphrase, now);
  const newKey = await importDataKey(made.dataKeyBytes);
  const previous = {
    keyId: keys.keyId,
    dataKey: await encryptBytes(newKey, dataKeyBytes, PREVIOUS_KEY_CONTEXT),
    publicKey: lock.keys.publicKey,
    privateKey: lock.keys.privateKey,
  };
  const next = await signLock({ ...fields, keys: { ...made.keys, previous }, changedAt: now }, await recordMacKey(made.dataKeyBytes));
  await writeLock(next);
  await startSession(made.dataKeyBytes, next);
  return made.recoveryKey;
}

/** How long an unlocked journal stays unlocked without use. */
export async function setLockAfter(minutes: number, now: number): Promise<void> {
  const lock = await readLock();
  if (!lock) return;
  const keys = await requireKeys(lock);
  const next = await signLock({ ...fieldsOf(lock), lockAfterMinutes: minutes, changedAt: now }, keys.macKey);
  await writeLock(next);
  await keepUnlocked(next);
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
 * encrypted) and the journal unlocked for this session; drafts are sealed. Resolves to the
 * recovery key, shown once. The records already stored are encrypted by `resume`.
 */
export async function createLock(passphrase: string, now: number): Promise<string> {
  if (await readLock()) throw new Error('The lock is already on.');
  const { keys, recoveryKey, dataKeyBytes } = await createLockKeys(passphrase, now);
  const record = await signLock(lockFields(keys, 'turning-on', now), await recordMacKey(dataKeyBytes));
  await writeLock(record);
  await startSession(dataKeyBytes, record);
  // The first run's offer of the lock has been taken: it is not made again, even if the lock is removed.
  await endLockOffer();
  await rewriteDraftsWith();
  // The quick pages' prompt mirror (localStorage) keeps no own prompt's text under the lock.
  await refreshLibraryMirror();
  return recoveryKey;
}

/**
 * Starts removing the lock, once `secret` has opened the unlocked journal again; the records are
 * decrypted by `resume`.
 */
export async function startRemovingLock(secret: Secret, now: number): Promise<void> {
  const lock = await readLock();
  if (!lock) return;
  const keys = await requireKeys(lock);
  await confirmSecret(secret, now);
  await writeLock(await signLock({ ...fieldsOf(lock), state: 'turning-off', changedAt: now }, keys.macKey));
}

/** Drafts written again as the lock now asks (sealed, or plain once it is removed); loaded only here. */
async function rewriteDraftsWith(keys?: OpenKeys): Promise<void> {
  const { rewriteDrafts } = await import('@/utils/storage/draft-store');
  await rewriteDrafts(keys ?? (await requireKeys()));
}

/** Sync's app password and key brought to the lock's new state (encrypted with its key, or plain when it goes); loaded only here. */
async function settleSyncSecretsWith(keys: OpenKeys, direction: SettleDirection): Promise<void> {
  const { settleSyncSecrets } = await import('@/utils/sync/store');
  await settleSyncSecrets(keys, direction);
}

/**
 * Runs `work` in one page at a time (two journal tabs would otherwise both encrypt). A page that
 * finds another at it waits its turn rather than skipping: the other page's pass may have read the
 * record before this change (a key replaced while it folded sealed notes), and would leave the
 * change undone. The waiting pass reads the record afresh and finds only what is left.
 */
async function alone(work: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return work();
  await locks.request(SETTLE_LOCK, work);
}

/** What resume is doing: encrypting, decrypting, or re-encrypting under a new key or binding. */
export type SettleDirection = 'on' | 'off' | 'renew';

/**
 * With the journal unlocked, finishes what the lock asks: encrypts or decrypts every record while
 * it is turning on or off (then marks it on, or removes it), folds in notes saved while locked,
 * and re-encrypts rows bound the earlier way or under a key being replaced. Acts only on a record
 * that checks out (journalKeys); a version-1 record is upgraded first. `progress` gets the
 * direction and returns where to report rows done.
 */
export async function resume(progress: (direction: SettleDirection) => ((done: number, total: number) => void) | undefined): Promise<void> {
  await alone(async () => {
    const first = await readLock();
    const bytes = await sessionDataKey();
    if (first?.version === 1 && bytes && (await journalKeys(first))) await checkLock(first, bytes, first.changedAt);
    const lock = await readLock();
    const keys = lock && (await journalKeys(lock));
    if (!lock || lock.version !== 2 || !keys) return;
    if (lock.state === 'on') {
      await foldSealed(keys);
      if (!lock.legacyRows && !lock.keys.previous) return;
      await settleRecords({ kind: 'encrypt', key: keys.dataKey, keyId: keys.keyId }, keys, progress('renew'));
      const latest = await readLock();
      // Only the record this pass was for: another page may have changed the key meanwhile.
      if (latest?.version !== 2 || latest.state !== 'on' || latest.keys.keyId !== lock.keys.keyId || !(await journalKeys(latest))) return;
      // Drafts sealed to the old key are sealed again to the new one, and neither database keeps
      // a row under the old key in the browser's files, so an old wrap found there opens nothing.
      await rewriteDraftsWith(keys);
      await settleSyncSecretsWith(keys, 'renew');
      await rewriteDatabase();
      // The old key goes with its last wrap: nothing is under it any more.
      const current: LockKeys = { ...latest.keys, previous: undefined };
      await writeLock(await signLock({ ...fieldsOf(latest), keys: current, legacyRows: false }, keys.macKey));
      return;
    }
    const direction = lock.state === 'turning-on' ? 'on' : 'off';
    const writer: Writer = direction === 'on' ? { kind: 'encrypt', key: keys.dataKey, keyId: keys.keyId } : { kind: 'plain' };
    // Sealed notes are opened on the way; encrypting turns them into the normal form too.
    await settleRecords(writer, keys, progress(direction));
    const latest = await readLock();
    if (latest?.state !== lock.state || !(await journalKeys(latest))) return;
    if (direction === 'on') {
      await settleSyncSecretsWith(keys, 'on');
      // The plain rows written over are still in the browser's files until the database is rewritten.
      await rewriteDatabase();
      // Every row is now bound the current way: rows bound the earlier way are refused from here on.
      await writeLock(await signLock({ ...fieldsOf(latest), state: 'on', legacyRows: false }, keys.macKey));
      return;
    }
    await settleSyncSecretsWith(keys, 'off');
    await writeLock(undefined);
    // A save that read the lock just before it went may still land sealed or encrypted: once every
    // write that began before has ended (keys.ts, whileWriting), one more pass with the keys this
    // page still holds brings it to plain. Every later write reads the lock as off.
    await writesSettled();
    await settleRecords({ kind: 'plain' }, { ...keys, trustPlain: true, legacyRows: true });
    await rewriteDraftsWith(keys);
    await lockNow();
  });
}
