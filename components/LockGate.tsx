import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeError, LockDamagedError } from '@/utils/errors';
import type { LockHandle } from '@/utils/hooks/use-lock';
import { useJournalT } from '@/utils/i18n/context';
import { lazyPart } from './LazyPart';
import { PageSection } from './PageSection';
import type { LockWarningProps } from './LockWarning';
import type { UnlockFormProps } from './UnlockForm';

/** The form loads only when the journal is locked: most first paints never need it. */
const LazyUnlockForm = lazyPart<UnlockFormProps>(() => import('./UnlockForm').then((module) => module.UnlockForm));
/** Likewise the warning of a lock changed without the passphrase: with the lock's strings, rarely needed. */
const LazyLockWarning = lazyPart<LockWarningProps>(() => import('./LockWarning').then((module) => module.LockWarning));

interface LockGateProps {
  /** The page's one lock handle (each `useLock()` finishes half-done changes, so a page calls it once). */
  lock: LockHandle;
  /** What the lock keeps closed: shown when the lock is off or the journal unlocked. */
  children: ComponentChildren;
}

/** Shows its children only while the journal can be read; in their place, when locked, the unlock form. */
export function LockGate({ lock, children }: LockGateProps) {
  const t = useJournalT();
  const { state } = lock;
  const kind = state.status === 'ready' ? state.value.kind : undefined;
  // After a recovery-key unlock the form stays, to offer a new passphrase.
  const [renewing, setRenewing] = useState(false);
  const closed = kind === 'locked' || renewing;
  const content = useRef<HTMLDivElement>(null);
  const wasClosed = useRef(false);

  // The form the focus was in is gone once the journal opens: the focus goes to the heading of what it
  // opened, not to the top of the page. Unless the focus is somewhere already (an unlock in another tab).
  useEffect(() => {
    if (closed) {
      wasClosed.current = true;
      return;
    }
    if (!wasClosed.current || kind === undefined) return;
    wasClosed.current = false;
    if (document.activeElement && document.activeElement !== document.body) return;
    const heading = content.current?.querySelector('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [closed, kind]);

  if (state.status === 'loading') return null;
  if (state.status === 'failed') {
    // A damaged lock is not an emergency: nothing is lost, and nothing is written meanwhile.
    return state.error instanceof LockDamagedError ? (
      <PageSection name="locked" class="lock-gate" title={t.lockedTitle}>
        <p role="alert">{t.lockDamaged}</p>
      </PageSection>
    ) : (
      <p role="alert" class="problem">
        {t.lockReadFailed(describeError(state.error))}
      </p>
    );
  }
  if (closed) {
    return (
      <PageSection
        name="locked"
        class="lock-gate"
        title={kind === 'locked' ? t.lockedTitle : t.unlockedTitle}
        intro={kind === 'locked' ? t.lockedIntro : undefined}
      >
        <LazyUnlockForm unlock={lock.unlock} changePassphrase={lock.changePassphrase} onRenewing={setRenewing} />
      </PageSection>
    );
  }
  const warning = state.value.kind === 'off' ? [] : state.value.warning;
  return (
    <div ref={content}>
      {warning.length > 0 && <LazyLockWarning problems={warning} onDismiss={() => void lock.dismissWarning()} />}
      {children}
    </div>
  );
}
