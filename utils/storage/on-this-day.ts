/**
 * "Hide for today" of the journal's On this day: the local day it was hidden on, in the page's own
 * storage, so it comes back by itself the next day and on no other device.
 */
import { localDate } from '@/utils/time';
import { readPageJson, writePageJson } from './page-storage';

const HIDDEN_ON_KEY = 'adempauze.onThisDayHiddenOn';

/** Whether On this day was hidden on the local day containing `now`. */
export function onThisDayHiddenOn(now: number): boolean {
  return readPageJson(HIDDEN_ON_KEY) === localDate(now);
}

/** Hides On this day for the rest of the local day containing `now`; false when it could not be kept (then for this visit only). */
export function hideOnThisDayOn(now: number): boolean {
  return writePageJson(HIDDEN_ON_KEY, localDate(now));
}
