import type { ComponentChildren } from 'preact';
import { useLockT } from '@/utils/i18n/lock';
import './secret-field.css';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { describeError } from '@/utils/errors';
import { describeVerdict, useStrengthT } from '@/utils/i18n/strength';
import { isTooShort } from '@/utils/lock/passphrase';
import { PassphraseStrength, usePassphraseStrength } from './PassphraseStrength';

type Field = 'passphrase' | 'repeat' | 'acknowledge';
type Problems = Partial<Record<Field, string>>;

interface NewPassphraseFormProps {
  /** The first field's label: "Passphrase" when turning the lock on, "New passphrase" after. */
  label: string;
  submitLabel: string;
  /** The button's words while `onSubmit` runs (deriving a key takes a second). */
  busyLabel: string;
  /** When given, a box the person must tick first, saying what they accept. */
  acknowledge?: string;
  /** Stores the passphrase; when it rejects, `failed` says so and the fields keep what was typed. */
  onSubmit: (passphrase: string) => Promise<void>;
  failed: (detail: string) => string;
  /** Puts the focus in the first field when the form appears in answer to the person (not on page load). */
  autoFocus?: boolean;
  /** More buttons beside the submit button (Skip, Cancel). */
  children?: ComponentChildren;
}

/**
 * A new passphrase typed twice: at least 8 characters, not guessable (utils/lock/passphrase.ts),
 * both the same. Whether it is guessable shows while typing, and is checked again on submit.
 */
export function NewPassphraseForm({
  label,
  submitLabel,
  busyLabel,
  acknowledge,
  onSubmit,
  failed,
  autoFocus,
  children,
}: NewPassphraseFormProps) {
  const t = useLockT();
  const strengthT = useStrengthT();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const strength = usePassphraseStrength(passphrase);
  // Set while the verdict of a submit is awaited (the estimator may still be arriving): a second submit waits its turn.
  const checking = useRef(false);
  const fields = {
    passphrase: useRef<HTMLInputElement>(null),
    repeat: useRef<HTMLInputElement>(null),
    acknowledge: useRef<HTMLInputElement>(null),
  };

  useEffect(() => {
    if (autoFocus) fields.passphrase.current?.focus();
    // Only as the form appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || checking.current) return;
    const found: Problems = {};
    if (isTooShort(passphrase)) found.passphrase = t.lockPassphraseTooShort;
    else {
      checking.current = true;
      let verdict;
      try {
        verdict = await strength.check(passphrase);
      } catch {
        // Without the estimator nothing can say the passphrase is safe to take, so it is not taken.
        setFailure(strengthT.strengthUnavailable);
        return;
      } finally {
        checking.current = false;
      }
      if (!verdict.strong) found.passphrase = describeVerdict(verdict, strengthT);
      else if (repeat !== passphrase) found.repeat = t.lockPassphraseMismatch;
    }
    if (acknowledge && !acknowledged) found.acknowledge = t.lockAcknowledgeMissing;
    setProblems(found);
    setFailure('');
    const first = (['passphrase', 'repeat', 'acknowledge'] as const).find((field) => found[field]);
    if (first) {
      fields[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(passphrase);
      setPassphrase('');
      setRepeat('');
      setAcknowledged(false);
    } catch (error) {
      setFailure(failed(describeError(error)));
    } finally {
      setBusy(false);
    }
  }

  /** Ties a field to its hint and its problem, so a screen reader reads them with it. */
  const described = (field: Field, hint?: string) => {
    const ids = [hint, problems[field] && `${id}-${field}-problem`].filter(Boolean).join(' ');
    return { 'aria-invalid': problems[field] ? true : undefined, 'aria-describedby': ids || undefined };
  };
  const problem = (field: Field) =>
    problems[field] && (
      <p id={`${id}-${field}-problem`} class="problem field-problem">
        {problems[field]}
      </p>
    );

  return (
    <form class="passphrase-form" onSubmit={(event) => void submit(event)} noValidate>
      <div class="field secret-field">
        <label for={`${id}-passphrase`}>{label}</label>
        <input
          id={`${id}-passphrase`}
          ref={fields.passphrase}
          type="password"
          autocomplete="new-password"
          value={passphrase}
          onInput={(event) => {
            setPassphrase(event.currentTarget.value);
            setProblems({ ...problems, passphrase: undefined });
          }}
          {...described('passphrase', `${id}-hint ${id}-strength`)}
        />
        <p id={`${id}-hint`} class="hint">
          {t.lockPassphraseHint}
        </p>
        <PassphraseStrength id={`${id}-strength`} verdict={strength.verdict} hidden={problems.passphrase !== undefined} />
        {problem('passphrase')}
      </div>
      <div class="field secret-field">
        <label for={`${id}-repeat`}>{t.lockRepeatPassphrase}</label>
        <input
          id={`${id}-repeat`}
          ref={fields.repeat}
          type="password"
          autocomplete="new-password"
          value={repeat}
          onInput={(event) => {
            setRepeat(event.currentTarget.value);
            setProblems({ ...problems, repeat: undefined });
          }}
          {...described('repeat')}
        />
        {problem('repeat')}
      </div>
      {acknowledge && (
        <div>
          <label class="check acknowledge">
            <input
              type="checkbox"
              ref={fields.acknowledge}
              checked={acknowledged}
              onChange={(event) => {
                setAcknowledged(event.currentTarget.checked);
                setProblems({ ...problems, acknowledge: undefined });
              }}
              {...described('acknowledge')}
            />
            <span>{acknowledge}</span>
          </label>
          {problem('acknowledge')}
        </div>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {children}
      </div>
      <p class="problem" role="alert">
        {failure}
      </p>
    </form>
  );
}
