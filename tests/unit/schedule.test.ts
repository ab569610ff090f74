import { describe, expect, it } from 'vitest';
import { parseScheduleState } from '@/utils/model/schedule';
import {
  AWAY_BREAK,
  FIRST_MINUTES_BACK,
  isActiveMoment,
  isBreak,
  isGoodMoment,
  nextOfferAt,
  restUntil,
  scheduleStatus,
  type ScheduleHistory,
} from '@/utils/schedule/schedule';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/settings';
import { MINUTE } from '@/utils/time';

// Local times in Europe/Amsterdam (pinned in vitest.config.ts). 25 Nov 2026 is a Wednesday.
const at = (day: number, hour: number, minute = 0, month = 10, year = 2026) => new Date(year, month, day, hour, minute).getTime();
/** What nothing stored reads as: no offer planned or open, no history. */
const EMPTY_SCHEDULE = parseScheduleState(undefined);
const NO_HISTORY: ScheduleHistory = { snoozedUntil: null, quietUntil: null, recentOffers: [], lastPauseAt: null, backAt: null };
const ALL_DAYS: Settings = { ...DEFAULT_SETTINGS, activeDays: [0, 1, 2, 3, 4, 5, 6] };

describe('nextOfferAt', () => {
  it.each([
    ['a random moment 60 minutes on, at the low end', at(25, 10), 0, at(25, 11)],
    ['a random moment 90 minutes on, mid-range', at(25, 10), 0.5, at(25, 11, 30)],
    ['the whole range up to 120 minutes', at(25, 10), 0.9999999, at(25, 12)],
    ['before active hours: moves to the start of the day', at(25, 7), 0, at(25, 9)],
    ['past the end of active hours: next morning', at(25, 17, 30), 0, at(26, 9)],
    ['Friday evening: Monday morning', at(27, 17, 30), 0, at(30, 9)],
    ['Saturday: Monday morning', at(28, 12), 0, at(30, 9)],
    ['across midnight: into the next active morning', at(24, 23, 30), 0, at(25, 9)],
  ])('%s', (_case, now, random, expected) => {
    const result = nextOfferAt(now, DEFAULT_SETTINGS, NO_HISTORY, () => random);
    // The morning start is spread over its first half hour; with random 0 it is exactly the start.
    expect(result).toBe(expected);
  });

  it('spreads the first offer of a morning over its first half hour', () => {
    const result = nextOfferAt(at(25, 17, 30), DEFAULT_SETTINGS, NO_HISTORY, () => 0.5);
    expect(result).toBe(at(26, 9, 15));
  });

  it('skips a day whose cap is reached', () => {
    const history = { ...NO_HISTORY, recentOffers: [at(25, 9, 10), at(25, 10), at(25, 11), at(25, 12)] };
    expect(nextOfferAt(at(25, 12, 5), DEFAULT_SETTINGS, history, () => 0)).toBe(at(26, 9));
    // Offers from yesterday do not count against today.
    const yesterday = { ...NO_HISTORY, recentOffers: [at(24, 9), at(24, 10), at(24, 11), at(24, 12)] };
    expect(nextOfferAt(at(25, 10), DEFAULT_SETTINGS, yesterday, () => 0)).toBe(at(25, 11));
  });

  it('brings a snoozed offer back when the snooze ends', () => {
    const history = { ...NO_HISTORY, snoozedUntil: at(25, 10, 15) };
    expect(nextOfferAt(at(25, 10), DEFAULT_SETTINGS, history, () => 0.7)).toBe(at(25, 10, 15));
  });

  it('moves a snooze that ends after active hours to the next active morning', () => {
    const history = { ...NO_HISTORY, snoozedUntil: at(25, 18, 5) };
    expect(nextOfferAt(at(25, 17, 5), DEFAULT_SETTINGS, history, () => 0)).toBe(at(26, 9));
  });

  it('ignores a snooze that has passed', () => {
    const history = { ...NO_HISTORY, snoozedUntil: at(25, 9) };
    expect(nextOfferAt(at(25, 10), DEFAULT_SETTINGS, history, () => 0)).toBe(at(25, 11));
  });

  it('keeps quiet for an hour, then the usual rhythm resumes', () => {
    const history = { ...NO_HISTORY, quietUntil: at(25, 11) };
    expect(nextOfferAt(at(25, 10), DEFAULT_SETTINGS, history, () => 0)).toBe(at(25, 12));
  });

  it('"no more today" waits for the next active morning', () => {
    const history = { ...NO_HISTORY, quietUntil: at(26, 0) };
    expect(nextOfferAt(at(25, 14), DEFAULT_SETTINGS, history, () => 0)).toBe(at(26, 9));
  });

  it('plans nothing when pauses are off', () => {
    expect(nextOfferAt(at(25, 10), { ...DEFAULT_SETTINGS, pausesEnabled: false }, NO_HISTORY, () => 0)).toBeNull();
  });

  it('works with active hours that end at midnight', () => {
    const settings = { ...ALL_DAYS, activeStartMinutes: 0, activeEndMinutes: 24 * 60, minIntervalMinutes: 30, maxIntervalMinutes: 30 };
    expect(nextOfferAt(at(25, 23, 0), settings, NO_HISTORY, () => 0)).toBe(at(25, 23, 30));
    expect(nextOfferAt(at(25, 23, 45), settings, NO_HISTORY, () => 0)).toBe(at(26, 0, 15));
  });

  it('starts at 09:00 local time on the day clocks go forward (29 March 2026)', () => {
    const next = nextOfferAt(at(28, 17, 30, 2), ALL_DAYS, NO_HISTORY, () => 0);
    expect(next).toBe(at(29, 9, 0, 2));
    expect(new Date(next!).getHours()).toBe(9);
  });

  it('starts at 09:00 local time on the day clocks go back (25 October 2026)', () => {
    const next = nextOfferAt(at(24, 17, 30, 9), ALL_DAYS, NO_HISTORY, () => 0);
    expect(new Date(next!).getHours()).toBe(9);
    expect(next).toBe(at(25, 9, 0, 9));
  });

  it('measures intervals in real time across a clock change', () => {
    // 01:30 + 60 minutes on 29 March is 03:30: the hour from 02:00 to 03:00 does not exist.
    const settings = { ...ALL_DAYS, activeStartMinutes: 0, activeEndMinutes: 24 * 60 };
    expect(new Date(nextOfferAt(at(29, 1, 30, 2), settings, NO_HISTORY, () => 0)!).getHours()).toBe(3);
  });

  it('returns null when no active day exists', () => {
    const capped = { ...DEFAULT_SETTINGS, activeDays: [] };
    expect(nextOfferAt(at(25, 10), capped, NO_HISTORY, () => 0)).toBeNull();
  });
});

describe('a pause taken counts', () => {
  const pausedAt = (time: number): ScheduleHistory => ({ ...NO_HISTORY, lastPauseAt: time });

  it.each([
    ['no pause taken: no rest', DEFAULT_SETTINGS, NO_HISTORY, -Infinity],
    ['the minimum interval after the pause', DEFAULT_SETTINGS, pausedAt(at(25, 10)), at(25, 11)],
    ['a shorter minimum interval', { ...DEFAULT_SETTINGS, minIntervalMinutes: 15 }, pausedAt(at(25, 10)), at(25, 10, 15)],
    ['a longer one', { ...DEFAULT_SETTINGS, minIntervalMinutes: 100, maxIntervalMinutes: 120 }, pausedAt(at(25, 10)), at(25, 11, 40)],
  ])('restUntil: %s', (_case, settings, history, expected) => {
    expect(restUntil(settings, history)).toBe(expected);
  });

  it.each([
    ['planned from the pause, at the moment it is taken', at(25, 10), pausedAt(at(25, 10)), 0, at(25, 11)],
    ['the whole range from the pause', at(25, 10), pausedAt(at(25, 10)), 0.9999999, at(25, 12)],
    ['an alarm planned before the pause fires during its rest: still from the pause', at(25, 10, 20), pausedAt(at(25, 10)), 0, at(25, 11)],
    ['the same, high in the range', at(25, 10, 20), pausedAt(at(25, 10)), 0.5, at(25, 11, 30)],
    ['once the rest is over: from now, as always', at(25, 11, 10), pausedAt(at(25, 10)), 0, at(25, 12, 10)],
    [
      'a snooze ending within the rest waits for its end',
      at(25, 10, 5),
      { ...pausedAt(at(25, 10)), snoozedUntil: at(25, 10, 20) },
      0,
      at(25, 11),
    ],
    ['a snooze ending after the rest is kept', at(25, 10, 5), { ...pausedAt(at(25, 9)), snoozedUntil: at(25, 10, 20) }, 0, at(25, 10, 20)],
    [
      'quiet for longer than the rest: from the end of the quiet',
      at(25, 10),
      { ...pausedAt(at(25, 10)), quietUntil: at(25, 12) },
      0,
      at(25, 13),
    ],
    ['a pause late in the day: the next active morning', at(25, 17, 30), pausedAt(at(25, 17, 30)), 0, at(26, 9)],
    ['a pause yesterday evening does not hold back this morning', at(26, 9, 5), pausedAt(at(25, 17, 30)), 0, at(26, 10, 5)],
  ])('nextOfferAt: %s', (_case, now, history, random, expected) => {
    expect(nextOfferAt(now, DEFAULT_SETTINGS, history, () => random)).toBe(expected);
  });

  it('never plans inside the rest, whatever the random draw', () => {
    for (const random of [0, 0.25, 0.5, 0.75, 0.9999999]) {
      for (const minute of [0, 1, 30, 59]) {
        const next = nextOfferAt(at(25, 10, minute), DEFAULT_SETTINGS, pausedAt(at(25, 10)), () => random);
        expect(next).toBeGreaterThanOrEqual(at(25, 11));
      }
    }
  });
});

describe('time away counts', () => {
  const backAt = (time: number): ScheduleHistory => ({ ...NO_HISTORY, backAt: time });

  it('counts ten minutes away as a break, and names the first minutes back', () => {
    expect(AWAY_BREAK).toBe(10 * MINUTE);
    expect(FIRST_MINUTES_BACK).toBe(10 * MINUTE);
  });

  it.each([
    ['not away', null, at(25, 10), false],
    ['away 2 minutes', at(25, 10), at(25, 10, 2), false],
    ['away 9 minutes 59 seconds', at(25, 10), at(25, 10, 10) - 1000, false],
    ['away exactly 10 minutes', at(25, 10), at(25, 10, 10), true],
    ['a lunch away', at(25, 12, 5), at(25, 13), true],
    ['an alarm due at 17:40 fired on waking the next morning (asleep all night)', at(25, 17, 40), at(26, 8, 55), true],
    ['an alarm fired a minute late (not asleep)', at(25, 10), at(25, 10, 1), false],
  ])('isBreak: %s', (_case, since, now, expected) => {
    expect(isBreak(since, now)).toBe(expected);
  });

  it.each([
    ['the first minutes after the return', DEFAULT_SETTINGS, backAt(at(25, 10)), at(25, 10, 10)],
    [
      'a pause taken after the return: its own minimum interval',
      DEFAULT_SETTINGS,
      { ...backAt(at(25, 10)), lastPauseAt: at(25, 10, 5) },
      at(25, 11, 5),
    ],
    [
      'a return after a pause: the later of the two rests',
      DEFAULT_SETTINGS,
      { ...backAt(at(25, 10, 55)), lastPauseAt: at(25, 10) },
      at(25, 11, 5),
    ],
  ])('restUntil: %s', (_case, settings, history, expected) => {
    expect(restUntil(settings, history)).toBe(expected);
  });

  it.each([
    ['planned from the return', at(25, 13), backAt(at(25, 13)), 0, at(25, 14)],
    ['high in the range, from the return', at(25, 13), backAt(at(25, 13)), 0.5, at(25, 14, 30)],
    ['an alarm planned before firing just after the return: still from the return', at(25, 13, 3), backAt(at(25, 13)), 0, at(25, 14)],
    [
      'a snooze that ends in the first minutes back waits for them to pass',
      at(25, 13),
      { ...backAt(at(25, 13)), snoozedUntil: at(25, 13, 2) },
      0,
      at(25, 13, 10),
    ],
    ['back from a night asleep before active hours: spread over the morning', at(26, 7), backAt(at(26, 7)), 0, at(26, 9)],
  ])('nextOfferAt: %s', (_case, now, history, random, expected) => {
    expect(nextOfferAt(now, DEFAULT_SETTINGS, history, () => random)).toBe(expected);
  });

  it('never plans in the first minutes back, even with the shortest interval and a snooze', () => {
    const shortest = { ...ALL_DAYS, activeStartMinutes: 0, activeEndMinutes: 24 * 60, minIntervalMinutes: 15, maxIntervalMinutes: 15 };
    for (const snoozedUntil of [null, at(25, 13, 1), at(25, 13, 9)]) {
      const next = nextOfferAt(at(25, 13), shortest, { ...backAt(at(25, 13)), snoozedUntil }, () => 0);
      expect(next).toBeGreaterThanOrEqual(at(25, 13) + FIRST_MINUTES_BACK);
    }
  });
});

describe('isActiveMoment', () => {
  it.each([
    ['inside active hours on a weekday', at(25, 10), NO_HISTORY, true],
    ['at the start', at(25, 9), NO_HISTORY, true],
    ['at the end (exclusive)', at(25, 18), NO_HISTORY, false],
    ['on Saturday', at(28, 10), NO_HISTORY, false],
    ['while quiet', at(25, 10), { ...NO_HISTORY, quietUntil: at(25, 11) }, false],
    ['with the cap reached', at(25, 14), { ...NO_HISTORY, recentOffers: [at(25, 9), at(25, 10), at(25, 11), at(25, 12)] }, false],
  ])('%s', (_case, moment, history, expected) => {
    expect(isActiveMoment(moment, DEFAULT_SETTINGS, history)).toBe(expected);
  });
});

describe('isGoodMoment', () => {
  it.each([
    [{ idle: 'active', focusedWindowState: 'normal', audible: false }, { ok: true }],
    [{ idle: 'active', focusedWindowState: 'maximized', audible: false }, { ok: true }],
    [{ idle: 'active', focusedWindowState: undefined, audible: false }, { ok: true }],
    [
      { idle: 'idle', focusedWindowState: 'normal', audible: false },
      { ok: false, reason: 'idle' },
    ],
    [
      { idle: 'locked', focusedWindowState: 'normal', audible: false },
      { ok: false, reason: 'locked' },
    ],
    [
      { idle: 'active', focusedWindowState: 'fullscreen', audible: false },
      { ok: false, reason: 'fullscreen' },
    ],
    [
      { idle: 'active', focusedWindowState: 'normal', audible: true },
      { ok: false, reason: 'audible' },
    ],
    [
      { idle: 'locked', focusedWindowState: 'fullscreen', audible: true },
      { ok: false, reason: 'locked' },
    ],
  ] as const)('%j → %j', (signals, verdict) => {
    expect(isGoodMoment(signals)).toEqual(verdict);
  });
});

describe('scheduleStatus', () => {
  const now = at(25, 10);
  it.each([
    ['off', { ...DEFAULT_SETTINGS, pausesEnabled: false }, EMPTY_SCHEDULE, { kind: 'off' }],
    ['next', DEFAULT_SETTINGS, { ...EMPTY_SCHEDULE, nextOfferAt: at(25, 11) }, { kind: 'next', at: at(25, 11) }],
    ['open offer', DEFAULT_SETTINGS, { ...EMPTY_SCHEDULE, offer: { offeredAt: now, expiresAt: now + 1 } }, { kind: 'offer-open' }],
    [
      'quiet for an hour',
      DEFAULT_SETTINGS,
      { ...EMPTY_SCHEDULE, quietUntil: at(25, 11) },
      { kind: 'quiet', until: at(25, 11), tomorrowOrLater: false },
    ],
    [
      'quiet until tomorrow',
      DEFAULT_SETTINGS,
      { ...EMPTY_SCHEDULE, quietUntil: at(26, 0) },
      { kind: 'quiet', until: at(26, 0), tomorrowOrLater: true },
    ],
    ['nothing planned', DEFAULT_SETTINGS, EMPTY_SCHEDULE, { kind: 'none' }],
  ] as const)('%s', (_case, settings, state, expected) => {
    expect(scheduleStatus(now, settings, state)).toEqual(expected);
  });
});

describe('parseScheduleState', () => {
  it('reads what it stored', () => {
    const state = {
      ...EMPTY_SCHEDULE,
      nextOfferAt: 5,
      waiting: true,
      offer: { offeredAt: 1, expiresAt: 2 },
      pauseWindowId: 3,
      recentOffers: [1],
    };
    expect(parseScheduleState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('reads state stored by an earlier version: no pause taken, not away, no return', () => {
    const earlier = {
      nextOfferAt: 5,
      waiting: false,
      snoozedUntil: null,
      quietUntil: null,
      offer: null,
      pauseWindowId: null,
      recentOffers: [1],
    };
    expect(parseScheduleState(earlier)).toEqual({ ...earlier, lastPauseAt: null, awaySince: null, backAt: null });
  });

  it('reads the times of a pause, an absence and a return, and drops an unreadable one alone', () => {
    const stored = { ...EMPTY_SCHEDULE, lastPauseAt: 10, awaySince: 'soon', backAt: 30 };
    expect(parseScheduleState(stored)).toEqual({ ...EMPTY_SCHEDULE, lastPauseAt: 10, backAt: 30 });
  });

  it.each([undefined, null, 'x', 42, [], { nextOfferAt: 'soon', offer: { offeredAt: 'x' }, recentOffers: 'many', pauseWindowId: 1.5 }])(
    'starts afresh from unreadable state %j',
    (stored) => {
      expect(parseScheduleState(stored)).toEqual(EMPTY_SCHEDULE);
    },
  );
});
