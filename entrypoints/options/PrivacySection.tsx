import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useLockT } from '@/utils/i18n/lock';
import { NewPassphraseForm } from '@/components/NewPassphraseForm';
import { PageSection } from '@/components/PageSection';
import { SecretField, useSecretEntry, type SecretEntry } from '@/components/SecretField';
import { UnlockForm } from '@/components/UnlockForm';
import { focusHeading, RecoveryKeyCard } from '@/components/RecoveryKeyCard';
import { describeError, LockDamagedError } from '@/utils/errors';
import { WrongSecretError } from '@/utils/lock/wrong-secret';
import type { LockHandle, LockView, Secret, Settling } from '@/utils/hooks/use-lock';
import type { LockMessages } from '@/utils/i18n/lock';
import { LOCK_AFTER_CHOICES } from '@/utils/model/lock';
import './privacy.css';

export interface PrivacySectionProps {
  /** The page's one lock handle. */
  lock: LockHandle;
}

/**
 * The passphrase lock: turning it on (with the recovery key shown once), how long it stays unlocked,
 * changing the passphrase, removing it. Every step but turning it on needs the journal unlocked.
 */
export function PrivacySection({ lock }: PrivacySectionProps) {
  const t = useLockT();
  // Shown once, right after the keys are made; kept nowhere but here, and gone with this component.
  const [recoveryKey, setRecoveryKey] = useState<string>();
  const [renewing, setRenewing] = useState(false);
  const [notice, setNotice] = useState('');
  const views = useRef<HTMLDivElement>(null);
  const { state, settling } = lock;
  const view = state.status === 'ready' ? state.value : undefined;

  // Says so when a change of the lock has finished, here or in another tab.
  const shown = useRef(view);
  useEffect(() => {
    // A read that failed in between keeps the view before it, so the change is still seen.
    if (!view) return;
    const before = shown.current;
    shown.current = view;
    if (!before) return;
    if (before.kind !== 'off' && before.state === 'turning-on' && view.kind !== 'off' && view.state === 'on') setNotice(t.lockTurnedOn);
    else if (before.kind !== 'off' && before.state === 'turning-off' && view.kind === 'off') setNotice(t.lockRemoved);
    else if (before.kind !== 'off' && before.replacing && view.kind !== 'off' && !view.replacing) setNotice(t.lockKeyRenewed);
  }, [view, t]);

  // A step that removes the control the focus was in (Unlock, I have kept it, Remove) leaves the focus
  // nowhere: it goes to the heading of what the section shows now. Not on first paint.
  const kind = view?.kind;
  const lockState = view && view.kind !== 'off' ? view.state : undefined;
  const painted = useRef(false);
  useEffect(() => {
    if (!painted.current) {
      painted.current = kind !== undefined;
      return;
    }
    if (recoveryKey === undefined && (!document.activeElement || document.activeElement === document.body)) focusHeading(views.current);
  }, [kind, lockState, renewing, recoveryKey]);

  return (
    <PageSection name="privacy" class="privacy" title={t.privacyTitle} intro={t.privacyIntro}>
      <p class="status" role="status">
        {notice}
      </p>
      {recoveryKey && <RecoveryKeyCard recoveryKey={recoveryKey} onKept={() => setRecoveryKey(undefined)} />}
      {settling && <SettlingProgress settling={settling} />}
      {state.status === 'failed' && (
        // A damaged lock is not an emergency: nothing is lost, and nothing is written meanwhile.
        <p role="alert" class={state.error instanceof LockDamagedError ? undefined : 'problem'}>
          {state.error instanceof LockDamagedError ? t.lockDamaged : t.lockReadFailed(describeError(state.error))}
        </p>
      )}
      {/* While the recovery key is on screen, nothing else competes with it. */}
      {view && !recoveryKey && (
        <div class="privacy-views" ref={views}>
          {view.kind === 'off' ? (
            <LockOff
              lock={lock}
              onTurnedOn={(key) => {
                setNotice('');
                setRecoveryKey(key);
              }}
            />
          ) : view.kind === 'locked' || renewing ? (
            <>
              {view.kind === 'locked' && <p>{t.lockLockedPrivacy}</p>}
              {!settling && <Underway view={view} />}
              <UnlockForm unlock={lock.unlock} changePassphrase={lock.changePassphrase} onRenewing={setRenewing} />
            </>
          ) : (
            <LockOn
              lock={lock}
              view={view}
              settling={settling}
              onNewRecoveryKey={(key) => {
                setNotice('');
                setRecoveryKey(key);
              }}
            />
          )}
        </div>
      )}
    </PageSection>
  );
}

/** What the lock does, and the form that turns it on. */
function LockOff({ lock, onTurnedOn }: { lock: LockHandle; onTurnedOn: (recoveryKey: string) => void }) {
  const t = useLockT();
  return (
    <section class="card privacy-part" aria-labelledby="lock-off-heading">
      <h2 id="lock-off-heading">{t.lockOffHeading}</h2>
      <ul class="lock-what">
        <li>{t.lockWhatNotes}</li>
        <li>{t.lockWhatDrafts}</li>
        <li>{t.lockWhatBefore}</li>
        <li>{t.lockWhatDates}</li>
        <li>{t.lockWhatPopup}</li>
        <li>{t.lockWhatSession}</li>
      </ul>
      <NewPassphraseForm
        label={t.lockPassphrase}
        submitLabel={t.lockTurnOn}
        busyLabel={t.lockTurningOn}
        acknowledge={t.lockAcknowledge}
        failed={t.lockTurnOnFailed}
        onSubmit={async (passphrase) => onTurnedOn(await lock.turnOn(passphrase))}
      />
    </section>
  );
}

/**
 * Records being encrypted or decrypted. The bar carries the count; the words read out change only
 * at each quarter, so a screen reader is not given a number for every batch.
 */
function SettlingProgress({ settling }: { settling: Settling }) {
  const t = useLockT();
  const { direction, done, total } = settling;
  const label = direction === 'on' ? t.lockEncryptingLabel : direction === 'off' ? t.lockDecryptingLabel : t.lockRenewingLabel;
  const quarter = total > 0 ? Math.floor((Math.min(done, total) / total) * 4) * 25 : 0;
  return (
    <div class="card lock-progress">
      <p>
        {label}: {t.lockProgress(done, total)}
      </p>
      <progress aria-label={label} value={done} max={Math.max(total, 1)} />
      <p class="visually-hidden" role="status">
        {label}: {t.lockProgressPercent(quarter)}
      </p>
      <p class="hint">{t.lockProgressHint}</p>
    </div>
  );
}

/** A change of the lock that is not running in this page right now: another tab has it, or it waits for an unlock. */
function Underway({ view }: { view: LockView }) {
  const t = useLockT();
  if (view.kind === 'off') return null;
  if (view.state === 'on') return view.replacing ? <p class="muted">{t.lockRenewingElsewhere}</p> : null;
  return <p class="muted">{view.state === 'turning-on' ? t.lockEncryptingElsewhere : t.lockDecryptingElsewhere}</p>;
}

interface LockOnProps {
  lock: LockHandle;
  view: Extract<LockView, { kind: 'locked' | 'unlocked' }>;
  settling: Settling | undefined;
  /** A new key was made: its recovery key, to show once. */
  onNewRecoveryKey: (recoveryKey: string) => void;
}

/** The unlocked journal's lock: lock now, how long it stays unlocked, a new passphrase, or no lock. */
function LockOn({ lock, view, settling, onNewRecoveryKey }: LockOnProps) {
  const t = useLockT();
  const [lockProblem, setLockProblem] = useState('');

  async function lockNow() {
    setLockProblem('');
    try {
      await lock.lockNow();
    } catch (error) {
      setLockProblem(t.lockNowFailed(describeError(error)));
    }
  }

  // Removing the lock: its progress (or where it stands) is all there is to show.
  if (view.state === 'turning-off') return settling ? null : <Underway view={view} />;
  return (
    <>
      <section class="card privacy-part" aria-labelledby="lock-on-heading">
        <h2 id="lock-on-heading">{t.lockOnHeading}</h2>
        <p>{t.lockOnUnlocked}</p>
        {!settling && <Underway view={view} />}
        <div class="actions">
          <button type="button" class="secondary" onClick={() => void lockNow()}>
            {t.lockNow}
          </button>
        </div>
        <p class="problem" role="alert">
          {lockProblem}
        </p>
        {view.state === 'on' && <LockAfter lock={lock} minutes={view.lockAfterMinutes} />}
      </section>
      {view.state === 'on' && (
        <>
          <ChangePassphrase lock={lock} replacing={view.replacing} onNewRecoveryKey={onNewRecoveryKey} />
          <RemoveLock lock={lock} />
        </>
      )}
    </>
  );
}

/** "5 minutes" … "4 hours", and the stored value too should it be none of the choices. */
function LockAfter({ lock, minutes }: { lock: LockHandle; minutes: number }) {
  const t = useLockT();
  const [feedback, setFeedback] = useState<{ saved: boolean; problem: string }>({ saved: false, problem: '' });
  // The choice shows at once; the stored value follows when the lock is read again.
  const [pending, setPending] = useState<number>();
  useEffect(() => setPending(undefined), [minutes]);
  const choices = (LOCK_AFTER_CHOICES as readonly number[]).includes(minutes)
    ? LOCK_AFTER_CHOICES
    : [...LOCK_AFTER_CHOICES, minutes].sort((a, b) => a - b);

  async function choose(value: number) {
    setFeedback({ saved: false, problem: '' });
    setPending(value);
    try {
      await lock.setLockAfter(value);
      setFeedback({ saved: true, problem: '' });
    } catch (error) {
      setPending(undefined);
      setFeedback({ saved: false, problem: t.lockChangeFailed(describeError(error)) });
    }
  }

  return (
    <div class="field">
      <label for="lock-after">{t.lockAfterLabel}</label>
      <select id="lock-after" value={String(pending ?? minutes)} onChange={(event) => void choose(Number(event.currentTarget.value))}>
        {choices.map((choice) => (
          <option key={choice} value={String(choice)}>
            {t.lockAfterChoice(choice)}
          </option>
        ))}
      </select>
      <p class="status" role="status">
        {feedback.saved ? t.lockAfterSaved : ''}
      </p>
      <p class="problem" role="alert">
        {feedback.problem}
      </p>
    </div>
  );
}

/**
 * The passphrase or recovery key the person has now, asked again before a step that cannot be
 * undone: whoever finds the journal unlocked must not be able to take the lock away or change it.
 */
function CurrentSecret({
  entry,
  id,
  busy,
  invalid,
  describedBy,
}: {
  entry: SecretEntry;
  id: string;
  busy: boolean;
  invalid: boolean;
  describedBy?: string;
}) {
  const t = useLockT();
  return (
    <div class="current-secret">
      <SecretField
        entry={entry}
        id={id}
        label={entry.recovery ? t.lockCurrentRecoveryLabel : t.lockCurrentLabel}
        autocomplete="current-password"
        busy={busy}
        invalid={invalid}
        describedBy={[describedBy]}
      />
      <button type="button" class="link-button" onClick={entry.switchMode}>
        {entry.recovery ? t.unlockUsePassphrase : t.unlockUseRecovery}
      </button>
    </div>
  );
}

/** Why a step with the current secret was refused, in the person's words. */
function secretProblem(error: unknown, t: LockMessages): string | undefined {
  if (!(error instanceof WrongSecretError)) return undefined;
  return error.retryAt > Date.now() ? t.lockCurrentWait : t.lockCurrentWrong;
}

function ChangePassphrase({
  lock,
  replacing,
  onNewRecoveryKey,
}: {
  lock: LockHandle;
  replacing: boolean;
  onNewRecoveryKey: (recoveryKey: string) => void;
}) {
  const t = useLockT();
  const id = useId();
  const current = useSecretEntry();
  const [replaceKey, setReplaceKey] = useState(false);
  const [changed, setChanged] = useState(false);
  const [problem, setProblem] = useState('');
  return (
    <section class="card privacy-part" aria-labelledby="lock-change-heading">
      <h2 id="lock-change-heading">{t.lockChangeHeading}</h2>
      <p class="hint">{replaceKey ? t.lockReplaceKeyHint : t.lockChangeHint}</p>
      <CurrentSecret
        entry={current}
        id={`${id}-current`}
        busy={false}
        invalid={problem !== ''}
        describedBy={problem ? `${id}-problem` : undefined}
      />
      <p id={`${id}-problem`} class="problem" role="alert">
        {problem}
      </p>
      <div class="field checkbox-field">
        <input
          type="checkbox"
          id={`${id}-replace`}
          checked={replaceKey}
          disabled={replacing}
          onChange={(event) => setReplaceKey(event.currentTarget.checked)}
        />
        <label for={`${id}-replace`}>{t.lockReplaceKey}</label>
      </div>
      <NewPassphraseForm
        label={t.lockNewPassphrase}
        submitLabel={t.lockChangePassphrase}
        busyLabel={t.lockChanging}
        failed={t.lockChangeFailed}
        onSubmit={async (passphrase) => {
          setChanged(false);
          setProblem('');
          const secret: Secret | undefined = current.secret();
          if (!secret) {
            setProblem(t.lockCurrentMissing);
            current.field.current?.focus();
            throw new Error(t.lockCurrentMissing);
          }
          try {
            const recoveryKey = await lock.changePassphrase(secret, passphrase, replaceKey && !replacing);
            current.setValue('');
            setChanged(true);
            if (recoveryKey !== undefined) onNewRecoveryKey(recoveryKey);
          } catch (error) {
            const words = secretProblem(error, t);
            if (words) setProblem(words);
            throw words ? new Error(words) : error;
          }
        }}
      />
      <p class="status" role="status">
        {changed ? (replaceKey ? t.lockKeyReplaced : t.lockPassphraseChanged) : ''}
      </p>
    </section>
  );
}

/** Removing the lock asks once more, since afterwards anyone using this browser can read the notes. */
function RemoveLock({ lock }: { lock: LockHandle }) {
  const t = useLockT();
  const [step, setStep] = useState<'idle' | 'confirming' | 'removing'>('idle');
  const [problem, setProblem] = useState('');
  const id = useId();
  const current = useSecretEntry();
  const confirm = useRef<HTMLDivElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (step === 'confirming') confirm.current?.focus();
    else if (step === 'idle' && returnFocus.current) {
      returnFocus.current = false;
      start.current?.focus();
    }
  }, [step]);

  async function remove() {
    const secret = current.secret();
    if (!secret) {
      setProblem(t.lockCurrentMissing);
      current.field.current?.focus();
      return;
    }
    setStep('removing');
    setProblem('');
    try {
      // Decrypting then runs in the page's lock handle, with its progress above.
      await lock.turnOff(secret);
    } catch (error) {
      const words = secretProblem(error, t);
      setProblem(words ?? t.lockRemoveFailed(describeError(error)));
      if (words) {
        // The question stays, with the field to try again.
        setStep('confirming');
        current.field.current?.select();
        return;
      }
      returnFocus.current = true;
      setStep('idle');
    }
  }

  return (
    <section class="card privacy-part" aria-labelledby="lock-remove-heading">
      <h2 id="lock-remove-heading">{t.lockRemoveHeading}</h2>
      <p class="hint">{t.lockRemoveHint}</p>
      {step === 'idle' ? (
        <div class="actions">
          <button type="button" class="secondary" ref={start} onClick={() => setStep('confirming')}>
            {t.lockRemoveStart}
          </button>
        </div>
      ) : (
        <div class="lock-confirm" role="group" aria-labelledby="lock-remove-question" tabIndex={-1} ref={confirm}>
          <p id="lock-remove-question">{t.lockRemoveConfirm}</p>
          <CurrentSecret
            entry={current}
            id={`${id}-current`}
            busy={step === 'removing'}
            invalid={problem !== ''}
            describedBy={problem ? `${id}-problem` : undefined}
          />
          <div class="actions">
            <button type="button" class="primary" disabled={step === 'removing'} onClick={() => void remove()}>
              {t.lockRemoveYes}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={step === 'removing'}
              onClick={() => {
                returnFocus.current = true;
                setStep('idle');
              }}
            >
              {t.lockRemoveNo}
            </button>
          </div>
        </div>
      )}
      <p id={`${id}-problem`} class="problem" role="alert">
        {problem}
      </p>
    </section>
  );
}
