import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PROMPTS } from '@/content/prompts';
import { AnswerForm, type SaveState } from '@/components/AnswerForm';
import { PromptView } from '@/components/PromptView';
import { clearDraft, readDraft, restoreDrafts, writeDraft } from '@/utils/drafts';
import { messages, uiLocale } from '@/utils/i18n';
import { addNote, EmptyAnswerError } from '@/utils/notes-db';
import { findPrompt, loadRound, pickPrompt, promptText, saveRound, type Pick } from '@/utils/prompts';

/**
 * What the popup opens on, decided synchronously from bundled data and localStorage: the prompt
 * someone was answering when the popup last closed, or else the next one of the round.
 */
function openingPick(): Pick {
  const recent = loadRound('popup');
  const current = findPrompt(recent.at(-1));
  if (current && readDraft(current.id)) return { prompt: current, recent };
  const pick = pickPrompt(PROMPTS, recent, Math.random);
  saveRound('popup', pick.recent);
  return pick;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App() {
  const [locale] = useState(uiLocale);
  const t = messages(locale);
  const [{ prompt, recent }, setPick] = useState(openingPick);
  const [text, setText] = useState(() => readDraft(prompt.id)?.text ?? '');
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const [notice, setNotice] = useState<string>();
  // Once the person types, a draft restored late from durable storage must not overwrite their text.
  const typed = useRef(false);

  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    restoreDrafts()
      .then((drafts) => {
        const draft = drafts[prompt.id];
        if (!typed.current && draft && draft.text !== text) {
          setText(draft.text);
          setNotice(t.draftRestored);
        }
      })
      .catch((error: unknown) => console.warn('Adempauze: could not read saved drafts', error));
    // Only on opening: later prompts read their drafts synchronously.
  }, []);

  function onInput(value: string) {
    typed.current = true;
    setText(value);
    setNotice(undefined);
    if (saveState.status !== 'saving') setSaveState({ status: 'idle' });
    writeDraft(prompt.id, value, Date.now()).catch((error: unknown) =>
      console.warn('Adempauze: draft kept in this page only', error),
    );
  }

  async function onSave() {
    if (saveState.status === 'saving') return;
    setSaveState({ status: 'saving' });
    try {
      await addNote(
        {
          promptId: prompt.id,
          promptText: promptText(prompt, locale),
          promptKind: prompt.kind,
          locale,
          answer: text,
          source: 'popup',
        },
        Date.now(),
      );
    } catch (error) {
      setSaveState(
        error instanceof EmptyAnswerError
          ? { status: 'invalid', message: t.emptyAnswer }
          : { status: 'error', message: t.saveFailed(describeError(error)) },
      );
      return;
    }
    setText('');
    setNotice(undefined);
    setSaveState({ status: 'saved' });
    // The synchronous copy is cleared before this returns; a failing durable copy only logs.
    clearDraft(prompt.id, Date.now()).catch((error: unknown) => console.warn('Adempauze: draft not cleared', error));
  }

  function onAnother() {
    const next = pickPrompt(PROMPTS, recent, Math.random);
    saveRound('popup', next.recent);
    const draft = readDraft(next.prompt.id);
    setNotice(text.trim() !== '' ? t.draftKept : draft ? t.draftRestored : undefined);
    setPick(next);
    setText(draft?.text ?? '');
    setSaveState({ status: 'idle' });
  }

  return (
    <main class="popup">
      <header class="brand">
        <span class="brand-name">{t.appName}</span>
        <span class="brand-tagline">{t.tagline}</span>
      </header>
      {/* Announces the new prompt after "Another one"; live regions stay quiet on first render. */}
      <div aria-live="polite">
        <PromptView prompt={prompt} locale={locale} t={t} headingId="prompt-heading" />
      </div>
      <AnswerForm
        t={t}
        value={text}
        saveState={saveState}
        describedBy="prompt-heading"
        notice={notice}
        onInput={onInput}
        onSave={() => void onSave()}
      >
        <button type="button" class="secondary" onClick={onAnother}>
          {t.another}
        </button>
      </AnswerForm>
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
