/**
 * "Last time" in the popup and the pause window: what the person wrote to the prompt on screen
 * before it was shown. Re-read when notes change (an edit in the journal) and when the lock does,
 * so a window left open never goes on showing an answer after the journal locked.
 */
import type { LastAnswer } from '@/utils/db/last-answer';
import { earlyAnswer, takeEarlyRead } from '@/utils/first-paint/early-last-answer';
import { LOCK_KEY } from '@/utils/lock/keys';
import { SESSION_KEY } from '@/utils/lock/names';
import { logProblem } from '@/utils/log';
import { dataSignal, storageSignal, useLoadable, type Loadable } from './loadable';

export type { LastAnswer };

const SIGNALS = [dataSignal((change) => change.store === 'notes'), storageSignal('local', LOCK_KEY), storageSignal('session', SESSION_KEY)];

/** The earlier answer, or null when there is none or it could not be read (said in the console only: it is a nicety). */
async function readLastAnswer(promptId: string, before: number): Promise<LastAnswer | null> {
  try {
    // The database code loads when it is needed: beside a quick page's app (utils/first-paint/app.ts),
    // which began the first read.
    const early = takeEarlyRead(promptId);
    if (early) return await early;
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
 */
export function useLastAnswer(promptId: string, shownAt: number): Loadable<LastAnswer | null> {
  // Shown from the first render when the page's early read is in by then.
  const early = earlyAnswer(promptId);
  return useLoadable(() => readLastAnswer(promptId, shownAt), SIGNALS, early && { status: 'ready', value: early.value })[0];
}
