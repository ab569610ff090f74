import { useState } from 'preact/hooks';
import { EditActions } from '@/components/EditActions';
import { Status } from '@/components/Status';
import { QUESTIONS, STEPS, type Prompt } from '@/content/prompts';
import { changeProblem, readProblem } from '@/utils/i18n/journal';
import { useLocale } from '@/utils/i18n/context';
import { usePromptsT } from '@/utils/i18n/prompts';
import type { CustomPrompt } from '@/utils/model/records';
import { usePromptLibrary, type PromptLibrary, type PromptLibraryHandle } from '@/utils/hooks/use-prompt-library';
import { PageSection } from '@/components/PageSection';

/** Longest own prompt accepted: a question, not an essay. */
const MAX_PROMPT_LENGTH = 500;

/** The whole library per kind: hide a prompt ("not for me"), and add, edit or delete your own. */
export function PromptsSection() {
  const t = usePromptsT();
  const library = usePromptLibrary();
  return (
    <PageSection name="prompts" class="prompts-section" title={t.promptsTitle} intro={t.promptsIntro}>
      <Status state={library.state} loading={t.loading} failed={(error) => readProblem(error, t)}>
        {(value) => <PromptsList library={value} actions={library} />}
      </Status>
    </PageSection>
  );
}

/** The library as read; every change made here or elsewhere arrives as a new `library`. */
function PromptsList({ library, actions }: { library: PromptLibrary; actions: PromptLibraryHandle }) {
  const t = usePromptsT();
  const locale = useLocale();
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [problem, setProblem] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  /** A change that could not be stored; what was typed stays where it was typed. */
  const [changeFailed, setChangeFailed] = useState<string>();

  /** Stores one change, then shows the list as stored; resolves false when the change was refused. */
  async function change(store: () => Promise<void>, done: string): Promise<boolean> {
    try {
      await store();
    } catch (error) {
      setAnnouncement('');
      setChangeFailed(changeProblem(error, t));
      return false;
    }
    setChangeFailed(undefined);
    setAnnouncement(done);
    return true;
  }

  async function toggle(prompt: { id: string }, hidden: boolean) {
    await change(() => actions.setHidden(prompt.id, hidden), hidden ? t.promptHidden : t.promptShown);
  }

  async function add(event: Event) {
    event.preventDefault();
    const text = draft.trim();
    if (text === '' || text.length > MAX_PROMPT_LENGTH) {
      setProblem(text === '' ? t.ownPromptEmpty : t.ownPromptTooLong(MAX_PROMPT_LENGTH));
      return;
    }
    setProblem(undefined);
    if (await change(() => actions.add(text), t.ownPromptAdded)) {
      setDraft('');
    }
  }

  async function saveEdit(prompt: CustomPrompt) {
    if (!editing) return;
    const text = editing.text.trim();
    if (text === '' || text.length > MAX_PROMPT_LENGTH) return;
    if (await change(() => actions.edit(prompt, text), t.ownPromptSaved)) {
      setEditing(null);
    }
  }

  const { hidden, answers } = library;
  const answered = (id: string) => t.answerCount(answers.get(id) ?? 0);
  const hideButton = (prompt: { id: string }, name: string) => (
    <button
      type="button"
      class="secondary small"
      aria-pressed={hidden.has(prompt.id)}
      aria-label={`${hidden.has(prompt.id) ? t.showPromptAgain : t.hidePrompt}: ${name}`}
      onClick={() => void toggle(prompt, !hidden.has(prompt.id))}
    >
      {hidden.has(prompt.id) ? t.showPromptAgain : t.hidePrompt}
    </button>
  );
  const libraryItem = (prompt: Prompt) => {
    const name = prompt.kind === 'step' ? prompt.title[locale] : prompt.text[locale];
    return (
      <li key={prompt.id} class={hidden.has(prompt.id) ? 'prompt-item is-hidden' : 'prompt-item'}>
        <div>
          <p class="prompt-item-title">{name}</p>
          {prompt.kind === 'step' && <p class="prompt-item-text">{prompt.text[locale]}</p>}
          <p class="muted small-text">
            {answered(prompt.id)}
            {hidden.has(prompt.id) ? ` · ${t.hiddenLabel}` : ''}
          </p>
        </div>
        {hideButton(prompt, name)}
      </li>
    );
  };

  return (
    <>
      <h2>{t.kindQuestions}</h2>
      <ul class="prompt-list">{QUESTIONS.map(libraryItem)}</ul>
      <h2>{t.kindSteps}</h2>
      <ul class="prompt-list">{STEPS.map(libraryItem)}</ul>

      <h2>{t.ownPromptsGroup}</h2>
      {library.custom.length > 0 && (
        <ul class="prompt-list">
          {library.custom.map((prompt) => (
            <li key={prompt.id} class={hidden.has(prompt.id) ? 'prompt-item is-hidden' : 'prompt-item'}>
              {editing?.id === prompt.id ? (
                <div class="own-prompt-edit">
                  <label class="field">
                    <span>{t.editOwnPrompt}</span>
                    <input
                      type="text"
                      value={editing.text}
                      autocomplete="off"
                      maxLength={MAX_PROMPT_LENGTH}
                      autoFocus
                      onInput={(event) => setEditing({ id: prompt.id, text: event.currentTarget.value })}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter') void saveEdit(prompt);
                        if (event.key === 'Escape') setEditing(null);
                      }}
                    />
                  </label>
                  <EditActions onSave={() => void saveEdit(prompt)} onCancel={() => setEditing(null)} />
                </div>
              ) : (
                <>
                  <div>
                    <p class="prompt-item-title">{prompt.text}</p>
                    <p class="muted small-text">
                      {answered(prompt.id)}
                      {hidden.has(prompt.id) ? ` · ${t.hiddenLabel}` : ''}
                    </p>
                  </div>
                  <div class="actions">
                    <button
                      type="button"
                      class="secondary small"
                      aria-label={`${t.editNote}: ${prompt.text}`}
                      onClick={() => setEditing({ id: prompt.id, text: prompt.text })}
                    >
                      {t.editNote}
                    </button>
                    {hideButton(prompt, prompt.text)}
                    <button
                      type="button"
                      class="secondary small"
                      aria-label={`${t.deleteNote}: ${prompt.text}`}
                      onClick={() => void change(() => actions.remove(prompt.id), t.ownPromptDeleted)}
                    >
                      {t.deleteNote}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class="own-prompt-form" onSubmit={(event) => void add(event)}>
        <label class="field">
          <span>{t.newOwnPrompt}</span>
          <input
            type="text"
            value={draft}
            autocomplete="off"
            maxLength={MAX_PROMPT_LENGTH}
            placeholder={t.newOwnPromptPlaceholder}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'own-prompt-problem' : undefined}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="primary small">
          {t.addOwnPrompt}
        </button>
        {problem && (
          <p id="own-prompt-problem" class="problem" role="alert">
            {problem}
          </p>
        )}
      </form>
      <p class="status" role="status">
        {announcement}
      </p>
      {changeFailed && (
        <p class="problem" role="alert">
          {changeFailed}
        </p>
      )}
    </>
  );
}
