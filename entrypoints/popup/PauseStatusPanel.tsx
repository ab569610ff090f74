import { useLocale, useT } from '@/utils/i18n/context';
import { dates, weekdayName } from '@/utils/i18n/format';
import type { Locale } from '@/utils/i18n/locale';
import { useSchedule } from '@/utils/hooks/use-schedule';

// The hour as short as it goes ("9:12"), where formatTime would write "09:12" in Dutch.
const clock = dates({ hour: 'numeric', minute: '2-digit' });

/** A moment as "14:20" when it is on the same day as `now`, else with its weekday: "Mon 9:12 AM" / "ma 9:12". */
function formatMoment(ms: number, now: number, locale: Locale): string {
  const date = new Date(ms);
  const time = clock(locale).format(ms);
  return date.toDateString() === new Date(now).toDateString() ? time : `${weekdayName(date.getDay(), locale, 'short')} ${time}`;
}

/**
 * When the next pause comes, with controls to pause for an hour, for today, or resume. It follows
 * the schedule as the background changes it (an offer made, a snooze from the pause window).
 */
export function PauseStatusPanel() {
  const t = useT();
  const locale = useLocale();
  const { state, busy, send } = useSchedule();

  // Loading is quick and the prompt above is what matters: nothing shows until the state is known.
  if (state.status !== 'ready') return null;
  const schedule = state.value;
  const line =
    schedule.kind === 'off'
      ? t.pausesOff
      : schedule.kind === 'offer-open'
        ? t.offerOpen
        : schedule.kind === 'quiet'
          ? schedule.tomorrowOrLater
            ? t.pausedUntilTomorrow
            : t.pausedUntil(formatMoment(schedule.until, Date.now(), locale))
          : schedule.kind === 'next'
            ? t.nextPauseAround(formatMoment(schedule.at, Date.now(), locale))
            : t.noPausePlanned;

  return (
    <section class="pause-status" aria-label={t.pausesHeading}>
      <p class="pause-status-line" role="status">
        {line}
      </p>
      <div class="actions">
        {schedule.kind === 'next' && (
          <>
            <button type="button" class="secondary small" disabled={busy} onClick={() => void send({ type: 'quiet', span: 'hour' })}>
              {t.pauseForHour}
            </button>
            <button type="button" class="secondary small" disabled={busy} onClick={() => void send({ type: 'quiet', span: 'today' })}>
              {t.pauseForToday}
            </button>
          </>
        )}
        {schedule.kind === 'quiet' && (
          <button type="button" class="secondary small" disabled={busy} onClick={() => void send({ type: 'resume' })}>
            {t.resumePauses}
          </button>
        )}
      </div>
    </section>
  );
}
