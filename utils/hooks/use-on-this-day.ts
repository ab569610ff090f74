/**
 * The journal's On this day: what was written around this day a week, a month and a year ago.
 * Its own module, so the reads it needs load with the row (after the journal's first screen).
 */
import { onThisDay } from '@/utils/db/looking-back';
import type { OnThisDay } from '@/utils/db/looking-back';
import { dataSignal, useLoadable } from './loadable';
import type { Loadable } from './loadable';

export type { LookBack } from '@/utils/db/looking-back';

/** Any change to notes may add, change or remove one of the three. */
const NOTES_SIGNAL = dataSignal((change) => change.store === 'notes');

/** The notes of a week, a month and a year ago (see onThisDay), read again whenever notes change anywhere. */
export function useOnThisDay(): Loadable<readonly OnThisDay[]> {
  return useLoadable(() => onThisDay(Date.now()), [NOTES_SIGNAL])[0];
}
