// Rule 6: clocks that change while the extension runs. Daylight saving moves the clock an hour (half
// an hour on Lord Howe Island), and a person may carry the computer into another time zone. Active
// hours stay what the local clock reads, and no change brings two offers at once or a day without one.
//
// Node reads the TZ variable anew once it is assigned, so every Date after `inZone` is in that zone;
// vitest.config.ts pins Europe/Amsterdam, and each test gets it back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/entrypoints/background/scheduler';
import { listPauseEvents } from '@/utils/db/events';
import { DEFAULT_SETTINGS, type ActiveRange, type Settings } from '@/utils/model/settings';
import { isActiveMoment, nextOfferAt, PAUSE_ALARM, type ScheduleHistory } from '@/utils/schedule/schedule';
import { loadScheduleState } from '@/utils/storage/schedule-state';
import { saveSettings } from '@/utils/storage/settings';
import { atMinuteOfDay, MINUTE } from '@/utils/time';
import { installBackground, senseMoment, settle } from './background-clock';

const PINNED_ZONE = process.env.TZ;

afterEach(() => {
  process.env.TZ = PINNED_ZONE;
  vi.useRealTimers();
});

function inZone(zone: string): void {
  process.env.TZ = zone;
}

/** "02:30" as minutes after midnight; "24:00" is the next midnight. */
function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** A local date in the current zone, "2026-03-29", as its midnight. */
function localDay(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(year, month - 1, day).getTime();
}

const utc = (iso: string): number => Date.parse(iso);

/** What the local clock reads at `ms`: "2026-03-29 03:00". */
function reading(ms: number): string {
  const date = new Date(ms);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** "22:00-02:30" as a range. */
function range(text: string): ActiveRange {
  const [start = '', end = ''] = text.split('-');
  return { startMinutes: minutesOf(start), endMinutes: minutesOf(end) };
}

/** Every day active, in these ranges. */
const everyDay = (...ranges: string[]): Settings => ({
  ...DEFAULT_SETTINGS,
  activeDays: [0, 1, 2, 3, 4, 5, 6],
  activeRanges: ranges.map(range),
});

const NO_HISTORY: ScheduleHistory = { snoozedUntil: null, quietUntil: null, recentOffers: [], lastPauseAt: null, backAt: null, backOff: 0 };

describe('a time of day, on a day the clock changes', () => {
  it.each([
    ['Europe/Amsterdam', '2026-03-29', '01:59', '2026-03-29T00:59:00Z', 'before the jump'],
    ['Europe/Amsterdam', '2026-03-29', '02:00', '2026-03-29T01:00:00Z', 'skipped: the jump to 03:00'],
    ['Europe/Amsterdam', '2026-03-29', '02:30', '2026-03-29T01:00:00Z', 'skipped: the jump, not 03:30'],
    ['Europe/Amsterdam', '2026-03-29', '03:00', '2026-03-29T01:00:00Z', 'the first time after the jump'],
    ['Europe/Amsterdam', '2026-03-29', '24:00', '2026-03-29T22:00:00Z', 'midnight at the end of a 23-hour day'],
    ['Europe/Amsterdam', '2026-10-25', '02:30', '2026-10-25T00:30:00Z', 'shown twice: the first time'],
    ['Europe/Amsterdam', '2026-10-25', '03:00', '2026-10-25T02:00:00Z', 'after the repeated hour'],
    ['Europe/Amsterdam', '2026-10-25', '24:00', '2026-10-25T23:00:00Z', 'midnight at the end of a 25-hour day'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:00:00Z', 'skipped: the jump to 03:00'],
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00Z', 'the first time after the jump'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00Z', 'shown twice: the first time'],
    ['America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00Z', 'after the repeated hour'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:30:00Z', 'skipped: the half-hour jump to 02:30'],
    ['Australia/Lord_Howe', '2026-10-04', '02:30', '2026-10-03T15:30:00Z', 'the first time after the jump'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00Z', 'shown twice: the first time'],
    ['Australia/Lord_Howe', '2026-04-05', '02:00', '2026-04-04T15:30:00Z', 'after the repeated half hour'],
  ])('%s, %s at %s is %s (%s)', (zone, day, time, expected) => {
    inZone(zone);
    expect(atMinuteOfDay(localDay(day), minutesOf(time))).toBe(utc(expected));
  });
});

describe('active hours on the nights the clock changes', () => {
  it.each([
    // Amsterdam, Sunday 29 March 2026: 02:00 becomes 03:00.
    ['Europe/Amsterdam', '01:00-03:00', '2026-03-29T00:00:00Z', '01:00, its start', true],
    ['Europe/Amsterdam', '01:00-03:00', '2026-03-29T00:59:00Z', '01:59, just before the jump', true],
    ['Europe/Amsterdam', '01:00-03:00', '2026-03-29T01:00:00Z', '03:00, its end, right after the jump', false],
    ['Europe/Amsterdam', '22:00-02:30', '2026-03-28T21:00:00Z', 'Saturday 22:00, its start', true],
    ['Europe/Amsterdam', '22:00-02:30', '2026-03-29T00:59:00Z', '01:59, just before the jump', true],
    ['Europe/Amsterdam', '22:00-02:30', '2026-03-29T01:15:00Z', '03:15: the clock passed 02:30 at the jump', false],
    // Amsterdam, Sunday 25 October 2026: 03:00 becomes 02:00.
    ['Europe/Amsterdam', '01:00-03:00', '2026-10-24T23:00:00Z', '01:00, its start', true],
    ['Europe/Amsterdam', '01:00-03:00', '2026-10-25T01:30:00Z', '02:30 the second time', true],
    ['Europe/Amsterdam', '01:00-03:00', '2026-10-25T01:59:00Z', '02:59 the second time', true],
    ['Europe/Amsterdam', '01:00-03:00', '2026-10-25T02:00:00Z', '03:00, its end', false],
    ['Europe/Amsterdam', '22:00-02:30', '2026-10-25T00:29:00Z', '02:29 the first time', true],
    ['Europe/Amsterdam', '22:00-02:30', '2026-10-25T00:30:00Z', '02:30 the first time, its end', false],
    ['Europe/Amsterdam', '22:00-02:30', '2026-10-25T01:15:00Z', '02:15 the second time: the range does not run twice', false],
    // New York, Sunday 8 March 2026: 02:00 becomes 03:00.
    ['America/New_York', '22:00-02:30', '2026-03-08T03:00:00Z', 'Saturday 22:00, its start', true],
    ['America/New_York', '22:00-02:30', '2026-03-08T06:59:00Z', '01:59, just before the jump', true],
    ['America/New_York', '22:00-02:30', '2026-03-08T07:10:00Z', '03:10: the clock passed 02:30 at the jump', false],
    ['America/New_York', '01:00-03:00', '2026-03-08T06:30:00Z', '01:30', true],
    ['America/New_York', '01:00-03:00', '2026-03-08T07:00:00Z', '03:00, its end, right after the jump', false],
    // New York, Sunday 1 November 2026: 02:00 becomes 01:00.
    ['America/New_York', '01:00-03:00', '2026-11-01T05:00:00Z', '01:00 the first time, its start', true],
    ['America/New_York', '01:00-03:00', '2026-11-01T06:30:00Z', '01:30 the second time', true],
    ['America/New_York', '01:00-03:00', '2026-11-01T07:59:00Z', '02:59', true],
    ['America/New_York', '01:00-03:00', '2026-11-01T08:00:00Z', '03:00, its end', false],
    ['America/New_York', '22:00-01:30', '2026-11-01T05:29:00Z', '01:29 the first time', true],
    ['America/New_York', '22:00-01:30', '2026-11-01T05:30:00Z', '01:30 the first time, its end', false],
    ['America/New_York', '22:00-01:30', '2026-11-01T06:15:00Z', '01:15 the second time: the range does not run twice', false],
    // Lord Howe Island, Sunday 4 October 2026: 02:00 becomes 02:30.
    ['Australia/Lord_Howe', '22:00-02:15', '2026-10-03T11:30:00Z', 'Saturday 22:00, its start', true],
    ['Australia/Lord_Howe', '22:00-02:15', '2026-10-03T15:29:00Z', '01:59, just before the jump', true],
    ['Australia/Lord_Howe', '22:00-02:15', '2026-10-03T15:30:00Z', '02:30: the clock passed 02:15 at the jump', false],
    ['Australia/Lord_Howe', '01:00-03:00', '2026-10-03T15:45:00Z', '02:45', true],
    ['Australia/Lord_Howe', '01:00-03:00', '2026-10-03T16:00:00Z', '03:00, its end', false],
    // Lord Howe Island, Sunday 5 April 2026: 02:00 becomes 01:30.
    ['Australia/Lord_Howe', '22:00-01:45', '2026-04-04T11:00:00Z', 'Saturday 22:00, its start', true],
    ['Australia/Lord_Howe', '22:00-01:45', '2026-04-04T14:44:00Z', '01:44 the first time', true],
    ['Australia/Lord_Howe', '22:00-01:45', '2026-04-04T14:45:00Z', '01:45 the first time, its end', false],
    ['Australia/Lord_Howe', '22:00-01:45', '2026-04-04T15:10:00Z', '01:40 the second time: the range does not run twice', false],
    ['Australia/Lord_Howe', '01:00-03:00', '2026-04-04T15:10:00Z', '01:40 the second time', true],
    ['Australia/Lord_Howe', '01:00-03:00', '2026-04-04T16:29:00Z', '02:59', true],
    ['Australia/Lord_Howe', '01:00-03:00', '2026-04-04T16:30:00Z', '03:00, its end', false],
  ])('%s, %s, at %s (%s): %s', (zone, ranges, moment, _clock, expected) => {
    inZone(zone);
    expect(isActiveMoment(utc(moment), everyDay(ranges), NO_HISTORY)).toBe(expected);
  });

  it.each([
    [
      'Europe/Amsterdam',
      '22:00-02:30',
      '2026-03-29T00:20:00Z',
      60,
      '2026-03-29T20:00:00Z',
      'from 01:20, an hour on is 03:20: past the range, so Sunday 22:00',
    ],
    [
      'Europe/Amsterdam',
      '01:00-03:00',
      '2026-10-25T00:30:00Z',
      60,
      '2026-10-25T01:30:00Z',
      'from 02:30, an hour on is 02:30 again: inside',
    ],
    [
      'America/New_York',
      '22:00-02:30',
      '2026-03-08T06:40:00Z',
      60,
      '2026-03-09T02:00:00Z',
      'from 01:40, an hour on is 03:40: past the range, so Sunday 22:00',
    ],
    [
      'America/New_York',
      '01:00-03:00',
      '2026-11-01T05:40:00Z',
      60,
      '2026-11-01T06:40:00Z',
      'from 01:40, an hour on is 01:40 again: inside',
    ],
    [
      'Australia/Lord_Howe',
      '01:00-03:00',
      '2026-10-03T15:20:00Z',
      15,
      '2026-10-03T15:35:00Z',
      'from 01:50, 15 minutes on is 02:35: inside',
    ],
    [
      'Australia/Lord_Howe',
      '02:00-02:30',
      '2026-10-03T12:00:00Z',
      60,
      '2026-10-04T15:00:00Z',
      'a range the clock jumps over has no time that day: Monday 02:00',
    ],
    [
      'Australia/Lord_Howe',
      '22:00-01:45',
      '2026-04-04T14:00:00Z',
      60,
      '2026-04-05T11:30:00Z',
      'from 01:00, an hour on is 01:30 the second time: past it',
    ],
  ])('%s, %s: the next offer from %s, %i minutes on, is %s (%s)', (zone, ranges, now, interval, expected) => {
    inZone(zone);
    const settings = { ...everyDay(ranges), minIntervalMinutes: interval, maxIntervalMinutes: interval };
    expect(nextOfferAt(utc(now), settings, NO_HISTORY, () => 0)).toBe(utc(expected));
  });
});

/** Pseudo-random draws that repeat, so every run plans the same days. */
function draws(): () => number {
  const values = [0, 0.37, 0.81, 0.5, 0.12, 0.93, 0.64];
  let next = 0;
  return () => values[next++ % values.length] ?? 0;
}

/**
 * Offers as the background makes them, each at the moment planned after the one before, from
 * `from` until `to`: the schedule alone, every moment taken as a good one.
 */
function offersPlanned(settings: Settings, from: number, to: number): number[] {
  const offers: number[] = [];
  const random = draws();
  for (let now = from; ;) {
    const history = { ...NO_HISTORY, recentOffers: [...offers] };
    const next = nextOfferAt(now, settings, history, random);
    if (next === null || next >= to) return offers;
    // Every planned moment may carry its offer when it comes.
    expect(isActiveMoment(next, settings, history), reading(next)).toBe(true);
    offers.push(next);
    now = next;
  }
}

/** Whether the local clock reading at `ms` lies in one of the ranges, by the clock alone. */
function onTheClock(ms: number, ranges: readonly ActiveRange[]): boolean {
  const date = new Date(ms);
  const minute = date.getHours() * 60 + date.getMinutes();
  return ranges.some(({ startMinutes, endMinutes }) =>
    startMinutes < endMinutes ? minute >= startMinutes && minute < endMinutes : minute >= startMinutes || minute < endMinutes,
  );
}

describe('offers across a clock change: in local active hours, never two at once, no day without', () => {
  it.each([
    ['Europe/Amsterdam', '2026-03-27', '22:00-02:30'],
    ['Europe/Amsterdam', '2026-10-23', '22:00-02:30'],
    ['America/New_York', '2026-03-06', '22:00-02:30'],
    ['America/New_York', '2026-10-30', '22:00-01:30'],
    ['Australia/Lord_Howe', '2026-10-02', '22:00-02:15'],
    ['Australia/Lord_Howe', '2026-04-03', '22:00-01:45'],
  ])('%s, from %s for four days, with a morning, a noon and a night range (%s)', (zone, first, night) => {
    inZone(zone);
    const settings = { ...everyDay('07:00-09:00', '12:00-13:00', night), minIntervalMinutes: 45, maxIntervalMinutes: 60, maxPerDay: 12 };
    const start = localDay(first);
    const days = [0, 1, 2, 3].map((n) => atMinuteOfDay(start, n * 24 * 60));
    const offers = offersPlanned(settings, start, atMinuteOfDay(start, 4 * 24 * 60));

    for (const offer of offers) expect(onTheClock(offer, settings.activeRanges), reading(offer)).toBe(true);
    offers.slice(1).forEach((offer, i) => expect(offer - offers[i]!, reading(offer)).toBeGreaterThanOrEqual(45 * MINUTE));
    // A night range belongs to the evening it starts on: an offer before 03:00 is the day before's.
    const nightEnd = range(night).endMinutes;
    const dayOf = (offer: number) => {
      const date = new Date(offer);
      const day = new Date(
        date.getFullYear(),
        date.getMonth(),
        date.getDate() - (date.getHours() * 60 + date.getMinutes() < nightEnd ? 1 : 0),
      );
      return day.getTime();
    };
    for (const day of days) {
      const own = offers.filter((offer) => dayOf(offer) === day);
      expect(own.length, reading(day)).toBeGreaterThanOrEqual(3);
      expect(own.length, reading(day)).toBeLessThanOrEqual(settings.maxPerDay);
      // The night range, which runs into the change, has its offers too.
      expect(
        own.some((offer) => new Date(offer).getHours() >= 22 || new Date(offer).getHours() < 3),
        reading(day),
      ).toBe(true);
    }
  });

  it.each([
    ['Europe/Amsterdam', '2026-03-27'],
    ['Europe/Amsterdam', '2026-10-23'],
    ['America/New_York', '2026-03-06'],
    ['America/New_York', '2026-10-30'],
    ['Australia/Lord_Howe', '2026-10-02'],
    ['Australia/Lord_Howe', '2026-04-03'],
  ])('%s, from %s: a range around the changing hour (01:00–03:00) and a day range', (zone, first) => {
    inZone(zone);
    const settings = { ...everyDay('01:00-03:00', '09:00-17:00'), minIntervalMinutes: 30, maxIntervalMinutes: 45, maxPerDay: 12 };
    const start = localDay(first);
    const offers = offersPlanned(settings, start, atMinuteOfDay(start, 4 * 24 * 60));
    for (const offer of offers) expect(onTheClock(offer, settings.activeRanges), reading(offer)).toBe(true);
    offers.slice(1).forEach((offer, i) => expect(offer - offers[i]!, reading(offer)).toBeGreaterThanOrEqual(30 * MINUTE));
    for (const n of [0, 1, 2, 3]) {
      const day = atMinuteOfDay(start, n * 24 * 60);
      const own = offers.filter((offer) => offer >= day && offer < atMinuteOfDay(day, 24 * 60));
      // The early range, however long the clock makes it that night, gets at least one.
      expect(own.filter((offer) => new Date(offer).getHours() < 3).length, reading(day)).toBeGreaterThanOrEqual(1);
      expect(own.length, reading(day)).toBeLessThanOrEqual(settings.maxPerDay);
    }
  });
});

describe('the background when the clock changes under it', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // A quiet, attentive moment whenever asked: only the schedule decides.
    senseMoment();
  });

  const offered = async () => (await listPauseEvents()).filter((event) => event.type === 'offered').map((event) => event.at);

  /** Installs the background at `now`, as a person would. */
  async function install(now: number): Promise<void> {
    vi.setSystemTime(now);
    await installBackground();
  }

  /**
   * Fires every alarm when it is due, until `until`; the person opens each offer and declines it
   * ("Not now"), a clear choice that keeps the pace they set, so only the clock moves the offers
   * here (offers left to pass by back off: back-off.test.ts, background-week.test.ts). Returns how
   * many offers each firing of the pause alarm made, in order.
   */
  async function run(until: number): Promise<number[]> {
    const made: number[] = [];
    for (let guard = 0; guard < 1000; guard++) {
      const next = (await fakeBrowser.alarms.getAll()).sort((a, b) => a.scheduledTime - b.scheduledTime)[0];
      if (!next || next.scheduledTime >= until) return made;
      vi.setSystemTime(Math.max(next.scheduledTime, Date.now()));
      // As the browser does: a repeating alarm is due again a period on, any other is gone.
      if (next.periodInMinutes)
        await fakeBrowser.alarms.create(next.name, {
          when: Date.now() + next.periodInMinutes * MINUTE,
          periodInMinutes: next.periodInMinutes,
        });
      else await fakeBrowser.alarms.clear(next.name);
      const before = (await offered()).length;
      await fakeBrowser.alarms.onAlarm.trigger(next);
      await settle();
      if (next.name !== PAUSE_ALARM) continue;
      const count = (await offered()).length - before;
      made.push(count);
      if (count === 0) continue;
      await handleMessage({ type: 'pause-opened' });
      await handleMessage({ type: 'pause-ended', outcome: 'skipped', promptId: 'q-beliefs' });
    }
    throw new Error('the alarms never stopped');
  }

  it('planned in Amsterdam, fired in New York: offers only in New York’s active hours, once per due offer, and the next day too', async () => {
    // Wednesday 25 November 2026, 10:00 in Amsterdam: default settings, 09:00–18:00 Monday to Friday.
    await install(utc('2026-11-25T09:00:00Z'));
    const planned = (await fakeBrowser.alarms.get(PAUSE_ALARM))!.scheduledTime;
    expect(planned).toBeGreaterThanOrEqual(utc('2026-11-25T10:00:00Z'));
    expect(planned).toBeLessThanOrEqual(utc('2026-11-25T11:00:00Z'));

    // The computer is now in New York, where that alarm falls between 05:00 and 06:00.
    inZone('America/New_York');
    const made = await run(utc('2026-11-27T05:00:00Z'));

    // The alarm planned in Amsterdam comes too early for New York: it only plans again.
    expect(made[0]).toBe(0);
    expect(Math.max(...made)).toBe(1);
    const offers = await offered();
    expect(offers).toHaveLength(made.reduce((sum, count) => sum + count, 0));
    for (const offer of offers) {
      expect(reading(offer) >= `${reading(offer).slice(0, 10)} 09:00`, reading(offer)).toBe(true);
      expect(reading(offer) < `${reading(offer).slice(0, 10)} 18:00`, reading(offer)).toBe(true);
    }
    // Wednesday's offers start in the first half hour of New York's morning; Thursday gets its own.
    const wednesday = offers.filter((offer) => reading(offer).startsWith('2026-11-25'));
    const thursday = offers.filter((offer) => reading(offer).startsWith('2026-11-26'));
    expect(wednesday.length + thursday.length).toBe(offers.length);
    expect(reading(wednesday[0]!) < '2026-11-25 09:30').toBe(true);
    for (const day of [wednesday, thursday]) {
      expect(day.length).toBeGreaterThanOrEqual(3);
      expect(day.length).toBeLessThanOrEqual(DEFAULT_SETTINGS.maxPerDay);
    }
    expect(new Set((await loadScheduleState()).recentOffers).size).toBe((await loadScheduleState()).recentOffers.length);
  });

  it('through the night Amsterdam’s clocks go back, a night range offers by the clock, never twice at once', async () => {
    await saveSettings({ ...everyDay('22:00-02:30'), minIntervalMinutes: 30, maxIntervalMinutes: 45, maxPerDay: 12 });
    // Saturday 24 October 2026, 20:00; the clock goes from 03:00 back to 02:00 on Sunday morning.
    await install(utc('2026-10-24T18:00:00Z'));
    const made = await run(utc('2026-10-26T02:00:00Z'));

    expect(Math.max(...made)).toBe(1);
    const offers = await offered();
    for (const offer of offers) expect(onTheClock(offer, [range('22:00-02:30')]), reading(offer)).toBe(true);
    offers.slice(1).forEach((offer, i) => expect(offer - offers[i]!, reading(offer)).toBeGreaterThanOrEqual(30 * MINUTE));
    // Both nights have their offers: Saturday's, which the change runs through, and Sunday's.
    const saturday = offers.filter((offer) => offer < utc('2026-10-25T12:00:00Z'));
    const sunday = offers.filter((offer) => offer >= utc('2026-10-25T12:00:00Z'));
    expect(saturday.length).toBeGreaterThanOrEqual(4);
    expect(sunday.length).toBeGreaterThanOrEqual(4);
    // Saturday's range ends at the first 02:30, before the clock shows that hour again.
    expect(Math.max(...saturday)).toBeLessThan(utc('2026-10-25T00:30:00Z'));
  });
});
