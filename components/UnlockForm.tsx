import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useLockT } from '@/utils/i18n/lock';
import { describeError } from '@/utils/errors';
import type { Secret } from '@/utils/lock/secrets';
import type { UnlockResult } from '@/utils/lock/lock';
import { NewPassphraseForm } from './NewPassphraseForm';
import { SecretField, useSecretEntry } from './SecretField';
import './unlock-form.css';

export interface UnlockFormProps {
  unlock: (secret: Secret) => Promise<UnlockResult>;
  /** A new passphrase, `current` being the recovery key that has just unlocked (the lock checks it again). */
  changePassphrase: (current: Secret, passphrase: string) => Promise<unknown>;
  /**
   * Told `true` when the recovery key has unlocked the journal and the form offers a new passphrase,
   * `false` when that is done or skipped: the page must keep the form on screen in between, though
   * the journal is already unlocked.
   */
  onRenewing: (renewing: boolean) => void;
}

/** What the last try came to; `wait` when it came before the moment the lock takes tries again. */
type Outcome = { kind: 'none' } | { kind: 'empty' | 'wrong' | 'wait' } | { kind: 'failed'; detail: string };

/** Opens the locked journal with the passphrase or the recovery key; no heading, for a page to place under its own. */
export function UnlockForm({ unlock, changePassphrase, onRenewing }: UnlockFormProps) {
  const t = useLockT();
  const id = useId();
  const entry = useSecretEntry();
  const { field, recovery } = entry;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [retryAt, setRetryAt] = useState(0);
  const [now, setNow] = useState(Date.now);
  const [renewing, setRenewing] = useState(false);
  // The recovery key that unlocked, for the new passphrase only; gone with the form.
  const opened = useRef<Secret | undefined>(undefined);

  // On mount, after switching between passphrase and recovery key, and after each try.
  useEffect(() => {
    if (busy || renewing) return;
    field.current?.focus();
    if (outcome.kind === 'wrong') field.current?.select();
  }, [field, recovery, busy, outcome, renewing]);

  // Counts down to the moment the lock takes tries again; once a second is all the words need.
  const waiting = retryAt > now;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waiting]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || waiting) return;
    const secret = entry.secret();
    if (!secret) {
      setOutcome({ kind: 'empty' });
      return;
    }
    setBusy(true);
    setOutcome({ kind: 'none' });
    // Told before unlocking: every open page hears of the unlock (storage.onChanged) before this
    // resolves, and the page must not take this form away before it offers a new passphrase.
    const recovering = recovery;
    if (recovering) onRenewing(true);
    try {
      const result = await unlock(secret);
      if (result.ok) {
        entry.setValue('');
        if (recovering) {
          opened.current = secret;
          setRenewing(true);
        }
      } else {
        if (recovering) onRenewing(false);
        setOutcome({ kind: result.reason });
        setRetryAt(result.retryAt);
        setNow(Date.now());
      }
    } catch (error) {
      if (recovering) onRenewing(false);
      setOutcome({ kind: 'failed', detail: describeError(error) });
    } finally {
      setBusy(false);
    }
  }

  function switchMode() {
    entry.switchMode();
    setOutcome({ kind: 'none' });
  }

  if (renewing) {
    const done = () => {
      opened.current = undefined;
      setRenewing(false);
      onRenewing(false);
    };
    return (
      <div class="unlock-renew">
        <p>{t.unlockRenewIntro}</p>
        <NewPassphraseForm
          label={t.lockNewPassphrase}
          submitLabel={t.unlockRenewSave}
          busyLabel={t.lockChanging}
          failed={t.lockChangeFailed}
          autoFocus
          onSubmit={async (passphrase) => {
            if (opened.current) await changePassphrase(opened.current, passphrase);
            done();
          }}
        >
          <button type="button" class="secondary" onClick={done}>
            {t.unlockRenewSkip}
          </button>
        </NewPassphraseForm>
      </div>
    );
  }

  const message =
    outcome.kind === 'empty'
      ? recovery
        ? t.unlockEmptyRecovery
        : t.unlockEmpty
      : outcome.kind === 'wrong'
        ? recovery
          ? t.unlockWrongRecovery
          : t.unlockWrong
        : outcome.kind === 'failed'
          ? t.unlockFailed(outcome.detail)
          : '';
  const invalid = outcome.kind === 'empty' || outcome.kind === 'wrong';
  return (
    <form class="unlock-form" onSubmit={(event) => void submit(event)} noValidate>
      <SecretField
        entry={entry}
        id={`${id}-secret`}
        autocomplete="current-password"
        busy={busy}
        invalid={invalid}
        describedBy={[message && `${id}-problem`, waiting && `${id}-wait`]}
      />
      <p id={`${id}-problem`} class="problem" role="alert">
        {message}
      </p>
      {/* Not a live region: a count read out every second would drown everything else. */}
      {waiting && (
        <p id={`${id}-wait`} class="muted">
          {t.unlockWait(Math.ceil((retryAt - now) / 1000))}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || waiting}>
          {busy ? t.unlockBusy : t.unlockButton}
        </button>
        <button type="button" class="link-button" onClick={switchMode}>
          {recovery ? t.unlockUsePassphrase : t.unlockUseRecovery}
        </button>
      </div>
    </form>
  );
}
