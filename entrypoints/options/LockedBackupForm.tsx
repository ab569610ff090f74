import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useJournalT } from '@/utils/i18n/context';
import type { Secret } from '@/utils/lock/secrets';

interface LockedBackupFormProps {
  /**
   * Opens the chosen backup with the secret and, when it opens, imports it: resolves to false when
   * the secret does not open it (the form says so); every other outcome is the section's to show.
   */
  open: (secret: Secret) => Promise<boolean>;
  onCancel: () => void;
  /** The id of the sentence asking for the passphrase or recovery key, which describes the field. */
  describedBy: string;
}

type Mode = 'passphrase' | 'recoveryKey';
type Outcome = 'none' | 'empty' | 'wrong';

/**
 * Asks for the passphrase or recovery key a locked backup was made with. Unlike unlocking the
 * journal, a wrong try costs nothing here but the time the key derivation takes: the file is in
 * the person's hands and can be tried anywhere, so no delay would protect it.
 */
export function LockedBackupForm({ open, onCancel, describedBy }: LockedBackupFormProps) {
  const t = useJournalT();
  const id = useId();
  const [mode, setMode] = useState<Mode>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>('none');
  const field = useRef<HTMLInputElement>(null);

  // On mount, after switching between passphrase and recovery key, and after each try.
  useEffect(() => {
    if (busy) return;
    field.current?.focus();
    if (outcome === 'wrong') field.current?.select();
  }, [mode, busy, outcome]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const typed = secret.trim();
    if (typed === '') {
      setOutcome('empty');
      return;
    }
    setBusy(true);
    setOutcome('none');
    // A passphrase is taken as typed (spaces may belong to it); a recovery key is read leniently.
    try {
      if (!(await open(mode === 'passphrase' ? { passphrase: secret } : { recoveryKey: typed }))) setOutcome('wrong');
    } finally {
      setBusy(false);
    }
  }

  function switchMode() {
    setMode(mode === 'passphrase' ? 'recoveryKey' : 'passphrase');
    setSecret('');
    setOutcome('none');
  }

  const recovery = mode === 'recoveryKey';
  const message =
    outcome === 'empty'
      ? recovery
        ? t.backupLockedEmptyRecovery
        : t.backupLockedEmpty
      : outcome === 'wrong'
        ? recovery
          ? t.backupLockedWrongRecovery
          : t.backupLockedWrong
        : '';
  const fieldProps = {
    id: `${id}-secret`,
    ref: field,
    spellcheck: false,
    value: secret,
    // Read-only rather than disabled while opening, so the focus stays in the field.
    readOnly: busy,
    onInput: (event: { currentTarget: HTMLInputElement }) => setSecret(event.currentTarget.value),
    'aria-invalid': message ? true : undefined,
    'aria-describedby': [describedBy, recovery && `${id}-hint`, message && `${id}-problem`].filter(Boolean).join(' '),
  };

  return (
    <form class="backup-secret" onSubmit={(event) => void submit(event)} noValidate>
      <div class="field">
        <label for={`${id}-secret`}>{recovery ? t.backupLockedRecoveryKey : t.backupLockedPassphrase}</label>
        {/* Two inputs, not one with a changing type: Preact's types tie the attributes to the type. */}
        {recovery ? (
          <input type="text" autocomplete="off" autocapitalize="characters" {...fieldProps} />
        ) : (
          // Not the browser's saved password for this page: the backup may come from another lock.
          <input type="password" autocomplete="off" {...fieldProps} />
        )}
        {recovery && (
          <p id={`${id}-hint`} class="hint">
            {t.backupLockedRecoveryHint}
          </p>
        )}
      </div>
      <p id={`${id}-problem`} class="problem" role="alert">
        {message}
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t.backupLockedOpening : t.backupLockedOpen}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={onCancel}>
          {t.backupLockedCancel}
        </button>
        <button type="button" class="link-button" disabled={busy} onClick={switchMode}>
          {recovery ? t.backupLockedUsePassphrase : t.backupLockedUseRecovery}
        </button>
      </div>
    </form>
  );
}
