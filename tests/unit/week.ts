/**
 * A simulated week of browser states, driving the real background on a fake clock. A week is a
 * persona: a script of days (when the computer wakes and sleeps, calls with sound, fullscreen,
 * time away, answers in the popup), the person's settings, where in the world the computer is, and
 * what the person does with each offer. The working week: the person works, meets with a call tab
 * playing sound, watches a video fullscreen, goes to lunch, locks the screen, answers in the
 * popup, and the computer sleeps every night; the clocks go back one night (the other kinds of
 * week are in personas.ts). Every signal the background reads (idle state, focused window, audible
 * tabs) answers from the script, and every event it listens to (alarms, idle changes, tab and
 * window switches) is delivered at its moment, alarms late when the computer slept through them,
 * as browsers do.
 *
 * What the week measures comes from the script, not from the background's own state: an offer
 * counts as made at a bad moment when the script says the person was away, in a call, fullscreen
 * or asleep when its mark or its notification appeared.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/entrypoints/background/scheduler';
import { LATER_BUTTON, NOTIFICATION_ID } from '@/entrypoints/background/offer';
import { listPauseEvents } from '@/utils/db/events';
import { saveSettings } from '@/utils/storage/settings';
import type { Settings } from '@/utils/model/settings';
import { backOffFactor } from '@/utils/schedule/back-off';
import { FIRST_MINUTES_BACK } from '@/utils/schedule/schedule';
import { loadScheduleState } from '@/utils/storage/schedule-state';
import { localDate, MINUTE, SECOND } from '@/utils/time';
import { ATTENTIVE, installBackground, senseMoment, settle, type Sensed } from './background-clock';

/**
 * A stretch of the day, from and to as local "HH:MM" (to "24:00" for midnight); hours past 24 are
 * the next morning's ("30:30" is 06:30 the day after), for a night that runs past midnight.
 */
export type Span = readonly [from: string, to: string];

/** One day of the script, in local time. */
export interface DayScript {
  /** When the computer wakes from the night, and when it goes to sleep ("24:00" for none). */
  readonly awake: Span | null;
  /** A call or video with sound. */
  readonly audible: readonly Span[];
  /** A video fullscreen (sound too). */
  readonly fullscreen: readonly Span[];
  /** Away from the computer with the screen unlocked: idle after a minute. */
  readonly away: readonly Span[];
  /** Away with the screen locked. */
  readonly locked: readonly Span[];
  /** An answer saved in the popup, without an offer. */
  readonly answers: readonly string[];
}

export const WORKDAY: DayScript = {
  awake: ['08:40', '18:20'],
  audible: [['09:40', '10:30']],
  fullscreen: [['14:30', '15:10']],
  away: [
    ['12:15', '13:05'],
    ['15:50', '15:56'],
  ],
  locked: [['16:30', '16:45']],
  answers: ['11:20'],
};

/** A day the computer stays asleep. */
export const ASLEEP: DayScript = { awake: null, audible: [], fullscreen: [], away: [], locked: [], answers: [] };

/** What the person does with an offer shown in full. */
export type Answer = 'take' | 'later' | 'ignore';

/** A kind of week: its days, settings, places and answers. */
export interface Persona {
  readonly name: string;
  /** The first day, as [year, month (0 = January), day]. */
  readonly start: readonly [number, number, number];
  readonly days: readonly DayScript[];
  readonly settings: Partial<Settings>;
  /**
   * Where the computer is each day: the time zone of that day's script, in force from the moment
   * the computer wakes that day (it travels asleep). Absent: the zone the tests are pinned to.
   */
  readonly zones?: readonly string[];
  /**
   * When a day begins, for the table: "00:00", or "12:00" for a night that belongs to the evening
   * it starts on.
   */
  readonly dayBegins?: string;
  /** The answer to the `turn`th offer shown in full (from 0), shown on day `day` of the script. */
  readonly answer: (turn: number, day: number) => Answer;
}

/** Of every three offers shown in full: the first taken, the second put off with "Later", the third let go. */
export const TAKE_LATER_IGNORE = (turn: number): Answer => (['take', 'later', 'ignore'] as const)[turn % 3]!;

/** Thursday 22 October 2026 to Wednesday 28 October: the clocks go back in the night to Sunday. */
const WEEK: readonly DayScript[] = [
  WORKDAY,
  {
    ...WORKDAY,
    locked: [
      ['16:30', '16:45'],
      ['17:10', '17:40'],
    ],
    answers: ['09:05', '16:50'],
  },
  // Saturday: a short morning with a film, an evening call; Sunday: the computer stays asleep.
  {
    awake: ['10:00', '21:30'],
    audible: [['19:00', '20:15']],
    fullscreen: [['10:30', '12:00']],
    away: [['13:00', '17:00']],
    locked: [],
    answers: [],
  },
  ASLEEP,
  WORKDAY,
  {
    ...WORKDAY,
    audible: [
      ['09:40', '10:30'],
      ['13:30', '14:20'],
    ],
    answers: [],
  },
  {
    ...WORKDAY,
    away: [
      ['12:00', '12:40'],
      ['15:50', '15:56'],
    ],
    answers: ['10:45', '14:05'],
  },
];

/** Every day active, so the weekend and the clock change count. */
export const EVERY_DAY: Partial<Settings> = { activeDays: [0, 1, 2, 3, 4, 5, 6] };

/** The working week (README, "A simulated week"): the person's settings every day active. */
export const WORKING_WEEK: Persona = {
  name: 'a working week',
  start: [2026, 9, 22],
  days: WEEK,
  settings: EVERY_DAY,
  answer: TAKE_LATER_IGNORE,
};

/** Runs `read` with the local clock of `zone`: Node reads TZ anew once it is assigned. */
function inZone<T>(zone: string, read: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return read();
  } finally {
    process.env.TZ = before;
  }
}

/** The zone the tests are pinned to (vitest.config.ts), for a persona that stays home. */
const HOME_ZONE = process.env.TZ ?? 'Europe/Amsterdam';

const zoneOf = (persona: Persona, day: number) => persona.zones?.[day] ?? persona.zones?.at(-1) ?? HOME_ZONE;

/**
 * The moment `hhmm` on the day `day` of the persona's week, by that day's local clock (DST-safe:
 * built from calendar fields; hours past 24 carry into the next day).
 */
function at(persona: Persona, day: number, hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  const [year, month, date] = persona.start;
  return inZone(zoneOf(persona, day), () => new Date(year, month, date + day, hours, minutes).getTime());
}

interface Interval {
  readonly from: number;
  readonly to: number;
}

/** The script, as absolute intervals. */
interface Timeline {
  readonly awake: readonly Interval[];
  readonly audible: readonly Interval[];
  readonly fullscreen: readonly Interval[];
  readonly away: readonly Interval[];
  readonly locked: readonly Interval[];
  readonly answers: readonly number[];
}

function timeline(persona: Persona): Timeline {
  const spans = (pick: (script: DayScript) => readonly Span[]) =>
    persona.days.flatMap((script, day) => pick(script).map(([from, to]) => ({ from: at(persona, day, from), to: at(persona, day, to) })));
  return {
    awake: spans((script) => (script.awake ? [script.awake] : [])),
    audible: spans((script) => [...script.audible, ...script.fullscreen]),
    fullscreen: spans((script) => script.fullscreen),
    away: spans((script) => script.away),
    locked: spans((script) => script.locked),
    answers: persona.days.flatMap((script, day) => script.answers.map((time) => at(persona, day, time))),
  };
}

const within = (intervals: readonly Interval[], moment: number) => intervals.some(({ from, to }) => moment >= from && moment < to);

/** The person's moment as the script has it. */
function moment(line: Timeline, now: number): Sensed {
  const awake = within(line.awake, now);
  const locked = !awake || within(line.locked, now);
  // Idle comes a minute after the last input, as the idle API reports it.
  const idle = !locked && line.away.some(({ from, to }) => now >= from + MINUTE && now < to);
  return { awake, locked, idle, audible: awake && within(line.audible, now), fullscreen: awake && within(line.fullscreen, now) };
}

/** What happened on one day of the week. */
export interface DayFigures {
  readonly day: string;
  readonly offers: number;
  /** Offers that went on from the mark to their notification, at a seam. */
  readonly notified: number;
  readonly atBadMoment: number;
  readonly withinIntervalOfPause: number;
  readonly inFirstMinutesBack: number;
  readonly rightAfterWaking: number;
  /** How many times the set interval the time to the next offer was as the day ended (1 at the set pace). */
  readonly paceAtEnd: number;
}

export interface WeekResult {
  readonly persona: string;
  /** Each offer as the computer's clock read it where it was: "2026-11-02 14:05". */
  readonly offeredAt: readonly string[];
  readonly days: readonly DayFigures[];
  /** How often the background was woken: by its alarms, and by the browser's events (idle, tab switches). */
  readonly wakeUps: { readonly alarms: number; readonly events: number };
  /** Each mark or full showing that broke a rule, as "2026-10-28 14:35 audible", to say what went wrong. */
  readonly faults: readonly string[];
}

/** A small seeded generator (mulberry32), so the week is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A scripted event: the browser tells the background something at `at`. */
interface Happening {
  readonly at: number;
  readonly run: () => Promise<void>;
}

/**
 * Runs the persona's week against the real background. Call in a test with fake Date
 * (vi.useFakeTimers with toFake ['Date']); the clock is set to the week's start here, and the
 * local zone follows the computer (set back to the pinned zone at the end).
 */
export async function simulateWeek(persona: Persona = WORKING_WEEK, { blind = false } = {}): Promise<WeekResult> {
  try {
    return await runWeek(persona, blind);
  } finally {
    process.env.TZ = HOME_ZONE;
  }
}

async function runWeek(persona: Persona, blind: boolean): Promise<WeekResult> {
  const { settings } = persona;
  const line = timeline(persona);
  const days = persona.days.map((_script, day) => day);
  /** The computer's zone at `instant`: that of the last day it woke on by then. */
  const wakes = days.flatMap((day) => (persona.days[day]!.awake ? [{ day, at: at(persona, day, persona.days[day]!.awake[0]) }] : []));
  const zoneAt = (instant: number) => zoneOf(persona, wakes.findLast((wake) => wake.at <= instant)?.day ?? 0);
  /** The day of the table `instant` belongs to: its local date where the computer is then, the day beginning at `dayBegins`. */
  const [beginHours = 0, beginMinutes = 0] = (persona.dayBegins ?? '00:00').split(':').map(Number);
  const dayOf = (instant: number) =>
    inZone(zoneAt(instant), () => {
      const local = new Date(instant);
      return localDate(
        new Date(
          local.getFullYear(),
          local.getMonth(),
          local.getDate(),
          local.getHours() - beginHours,
          local.getMinutes() - beginMinutes,
        ).getTime(),
      );
    });
  const labels = days.map((day) => inZone(zoneOf(persona, day), () => localDate(at(persona, day, '00:00'))));
  vi.setSystemTime(at(persona, 0, '00:00'));
  process.env.TZ = zoneOf(persona, 0);
  // A blind run tells the background that all is well whatever the script says: the control that
  // shows the week's measures can see a background that ignores the person's moment.
  const sensed = (instant: number) => (blind ? ATTENTIVE : moment(line, instant));
  // The background draws its intervals and lines from Math.random: seeded, every run is this week.
  vi.spyOn(Math, 'random').mockImplementation(seeded(20261022));
  const weekEnd = at(persona, persona.days.length, persona.dayBegins ?? '00:00');
  const idleListeners = senseMoment(sensed);
  const now = () => Date.now();
  // The pause window is a real window in a browser; here it only needs an id.
  vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({ id: 99 } as never);
  vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({ id: 99 } as never);

  /** When the offer's mark and its full showing (notification or window) appeared. */
  const marks: number[] = [];
  const shown: number[] = [];
  const badgeText = vi.spyOn(fakeBrowser.action, 'setBadgeText');
  const notification = vi.spyOn(fakeBrowser.notifications, 'create');
  // The mark is set again on repairs while it shows; it appears when the badge goes from empty to set.
  let marked = false;
  badgeText.mockImplementation((details) => {
    if (details.text && !marked) marks.push(now());
    marked = Boolean(details.text);
  });
  notification.mockImplementation(() => {
    shown.push(now());
    return NOTIFICATION_ID;
  });

  await saveSettings(settings);
  await installBackground();

  // The script's own events, each at its moment.
  const happenings: Happening[] = [];
  const idleEvent = (state: string) => () => {
    if (!blind) for (const listener of idleListeners) listener(state);
    return Promise.resolve();
  };
  for (const { from, to } of line.awake) {
    happenings.push({ at: from, run: idleEvent('active') }, { at: to, run: idleEvent('locked') });
  }
  for (const { from, to } of line.away) {
    happenings.push({ at: from + MINUTE, run: idleEvent('idle') }, { at: to, run: idleEvent('active') });
  }
  for (const { from, to } of line.locked) {
    happenings.push({ at: from, run: idleEvent('locked') }, { at: to, run: idleEvent('active') });
  }
  // While at the computer the person moves between tabs every few minutes: the seams an offer waits for.
  for (const { from, to } of line.awake) {
    for (let t = from + 7 * MINUTE; t < to; t += 7 * MINUTE) {
      happenings.push({
        at: t,
        run: async () => {
          const m = moment(line, t);
          if (!m.locked && !m.idle) await fakeBrowser.tabs.onActivated.trigger({ tabId: 7, windowId: 1 });
        },
      });
    }
  }
  /** Pauses taken, as the script and the person's answers to offers make them. */
  const pausesTaken: number[] = [];
  for (const answer of line.answers) {
    happenings.push({
      at: answer,
      run: async () => {
        if (!moment(line, answer).awake) return;
        pausesTaken.push(answer);
        await handleMessage({ type: 'pause-taken' });
      },
    });
  }
  happenings.sort((a, b) => a.at - b.at);

  /** The person's answer to a fully shown offer, as the persona gives it. */
  let turn = 0;
  const respond = async (shownAt: number) => {
    const answer = persona.answer(turn++, labels.indexOf(dayOf(shownAt)));
    if (answer === 'take') {
      vi.setSystemTime(shownAt + 2 * MINUTE);
      await handleMessage({ type: 'pause-opened' });
      await handleMessage({ type: 'pause-taken' });
      pausesTaken.push(now());
      await handleMessage({ type: 'pause-ended', outcome: 'answered', promptId: 'q-beliefs' });
    } else if (answer === 'later') {
      vi.setSystemTime(shownAt + MINUTE);
      await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, LATER_BUTTON);
    }
    await settle();
  };

  const wakeUps = { alarms: 0, events: 0 };
  /** The pace after each step that changed it: [when, steps back]. */
  const paces: [number, number][] = [[now(), 0]];
  let next = 0;
  for (let guard = 0; guard < 20_000; guard++) {
    const alarms = await fakeBrowser.alarms.getAll();
    // An alarm due while the computer sleeps fires once when it wakes.
    const firing = alarms
      .map((alarm) => {
        if (within(line.awake, alarm.scheduledTime)) return { alarm, when: alarm.scheduledTime };
        return { alarm, when: line.awake.find(({ from }) => from >= alarm.scheduledTime)?.from ?? Infinity };
      })
      .sort((a, b) => a.when - b.when)[0];
    const happening = happenings[next];
    const alarmFirst = firing && (!happening || firing.when <= happening.at);
    const when = alarmFirst ? firing.when : happening?.at;
    if (when === undefined || when >= weekEnd) break;
    vi.setSystemTime(Math.max(when, now()));
    // The computer's clock shows the zone it woke in.
    process.env.TZ = zoneAt(now());
    if (alarmFirst) wakeUps.alarms++;
    else wakeUps.events++;
    const shownBefore = shown.length;
    if (alarmFirst) {
      const { alarm } = firing;
      await fakeBrowser.alarms.onAlarm.trigger(alarm);
      // A repeating alarm the handler did not replace comes again after its period, as in a browser.
      const after = await fakeBrowser.alarms.get(alarm.name);
      if (after && after.scheduledTime === alarm.scheduledTime) {
        if (alarm.periodInMinutes)
          await fakeBrowser.alarms.create(alarm.name, {
            when: now() + alarm.periodInMinutes * MINUTE,
            periodInMinutes: alarm.periodInMinutes,
          });
        else await fakeBrowser.alarms.clear(alarm.name);
      }
    } else {
      next++;
      await happening?.run();
    }
    await settle();
    if (shown.length > shownBefore) await respond(now());
    const { backOff } = await loadScheduleState();
    if (backOff !== paces.at(-1)![1]) paces.push([now(), backOff]);
  }

  const offered = (await listPauseEvents()).filter((event) => event.type === 'offered').map((event) => event.at);
  const returns = [...line.away, ...line.locked].filter(({ from, to }) => to - from >= 10 * MINUTE).map(({ to }) => to);
  const wakings = line.awake.map(({ from }) => from);
  const bad = (instant: number) => {
    const m = moment(line, instant);
    return m.locked || m.idle || m.audible || m.fullscreen;
  };
  const faults: string[] = [];
  const fault = (rule: string) => (instant: number) => {
    const m = moment(line, instant);
    faults.push(`${persona.name}: ${new Date(instant).toISOString().slice(0, 16)}Z ${rule} ${JSON.stringify(m)}`);
    return true;
  };
  const minInterval = (settings.minIntervalMinutes ?? 60) * MINUTE;
  const figures: DayFigures[] = [];
  for (const label of labels) {
    const onDay = (instant: number) => dayOf(instant) === label;
    const dayOffers = offered.filter(onDay);
    // An offer is seen twice: its mark, and (unless delivered as the mark only) its notification or window.
    const seen = [...marks.filter(onDay), ...shown.filter(onDay)];
    const soonAfter = (starts: readonly number[], span: number) => (instant: number) =>
      starts.some((start) => instant >= start && instant - start < span);
    // The pace as the day ended: the last change on it or before it.
    const lastDay = labels.indexOf(label);
    const paceAtEnd = paces.findLast(([instant]) => labels.indexOf(dayOf(instant)) <= lastDay)?.[1] ?? 0;
    figures.push({
      day: label,
      offers: dayOffers.length,
      notified: shown.filter(onDay).length,
      atBadMoment: seen.filter(bad).filter(fault('bad moment')).length,
      withinIntervalOfPause: seen.filter(soonAfter(pausesTaken, minInterval)).filter(fault('after a pause')).length,
      inFirstMinutesBack: seen.filter(soonAfter(returns, FIRST_MINUTES_BACK)).filter(fault('first minutes back')).length,
      rightAfterWaking: seen.filter(soonAfter(wakings, FIRST_MINUTES_BACK + SECOND)).filter(fault('after waking')).length,
      paceAtEnd: backOffFactor(paceAtEnd),
    });
  }
  // Every offer belongs to a day of the table, or the table would hide it.
  const counted = figures.reduce((sum, day) => sum + day.offers, 0);
  if (counted !== offered.length) faults.push(`${persona.name}: ${offered.length - counted} offers outside the table's days`);
  const clock = (instant: number) => inZone(zoneAt(instant), () => `${localDate(instant)} ${new Date(instant).toTimeString().slice(0, 5)}`);
  return { persona: persona.name, offeredAt: offered.map(clock), days: figures, wakeUps, faults };
}

/** The week as a Markdown table, for the README. */
export function weekTable(result: WeekResult): string {
  const head =
    '| day | offers | notified at a seam | at a bad moment | within the minimum interval after a pause | in the first 10 minutes back | right after waking | interval at the day’s end |';
  const rows = result.days.map(
    (d) =>
      `| ${d.day} | ${d.offers} | ${d.notified} | ${d.atBadMoment} | ${d.withinIntervalOfPause} | ${d.inFirstMinutesBack} | ${d.rightAfterWaking} | ×${d.paceAtEnd} |`,
  );
  return [head, '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

/** The faults a week counts in its "bad" columns, together. */
export function badOffers(result: WeekResult): number {
  return result.days.reduce((sum, d) => sum + d.atBadMoment + d.withinIntervalOfPause + d.inFirstMinutesBack + d.rightAfterWaking, 0);
}
