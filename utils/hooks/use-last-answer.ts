/**
 * "Last time" in the popup and the pause window: what the person wrote to the prompt on screen
 * before it was shown. Re-read when notes change (an edit in the journal) and when the lock does,
 * so a window left open never goes on showing an answer after the journal locked.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { LastAnswer } from '@/utils/db/last-answer';
import { earlyAnswer, takeEarlyRead } from '@/utils/first-paint/early-last-answer';
import { LOCK_KEY } from '@/utils/lock/keys';
import { SESSION_KEY } from '@/utils/lock/names';
import { logProblem } from '@/utils/log';
import { dataSignal, storageSignal, useLoadable, type Loadable } from './loadable';

export type { LastAnswer };

const SIGNALS = [dataSignal((change) => change.store === 'notes'), storageSignal('local', LOCK_KEY), storageSignal('session', SESSION_KEY)];

/** The earlier answer, or null when there is none or it could not be read (said in the console only: it is a nicety). */
async function readLastAnswer(promptId: string, before: number, early?: Promise<LastAnswer | null>): Promise<LastAnswer | null> {
  try {
    if (early) return await early;
    // The database code loads when it is needed (on a quick page, beside its app: utils/first-paint/app.ts).
    const { lastAnswerBefore } = await import('@/utils/db/last-answer');
    return await lastAnswerBefore(promptId, before);
  } catch (error) {
    logProblem('last time not shown', error);
    return null;
  }
}

/**
 * The latest answer to `promptId` written before `shownAt`, when the prompt was shown: the answer
 * saved from this page afterwards never becomes its own "last time". Reads for the prompt it was
 * first called with: a component showing another prompt is a new one (give it a `key`).
 *
 * On a quick page the first read is the one the page began while its app loaded: shown from the
 * first render when it is in by then, or as soon as it is. It began before this component listened
 * for changes, so once it is shown the answer is read again: a note saved elsewhere, or the journal
 * locking, in between is not missed.
 */
export function useLastAnswer(promptId: string, shownAt: number): Loadable<LastAnswer | null> {
  const early = earlyAnswer(promptId);
  const tookEarly = useRef(false);
  const [state, reload] = useLoadable(
    () => {
      const kept = takeEarlyRead(promptId);
      tookEarly.current ||= kept !== undefined;
      return readLastAnswer(promptId, shownAt, kept);
    },
    SIGNALS,
    early && { status: 'ready', value: early.value },
  );
  useEffect(() => {
    if (state.status === 'loading' || !tookEarly.current) return;
    tookEarly.current = false;
    reload();
  }, [state, reload]);
  return state;
}
