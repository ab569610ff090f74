import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/utils/i18n/context';

/** One slow breath: in, then a longer out, which is what calms. */
export const BREATH_IN_MS = 4000;
export const BREATH_OUT_MS = 6000;
export const BREATHS = 3;

interface BreathingProps {
  /** Called after the last breath, or when the person skips. */
  onDone: () => void;
}

type Phase = { breath: number; phase: 'in' | 'out' };

/**
 * Three slow breaths with a circle that grows and shrinks. Under prefers-reduced-motion the circle
 * stays still (see pause/style.css) and the words alone lead the breaths.
 */
export function Breathing({ onDone }: BreathingProps) {
  const t = useT();
  const [phase, setPhase] = useState<Phase>({ breath: 1, phase: 'in' });
  // The timer calls the latest onDone without restarting the breath when a new one is passed.
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const timer = setTimeout(
      () => {
        if (phase.phase === 'in') setPhase({ breath: phase.breath, phase: 'out' });
        else if (phase.breath < BREATHS) setPhase({ breath: phase.breath + 1, phase: 'in' });
        else done.current();
      },
      phase.phase === 'in' ? BREATH_IN_MS : BREATH_OUT_MS,
    );
    return () => clearTimeout(timer);
  }, [phase]);

  return (
    <section class="breathing" aria-labelledby="breathing-heading">
      <h1 id="breathing-heading" class="breathing-heading">
        {t.breatheHeading}
      </h1>
      <div class="breath-circle" aria-hidden="true" />
      <p class="breath-cue" aria-live="polite">
        {phase.phase === 'in' ? t.breatheIn : t.breatheOut}
      </p>
      <p class="muted breath-count">{t.breathCount(phase.breath, BREATHS)}</p>
      <button type="button" class="secondary" onClick={onDone}>
        {t.skipBreathing}
      </button>
    </section>
  );
}
