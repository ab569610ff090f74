/** The pause schedule as the popup shows it, following every change the background makes. */
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground, type Message } from '@/utils/messages';
import { PAUSE_ALARM, scheduleStatus, type ScheduleStatus } from '@/utils/schedule/schedule';
import { loadScheduleState } from '@/utils/storage/schedule-state';
import { loadSettings } from '@/utils/storage/settings';
import { logProblem } from '@/utils/log';
import { storageSignal, useLoadable, type Loadable } from './loadable';

export interface ScheduleHandle {
  readonly state: Loadable<ScheduleStatus>;
  /** True while a request to the background is under way. */
  readonly busy: boolean;
  /** Asks the background to change the schedule (quiet until a time, resume, …). */
  readonly send: (message: Message) => Promise<void>;
}

async function readStatus(repair: boolean): Promise<ScheduleStatus> {
  const [settings, schedule, alarm] = await Promise.all([loadSettings(), loadScheduleState(), browser.alarms.get(PAUSE_ALARM)]);
  if (repair && settings.pausesEnabled && !alarm) {
    // The browser dropped the alarm (an update can clear alarms after the background planned
    // them): the background plans again, once, and the panel shows the new plan.
    await sendToBackground({ type: 'check-schedule' });
    return readStatus(false);
  }
  return scheduleStatus(Date.now(), settings, schedule);
}

export function useSchedule(): ScheduleHandle {
  // The repair is asked for once per opening: its own write to the schedule fires the signal again.
  const repairAsked = useRef(false);
  const [state, reload] = useLoadable(() => {
    const repair = !repairAsked.current;
    repairAsked.current = true;
    // The panel shows nothing rather than a problem: the prompt above is what matters.
    return readStatus(repair).catch((error: unknown) => {
      logProblem('could not read the pause schedule', error);
      throw error;
    });
  }, [storageSignal('local', 'schedule'), storageSignal('sync', 'settings')]);
  const [busy, setBusy] = useState(false);
  async function send(message: Message) {
    setBusy(true);
    try {
      await sendToBackground(message);
      reload();
    } finally {
      setBusy(false);
    }
  }
  return { state, busy, send };
}
