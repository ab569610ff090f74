/**
 * What every page shows while it reads: loading, ready with the value, or failed with the error.
 * One type and one hook for all of them, so each page says the same things the same way
 * (components/Status.tsx renders it).
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { onDataChange, type DataChange } from '@/utils/db/changes';

export type Loadable<T> =
  { readonly status: 'loading' } | { readonly status: 'ready'; readonly value: T } | { readonly status: 'failed'; readonly error: unknown };

/** Subscribes `reload` to some signal of change; returns the function that unsubscribes. */
export type ChangeSignal = (reload: () => void) => () => void;

/** A signal for data in IndexedDB: `matches` says whether a change touches what the page shows. */
export function dataSignal(matches: (change: DataChange) => boolean): ChangeSignal {
  return (reload) =>
    onDataChange((change) => {
      if (matches(change)) reload();
    });
}

/** A signal for keys in browser.storage (settings in `sync`, the schedule in `local`, the unlocked key in `session`). */
export function storageSignal(area: 'sync' | 'local' | 'session', ...keys: readonly string[]): ChangeSignal {
  return (reload) => {
    const listener = (changes: Record<string, unknown>, changedArea: string) => {
      if (changedArea === area && keys.some((key) => key in changes)) reload();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  };
}

/**
 * Reads `load()` when the component mounts and again whenever one of `signals` fires, so the
 * page follows changes made in any other context without a reload. While it re-reads, the last
 * value stays on screen; a result that arrives after a newer read began is dropped.
 * `reload()` re-reads on demand (after a change this page made, a retry). `initial`, a read made
 * before the component mounted, is shown from the first render; it is read again on mounting all
 * the same, since something may have changed before the signals were listened to.
 */
export function useLoadable<T>(
  load: () => Promise<T>,
  signals: readonly ChangeSignal[] = [],
  initial: Loadable<T> = { status: 'loading' },
): [Loadable<T>, () => void] {
  const [state, setState] = useState<Loadable<T>>(initial);
  const latest = useRef(load);
  latest.current = load;
  const generation = useRef(0);
  // The signals are fixed for the component's life, whatever array a render passes.
  const subscriptions = useRef(signals);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    latest
      .current()
      .then((value) => {
        if (mine === generation.current) setState({ status: 'ready', value });
      })
      .catch((error: unknown) => {
        if (mine === generation.current) setState({ status: 'failed', error });
      });
  }, []);

  // As the component mounts, not a frame later as an effect would: a quick page's "Last time",
  // whose read is in just after the app took over, was painted a frame sooner for it (issue 22).
  useLayoutEffect(() => {
    reload();
    const stops = subscriptions.current.map((signal) => signal(reload));
    return () => {
      // A read still under way may finish later; Preact ignores state set after unmounting.
      for (const stop of stops) stop();
    };
  }, [reload]);

  return [state, reload];
}
