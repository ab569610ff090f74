import { useEffect, useId, useState } from 'preact/hooks';
import { SecretField, useSecretEntry } from '@/components/SecretField';
import { useLockT } from '@/utils/i18n/lock';
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

type Outcome = 'none' | 'empty' | 'wrong';

/**
 * Asks for the passphrase or recovery key a locked backup was made with. Unlike unlocking the
 * journal, a wrong try costs nothing here but the time the key derivation takes: the file is in
 * the person's hands and can be tried anywhere, so no delay would protect it.
 */
export function LockedBackupForm({ open, onCancel, describedBy }: LockedBackupFormProps) {
  const t = useLockT();
  const id = useId();
  const entry = useSecretEntry();
  const { field, recovery } = entry;
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>('none');

  // On mount, after switching between passphrase and recovery key, and after each try.
  useEffect(() => {
    if (busy) return;
    field.current?.focus();
    if (outcome === 'wrong') field.current?.select();
  }, [field, recovery, busy, outcome]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const secret = entry.secret();
    if (!secret) {
      setOutcome('empty');
      return;
    }
    setBusy(true);
    setOutcome('none');
    try {
      if (!(await open(secret))) setOutcome('wrong');
    } finally {
      setBusy(false);
    }
  }

  function switchMode() {
    entry.switchMode();
    setOutcome('none');
  }

  const message =
    outcome === 'empty'
      ? recovery
        ? t.unlockEmptyRecovery
        : t.unlockEmpty
      : outcome === 'wrong'
        ? recovery
          ? t.backupLockedWrongRecovery
          : t.backupLockedWrong
        : '';

  return (
    <form class="backup-secret" onSubmit={(event) => void submit(event)} noValidate>
      <SecretField
        entry={entry}
        id={`${id}-secret`}
        // Not the browser's saved password for this page: the backup may come from another lock.
        autocomplete="off"
        busy={busy}
        invalid={message !== ''}
        describedBy={[describedBy, message && `${id}-problem`]}
      />
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
          {recovery ? t.unlockUsePassphrase : t.unlockUseRecovery}
        </button>
      </div>
    </form>
  );
}
