import { useId, useState } from 'preact/hooks';
import { Status } from '@/components/Status';
import { lastAutoBackup, nextAutoBackupAt } from '@/utils/backup/automatic';
import { useAutoBackup, type AutoBackupHandle } from '@/utils/hooks/use-auto-backup';
import { useAutoBackupT } from '@/utils/i18n/auto-backup';
import { useJournalT, useLocale } from '@/utils/i18n/context';
import { formatDateTime } from '@/utils/i18n/format';
import { logFailure } from '@/utils/log';
import type { AutoBackupFrequency, ParsedAutoBackup } from '@/utils/model/auto-backup';

interface AutoBackupCardProps {
  /** Whether the journal has a lock: its backups are then encrypted, else readable (and the lock is offered). */
  lockOn: boolean;
}

/**
 * "Back up automatically" in the Backup section: off until the person turns it on (asking the
 * browser for the downloads permission in that click), weekly or daily, and what it did: the last
 * backup, the next, a failure in words, a backup being written.
 */
export function AutoBackupCard({ lockOn }: AutoBackupCardProps) {
  const t = useAutoBackupT();
  const auto = useAutoBackup();
  return (
    <section class="card backup-card auto-backup" aria-labelledby="auto-backup-heading">
      <h2 id="auto-backup-heading">{t.autoHeading}</h2>
      <p>{t.autoIntro}</p>
      <Status state={auto.state} failed={() => t.autoStateFailed}>
        {(parsed) => <AutoBackupControls auto={auto} parsed={parsed} lockOn={lockOn} />}
      </Status>
      <p>{t.autoSurvives}</p>
    </section>
  );
}

interface ControlsProps extends AutoBackupCardProps {
  auto: AutoBackupHandle;
  parsed: ParsedAutoBackup;
}

function AutoBackupControls({ auto, parsed, lockOn }: ControlsProps) {
  const t = useAutoBackupT();
  const journalT = useJournalT();
  const locale = useLocale();
  const [asking, setAsking] = useState(false);
  const [refused, setRefused] = useState(false);
  const switchId = useId();
  const hintId = useId();
  const { state, unreadable } = parsed;
  const now = Date.now();
  const last = lastAutoBackup(state.files);
  const next = nextAutoBackupAt(state);
  const writing = state.running !== null;

  function toggle(on: boolean) {
    setRefused(false);
    if (!on) {
      void auto.turnOff().catch(logFailure('automatic backups not turned off'));
      return;
    }
    setAsking(true);
    // The permission is asked for in this very click: the browser asks only in answer to the person.
    auto
      .turnOn()
      .then((granted) => setRefused(!granted))
      .catch(logFailure('automatic backups not turned on'))
      .finally(() => setAsking(false));
  }

  function choose(frequency: AutoBackupFrequency) {
    void auto.setFrequency(frequency).catch(logFailure('backup frequency not saved'));
  }

  return (
    <>
      {unreadable.length > 0 && (
        <p role="alert" class="problem">
          {t.autoUnreadable}
        </p>
      )}
      <div class="check-with-hint">
        <label for={switchId}>
          <input
            id={switchId}
            type="checkbox"
            // Shown on while the browser asks: the person's click is answered at once.
            checked={asking || state.enabled}
            disabled={asking}
            aria-describedby={hintId}
            onChange={(event) => toggle(event.currentTarget.checked)}
          />{' '}
          {t.autoSwitch}
        </label>
        <p class="hint" id={hintId}>
          {t.autoPermissionHint}
        </p>
      </div>
      {refused && (
        <p role="alert" class="problem">
          {t.autoPermissionRefused}
        </p>
      )}
      {state.enabled && (
        <fieldset class="auto-frequency">
          <legend>{t.autoFrequency}</legend>
          {(['weekly', 'daily'] as const).map((frequency) => (
            <label key={frequency}>
              <input
                type="radio"
                name="auto-backup-frequency"
                value={frequency}
                checked={state.frequency === frequency}
                onChange={() => choose(frequency)}
              />{' '}
              {frequency === 'weekly' ? t.autoWeekly : t.autoDaily}
            </label>
          ))}
        </fieldset>
      )}
      {(state.enabled || last) && (
        <dl class="auto-status">
          <dt>{t.autoLast}</dt>
          <dd>{last ? t.autoLastValue(formatDateTime(last.at, locale), journalT.noteCount(last.notes)) : t.autoNone}</dd>
          {last && (
            <>
              <dt>{t.autoFile}</dt>
              <dd>
                <code>{last.fileName}</code>
              </dd>
            </>
          )}
          {next !== null && (
            <>
              <dt>{t.autoNext}</dt>
              <dd>{next <= now ? t.autoNextSoon : formatDateTime(next, locale)}</dd>
            </>
          )}
        </dl>
      )}
      {state.failure && (
        <p role="alert" class="problem">
          {t.autoFailed(formatDateTime(state.failure.at, locale), t.autoReason(state.failure.reason))}
        </p>
      )}
      <p role="status" class="backup-status">
        {writing ? t.autoWriting : ''}
      </p>
      {state.enabled && (
        <div class="actions">
          {/* Never held back by a run in progress: one whose worker ended would hold it until it counts as abandoned. The background knows which runs are alive. */}
          <button type="button" class="secondary" onClick={() => void auto.backUpNow().catch(logFailure('no backup now'))}>
            {t.autoNow}
          </button>
        </div>
      )}
      {lockOn ? (
        <p class="hint">{t.autoEncrypted}</p>
      ) : (
        <p class="backup-reminder">
          {t.autoReadable} <a href="#privacy">{t.autoOfferLock}</a>
        </p>
      )}
    </>
  );
}
