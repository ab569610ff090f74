// Four kinds of week (tests/unit/personas.ts) on the real background with a fake clock. Their
// tables are in the README ("Four kinds of week"); `SIM_PERSONAS_OUT=file` writes them there, and
// `npm run bench` reports their wake-ups (BENCH_PERSONAS_OUT).
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countOwnTimers } from './background-clock';
import { CALLS, IGNORED_DAYS, IGNORES_THEN_ANSWERS, NIGHT_SHIFT, TRAVEL } from './personas';
import { badOffers, simulateWeek, weekTable, type Persona, type WeekResult } from './week';

let ownTimers: () => number;
const results: { result: WeekResult; timers: number }[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  ownTimers = countOwnTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(() => {
  if (process.env.SIM_PERSONAS_OUT) {
    writeFileSync(process.env.SIM_PERSONAS_OUT, results.map(({ result }) => `${result.persona}\n\n${weekTable(result)}\n`).join('\n'));
  }
  if (process.env.BENCH_PERSONAS_OUT) {
    const figures = results.map(({ result, timers }) => ({
      persona: result.persona,
      wakeUps: result.wakeUps,
      offers: result.days.reduce((sum, day) => sum + day.offers, 0),
      faults: badOffers(result),
      timers,
    }));
    writeFileSync(process.env.BENCH_PERSONAS_OUT, JSON.stringify(figures));
  }
});

/** Runs the persona's week, prints its table, and holds it to the rules every week keeps. */
async function week(persona: Persona): Promise<WeekResult> {
  const result = await simulateWeek(persona);
  const timers = ownTimers();
  results.push({ result, timers });
  console.log(
    `${persona.name}\n${weekTable(result)}\n\nwake-ups: ${JSON.stringify(result.wakeUps)}, timers: ${timers}\n${result.faults.join('\n')}`,
  );
  for (const day of result.days) {
    expect
      .soft(day, `${persona.name}, ${day.day}`)
      .toMatchObject({ atBadMoment: 0, withinIntervalOfPause: 0, inFirstMinutesBack: 0, rightAfterWaking: 0 });
  }
  expect(result.faults).toEqual([]);
  expect(timers).toBe(0);
  return result;
}

const offersOf = (result: WeekResult) => result.days.map((day) => day.offers);

describe('four kinds of week', () => {
  it('calls and screen sharing: offers only in the short gaps between calls, never into one', { timeout: 120_000 }, async () => {
    const result = await week(CALLS);
    const offers = offersOf(result);
    // The working days find their gaps; the weekend the computer sleeps.
    for (const count of offers.slice(0, 5)) expect(count).toBeGreaterThanOrEqual(1);
    expect(offers.slice(5)).toEqual([0, 0]);
  });

  it(
    'a night shift: offers through the night, by a range past midnight, none by day while the person sleeps',
    { timeout: 120_000 },
    async () => {
      const result = await week(NIGHT_SHIFT);
      const offers = offersOf(result);
      for (const count of offers.slice(0, 5)) {
        expect(count).toBeGreaterThanOrEqual(2);
        expect(count).toBeLessThanOrEqual(4);
      }
      // The free evenings are no active days.
      expect(offers.slice(5)).toEqual([0, 0]);
      for (const at of result.offeredAt) expect(at.slice(11) >= '22:00' || at.slice(11) < '06:00', at).toBe(true);
    },
  );

  it('travel from Amsterdam to New York to Tokyo: offers in the active hours where the computer is', { timeout: 120_000 }, async () => {
    const result = await week(TRAVEL);
    const offers = offersOf(result);
    // Working days in each city have offers; the late look at the mail in Tokyo is outside the hours.
    for (const day of [0, 1, 3, 4, 6]) expect(offers[day], result.days[day]?.day).toBeGreaterThanOrEqual(1);
    expect(offers[5]).toBe(0);
    for (const count of offers) expect(count).toBeLessThanOrEqual(4);
    for (const at of result.offeredAt) expect(at.slice(11) >= '09:00' && at.slice(11) < '18:00', at).toBe(true);
  });

  it(
    'sees a background that ignores the person: told all is always well, the week of calls has offers at bad moments',
    { timeout: 120_000 },
    async () => {
      const blind = await simulateWeek(CALLS, { blind: true });
      expect(blind.days.reduce((sum, day) => sum + day.atBadMoment, 0)).toBeGreaterThan(0);
    },
  );

  it('ignores every offer for three days, then answers: offers come less often, and come back', { timeout: 120_000 }, async () => {
    const result = await week(IGNORES_THEN_ANSWERS);
    const offers = offersOf(result);
    const paces = result.days.map((day) => day.paceAtEnd);
    // Falling: the pace backs off further over the days of passing by (each morning's wake is a
    // break, a step back, so it never stays at the deepest), and their last day has the fewest offers.
    expect(paces[IGNORED_DAYS - 1]).toBeGreaterThan(paces[0]!);
    expect(paces[0]).toBeGreaterThan(1);
    expect(offers[IGNORED_DAYS - 1]).toBeLessThan(offers[0]!);
    // Returning: answered again, the set pace comes back within the first day, and with it the
    // person's own cap (4 a day) on every day after.
    expect(paces.slice(IGNORED_DAYS)).toEqual(paces.slice(IGNORED_DAYS).map(() => 1));
    for (const count of offers.slice(IGNORED_DAYS)) expect(count).toBeGreaterThan(Math.max(...offers.slice(0, IGNORED_DAYS)));
  });
});
