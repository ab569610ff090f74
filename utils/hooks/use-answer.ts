/**
 * Answering a prompt, shared by the popup and the pause window: the draft kept on every keystroke,
 * Save that confirms only after the database has the note, and the messages the person sees.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Prompt } from '@/content/prompts';
import type { SaveState } from '@/components/AnswerForm';
import { clearDraft, readDraft, restoreDrafts, writeDraft } from '@/utils/storage/drafts';
import { EmptyAnswerError } from '@/utils/errors';
import { useLocale, useT } from '@/utils/i18n/context';
import { saveProblem } from '@/utils/i18n/messages';
import type { Feeling, Note, NoteSource } from '@/utils/model/records';
import { scheduleFollowUp } from '@/utils/prompts/library';
import { promptText } from '@/utils/prompts/pick';
import { logFailure } from '@/utils/log';
import { sendToBackground } from '@/utils/messages';

export interface Answering {
  prompt: Prompt;
  text: string;
  saveState: SaveState;
  /** A neutral line for the status area: a draft kept or restored. */
  notice: string | undefined;
  onInput: (text: string) => void;
  /** Saves the answer, with how the moment felt if the person chose; resolves to the note once stored, or undefined when refused or failed. */
  save: (feeling?: Feeling) => Promise<Note | undefined>;
  /** Moves to another prompt; the unsaved answer stays with the old one as its draft. */
  showPrompt: (next: Prompt) => void;
}

/** A neutral line about the draft, by its key: shown in the page's language. */
type Notice = 'draftKept' | 'draftRestored' | 'draftSealed';

/** Answering `initial` and the prompts after it, in the language of the page's LanguageProvider. */
export function useAnswer(initial: Prompt, source: NoteSource): Answering {
  const t = useT();
  const locale = useLocale();
  const [prompt, setPrompt] = useState(initial);
  const [text, setText] = useState(() => readDraft(initial.id)?.text ?? '');
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const [notice, setNotice] = useState<Notice>();
  // Once the person types, a draft restored late from durable storage must not overwrite their text.
  const typed = useRef(false);
  // What is shown when the durable drafts arrive, which may be after "Another one".
  const shown = useRef({ prompt, text });
  shown.current = { prompt, text };

  useEffect(() => {
    restoreDrafts()
      .then(({ drafts, sealed }) => {
        const id = shown.current.prompt.id;
        const draft = drafts[id];
        if (!typed.current && draft && draft.text !== shown.current.text) {
          setText(draft.text);
          setNotice('draftRestored');
        } else if (!typed.current && !draft && sealed.includes(id)) setNotice('draftSealed');
      })
      .catch(logFailure('could not read saved drafts'));
    // Only on opening: later prompts read their drafts synchronously.
  }, []);

  function onInput(value: string) {
    typed.current = true;
    setText(value);
    setNotice(undefined);
    setSaveState((state) => (state.status === 'saving' ? state : { status: 'idle' }));
    writeDraft(prompt.id, value, Date.now()).catch(logFailure('draft kept in this page only'));
  }

  async function save(feeling?: Feeling): Promise<Note | undefined> {
    if (saveState.status === 'saving') return undefined;
    setSaveState({ status: 'saving' });
    let note: Note;
    try {
      // The database code loads on the first save, not before the first paint; a failed load is
      // a failed save like any other, never a Save button stuck on "Saving…".
      const { addNote } = await import('@/utils/db/notes');
      const input = { promptId: prompt.id, promptText: promptText(prompt, locale), promptKind: prompt.kind, locale, answer: text, source };
      // Without a feeling the note has no `feeling` key at all, as notes had before there were feelings.
      note = await addNote(feeling === undefined ? input : { ...input, feeling }, Date.now());
    } catch (error) {
      // The text stays in the field and in its draft; Save works again for a retry.
      setSaveState(
        error instanceof EmptyAnswerError
          ? { status: 'invalid', message: t.emptyAnswer }
          : { status: 'error', message: saveProblem(error, t) },
      );
      return undefined;
    }
    // An answer saved is a pause taken: the schedule plans the next offer from it. Sent at once,
    // before the popup can close, and never awaited: the note is safe whatever the schedule hears.
    sendToBackground({ type: 'pause-taken' }).catch(logFailure('the schedule did not hear of the pause taken'));
    setText('');
    setNotice(undefined);
    setSaveState({ status: 'saved' });
    if (prompt.kind === 'step') scheduleFollowUp(prompt.id, note.createdAt);
    // The synchronous copy is cleared before this returns; a failing durable copy only logs.
    clearDraft(prompt.id, Date.now()).catch(logFailure('draft not cleared'));
    return note;
  }

  function showPrompt(next: Prompt) {
    const draft = readDraft(next.id);
    setNotice(text.trim() !== '' ? 'draftKept' : draft ? 'draftRestored' : undefined);
    setPrompt(next);
    setText(draft?.text ?? '');
    setSaveState({ status: 'idle' });
  }

  return { prompt, text, saveState, notice: notice && t[notice], onInput, save, showPrompt };
}
