import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CONTEXT_LINES, type ContextLine } from '@/content/prompts';
import { Breathing } from '@/components/Breathing';
import { PromptAnswer } from '@/components/PromptAnswer';
import { LanguageProvider, useLocale, useT } from '@/utils/i18n/context';
import { sendToBackground, type PauseOutcome } from '@/utils/messages';
import type { Pick } from '@/utils/prompts/pick';
import { SECOND } from '@/utils/durations';
import { useAnswer } from '@/utils/hooks/use-answer';
import { useFirstPaint } from '@/utils/hooks/use-first-paint';
import type { Opening } from '@/utils/first-paint/opening';
import type { Messages } from '@/utils/i18n/messages';
import { logFailure, logProblem } from '@/utils/log';
import type { Feeling, Note } from '@/utils/model/records';

/** How long the closing line stays before the window closes itself. */
const CLOSING_DELAY = 8 * SECOND;

type Step = { kind: 'breathing' } | { kind: 'prompt' } | { kind: 'closing'; line: ContextLine };

/** Opens the journal at `url` in a tab; the pause stays open to be finished. */
function openJournalAt(url: string) {
  browser.tabs.create({ url }).catch(logFailure('journal not opened'));
}

function randomLine(): ContextLine {
  return CONTEXT_LINES[Math.floor(Math.random() * CONTEXT_LINES.length)] ?? CONTEXT_LINES[0]!;
}

/** The window's title, as its taskbar entry and the build's shell (scripts/shell/render.tsx) show it. */
export const pauseTitle = (t: Messages): string => `${t.pauseTitle} · ${t.appName}`;

export function App({ opening: opened }: { opening: Opening }) {
  const { locale, t, opening } = useFirstPaint('pause', opened, pauseTitle);

  useEffect(() => {
    // Opened by the person, not for an offer, the window is a pause taken (the background tells which).
    sendToBackground({ type: 'pause-opened' }).catch(logFailure('the schedule did not hear of the pause window'));
  }, []);

  return (
    <LanguageProvider locale={locale} t={t}>
      {opening ? (
        <PauseFlow opening={opening} resuming={opened.resuming} />
      ) : (
        <main class="pause">
          <p class="empty">{t.allPromptsHidden}</p>
          <button type="button" class="secondary" onClick={() => window.close()}>
            {t.close}
          </button>
        </main>
      )}
    </LanguageProvider>
  );
}

function PauseFlow({ opening, resuming }: { opening: Pick; resuming: boolean }) {
  const t = useT();
  const locale = useLocale();
  // Someone coming back to a draft goes straight to it: the breaths were taken already.
  const [step, setStep] = useState<Step>(() => (resuming ? { kind: 'prompt' } : { kind: 'breathing' }));
  const answering = useAnswer(opening.prompt, 'pause');

  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (step.kind !== 'closing') return;
    // The answer field a keyboard was in is gone. The autofocus attribute would not help: a page
    // honours it once, and the answer field already used it.
    closeButton.current?.focus();
    const timer = setTimeout(() => window.close(), CLOSING_DELAY);
    return () => clearTimeout(timer);
  }, [step]);

  async function end(outcome: PauseOutcome) {
    try {
      await sendToBackground({ type: 'pause-ended', outcome, promptId: answering.prompt.id });
    } catch (error) {
      // The choice could not reach the background; the offer then expires by itself.
      logProblem('the schedule did not hear how the pause ended', error);
    }
  }

  async function onSave(feeling?: Feeling): Promise<Note | undefined> {
    const note = await answering.save(feeling);
    if (!note) return undefined;
    setStep({ kind: 'closing', line: randomLine() });
    await end('answered');
    return note;
  }

  async function leave(outcome: Exclude<PauseOutcome, 'answered'>) {
    await end(outcome);
    window.close();
  }

  return (
    <main class="pause">
      {step.kind === 'breathing' && <Breathing onDone={() => setStep({ kind: 'prompt' })} />}
      {step.kind === 'prompt' && (
        <>
          <PromptAnswer {...answering} onSave={onSave} onOpenJournal={openJournalAt} />
          <div class="actions leave-actions" role="group" aria-label={t.leaveGroup}>
            <button type="button" class="secondary" onClick={() => void leave('skipped')}>
              {t.notNow}
            </button>
            <button type="button" class="secondary" onClick={() => void leave('snoozed')}>
              {t.snoozeHour}
            </button>
            <button type="button" class="secondary" onClick={() => void leave('done-today')}>
              {t.noMoreToday}
            </button>
          </div>
        </>
      )}
      {step.kind === 'closing' && (
        <section class="closing" aria-labelledby="closing-heading">
          <h1 id="closing-heading" class="closing-heading">
            {t.savedPause}
          </h1>
          <blockquote class="closing-line">
            <p>{step.line.text[locale]}</p>
          </blockquote>
          <p class="muted">{t.closesByItself}</p>
          <button type="button" class="secondary" ref={closeButton} onClick={() => window.close()}>
            {t.close}
          </button>
        </section>
      )}
    </main>
  );
}
