/**
 * The first run's offer of the lock (utils/storage/lock-offer.ts): a short section under the prompt,
 * loaded after the first paint, shown until the person sets a passphrase or says "Not now". It
 * opens the journal's Privacy section, where the lock is set up; the popup is too small and closes
 * too easily for choosing a passphrase and keeping a recovery key.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useFirstRunT } from '@/utils/i18n/first-run';
import { logFailure } from '@/utils/log';
import { endLockOffer, lockOfferDue } from '@/utils/storage/lock-offer';

export function LockOffer() {
  const t = useFirstRunT();
  const heading = useId();
  const [state, setState] = useState<'hidden' | 'offered' | 'declined'>('hidden');

  useEffect(() => {
    lockOfferDue()
      .then((due) => due && setState('offered'))
      .catch(logFailure('lock offer not read'));
  }, []);

  if (state === 'hidden') return null;
  if (state === 'declined') {
    return (
      <p class="lock-offer-later" role="status">
        {t.lockOfferLater}
      </p>
    );
  }
  return (
    <section class="lock-offer" aria-labelledby={heading}>
      <h2 id={heading}>{t.lockOfferHeading}</h2>
      <p>{t.lockOfferText}</p>
      <div class="lock-offer-actions">
        <button
          type="button"
          class="secondary small"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#privacy') }).then(() => window.close())}
        >
          {t.lockOfferSetUp}
        </button>
        <button
          type="button"
          class="secondary small"
          onClick={() => {
            setState('declined');
            endLockOffer().catch(logFailure('lock offer not ended'));
          }}
        >
          {t.lockOfferNotNow}
        </button>
      </div>
    </section>
  );
}
