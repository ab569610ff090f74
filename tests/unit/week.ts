/**
 * A simulated week of browser states, driving the real background on a fake clock: the person
 * works, meets with a call tab playing sound, watches a video fullscreen, goes to lunch, locks the
 * screen, answers in the popup, and the computer sleeps every night; the clocks go back one night.
 * Every signal the background reads (idle state, focused window, audible tabs) answers from the
 * script, and every event it listens to (alarms, idle changes, tab and window switches) is
 * delivered at its moment, alarms late when the computer slept through them, as browsers do.
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
import { FIRST_MINUTES_BACK } from '@/utils/schedule/schedule';
import { localDate, MINUTE, SECOND } from '@/utils/time';
import { ATTENTIVE, installBackground, senseMoment, settle, type Sensed } from './background-clock';

/** A stretch of the day, from and to as local "HH:MM" (to "24:00" for midnight). */
type Span = readonly [from: string, to: string];

/** One day of the script, in local time. */
interface DayScript {
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

const WORKDAY: DayScript = {
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

/** Thursday 22 October 2026 to Wednesday 28 October: the clocks go back in the night to Sunday. */
export const WEEK_START = new Date(2026, 9, 22).getTime();
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
  { awake: null, audible: [], fullscreen: [], away: [], locked: [], answers: [] },
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

/** The person's settings for the week: every day active, so the weekend and the clock change count. */
export const WEEK_SETTINGS: Partial<Settings> = { activeDays: [0, 1, 2, 3, 4, 5, 6] };

/** The local moment `hhmm` on the day `day` of the week (DST-safe: built from calendar fields). */
function at(day: number, hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  const start = new Date(WEEK_START);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() + day, hours, minutes).getTime();
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

function timeline(): Timeline {
  const spans = (pick: (script: DayScript) => readonly Span[]) =>
    WEEK.flatMap((script, day) => pick(script).map(([from, to]) => ({ from: at(day, from), to: at(day, to) })));
  return {
    awake: spans((script) => (script.awake ? [script.awake] : [])),
    audible: spans((script) => [...script.audible, ...script.fullscreen]),
    fullscreen: spans((script) => script.fullscreen),
    away: spans((script) => script.away),
    locked: spans((script) => script.locked),
    answers: WEEK.flatMap((script, day) => script.answers.map((time) => at(day, time))),
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
}

export interface WeekResult {
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
 * Runs the week against the real background. Call in a test with fake Date (vi.useFakeTimers
 * with toFake ['Date']) set to WEEK_START.
 */
export async function simulateWeek(settings: Partial<Settings> = WEEK_SETTINGS, { blind = false } = {}): Promise<WeekResult> {
  const line = timeline();
  // A blind run tells the background that all is well whatever the script says: the control that
  // shows the week's measures can see a background that ignores the person's moment.
  const sensed = (instant: number) => (blind ? ATTENTIVE : moment(line, instant));
  // The background draws its intervals and lines from Math.random: seeded, every run is this week.
  vi.spyOn(Math, 'random').mockImplementation(seeded(20261022));
  const weekEnd = at(WEEK.length, '00:00');
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

  /** The person's answer to a fully shown offer: they take every second one, let one go by "Later", ignore the rest. */
  let answered = 0;
  const respond = async (shownAt: number) => {
    const turn = answered++ % 3;
    if (turn === 0) {
      vi.setSystemTime(shownAt + 2 * MINUTE);
      await handleMessage({ type: 'pause-opened' });
      await handleMessage({ type: 'pause-taken' });
      pausesTaken.push(now());
      await handleMessage({ type: 'pause-ended', outcome: 'answered', promptId: 'q-beliefs' });
    } else if (turn === 1) {
      vi.setSystemTime(shownAt + MINUTE);
      await fakeBrowser.notifications.onButtonClicked.trigger(NOTIFICATION_ID, LATER_BUTTON);
    }
    await settle();
  };

  const wakeUps = { alarms: 0, events: 0 };
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
  }

  const offered = (await listPauseEvents()).filter((event) => event.type === 'offered').map((event) => event.at);
  const returns = [...line.away, ...line.locked].filter(({ from, to }) => to - from >= 10 * MINUTE).map(({ to }) => to);
  const wakes = line.awake.map(({ from }) => from);
  const bad = (instant: number) => {
    const m = moment(line, instant);
    return m.locked || m.idle || m.audible || m.fullscreen;
  };
  const faults: string[] = [];
  const fault = (rule: string) => (instant: number) => {
    const m = moment(line, instant);
    faults.push(`${new Date(instant).toString().slice(0, 21)} ${rule} ${JSON.stringify(m)}`);
    return true;
  };
  const minInterval = (settings.minIntervalMinutes ?? 60) * MINUTE;
  const days: DayFigures[] = [];
  for (let day = 0; day < WEEK.length; day++) {
    const [from, to] = [at(day, '00:00'), at(day + 1, '00:00')];
    const onDay = (instant: number) => instant >= from && instant < to;
    const dayOffers = offered.filter(onDay);
    // An offer is seen twice: its mark, and (unless delivered as the mark only) its notification or window.
    const seen = [...marks.filter(onDay), ...shown.filter(onDay)];
    const soonAfter = (starts: readonly number[], span: number) => (instant: number) =>
      starts.some((start) => instant >= start && instant - start < span);
    days.push({
      day: localDate(from),
      offers: dayOffers.length,
      notified: shown.filter(onDay).length,
      atBadMoment: seen.filter(bad).filter(fault('bad moment')).length,
      withinIntervalOfPause: seen.filter(soonAfter(pausesTaken, minInterval)).filter(fault('after a pause')).length,
      inFirstMinutesBack: seen.filter(soonAfter(returns, FIRST_MINUTES_BACK)).filter(fault('first minutes back')).length,
      rightAfterWaking: seen.filter(soonAfter(wakes, FIRST_MINUTES_BACK + SECOND)).filter(fault('after waking')).length,
    });
  }
  return { days, wakeUps, faults };
}

/** The week as a Markdown table, for the README. */
export function weekTable(result: WeekResult): string {
  const head =
    '| day | offers | notified at a seam | at a bad moment | within the minimum interval after a pause | in the first 10 minutes back | right after waking |';
  const rows = result.days.map(
    (d) =>
      `| ${d.day} | ${d.offers} | ${d.notified} | ${d.atBadMoment} | ${d.withinIntervalOfPause} | ${d.inFirstMinutesBack} | ${d.rightAfterWaking} |`,
  );
  return [head, '| --- | ---: | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}
