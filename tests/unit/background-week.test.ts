// The simulated week (tests/unit/week.ts): a week of browser states drives the real background on
// a fake clock. Its table is in the README ("A simulated week"); `SIM_WEEK_OUT=file` writes it there.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countOwnTimers } from './background-clock';
import { badOffers, simulateWeek, weekTable } from './week';

let ownTimers: () => number;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  ownTimers = countOwnTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('a simulated week', () => {
  it('offers every day it may, and never at a bad moment, right after a pause, a return or waking', { timeout: 120_000 }, async () => {
    const week = await simulateWeek();
    const table = weekTable(week);
    console.log(`${table}\n\nwake-ups: ${JSON.stringify(week.wakeUps)}, timers: ${ownTimers()}\n${week.faults.join('\n')}`);
    if (process.env.SIM_WEEK_OUT) writeFileSync(process.env.SIM_WEEK_OUT, `${table}\n`);
    if (process.env.BENCH_WEEK_OUT) {
      // `npm run bench` reports these beside its day at rest (tests/bench/bench.spec.ts).
      writeFileSync(
        process.env.BENCH_WEEK_OUT,
        JSON.stringify({
          wakeUps: week.wakeUps,
          offers: week.days.reduce((sum, day) => sum + day.offers, 0),
          notified: week.days.reduce((sum, day) => sum + day.notified, 0),
          faults: badOffers(week),
          timers: ownTimers(),
        }),
      );
    }

    for (const day of week.days) {
      expect.soft(day, day.day).toMatchObject({ atBadMoment: 0, withinIntervalOfPause: 0, inFirstMinutesBack: 0, rightAfterWaking: 0 });
    }
    // Sunday the computer sleeps all day; every other day the person is at it gets offers, the
    // night the clocks go back included, and never more than the daily cap.
    const offers = week.days.map((day) => day.offers);
    expect(offers[3]).toBe(0);
    for (const [index, count] of offers.entries()) {
      if (index === 3) continue;
      expect(count, week.days[index]?.day).toBeGreaterThanOrEqual(1);
      expect(count, week.days[index]?.day).toBeLessThanOrEqual(4);
    }
    // The offers went on to their notification at a seam (the person moves between tabs all day).
    expect(week.days.reduce((sum, day) => sum + day.notified, 0)).toBeGreaterThan(0);
    expect(ownTimers()).toBe(0);
  });

  it(
    'sees a background that ignores the person: told that all is always well, it offers at bad moments',
    { timeout: 120_000 },
    async () => {
      const week = await simulateWeek(undefined, { blind: true });
      const total = (pick: (day: (typeof week.days)[number]) => number) => week.days.reduce((sum, day) => sum + pick(day), 0);
      expect(total((day) => day.atBadMoment)).toBeGreaterThan(0);
      expect(total((day) => day.inFirstMinutesBack + day.rightAfterWaking)).toBeGreaterThan(0);
    },
  );
});
