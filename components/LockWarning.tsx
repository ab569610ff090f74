import { useEffect, useRef } from 'preact/hooks';
import { useLockT } from '@/utils/i18n/lock';
import type { LockProblem } from '@/utils/lock/keys';

export interface LockWarningProps {
  /** What the last unlock found that did not check out (utils/lock/lock.ts, checkLock). */
  problems: readonly LockProblem[];
  onDismiss: () => void;
}

/**
 * Tells the person, above the journal, that the lock's stored record or keys had been changed
 * without the passphrase, and what was done about it. It stays until they say they have read it:
 * a warning that vanishes by itself could be missed.
 */
export function LockWarning({ problems, onDismiss }: LockWarningProps) {
  const t = useLockT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Read first: the alert role announces it, and the focus makes sure the keyboard lands on it.
    heading.current?.focus();
  }, []);
  return (
    <section class="card lock-warning" role="alert" aria-labelledby="lock-warning-heading">
      <h2 id="lock-warning-heading" tabIndex={-1} ref={heading}>
        {t.lockWarningHeading}
      </h2>
      {problems.includes('record') && <p>{t.lockWarningRecord}</p>}
      {problems.includes('public-key') && <p>{t.lockWarningPublicKey}</p>}
      {problems.includes('private-key') && <p>{t.lockWarningPrivateKey}</p>}
      <div class="actions">
        <button type="button" class="secondary" onClick={onDismiss}>
          {t.lockWarningDismiss}
        </button>
      </div>
    </section>
  );
}
