/**
 * Four kinds of week for the simulation (week.ts), each a person the schedule must serve without
 * ever offering at a bad moment: a week of calls and screen sharing, a night shift, travel across
 * time zones, and a person who lets every offer pass for three days and then starts answering.
 */
import { ASLEEP, EVERY_DAY, TAKE_LATER_IGNORE, WORKDAY, type DayScript, type Persona, type Span } from './week';

/** Calls back to back with a few minutes between them, from `from` for `count` calls of `minutes`, `gap` minutes apart. */
function backToBack(from: string, count: number, minutes: number, gap: number): Span[] {
  const [hours = 0, mins = 0] = from.split(':').map(Number);
  const hhmm = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  return Array.from({ length: count }, (_, i) => {
    const start = hours * 60 + mins + i * (minutes + gap);
    return [hhmm(start), hhmm(start + minutes)] as const;
  });
}

/** A day of calls with sound, the screen shared fullscreen, and only short gaps between them. */
const CALL_DAY: DayScript = {
  awake: ['08:30', '18:15'],
  audible: [...backToBack('09:00', 5, 25, 5), ['11:35', '12:00'], ['13:30', '14:25'], ['16:45', '17:30']],
  // Presenting: a window fullscreen, a call with sound under it.
  fullscreen: [
    ['14:30', '15:20'],
    ['15:30', '16:35'],
  ],
  away: [
    ['12:05', '12:40'],
    ['17:35', '17:41'],
  ],
  locked: [],
  answers: [],
};

/** Monday 9 to Sunday 15 November 2026, at home, the default settings (Monday to Friday, 09:00–18:00). */
export const CALLS: Persona = {
  name: 'calls and screen sharing',
  start: [2026, 10, 9],
  days: [
    CALL_DAY,
    { ...CALL_DAY, audible: [...backToBack('09:00', 10, 40, 8)], fullscreen: [['14:00', '14:50']], away: [['17:10', '17:16']] },
    CALL_DAY,
    { ...CALL_DAY, fullscreen: [['09:30', '12:00']], audible: [...backToBack('13:00', 8, 30, 6)] },
    { ...CALL_DAY, awake: ['08:30', '16:00'], answers: ['15:00'] },
    ASLEEP,
    ASLEEP,
  ],
  settings: {},
  answer: TAKE_LATER_IGNORE,
};

/**
 * A night at work: the computer wakes at 21:30 and sleeps at 06:30 the next morning; a handover
 * call, a break at 02:00, the screen locked for a walk round. The day the person sleeps through.
 */
const NIGHT: DayScript = {
  awake: ['21:30', '30:30'],
  audible: [['21:45', '22:20']],
  fullscreen: [],
  away: [['26:00', '26:30']],
  locked: [['28:15', '28:30']],
  answers: ['23:40'],
};

/** A free evening: a film fullscreen, to bed before the range would offer. */
const FREE_EVENING: DayScript = {
  awake: ['18:00', '23:00'],
  audible: [],
  fullscreen: [['20:00', '22:40']],
  away: [],
  locked: [],
  answers: [],
};

/**
 * Monday 9 to Sunday 15 November 2026: five nights at work (22:00–06:00, a range past midnight that
 * belongs to the evening it starts on), two evenings off. A day of the table runs noon to noon.
 */
export const NIGHT_SHIFT: Persona = {
  name: 'a night shift',
  start: [2026, 10, 9],
  days: [NIGHT, { ...NIGHT, answers: [] }, NIGHT, { ...NIGHT, away: [['25:10', '25:50']] }, NIGHT, FREE_EVENING, FREE_EVENING],
  settings: { activeRanges: [{ startMinutes: 22 * 60, endMinutes: 6 * 60 }], activeDays: [1, 2, 3, 4, 5] },
  dayBegins: '12:00',
  answer: TAKE_LATER_IGNORE,
};

/**
 * Thursday 29 October to Wednesday 4 November 2026: two working days in Amsterdam, a flight to New
 * York on Saturday (the computer wakes there in the afternoon, six hours behind), Sunday in New
 * York as its clocks go back, Monday's work cut short by the flight to Tokyo, fourteen hours
 * ahead, a late look at the mail on landing, and a working day in Tokyo. Active every day, 09:00–18:00 where the computer is.
 */
export const TRAVEL: Persona = {
  name: 'travel across time zones',
  start: [2026, 9, 29],
  days: [
    WORKDAY,
    { ...WORKDAY, awake: ['08:40', '17:00'], locked: [] },
    { awake: ['15:00', '21:00'], audible: [['18:00', '18:30']], fullscreen: [], away: [], locked: [], answers: [] },
    {
      awake: ['08:00', '17:00'],
      audible: [],
      fullscreen: [['10:00', '11:30']],
      away: [['12:00', '13:00']],
      locked: [],
      answers: ['14:10'],
    },
    { ...WORKDAY, awake: ['08:40', '16:00'], locked: [] },
    { awake: ['22:30', '23:45'], audible: [], fullscreen: [], away: [], locked: [], answers: [] },
    WORKDAY,
  ],
  zones: ['Europe/Amsterdam', 'Europe/Amsterdam', 'America/New_York', 'America/New_York', 'America/New_York', 'Asia/Tokyo', 'Asia/Tokyo'],
  settings: EVERY_DAY,
  answer: TAKE_LATER_IGNORE,
};

/** A busy day at the desk: one call, lunch eaten there (eight minutes away: no break). */
const DESK_DAY: DayScript = {
  awake: ['08:30', '18:30'],
  audible: [['10:00', '10:45']],
  fullscreen: [],
  away: [['12:30', '12:38']],
  locked: [],
  answers: [],
};

/** Days of the week in which the person lets every offer pass. */
export const IGNORED_DAYS = 3;

/**
 * Monday 9 to Sunday 15 November 2026, at the desk every day: for three days every offer passes by
 * unanswered; from Thursday each one is taken.
 */
export const IGNORES_THEN_ANSWERS: Persona = {
  name: 'ignores three days, then answers',
  start: [2026, 10, 9],
  days: Array.from({ length: 7 }, () => DESK_DAY),
  settings: EVERY_DAY,
  answer: (_turn, day) => (day < IGNORED_DAYS ? 'ignore' : 'take'),
};

export const PERSONAS: readonly Persona[] = [CALLS, NIGHT_SHIFT, TRAVEL, IGNORES_THEN_ANSWERS];
