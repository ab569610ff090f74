// The back-off rule (utils/schedule/back-off.ts) in tables, and what it does to nextOfferAt and
// the day's cap: offers that pass by come less often, pauses taken bring the set pace back step by
// step, and never more often than the person chose.
import { describe, expect, it } from 'vitest';
import { BACK_OFF_LIMIT, backedOffCap, backOffAfter, backOffFactor, MAX_BACK_OFF, type PaceEvent } from '@/utils/schedule/back-off';
import { isActiveMoment, nextOfferAt, type ScheduleHistory } from '@/utils/schedule/schedule';
import { DEFAULT_SETTINGS, LIMITS, type Settings } from '@/utils/model/settings';
import { MINUTE } from '@/utils/time';

// Wednesday 25 November 2026, local time (Europe/Amsterdam, pinned in vitest.config.ts).
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
const NO_HISTORY: ScheduleHistory = { snoozedUntil: null, quietUntil: null, recentOffers: [], lastPauseAt: null, backAt: null, backOff: 0 };
const WHOLE_DAYS: Settings = {
  ...DEFAULT_SETTINGS,
  activeDays: [0, 1, 2, 3, 4, 5, 6],
  activeRanges: [{ startMinutes: 0, endMinutes: 24 * 60 }],
};

describe('the back-off rule', () => {
  it.each([
    [0, 1],
    [1, 1.5],
    [2, 2.25],
    [3, 3.375],
    [4, 4],
  ])('%i steps back: the interval is %f times the set one', (steps, factor) => {
    expect(backOffFactor(steps)).toBe(factor);
  });

  it('stops at four times the set interval, the deepest step', () => {
    expect(MAX_BACK_OFF).toBe(4);
    expect(backOffFactor(MAX_BACK_OFF)).toBe(BACK_OFF_LIMIT);
  });

  it.each<[string, readonly PaceEvent[], number]>([
    ['nothing yet', [], 0],
    ['one offer passed by', ['ignored'], 1],
    ['three passed by', ['ignored', 'ignored', 'ignored'], 3],
    ['six passed by: no deeper than the limit', ['ignored', 'ignored', 'ignored', 'ignored', 'ignored', 'ignored'], 4],
    ['three passed by, then a pause taken: one step nearer', ['ignored', 'ignored', 'ignored', 'taken'], 2],
    ['three passed by, then three pauses: the set pace again', ['ignored', 'ignored', 'ignored', 'taken', 'taken', 'taken'], 0],
    ['pauses taken at the set pace change nothing', ['taken', 'taken'], 0],
    ['a pause taken is not saved up for later offers', ['taken', 'taken', 'ignored'], 1],
    ['at the limit, one pause taken: one step back', ['ignored', 'ignored', 'ignored', 'ignored', 'ignored', 'taken'], 3],
  ])('%s: %j → %i steps back', (_case, events, expected) => {
    expect(events.reduce(backOffAfter, 0)).toBe(expected);
  });

  it.each([
    ['a negative number', -3, 'ignored', 1],
    ['a fraction', 2.7, 'taken', 1],
    ['too many steps', 40, 'taken', MAX_BACK_OFF - 1],
    ['not a number', Number.NaN, 'ignored', 1],
  ] as const)('takes %s as the nearest whole step in bounds', (_case, steps, event, expected) => {
    expect(backOffAfter(steps, event)).toBe(expected);
  });

  it.each([
    // The person's cap: 4 a day (the default), 1 (the least), 12 (the most).
    [4, [4, 3, 2, 2, 1]],
    [1, [1, 1, 1, 1, 1]],
    [12, [12, 8, 6, 4, 3]],
  ])('a cap of %i a day, from 0 to 4 steps back: %j', (maxPerDay, caps) => {
    expect([0, 1, 2, 3, 4].map((steps) => backedOffCap(maxPerDay, steps))).toEqual(caps);
  });
});

describe('nextOfferAt, backed off', () => {
  it.each([
    // From 10:00 with 60–120 minutes: the low end and the high end of the draw.
    [0, 0, at(25, 11)],
    [0, 0.9999999, at(25, 12)],
    [1, 0, at(25, 11, 30)],
    [2, 0, at(25, 12, 15)],
    [3, 0, new Date(2026, 10, 25, 13, 22, 30).getTime()],
    [4, 0, at(25, 14)],
    [4, 0.9999999, at(25, 18)],
  ])('%i steps back, draw %f: %s', (backOff, draw, expected) => {
    expect(nextOfferAt(at(25, 10), WHOLE_DAYS, { ...NO_HISTORY, backOff }, () => draw)).toBe(expected);
  });

  it('lowers the day’s cap: two offers today at two steps back, and the next comes tomorrow', () => {
    const history = { ...NO_HISTORY, recentOffers: [at(25, 9, 10), at(25, 11)], backOff: 2 };
    // At the set pace the third offer of today would come at 13:00.
    expect(nextOfferAt(at(25, 12), DEFAULT_SETTINGS, { ...history, backOff: 0 }, () => 0)).toBe(at(25, 13));
    expect(nextOfferAt(at(25, 12), DEFAULT_SETTINGS, history, () => 0)).toBe(at(26, 9));
    expect(isActiveMoment(at(25, 14), DEFAULT_SETTINGS, history)).toBe(false);
    expect(isActiveMoment(at(25, 14), DEFAULT_SETTINGS, { ...history, backOff: 1 })).toBe(true);
  });

  it('brings a snoozed offer back when the snooze ends, whatever the pace', () => {
    const history = { ...NO_HISTORY, snoozedUntil: at(25, 10, 15), backOff: 3 };
    expect(nextOfferAt(at(25, 10), WHOLE_DAYS, history, () => 0.5)).toBe(at(25, 10, 15));
  });

  it('keeps the rest after a pause taken as the person set it, and backs off the interval after it', () => {
    // A pause at 10:00, an alarm planned before it firing at 10:20: the interval counts from the pause.
    const history = { ...NO_HISTORY, lastPauseAt: at(25, 10), backOff: 2 };
    expect(nextOfferAt(at(25, 10, 20), WHOLE_DAYS, history, () => 0)).toBe(at(25, 12, 15));
  });

  it('never comes more often than the person chose, at any pace, interval or draw', () => {
    for (let backOff = 0; backOff <= MAX_BACK_OFF + 1; backOff++) {
      for (const minutes of [LIMITS.intervalMinutes.min, 60, LIMITS.intervalMinutes.max]) {
        for (const draw of [0, 0.3, 0.9999999]) {
          const settings = { ...WHOLE_DAYS, minIntervalMinutes: minutes, maxIntervalMinutes: minutes };
          const next = nextOfferAt(at(25, 0, 5), settings, { ...NO_HISTORY, backOff }, () => draw);
          expect(next, `${backOff} steps, ${minutes} minutes, draw ${draw}`).toBeGreaterThanOrEqual(at(25, 0, 5) + minutes * MINUTE);
          expect(next).toBeLessThanOrEqual(at(25, 0, 5) + BACK_OFF_LIMIT * minutes * MINUTE);
        }
      }
      for (let maxPerDay = LIMITS.maxPerDay.min; maxPerDay <= LIMITS.maxPerDay.max; maxPerDay++) {
        expect(backedOffCap(maxPerDay, backOff)).toBeLessThanOrEqual(maxPerDay);
        expect(backedOffCap(maxPerDay, backOff)).toBeGreaterThanOrEqual(1);
      }
    }
  });
});
