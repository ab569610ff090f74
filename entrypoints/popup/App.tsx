import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PromptAnswer } from '@/components/PromptAnswer';
import { LanguageProvider, useT } from '@/utils/i18n/context';
import { nextPick } from '@/utils/prompts/library';
import type { Pick } from '@/utils/prompts/pick';
import { useAnswer } from '@/utils/hooks/use-answer';
import { useFirstPaint } from '@/utils/hooks/use-first-paint';
import type { Opening } from '@/utils/first-paint/opening';
import { logFailure } from '@/utils/log';

/** Opens the journal at `url` (a place in it: options.html#journal?prompt=…) and closes the popup, as the footer's link does. */
function openJournalAt(url: string) {
  // openOptionsPage would not carry the address's part after the hash.
  void browser.tabs.create({ url }).then(() => window.close());
}

function Answering({ opening }: { opening: Pick }) {
  const t = useT();
  const [recent, setRecent] = useState(opening.recent);
  const answering = useAnswer(opening.prompt, 'popup');

  function onAnother() {
    const next = nextPick('popup', recent, Math.random);
    if (!next) return;
    setRecent(next.recent);
    answering.showPrompt(next.prompt);
  }

  return (
    <PromptAnswer {...answering} onSave={answering.save} onOpenJournal={openJournalAt}>
      <button type="button" class="secondary" onClick={onAnother}>
        {t.another}
      </button>
    </PromptAnswer>
  );
}

export function App({ opening: opened }: { opening: Opening }) {
  const { locale, t, opening } = useFirstPaint('popup', opened);

  // The pause schedule is secondary: its code loads after the prompt is painted.
  const [StatusPanel, setStatusPanel] = useState<ComponentType>();
  // So are its notices: the first run's offer of the lock, and a failed or suggested automatic backup.
  const [Offer, setOffer] = useState<ComponentType>();

  useEffect(() => {
    import('./PauseStatusPanel')
      .then(({ PauseStatusPanel }) => setStatusPanel(() => PauseStatusPanel))
      .catch(logFailure('pause status not shown'));
    import('./Notices').then(({ Notices }) => setOffer(() => Notices)).catch(logFailure('notices not shown'));
  }, []);

  return (
    <LanguageProvider locale={locale} t={t}>
      <main class="popup">
        <header class="brand">
          <span class="brand-name">{t.appName}</span>
          <span class="brand-tagline">{t.tagline}</span>
        </header>
        {opening ? <Answering opening={opening} /> : <p class="empty">{t.allPromptsHidden}</p>}
        {Offer && <Offer />}
        {StatusPanel && <StatusPanel />}
        <footer class="popup-footer">
          <a
            href="/options.html"
            target="_blank"
            onClick={(event) => {
              event.preventDefault();
              void browser.runtime.openOptionsPage().then(() => window.close());
            }}
          >
            {t.openJournal}
          </a>
        </footer>
      </main>
    </LanguageProvider>
  );
}
