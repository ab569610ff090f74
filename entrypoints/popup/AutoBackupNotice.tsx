/**
 * Automatic backups in the popup (utils/hooks/use-auto-backup-notice.ts): a failed backup, said
 * once in words, or the suggestion to turn them on. Both lead to the journal's Backup section,
 * where they are set up; the popup closes too easily to ask the browser for a permission.
 */
import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useAutoBackupNotice } from '@/utils/hooks/use-auto-backup-notice';
import { useAutoBackupT } from '@/utils/i18n/auto-backup';
import { logFailure } from '@/utils/log';

const openBackup = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#backup') }).then(() => window.close());

export function AutoBackupNotice() {
  const t = useAutoBackupT();
  const heading = useId();
  const { notice, endSuggestion } = useAutoBackupNotice();
  const [answered, setAnswered] = useState(false);
  if (notice.status !== 'ready' || answered) return null;
  const shown = notice.value;
  if (shown.kind === 'none') return null;

  if (shown.kind === 'failed') {
    return (
      <section class="lock-offer backup-notice" role="alert" aria-labelledby={heading}>
        <h2 id={heading}>{t.noticeFailedTitle}</h2>
        <p>{t.noticeFailed(t.autoReason(shown.reason))}</p>
        <div class="lock-offer-actions">
          <button type="button" class="secondary small" onClick={openBackup}>
            {t.noticeOpenBackup}
          </button>
        </div>
      </section>
    );
  }

  /** Either answer ends this suggestion; the first run's comes back once at 20 notes. */
  const answer = () => {
    setAnswered(true);
    return endSuggestion().catch(logFailure('backup suggestion not ended'));
  };
  return (
    <section class="lock-offer backup-notice" aria-labelledby={heading}>
      <h2 id={heading}>{t.autoHeading}</h2>
      <p>{shown.atTwenty ? t.noticeSuggestTwenty : t.noticeSuggestFirst}</p>
      <div class="lock-offer-actions">
        <button type="button" class="secondary small" onClick={() => void answer().then(openBackup)}>
          {t.noticeSetUp}
        </button>
        <button type="button" class="secondary small" onClick={() => void answer()}>
          {t.noticeNotNow}
        </button>
      </div>
    </section>
  );
}
