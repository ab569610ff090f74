/** The schedule state in browser.storage.local: the background writes it, the popup reads it. */
import { browser } from 'wxt/browser';
import { parseScheduleState, type ScheduleState } from '@/utils/model/schedule';

const STATE_KEY = 'schedule';

/** The schedule state stored on this device. */
export async function loadScheduleState(): Promise<ScheduleState> {
  return parseScheduleState((await browser.storage.local.get(STATE_KEY))[STATE_KEY]);
}

export async function saveScheduleState(state: ScheduleState): Promise<void> {
  await browser.storage.local.set({ [STATE_KEY]: state });
}
