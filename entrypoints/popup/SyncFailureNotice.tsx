import { useId } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useSyncFailureT } from '@/utils/i18n/sync-failures';
import type { SyncFailure } from '@/utils/sync/status';

const openSync = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#sync') }).then(() => window.close());

/** The last sync's failure in words, with the way to the Sync section. */
export function SyncFailureNotice({ failure }: { failure: SyncFailure }) {
  const t = useSyncFailureT();
  const heading = useId();
  return (
    <section class="lock-offer backup-notice" role="alert" aria-labelledby={heading}>
      <h2 id={heading}>{t.noticeSyncFailedTitle}</h2>
      <p>{t.noticeSyncFailed(t.syncReason(failure))}</p>
      <div class="lock-offer-actions">
        <button type="button" class="secondary small" onClick={openSync}>
          {t.noticeOpenSync}
        </button>
      </div>
    </section>
  );
}
