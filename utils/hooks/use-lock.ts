/**
 * The journal lock as pages see it (utils/lock/): whether it is off, locked or unlocked, live
 * across every open page (storage.onChanged for the lock in storage.local and the session key in
 * storage.session), and the steps a person takes with it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { logFailure } from '@/utils/log';
import { lockView, type LockView } from '@/utils/lock/keys';
import type { Secret } from '@/utils/lock/secrets';
import type { SettleDirection, UnlockResult } from '@/utils/lock/lock';
import { useLoadable, type ChangeSignal, type Loadable } from './loadable';

export type { LockView } from '@/utils/lock/keys';
export type { Secret } from '@/utils/lock/secrets';
export type { SettleDirection, UnlockResult } from '@/utils/lock/lock';

/** Turning the lock on or off, or re-encrypting under a new key, while records are being changed in this page. */
export interface Settling {
  readonly direction: SettleDirection;
  readonly done: number;
  readonly total: number;
}

export interface LockHandle {
  readonly state: Loadable<LockView>;
  /** Records being encrypted or decrypted by this page, with the progress; undefined when none. */
  readonly settling: Settling | undefined;
  /** Unlocks for this browser session; then folds in saves made while locked and finishes a change left half-way. */
  readonly unlock: (secret: Secret) => Promise<UnlockResult>;
  readonly lockNow: () => Promise<void>;
  /** Turns the lock on: resolves to the recovery key (to show once) when the keys are made; encryption goes on in `settling`. */
  readonly turnOn: (passphrase: string) => Promise<string>;
  /** Removes the lock (journal unlocked, `secret` checked again): decrypts every record, progress in `settling`. */
  readonly turnOff: (secret: Secret) => Promise<void>;
  /**
   * A new passphrase, once `current` has opened the journal again; with `replaceKey` a new data key
   * and recovery key too (resolves to the recovery key, to show once; re-encryption in `settling`).
   */
  readonly changePassphrase: (current: Secret, passphrase: string, replaceKey?: boolean) => Promise<string | undefined>;
  /** The person has read the warning an unlock left. */
  readonly dismissWarning: () => Promise<void>;
  readonly setLockAfter: (minutes: number) => Promise<void>;
}

/** The lock's keys in storage.local and storage.session: either changing changes what a page may show. */
const LOCK_SIGNAL: ChangeSignal = (reload) => {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && ('lock' in changes || 'lockWarning' in changes)) || (area === 'session' && 'journalKey' in changes)) reload();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
};

/** The steps with the lock, loaded when one is taken (reading whether it is on needs none of them). */
const lockModule = () => import('@/utils/lock/lock');

export function useLock(): LockHandle {
  const [state, reload] = useLoadable(lockView, [LOCK_SIGNAL]);
  const [settling, setSettling] = useState<Settling>();
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const progress = (direction: Settling['direction']) => (done: number, total: number) => {
    if (live.current) setSettling({ direction, done, total });
  };
  const finished = () => {
    if (live.current) setSettling(undefined);
    reload();
  };

  // A change left half-way (a closed tab, a killed worker, a restart) is finished by the next page that can.
  // A key being replaced is work too, in a journal whose lock is on.
  const view =
    state.status === 'ready' && state.value.kind === 'unlocked'
      ? `${state.value.state}${state.value.replacing ? ':renew' : ''}`
      : undefined;
  useEffect(() => {
    if (view === undefined) return;
    let cancelled = false;
    void lockModule()
      .then((lock) => lock.resume((direction) => (cancelled ? undefined : progress(direction))))
      .catch(logFailure('the lock change could not be finished'))
      .finally(() => !cancelled && finished());
    return () => {
      cancelled = true;
    };
    // progress and finished only set state; the effect runs again only when the view changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view]);

  return {
    state,
    settling,
    async unlock(secret) {
      const result = await (await lockModule()).unlockJournal(secret, Date.now());
      reload();
      return result;
    },
    async lockNow() {
      await (await lockModule()).lockNow();
      reload();
    },
    async turnOn(passphrase) {
      const lock = await lockModule();
      const recoveryKey = await lock.createLock(passphrase, Date.now());
      reload();
      return recoveryKey;
    },
    async turnOff(secret) {
      await (await lockModule()).startRemovingLock(secret, Date.now());
      reload();
    },
    async changePassphrase(current, passphrase, replaceKey = false) {
      const recoveryKey = await (await lockModule()).changePassphrase(current, passphrase, Date.now(), { replaceKey });
      reload();
      return recoveryKey;
    },
    async dismissWarning() {
      await (await lockModule()).dismissLockWarning();
      reload();
    },
    async setLockAfter(minutes) {
      await (await lockModule()).setLockAfter(minutes, Date.now());
      reload();
    },
  };
}

/** While an unlocked page is used (keys, pointer, scrolling), the lock after a time without use starts counting again. */
export function useKeepUnlocked(unlocked: boolean): void {
  useEffect(() => {
    if (!unlocked) return;
    let last = 0;
    const onUse = () => {
      const now = Date.now();
      // Once a minute is enough for a lock counted in minutes.
      if (now - last < 60_000) return;
      last = now;
      void lockModule()
        .then((lock) => lock.keepJournalUnlocked())
        .catch(logFailure('the lock after a time without use was not extended'));
    };
    onUse();
    const events = ['keydown', 'pointerdown', 'wheel', 'scroll'] as const;
    for (const name of events) addEventListener(name, onUse, { passive: true, capture: true });
    return () => {
      for (const name of events) removeEventListener(name, onUse, { capture: true });
    };
  }, [unlocked]);
}
