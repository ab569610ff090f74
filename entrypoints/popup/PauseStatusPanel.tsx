import type { Ref } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { useLocale } from '@/utils/i18n/context';
import { dates, weekdayName } from '@/utils/i18n/format';
import type { Locale } from '@/utils/i18n/locale';
import { usePausesT, type PausesMessages } from '@/utils/i18n/pauses';
import { useSchedule } from '@/utils/hooks/use-schedule';
import type { QuietReason } from '@/utils/messages';
import type { ScheduleStatus } from '@/utils/schedule/schedule';
import { atMinuteOfDay, HOUR, MINUTE, startOfNextDay } from '@/utils/time';

// The hour as short as it goes ("9:12"), where formatTime would write "09:12" in Dutch.
const clock = dates({ hour: 'numeric', minute: '2-digit' });

/** A moment as "14:20" when it is on the same day as `now`, else with its weekday: "Mon 9:12 AM" / "ma 9:12". */
function formatMoment(ms: number, now: number, locale: Locale): string {
  const date = new Date(ms);
  const time = clock(locale).format(ms);
  return date.toDateString() === new Date(now).toDateString() ? time : `${weekdayName(date.getDay(), locale, 'short')} ${time}`;
}

/** "In a meeting" keeps offers away this long. */
const MEETING = HOUR;

/** The "Quiet for…" choices; the first three are spans from now. */
const SPANS = [
  ['30m', 30 * MINUTE, 'minute', 30],
  ['1h', HOUR, 'hour', 1],
  ['2h', 2 * HOUR, 'hour', 2],
] as const;
type QuietChoice = (typeof SPANS)[number][0] | 'time' | 'today';
const CHOICES: readonly QuietChoice[] = [...SPANS.map(([choice]) => choice), 'time', 'today'];

/** Minutes after midnight of a time field's value ("09:30"), or null while it is empty. */
function minutesOf(value: string): number | null {
  const match = /^(\d\d):(\d\d)/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The next time the clock shows `minutes` after midnight: today, or tomorrow when that has passed. */
function nextClockTime(minutes: number, now: number): number {
  const today = atMinuteOfDay(now, minutes);
  return today > now ? today : atMinuteOfDay(startOfNextDay(now), minutes);
}

/** When quiet ends for `choice`, chosen at `now`; null for a time not filled in. "Today" ends at `todayEndsAt`. */
function quietEnd(choice: QuietChoice, time: string, now: number, todayEndsAt: number): number | null {
  if (choice === 'today') return todayEndsAt;
  if (choice === 'time') {
    const minutes = minutesOf(time);
    return minutes === null ? null : nextClockTime(minutes, now);
  }
  const span = SPANS.find(([name]) => name === choice);
  return span ? now + span[1] : null;
}

/** What the time field starts on: the first full hour at least half an hour away ("15:00"). */
function suggestedTime(now: number): string {
  const hour = new Date(now + 90 * MINUTE).getHours();
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The status line: when the next pause comes, or until when it is quiet. */
function statusLine(schedule: ScheduleStatus, t: PausesMessages, locale: Locale): string {
  const now = Date.now();
  switch (schedule.kind) {
    case 'off':
      return t.pausesOff;
    case 'offer-open':
      return t.offerOpen;
    case 'quiet':
      if (schedule.reason === 'meeting') return t.meetingUntil(formatMoment(schedule.until, now, locale));
      return schedule.untilTomorrow ? t.quietUntilTomorrow : t.quietUntil(formatMoment(schedule.until, now, locale));
    case 'next':
      return t.nextPauseAround(formatMoment(schedule.at, now, locale));
    case 'none':
      return t.noPausePlanned;
  }
}

interface QuietChoicesProps {
  busy: boolean;
  onQuiet: (until: number, reason: QuietReason) => void;
  /** The first control, which takes focus when quiet ends. */
  first: Ref<HTMLButtonElement>;
  /** When "The rest of today" ends: later than midnight while a range runs past it. */
  todayEndsAt: number;
}

/** "In a meeting", and "Quiet for…" a span, until a time, or the rest of today. */
function QuietChoices({ busy, onQuiet, first, todayEndsAt }: QuietChoicesProps) {
  const t = usePausesT();
  const locale = useLocale();
  const id = useId();
  const [choice, setChoice] = useState<QuietChoice>('1h');
  const [time, setTime] = useState(() => suggestedTime(Date.now()));
  const spanNames = useMemo(
    () => SPANS.map(([, , unit, count]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(count)),
    [locale],
  );
  // Said before the choice is made: a time earlier than now is tomorrow's.
  const now = Date.now();
  const end = choice === 'time' ? quietEnd(choice, time, now, todayEndsAt) : null;
  const tomorrow = end !== null && end >= startOfNextDay(now);

  function goQuiet(event: Event) {
    event.preventDefault();
    const until = quietEnd(choice, time, Date.now(), todayEndsAt);
    if (until !== null) onQuiet(until, null);
  }

  return (
    <div class="quiet-choices">
      <button ref={first} type="button" class="secondary small" disabled={busy} onClick={() => onQuiet(Date.now() + MEETING, 'meeting')}>
        {t.inMeeting}
      </button>
      <form class="quiet-form" onSubmit={goQuiet}>
        <label for={`${id}-for`}>{t.quietFor}</label>
        <select
          id={`${id}-for`}
          value={choice}
          onChange={(event) => setChoice(CHOICES.find((value) => value === event.currentTarget.value) ?? '1h')}
        >
          {SPANS.map(([value], index) => (
            <option key={value} value={value}>
              {spanNames[index]}
            </option>
          ))}
          <option value="time">{t.quietUntilTime}</option>
          <option value="today">{t.quietRestOfToday}</option>
        </select>
        {choice === 'time' && (
          <div class="quiet-time">
            <label for={`${id}-time`}>{t.quietTimeLabel}</label>
            <input
              id={`${id}-time`}
              type="time"
              required
              value={time}
              aria-describedby={`${id}-tomorrow`}
              onInput={(event) => setTime(event.currentTarget.value)}
            />
            <p id={`${id}-tomorrow`} class="hint" aria-live="polite">
              {tomorrow ? t.quietTimeTomorrow : ''}
            </p>
          </div>
        )}
        <button type="submit" class="secondary small" disabled={busy}>
          {t.goQuiet}
        </button>
      </form>
    </div>
  );
}

/**
 * When the next pause comes, with choices to keep pauses quiet for a while (or resume them). It
 * follows the schedule as the background changes it (an offer made, a snooze from the pause window).
 */
export function PauseStatusPanel() {
  const t = usePausesT();
  const locale = useLocale();
  const { state, busy, send } = useSchedule();
  const section = useRef<HTMLElement>(null);
  const resume = useRef<HTMLButtonElement>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const kind = state.status === 'ready' ? state.value.kind : undefined;
  const backedOff = state.status === 'ready' && state.value.kind === 'next' && state.value.backedOff;
  // "Return to the set pace" goes with the backed-off state as a quiet choice goes with its state.
  const shown = kind === undefined ? undefined : `${kind}${backedOff ? ' backed off' : ''}`;
  const shownState = useRef(shown);
  const focusPending = useRef(false);

  useEffect(() => {
    const before = shownState.current;
    shownState.current = shown;
    if (before !== undefined && before !== shown) {
      // The control just pressed went with the state it belonged to: focus goes to the one that
      // undoes the choice. Not when the person is elsewhere (writing above) and another page changed it.
      const focused = document.activeElement;
      focusPending.current = !focused || focused === document.body || section.current?.contains(focused) === true;
    }
    // A disabled control cannot take focus: it waits until the background has answered.
    if (!focusPending.current || busy) return;
    focusPending.current = false;
    (kind === 'quiet' ? resume : firstChoice).current?.focus();
  }, [kind, shown, busy]);

  // Loading is quick and the prompt above is what matters: nothing shows until the state is known.
  if (state.status !== 'ready') return null;
  const schedule = state.value;

  return (
    <section ref={section} class="pause-status" aria-label={t.pausesHeading}>
      <p class="pause-status-line" role="status">
        {statusLine(schedule, t, locale)}
        {/* In the same status, so its going (at the set pace again) is heard with the new time. */}
        {backedOff && <span class="pace-line"> {t.pausesLessOften}</span>}
      </p>
      {backedOff && (
        <div class="actions">
          <button type="button" class="secondary small" disabled={busy} onClick={() => void send({ type: 'set-pace' })}>
            {t.returnToSetPace}
          </button>
        </div>
      )}
      {schedule.kind === 'next' && (
        <QuietChoices
          busy={busy}
          first={firstChoice}
          todayEndsAt={schedule.todayEndsAt}
          onQuiet={(until, reason) => void send({ type: 'quiet', until, reason })}
        />
      )}
      {schedule.kind === 'quiet' && (
        <div class="actions">
          <button ref={resume} type="button" class="secondary small" disabled={busy} onClick={() => void send({ type: 'resume' })}>
            {t.resumePauses}
          </button>
        </div>
      )}
    </section>
  );
}
