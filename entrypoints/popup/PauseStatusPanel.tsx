import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatMoment, type Locale, type Messages } from '@/utils/i18n/messages';
import { sendToBackground, type Message } from '@/utils/messages';
import { loadScheduleState } from '@/utils/storage/schedule-state';
import { PAUSE_ALARM, scheduleStatus, type ScheduleStatus } from '@/utils/schedule/schedule';
import { loadSettings } from '@/utils/storage/settings';
import { logProblem } from '@/utils/log';

interface PauseStatusPanelProps {
  locale: Locale;
  t: Messages;
}

type PanelState = { status: 'loading' } | { status: 'ready'; schedule: ScheduleStatus } | { status: 'error' };

/** When the next pause comes, with controls to pause for an hour, for today, or resume. */
export function PauseStatusPanel({ locale, t }: PauseStatusPanelProps) {
  const [state, setState] = useState<PanelState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);

  async function refresh(repair = true): Promise<void> {
    try {
      const [settings, schedule, alarm] = await Promise.all([loadSettings(), loadScheduleState(), browser.alarms.get(PAUSE_ALARM)]);
      if (repair && settings.pausesEnabled && !alarm) {
        // The browser dropped the alarm (an update can clear alarms after the background planned
        // them): the background plans again, once, and the panel shows the new plan.
        await sendToBackground({ type: 'check-schedule' });
        return refresh(false);
      }
      setState({ status: 'ready', schedule: scheduleStatus(Date.now(), settings, schedule) });
    } catch (error) {
      logProblem('could not read the pause schedule', error);
      setState({ status: 'error' });
    }
  }

  useEffect(() => {
    void refresh();
  }, []);

  async function send(message: Message) {
    setBusy(true);
    try {
      await sendToBackground(message);
      await refresh();
    } finally {
      setBusy(false);
    }
  }

  // Loading is quick and the prompt above is what matters: nothing shows until the state is known.
  if (state.status !== 'ready') return null;
  const { schedule } = state;
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
