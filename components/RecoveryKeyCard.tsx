import { useEffect, useRef, useState } from 'preact/hooks';
import { useLockT } from '@/utils/i18n/lock';
import './recovery-key.css';

/** Puts the focus on the first heading in `root`: the button pressed is gone, and the person should not land at the top of the page. */
export function focusHeading(root: HTMLElement | null) {
  const heading = root?.querySelector('h2');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

interface RecoveryKeyCardProps {
  recoveryKey: string;
  /** The person has kept it: the card goes. */
  onKept: () => void;
  /** The card's heading and explanation, when the key is not the lock's (sync's). */
  heading?: string;
  explain?: string;
}

/** The recovery key, once, to copy, print or write down; recovery-key.css prints only this card. */
export function RecoveryKeyCard({ recoveryKey, onKept, heading, explain }: RecoveryKeyCardProps) {
  const t = useLockT();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const card = useRef<HTMLElement>(null);

  useEffect(() => {
    // The form that made the key is gone: the focus goes to the key's heading.
    focusHeading(card.current);
    // Closing the tab now would lose the key for good: the browser asks first.
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <section class="card recovery-card" ref={card} aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{heading ?? t.lockRecoveryHeading}</h2>
      <p>{explain ?? t.lockRecoveryExplain}</p>
      <p id="recovery-label" class="recovery-label">
        {t.lockRecoveryLabel}
      </p>
      <output class="recovery-key" aria-labelledby="recovery-label" translate={false}>
        {recoveryKey}
      </output>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void copy()}>
          {t.lockCopy}
        </button>
        <button type="button" class="secondary" onClick={() => window.print()}>
          {t.lockPrint}
        </button>
        <button type="button" class="primary" onClick={onKept}>
          {t.lockRecoveryKept}
        </button>
      </div>
      <p class="status" role="status">
        {copied === 'yes' ? t.lockCopied : ''}
      </p>
      <p class="problem" role="alert">
        {copied === 'failed' ? t.lockCopyFailed : ''}
      </p>
    </section>
  );
}
