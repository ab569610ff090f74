import { describe, expect, it } from 'vitest';
import { parseScheduleState } from '@/utils/model/schedule';
import {
  endOfToday,
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
const NO_HISTORY: ScheduleHistory = { snoozedUntil: null, quietUntil: null, recentOffers: [], lastPauseAt: null, backAt: null, backOff: 0 };
const ALL_DAYS: Settings = { ...DEFAULT_SETTINGS, activeDays: [0, 1, 2, 3, 4, 5, 6] };
/** Active from midnight to midnight. */
const WHOLE_DAY = [{ startMinutes: 0, endMinutes: 24 * 60 }];

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
    const settings = { ...ALL_DAYS, activeRanges: WHOLE_DAY, minIntervalMinutes: 30, maxIntervalMinutes: 30 };
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
    const settings = { ...ALL_DAYS, activeRanges: WHOLE_DAY };
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
    const shortest = { ...ALL_DAYS, activeRanges: WHOLE_DAY, minIntervalMinutes: 15, maxIntervalMinutes: 15 };
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

describe('active hours: up to three ranges a day, and ranges that cross midnight', () => {
  // 25 November 2026 is a Wednesday, 27 a Friday, 28 a Saturday; 4 December the next Friday.
  /** Two ranges with a lunch between: 09:00–12:00 and 13:00–18:00, Monday to Friday. */
  const SPLIT: Settings = {
    ...DEFAULT_SETTINGS,
    activeRanges: [
      { startMinutes: 9 * 60, endMinutes: 12 * 60 },
      { startMinutes: 13 * 60, endMinutes: 18 * 60 },
    ],
  };
  /** An evening worker's Friday: 22:00–02:00, into Saturday morning although Saturday is no active day. */
  const FRIDAY_NIGHT: Settings = { ...DEFAULT_SETTINGS, activeDays: [5], activeRanges: [{ startMinutes: 22 * 60, endMinutes: 2 * 60 }] };
  /** Three ranges, the last one crossing midnight: 07:00–09:00, 12:00–13:00, 21:00–01:00, every day. */
  const THREE: Settings = {
    ...ALL_DAYS,
    activeRanges: [
      { startMinutes: 7 * 60, endMinutes: 9 * 60 },
      { startMinutes: 12 * 60, endMinutes: 13 * 60 },
      { startMinutes: 21 * 60, endMinutes: 60 },
    ],
  };
  const offered = (...recentOffers: number[]): ScheduleHistory => ({ ...NO_HISTORY, recentOffers });

  it.each([
    ['a day range: at midnight', DEFAULT_SETTINGS, at(25, 10), at(26, 0)],
    ['inside Friday night, before midnight: when the range ends', FRIDAY_NIGHT, at(27, 23, 30), at(28, 2)],
    ['inside Friday night, after midnight: still Friday', FRIDAY_NIGHT, at(28, 1), at(28, 2)],
    ['Friday morning, with the night range still to come', FRIDAY_NIGHT, at(27, 10), at(28, 2)],
    ['after the night range ended, on Saturday: Saturday ends at midnight', FRIDAY_NIGHT, at(28, 3), at(29, 0)],
    ['three ranges, the last past midnight', THREE, at(25, 8), at(26, 1)],
    ['inside a night range of a day that is not active: the calendar day', { ...FRIDAY_NIGHT, activeDays: [1] }, at(28, 1), at(29, 0)],
  ] as const)('"No more today" and "The rest of today" end as the active day does: %s', (_, settings, now, end) => {
    expect(endOfToday(now, settings)).toBe(end);
  });

  it.each([
    ['inside the first range', SPLIT, at(25, 10), 0, at(25, 11)],
    ['into the lunch gap: the start of the afternoon range', SPLIT, at(25, 11, 30), 0, at(25, 13)],
    ['the afternoon range spreads its first offer over its first half hour', SPLIT, at(25, 11), 0.5, at(25, 13, 15)],
    ['past the last range: the first range of the next day', SPLIT, at(25, 17, 30), 0, at(26, 9)],
    ['a night range, before it starts', FRIDAY_NIGHT, at(27, 20), 0, at(27, 22)],
    ['a night range, inside it before midnight', FRIDAY_NIGHT, at(27, 21, 30), 0, at(27, 22, 30)],
    ["after midnight on Saturday, still in Friday's range", FRIDAY_NIGHT, at(28, 0, 30), 0, at(28, 1, 30)],
    ["past the end of Friday's range: next Friday", FRIDAY_NIGHT, at(28, 1, 30), 0, at(4, 22, 0, 11)],
    [
      "Thursday night is no active time: Thursday's range would be, and Thursday is no active day",
      FRIDAY_NIGHT,
      at(26, 23, 30),
      0,
      at(27, 22),
    ],
    ['three ranges: the morning one', THREE, at(25, 6), 0, at(25, 7)],
    ['three ranges: from the morning into the noon one', THREE, at(25, 8, 30), 0, at(25, 12)],
    ['three ranges: from noon into the evening one', THREE, at(25, 12, 30), 0, at(25, 21)],
    ['three ranges: the evening one runs past midnight', THREE, at(25, 23, 45), 0, at(26, 0, 45)],
    ['three ranges: past its end, the next morning', THREE, at(26, 0, 30), 0, at(26, 7)],
  ])('nextOfferAt: %s', (_case, settings, now, random, expected) => {
    expect(nextOfferAt(now, settings, NO_HISTORY, () => random)).toBe(expected);
  });

  it.each([
    ['SPLIT, morning', SPLIT, at(25, 11, 59), true],
    ['SPLIT, the end of the morning (exclusive)', SPLIT, at(25, 12), false],
    ['SPLIT, over lunch', SPLIT, at(25, 12, 30), false],
    ['SPLIT, the start of the afternoon', SPLIT, at(25, 13), true],
    ['Friday night, before it starts', FRIDAY_NIGHT, at(27, 21, 59), false],
    ['Friday night, at its start', FRIDAY_NIGHT, at(27, 22), true],
    ['Friday night, at midnight', FRIDAY_NIGHT, at(28, 0), true],
    ['Friday night, on Saturday morning: Saturday is no active day, yet the range is Friday’s', FRIDAY_NIGHT, at(28, 1, 59), true],
    ['Friday night, at its end (exclusive)', FRIDAY_NIGHT, at(28, 2), false],
    ["early Friday morning: Thursday's range, and Thursday is no active day", FRIDAY_NIGHT, at(27, 1), false],
    ['three ranges, between them', THREE, at(25, 10), false],
    ['three ranges, past midnight', THREE, at(26, 0, 59), true],
  ])('isActiveMoment: %s', (_case, settings, moment, expected) => {
    expect(isActiveMoment(moment, settings, NO_HISTORY)).toBe(expected);
  });

  it("counts offers after midnight toward the cap of the day the range started on, and Friday's toward Friday only", () => {
    const weekend: Settings = { ...FRIDAY_NIGHT, activeDays: [5, 6], maxPerDay: 2 };
    // Two offers on Friday night, one of them after midnight: Friday's cap is reached...
    const history = offered(at(27, 22, 10), at(28, 0, 30));
    expect(isActiveMoment(at(28, 1), weekend, history)).toBe(false);
    expect(nextOfferAt(at(28, 0, 40), weekend, history, () => 0)).toBe(at(28, 22));
    // ...and Saturday's own range starts with none counted.
    expect(isActiveMoment(at(28, 22, 30), weekend, history)).toBe(true);
  });

  it('an offer outside every range counts for its calendar day', () => {
    const capped = { ...SPLIT, maxPerDay: 1 };
    expect(isActiveMoment(at(25, 14), capped, offered(at(25, 12, 30)))).toBe(false);
    expect(isActiveMoment(at(26, 9), capped, offered(at(25, 12, 30)))).toBe(true);
  });

  it('never plans an offer outside the ranges, whatever the moment and the draw', () => {
    for (const settings of [SPLIT, FRIDAY_NIGHT, THREE]) {
      for (let minutes = 0; minutes < 3 * 24 * 60; minutes += 25) {
        for (const random of [0, 0.5, 0.9999999]) {
          const next = nextOfferAt(at(25, 0, minutes), settings, NO_HISTORY, () => random);
          expect(next).not.toBeNull();
          expect(isActiveMoment(next!, settings, NO_HISTORY)).toBe(true);
        }
      }
    }
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
    [
      'next',
      DEFAULT_SETTINGS,
      { ...EMPTY_SCHEDULE, nextOfferAt: at(25, 11) },
      { kind: 'next', at: at(25, 11), todayEndsAt: at(26, 0), backedOff: false },
    ],
    [
      'next, backed off',
      DEFAULT_SETTINGS,
      { ...EMPTY_SCHEDULE, nextOfferAt: at(25, 13), backOff: 2 },
      { kind: 'next', at: at(25, 13), todayEndsAt: at(26, 0), backedOff: true },
    ],
    ['open offer', DEFAULT_SETTINGS, { ...EMPTY_SCHEDULE, offer: { offeredAt: now, expiresAt: now + 1 } }, { kind: 'offer-open' }],
    [
      'quiet for an hour',
      DEFAULT_SETTINGS,
      { ...EMPTY_SCHEDULE, quietUntil: at(25, 11) },
      { kind: 'quiet', until: at(25, 11), reason: null, untilTomorrow: false },
    ],
    [
      'quiet until tomorrow',
      DEFAULT_SETTINGS,
      { ...EMPTY_SCHEDULE, quietUntil: at(26, 0) },
      { kind: 'quiet', until: at(26, 0), reason: null, untilTomorrow: true },
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
    expect(parseScheduleState(earlier)).toEqual({
      ...earlier,
      quietReason: null,
      lastPauseAt: null,
      awaySince: null,
      backAt: null,
      backOff: 0,
    });
  });

  it('reads the times of a pause, an absence and a return, and drops an unreadable one alone', () => {
    const stored = { ...EMPTY_SCHEDULE, lastPauseAt: 10, awaySince: 'soon', backAt: 30 };
    expect(parseScheduleState(stored)).toEqual({ ...EMPTY_SCHEDULE, lastPauseAt: 10, backAt: 30 });
  });

  it.each([
    ['a pace stored before there was one', {}, 0],
    ['steps back it stored', { backOff: 3 }, 3],
    ['no steps back', { backOff: 0 }, 0],
    ['a negative number', { backOff: -1 }, 0],
    ['more steps than there are', { backOff: 99 }, 0],
    ['a fraction', { backOff: 1.5 }, 0],
    ['text', { backOff: '2' }, 0],
    ['null', { backOff: null }, 0],
  ])('reads the pace from %s as %i steps back, leaving the rest as stored', (_case, stored, expected) => {
    const state = { ...EMPTY_SCHEDULE, nextOfferAt: 5, recentOffers: [1] };
    expect(parseScheduleState({ ...state, ...stored })).toEqual({ ...state, backOff: expected });
  });

  it.each([undefined, null, 'x', 42, [], { nextOfferAt: 'soon', offer: { offeredAt: 'x' }, recentOffers: 'many', pauseWindowId: 1.5 }])(
    'starts afresh from unreadable state %j',
    (stored) => {
      expect(parseScheduleState(stored)).toEqual(EMPTY_SCHEDULE);
    },
  );
});

describe('quiet times', () => {
  // Wednesday 25 November, 10:00: a working day, inside active hours.
  const now = at(25, 10);
  const planned = { ...EMPTY_SCHEDULE, nextOfferAt: at(25, 11, 15) };

  it.each([
    ['quiet for 30 minutes', at(25, 10, 30), null, false],
    ['in a meeting for an hour', at(25, 11), 'meeting', false],
    ['quiet for the rest of today', at(26, 0), null, true],
    ['quiet until a time tomorrow', at(26, 9), null, false],
    ['in a meeting past midnight', at(26, 0, 30), 'meeting', false],
  ] as const)('the popup is told: %s', (_case, quietUntil, quietReason, untilTomorrow) => {
    expect(scheduleStatus(now, DEFAULT_SETTINGS, { ...planned, quietUntil, quietReason })).toEqual({
      kind: 'quiet',
      until: quietUntil,
      reason: quietReason,
      untilTomorrow,
    });
  });

  it('once a quiet time has ended, the popup shows the next pause, whatever its reason was', () => {
    const ended = { ...planned, quietUntil: now, quietReason: 'meeting' as const };
    expect(scheduleStatus(now, DEFAULT_SETTINGS, ended)).toEqual({
      kind: 'next',
      at: at(25, 11, 15),
      todayEndsAt: at(26, 0),
      backedOff: false,
    });
  });

  it('an open offer, or pauses turned off, are said before a quiet time', () => {
    const quiet = { ...planned, quietUntil: at(25, 11), quietReason: 'meeting' as const };
    expect(scheduleStatus(now, DEFAULT_SETTINGS, { ...quiet, offer: { offeredAt: now, expiresAt: now + 1 } })).toEqual({
      kind: 'offer-open',
    });
    expect(scheduleStatus(now, { ...DEFAULT_SETTINGS, pausesEnabled: false }, quiet)).toEqual({ kind: 'off' });
  });

  it.each([
    ['30 minutes, at the low end of the range', now, at(25, 10, 30), 0, at(25, 11, 30)],
    ['30 minutes, at the top of the range', now, at(25, 10, 30), 0.9999999, at(25, 12, 30)],
    ['a meeting of an hour, mid-range', now, at(25, 11), 0.5, at(25, 12, 30)],
    ['until 15:00', now, at(25, 15), 0, at(25, 16)],
    ['30 minutes, planned again during it (an alarm that fired)', at(25, 10, 20), at(25, 10, 30), 0, at(25, 11, 30)],
    ['the rest of today: the next active morning', now, at(26, 0), 0, at(26, 9)],
  ])('quiet for %s: the next offer comes a whole interval after it ends', (_case, from, quietUntil, random, expected) => {
    expect(nextOfferAt(from, DEFAULT_SETTINGS, { ...NO_HISTORY, quietUntil }, () => random)).toBe(expected);
  });

  it('a quiet time that has ended holds nothing back: the interval counts from now', () => {
    expect(nextOfferAt(now, DEFAULT_SETTINGS, { ...NO_HISTORY, quietUntil: at(25, 9, 30) }, () => 0)).toBe(at(25, 11));
  });

  it('no moment during a quiet time may carry an offer; its end may', () => {
    const history = { ...NO_HISTORY, quietUntil: at(25, 10, 30) };
    expect(isActiveMoment(at(25, 10, 29), DEFAULT_SETTINGS, history)).toBe(false);
    expect(isActiveMoment(at(25, 10, 30), DEFAULT_SETTINGS, history)).toBe(true);
  });

  it('reads the reason it stored, and drops an unknown one alone', () => {
    const meeting = { ...EMPTY_SCHEDULE, quietUntil: at(25, 11), quietReason: 'meeting' };
    expect(parseScheduleState(JSON.parse(JSON.stringify(meeting)))).toEqual(meeting);
    expect(parseScheduleState({ ...meeting, quietReason: 'lunch' })).toEqual({ ...EMPTY_SCHEDULE, quietUntil: at(25, 11) });
  });
});
