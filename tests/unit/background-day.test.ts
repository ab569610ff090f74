// A whole weekday of the real background code under default settings, on a fake clock: how often
// does it wake, and does it ever start a timer? (`npm run bench` reports these figures too.)
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/entrypoints/background/scheduler';
import { listPauseEvents } from '@/utils/db/events';
import { loadScheduleState } from '@/utils/storage/schedule-state';
import { MINUTE } from '@/utils/time';
import { countOwnTimers, installBackground, senseMoment, settle } from './background-clock';

// Wednesday 25 November 2026, from midnight to midnight, local time.
const DAY_START = new Date(2026, 10, 25, 0, 0).getTime();
const DAY_END = new Date(2026, 10, 26, 0, 0).getTime();

let ownTimers: () => number;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(DAY_START);
  ownTimers = countOwnTimers();
  senseMoment();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Runs the day: every alarm fires when due; `respond` is called after each offer. */
async function simulateDay(respond: (now: number) => Promise<void>): Promise<{ wakeUps: number; offers: number; timers: number }> {
  await installBackground();
  let wakeUps = 0;
  for (let guard = 0; guard < 500; guard++) {
    const next = (await fakeBrowser.alarms.getAll()).sort((a, b) => a.scheduledTime - b.scheduledTime)[0];
    if (!next || next.scheduledTime >= DAY_END) break;
    vi.setSystemTime(Math.max(next.scheduledTime, Date.now()));
    wakeUps++;
    const offersBefore = (await listPauseEvents()).filter((event) => event.type === 'offered').length;
    await fakeBrowser.alarms.onAlarm.trigger(next);
    await settle();
    const offersAfter = (await listPauseEvents()).filter((event) => event.type === 'offered').length;
    if (offersAfter > offersBefore) await respond(Date.now());
  }
  const offers = (await listPauseEvents()).filter((event) => event.type === 'offered').length;
  return { wakeUps, offers, timers: ownTimers() };
}

describe('the background over a day at rest', () => {
  it('wakes only to offer when the person takes each pause, and starts no timer', async () => {
    const day = await simulateDay(async (now) => {
      vi.setSystemTime(now + 2 * MINUTE);
      await handleMessage({ type: 'pause-ended', outcome: 'answered', promptId: 'q-beliefs' });
    });
    expect(day.offers).toBeGreaterThanOrEqual(3);
    expect(day.offers).toBeLessThanOrEqual(4);
    // One wake-up per offer; the last plan of the day points at tomorrow morning.
    expect(day.wakeUps).toBeLessThanOrEqual(day.offers + 1);
    expect(day.timers).toBe(0);
    if (process.env.BENCH_BACKGROUND_OUT) writeFileSync(process.env.BENCH_BACKGROUND_OUT, JSON.stringify(day));
  });

  it('adds two per offer nobody takes: its notification at the latest seam, its quiet expiry', async () => {
    const day = await simulateDay(() => Promise.resolve());
    expect(day.wakeUps).toBeLessThanOrEqual(3 * day.offers + 1);
    expect(day.timers).toBe(0);
    expect((await loadScheduleState()).offer).toBeNull();
  });
});
