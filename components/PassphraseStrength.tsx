import { useEffect, useMemo, useState } from 'preact/hooks';
import { isTooShort, TOO_SHORT, type PassphraseVerdict } from '@/utils/lock/passphrase';
import { describeVerdict, useStrengthT } from '@/utils/i18n/strength';

type Judge = (passphrase: string) => PassphraseVerdict;

let loading: Promise<Judge> | undefined;

/**
 * The estimator (utils/lock/strength.ts, about a megabyte of word lists) as its own chunk, fetched
 * once per page and only by a form that asks for a new passphrase. A failed fetch is tried again next time.
 */
export function loadJudge(): Promise<Judge> {
  loading ??= import('@/utils/lock/strength').then(
    (module) => module.judgePassphrase,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** How long typing must pause before the verdict changes: a screen reader hears the passphrase's verdict, not every keystroke's. */
const SETTLE_MS = 400;

/** The live verdict: none for an empty field, `checking` until the estimator has arrived, `failed` if it cannot. */
export type LiveVerdict = PassphraseVerdict | 'checking' | 'failed' | undefined;

/**
 * The verdict on `passphrase` once typing pauses, and the one check a submit awaits (the same
 * rule, the estimator fetched if it has not arrived yet). The estimator starts loading as the form appears.
 */
export function usePassphraseStrength(passphrase: string): {
  verdict: LiveVerdict;
  check: (passphrase: string) => Promise<PassphraseVerdict>;
} {
  const [judge, setJudge] = useState<Judge | 'failed'>();
  const [settled, setSettled] = useState(passphrase);

  useEffect(() => {
    let current = true;
    loadJudge().then(
      (loaded) => current && setJudge(() => loaded),
      () => current && setJudge('failed'),
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    // An emptied field (after a submit, or by the person) needs no pause.
    if (passphrase === '') {
      setSettled('');
      return;
    }
    const timer = setTimeout(() => setSettled(passphrase), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [passphrase]);

  // Estimated once per settled value, not on every keystroke's render.
  const verdict = useMemo((): LiveVerdict => {
    if (settled === '') return undefined;
    if (isTooShort(settled)) return TOO_SHORT;
    if (judge === undefined) return 'checking';
    if (judge === 'failed') return 'failed';
    return judge(settled);
  }, [settled, judge]);

  return { verdict, check: async (value) => (isTooShort(value) ? TOO_SHORT : (await loadJudge())(value)) };
}

interface PassphraseStrengthProps {
  /** Referred to by the passphrase field's aria-describedby. */
  readonly id: string;
  readonly verdict: LiveVerdict;
  /** Kept quiet while the same words already show as the field's problem after a submit. */
  readonly hidden?: boolean;
}

/**
 * The verdict in plain words, below the passphrase field. It is a polite live region that stays on
 * the page (a region added with its text is not read out), and describes the field, so it is heard
 * on focus too.
 */
export function PassphraseStrength({ id, verdict, hidden }: PassphraseStrengthProps) {
  const t = useStrengthT();
  const text =
    hidden || verdict === undefined
      ? ''
      : verdict === 'checking'
        ? t.strengthChecking
        : verdict === 'failed'
          ? t.strengthUnavailable
          : describeVerdict(verdict, t);
  const tone = typeof verdict === 'object' ? (verdict.strong ? 'strong' : 'weak') : 'pending';
  return (
    <p id={id} class={`passphrase-strength ${tone}`} aria-live="polite">
      {text}
    </p>
  );
}
