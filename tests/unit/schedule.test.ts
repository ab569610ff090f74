import { describe, expect, it } from 'vitest';
import { parseScheduleState } from '@/utils/model/schedule';
import { isActiveMoment, isGoodMoment, nextOfferAt, scheduleStatus, type ScheduleHistory } from '@/utils/schedule/schedule';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/model/settings';

// Local times in Europe/Amsterdam (pinned in vitest.config.ts). 25 Nov 2026 is a Wednesday.
const at = (day: number, hour: number, minute = 0, month = 10, year = 2026) => new Date(year, month, day, hour, minute).getTime();
/** What nothing stored reads as: no offer planned or open, no history. */
const EMPTY_SCHEDULE = parseScheduleState(undefined);
const NO_HISTORY: ScheduleHistory = { snoozedUntil: null, quietUntil: null, recentOffers: [] };
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

  it.each([undefined, null, 'x', 42, [], { nextOfferAt: 'soon', offer: { offeredAt: 'x' }, recentOffers: 'many', pauseWindowId: 1.5 }])(
    'starts afresh from unreadable state %j',
    (stored) => {
      expect(parseScheduleState(stored)).toEqual(EMPTY_SCHEDULE);
    },
  );
});
