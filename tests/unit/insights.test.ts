import { describe, expect, it } from 'vitest';
import {
  calendarDays,
  calendarLevel,
  calendarStart,
  daysWithPause,
  monthSummaries,
  pauseCounts,
  topPrompts,
} from '@/utils/insights/insights';
import type { PauseEvent, PauseEventType } from '@/utils/model/records';
import { HOUR } from '@/utils/time';

// vitest.config.ts pins TZ=Europe/Amsterdam: summer time starts 29 March 2026 and ends 25 October 2026.
const at = (year: number, month: number, day: number, hour = 12, minute = 0) => new Date(year, month - 1, day, hour, minute).getTime();
const midnight = (year: number, month: number, day: number) => new Date(year, month - 1, day).getTime();

let nextId = 0;
const event = (type: PauseEventType, when: number, promptId?: string): PauseEvent =>
  promptId === undefined ? { id: `e${nextId++}`, type, at: when } : { id: `e${nextId++}`, type, at: when, promptId };

/** Wednesday 25 November 2026, 14:20: the window runs from Monday 24 November 2025. */
const NOW = at(2026, 11, 25, 14, 20);

describe('calendarStart', () => {
  it.each([
    ['a Tuesday a year ago: the Monday before', at(2026, 11, 25, 14, 20), midnight(2025, 11, 24)],
    ['a Monday a year ago: that Monday', at(2026, 3, 31, 8), midnight(2025, 3, 31)],
    ['a Sunday a year ago: six days back, across New Year', at(2026, 1, 5, 9), midnight(2024, 12, 30)],
    ['29 February: the last day of February a year ago', at(2024, 2, 29, 10), midnight(2023, 2, 27)],
    ['the 1st on a Saturday: the Monday in the month before', at(2026, 3, 1, 10), midnight(2025, 2, 24)],
    ['just after midnight', at(2026, 11, 25, 0, 1), midnight(2025, 11, 24)],
    ['just before midnight', at(2026, 11, 25, 23, 59), midnight(2025, 11, 24)],
  ])('%s', (_, now, expected) => {
    const start = calendarStart(now);
    expect(new Date(start).toString()).toBe(new Date(expected).toString());
    expect(new Date(start).getDay()).toBe(1);
  });
});

describe('calendarDays', () => {
  it('has every local day from the starting Monday through today, and nothing in an empty year', () => {
    const days = calendarDays([], [], NOW);
    // 24 November 2025 through 25 November 2026.
    expect(days).toHaveLength(367);
    expect(days[0]?.start).toBe(midnight(2025, 11, 24));
    expect(days.at(-1)?.start).toBe(midnight(2026, 11, 25));
    expect(days.every((day) => day.notes === 0 && day.count === 0)).toBe(true);
    expect(daysWithPause(days)).toBe(0);
  });

  it('steps by calendar day across both daylight-saving changes: every day starts at local midnight, none skipped or doubled', () => {
    const days = calendarDays([], [], NOW);
    days.forEach((day, index) => {
      const date = new Date(day.start);
      expect(date.getHours()).toBe(0);
      // Rows run Monday … Sunday, so the index says the weekday.
      expect(date.getDay()).toBe((index + 1) % 7);
    });
    const length = (year: number, month: number, day: number) => {
      const index = days.findIndex((d) => d.start === midnight(year, month, day));
      const next = days[index + 1];
      return next ? (next.start - midnight(year, month, day)) / HOUR : undefined;
    };
    expect(length(2026, 3, 29)).toBe(23);
    expect(length(2026, 10, 25)).toBe(25);
    expect(length(2026, 6, 1)).toBe(24);
  });

  it.each([
    ['one note', [at(2026, 5, 4, 9)], [], midnight(2026, 5, 4), { notes: 1, count: 1 }],
    ['two notes on one day', [at(2026, 5, 4, 9), at(2026, 5, 4, 21)], [], midnight(2026, 5, 4), { notes: 2, count: 2 }],
    [
      'an answered pause that wrote a note is counted once',
      [at(2026, 5, 4, 9)],
      [event('offered', at(2026, 5, 4, 8, 59)), event('answered', at(2026, 5, 4, 9), 'q-beliefs')],
      midnight(2026, 5, 4),
      { notes: 1, count: 1 },
    ],
    [
      'an answered pause without a note that day still counts',
      [],
      [event('answered', at(2026, 5, 4, 9), 'q-beliefs')],
      midnight(2026, 5, 4),
      { notes: 0, count: 1 },
    ],
    [
      'offers, skips, snoozes and expiries are not pauses taken',
      [],
      [
        event('offered', at(2026, 5, 4, 9)),
        event('skipped', at(2026, 5, 4, 9, 1)),
        event('snoozed', at(2026, 5, 4, 10)),
        event('expired', at(2026, 5, 4, 11)),
      ],
      midnight(2026, 5, 4),
      { notes: 0, count: 0 },
    ],
    ['a note at 00:30 on the night summer time starts', [at(2026, 3, 29, 0, 30)], [], midnight(2026, 3, 29), { notes: 1, count: 1 }],
    ['a note at 23:30 on the 25-hour day', [at(2026, 10, 25, 23, 30)], [], midnight(2026, 10, 25), { notes: 1, count: 1 }],
    ['a note on the first day', [midnight(2025, 11, 24)], [], midnight(2025, 11, 24), { notes: 1, count: 1 }],
    ['a note earlier today', [at(2026, 11, 25, 7)], [], midnight(2026, 11, 25), { notes: 1, count: 1 }],
  ])('%s', (_, noteTimes, events, day, expected) => {
    const days = calendarDays(noteTimes, events, NOW);
    expect(days.find((d) => d.start === day)).toEqual({ start: day, ...expected });
    const others = days.filter((d) => d.start !== day);
    expect(others.every((d) => d.notes === 0 && d.count === 0)).toBe(true);
  });

  it('leaves out notes and pauses from before the window and after today', () => {
    const days = calendarDays(
      [midnight(2025, 11, 24) - 1, midnight(2026, 11, 26)],
      [event('answered', at(2025, 11, 23)), event('answered', at(2026, 11, 26, 9))],
      NOW,
    );
    expect(daysWithPause(days)).toBe(0);
    expect(days).toHaveLength(367);
  });
});

describe('pauseCounts', () => {
  const since = midnight(2025, 11, 24);
  it.each([
    ['nothing', [], { offered: 0, taken: 0, skipped: 0, snoozed: 0, expired: 0 }],
    [
      'one of each, and more offers',
      [
        event('offered', at(2026, 1, 2)),
        event('offered', at(2026, 1, 3)),
        event('offered', at(2026, 1, 4)),
        event('answered', at(2026, 1, 2, 13), 's-start-small'),
        event('skipped', at(2026, 1, 3, 13)),
        event('snoozed', at(2026, 1, 4, 13)),
        event('expired', at(2026, 1, 5, 13)),
      ],
      { offered: 3, taken: 1, skipped: 1, snoozed: 1, expired: 1 },
    ],
    [
      'events before `since` are left out; one exactly at it counts',
      [event('offered', since - 1), event('answered', since - 1), event('offered', since)],
      { offered: 1, taken: 0, skipped: 0, snoozed: 0, expired: 0 },
    ],
  ])('%s', (_, events, expected) => {
    expect(pauseCounts(events, since)).toEqual(expected);
  });
});

describe('topPrompts', () => {
  it.each([
    ['nothing counted', new Map<string, number>(), 5, []],
    [
      'most first, prompts without notes left out',
      new Map([
        ['q-beliefs', 2],
        ['s-start-small', 0],
        ['q-where-feelings', 7],
      ]),
      5,
      [
        { id: 'q-where-feelings', count: 7 },
        { id: 'q-beliefs', count: 2 },
      ],
    ],
    [
      'equal counts in id order, whatever order they came in',
      new Map([
        ['s-start-small', 3],
        ['custom-b', 3],
        ['q-beliefs', 3],
        ['custom-a', 1],
      ]),
      5,
      [
        { id: 'custom-b', count: 3 },
        { id: 'q-beliefs', count: 3 },
        { id: 's-start-small', count: 3 },
        { id: 'custom-a', count: 1 },
      ],
    ],
    [
      'no more than the limit',
      new Map([
        ['a', 1],
        ['b', 4],
        ['c', 2],
        ['d', 3],
      ]),
      2,
      [
        { id: 'b', count: 4 },
        { id: 'd', count: 3 },
      ],
    ],
    ['a limit of 0', new Map([['a', 1]]), 0, []],
  ])('%s', (_, counts, limit, expected) => {
    expect(topPrompts(counts, limit)).toEqual(expected);
  });
});

describe('monthSummaries', () => {
  it('has one row per month shown, the first one partial', () => {
    const months = monthSummaries(calendarDays([], [], NOW));
    expect(months.map((m) => `${m.year}-${m.month + 1}`)).toEqual([
      '2025-11',
      '2025-12',
      '2026-1',
      '2026-2',
      '2026-3',
      '2026-4',
      '2026-5',
      '2026-6',
      '2026-7',
      '2026-8',
      '2026-9',
      '2026-10',
      '2026-11',
    ]);
    expect(months[0]).toEqual({ year: 2025, month: 10, days: 7, daysWithPause: 0, notes: 0 });
    expect(months[2]?.days).toBe(31);
    expect(months.at(-1)?.days).toBe(25);
  });

  it('starts in the month before when the Monday falls there', () => {
    const months = monthSummaries(calendarDays([], [], at(2026, 3, 1, 10)));
    expect(months).toHaveLength(14);
    expect(months[0]).toMatchObject({ year: 2025, month: 1, days: 5 });
    expect(months.at(-1)).toMatchObject({ year: 2026, month: 2, days: 1 });
  });

  it('counts days with a pause and notes per month', () => {
    const days = calendarDays(
      [at(2026, 3, 1, 9), at(2026, 3, 1, 20), at(2026, 3, 29, 0, 30), at(2026, 4, 1, 9)],
      [event('answered', at(2026, 3, 1, 9)), event('answered', at(2026, 3, 15, 9)), event('offered', at(2026, 3, 16, 9))],
      NOW,
    );
    const march = monthSummaries(days).find((m) => m.year === 2026 && m.month === 2);
    expect(march).toEqual({ year: 2026, month: 2, days: 31, daysWithPause: 3, notes: 3 });
    const april = monthSummaries(days).find((m) => m.year === 2026 && m.month === 3);
    expect(april).toEqual({ year: 2026, month: 3, days: 30, daysWithPause: 1, notes: 1 });
    expect(daysWithPause(days)).toBe(4);
  });

  it('is empty for no days', () => {
    expect(monthSummaries([])).toEqual([]);
  });
});

describe('calendarLevel', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [12, 4],
  ])('%i pauses: level %i', (count, level) => {
    expect(calendarLevel(count)).toBe(level);
  });
});
