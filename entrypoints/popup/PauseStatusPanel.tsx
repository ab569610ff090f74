import { formatMoment, type Locale, type Messages } from '@/utils/i18n/messages';
import { useSchedule } from '@/utils/hooks/use-schedule';

interface PauseStatusPanelProps {
  locale: Locale;
  t: Messages;
}

/**
 * When the next pause comes, with controls to pause for an hour, for today, or resume. It follows
 * the schedule as the background changes it (an offer made, a snooze from the pause window).
 */
export function PauseStatusPanel({ locale, t }: PauseStatusPanelProps) {
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
