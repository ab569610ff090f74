import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PROMPTS } from '@/content/prompts';
import { AnswerForm } from '@/components/AnswerForm';
import { PromptView } from '@/components/PromptView';
import { messages } from '@/utils/i18n';
import { openingPick, pickPrompt, saveRound } from '@/utils/prompts';
import { uiLocale } from '@/utils/settings';
import { useAnswer } from '@/utils/use-answer';
import { PauseStatusPanel } from './PauseStatusPanel';

export function App() {
  const [locale] = useState(uiLocale);
  const t = messages(locale);
  const [opening] = useState(() => openingPick('popup', Math.random));
  const [recent, setRecent] = useState(opening.recent);
  const answering = useAnswer(opening.prompt, locale, t, 'popup');

  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  function onAnother() {
    const next = pickPrompt(PROMPTS, recent, Math.random);
    saveRound('popup', next.recent);
    setRecent(next.recent);
    answering.showPrompt(next.prompt);
  }

  return (
    <main class="popup">
      <header class="brand">
        <span class="brand-name">{t.appName}</span>
        <span class="brand-tagline">{t.tagline}</span>
      </header>
      {/* Announces the new prompt after "Another one"; live regions stay quiet on first render. */}
      <div aria-live="polite">
        <PromptView prompt={answering.prompt} locale={locale} t={t} headingId="prompt-heading" />
      </div>
      <AnswerForm
        t={t}
        value={answering.text}
        saveState={answering.saveState}
        describedBy="prompt-heading"
        notice={answering.notice}
        onInput={answering.onInput}
        onSave={() => void answering.save()}
      >
        <button type="button" class="secondary" onClick={onAnother}>
          {t.another}
        </button>
      </AnswerForm>
      <PauseStatusPanel locale={locale} t={t} />
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
  );
}
