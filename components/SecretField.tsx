import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useLockT } from '@/utils/i18n/lock';
import type { Secret } from '@/utils/lock/secrets';
import './secret-field.css';

type Mode = 'passphrase' | 'recoveryKey';

/** What a person types to open the lock: the passphrase, or the recovery key instead. */
export interface SecretEntry {
  readonly recovery: boolean;
  readonly value: string;
  readonly setValue: (value: string) => void;
  readonly field: RefObject<HTMLInputElement | null>;
  /** From the passphrase to the recovery key and back; what was typed goes. */
  readonly switchMode: () => void;
  /** What was typed, or undefined when nothing was: a passphrase exactly as typed (spaces may belong to it), a recovery key trimmed of stray spaces. */
  readonly secret: () => Secret | undefined;
}

export function useSecretEntry(): SecretEntry {
  const [mode, setMode] = useState<Mode>('passphrase');
  const [value, setValue] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const recovery = mode === 'recoveryKey';
  return {
    recovery,
    value,
    setValue,
    field,
    switchMode() {
      setMode(recovery ? 'passphrase' : 'recoveryKey');
      setValue('');
    },
    secret() {
      if (value.trim() === '') return undefined;
      return recovery ? { recoveryKey: value.trim() } : { passphrase: value };
    },
  };
}

interface SecretFieldProps {
  readonly entry: SecretEntry;
  /** The field's id; its hint is `${id}-hint`. */
  readonly id: string;
  /** The field's words, when not just "Passphrase" or the recovery key's. */
  readonly label?: string;
  /** The browser's saved password for this page, or none (a backup may come from another lock). */
  readonly autocomplete: 'current-password' | 'off';
  readonly busy: boolean;
  readonly invalid: boolean;
  /** The ids of what else describes the field (a question, a problem, a wait). */
  readonly describedBy: readonly (string | false | undefined)[];
}

/** The labelled field for the passphrase or the recovery key, with the recovery key's hint. */
export function SecretField({ entry, id, label, autocomplete, busy, invalid, describedBy }: SecretFieldProps) {
  const t = useLockT();
  const hint = `${id}-hint`;
  const fieldProps = {
    id,
    ref: entry.field,
    spellcheck: false,
    value: entry.value,
    // Read-only rather than disabled while checking, so the focus stays in the field.
    readOnly: busy,
    onInput: (event: { currentTarget: HTMLInputElement }) => entry.setValue(event.currentTarget.value),
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': [...describedBy, entry.recovery && hint].filter(Boolean).join(' ') || undefined,
  };
  return (
    <div class="field secret-field">
      <label for={id}>{label ?? (entry.recovery ? t.lockRecoveryLabel : t.lockPassphrase)}</label>
      {/* Two inputs, not one with a changing type: Preact's types tie the attributes to the type. */}
      {entry.recovery ? (
        <input type="text" class="recovery-input" autocomplete="off" autocapitalize="characters" {...fieldProps} />
      ) : (
        <input type="password" autocomplete={autocomplete} {...fieldProps} />
      )}
      {entry.recovery && (
        <p id={hint} class="hint">
          {t.unlockRecoveryHint}
        </p>
      )}
    </div>
  );
}
