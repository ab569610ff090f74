import type { ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PromptAnswer } from '@/components/PromptAnswer';
import { LanguageProvider, useT } from '@/utils/i18n/context';
import { messages } from '@/utils/i18n/messages';
import { refreshLibraryMirror } from '@/utils/prompts/library';
import { nextPick, openingPick, type Pick } from '@/utils/prompts/pick';
import { uiLocale } from '@/utils/storage/language';
import { useAnswer } from '@/utils/hooks/use-answer';
import { logFailure } from '@/utils/log';

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
    <PromptAnswer {...answering} onSave={() => void answering.save()}>
      <button type="button" class="secondary" onClick={onAnother}>
        {t.another}
      </button>
    </PromptAnswer>
  );
}

export function App() {
  // Read once and synchronously, for a first paint in the right language. useUiLocale would follow
  // changes, but its settings code (valibot) is too large for the popup's first paint.
  const [locale] = useState(uiLocale);
  const t = messages(locale);
  const [opening] = useState(() => openingPick('popup', Math.random, Date.now()));

  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // The pause schedule is secondary: its code loads after the prompt is painted.
  const [StatusPanel, setStatusPanel] = useState<ComponentType>();

  useEffect(() => {
    // Brings in prompt changes made elsewhere (another synced window, an import) for next time.
    refreshLibraryMirror().catch(logFailure('prompt list not refreshed'));
    import('./PauseStatusPanel')
      .then(({ PauseStatusPanel }) => setStatusPanel(() => PauseStatusPanel))
      .catch(logFailure('pause status not shown'));
  }, []);

  return (
    <LanguageProvider locale={locale} t={t}>
      <main class="popup">
        <header class="brand">
          <span class="brand-name">{t.appName}</span>
          <span class="brand-tagline">{t.tagline}</span>
        </header>
        {opening ? <Answering opening={opening} /> : <p class="empty">{t.allPromptsHidden}</p>}
        {StatusPanel && <StatusPanel />}
        <footer class="popup-footer">
          <a
            href={browser.runtime.getURL('/options.html')}
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
