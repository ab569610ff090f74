import type { ComponentChildren } from 'preact';
import { useT } from '@/utils/i18n/context';
import { saveShortcut } from '@/utils/save-shortcut';

/** Where saving stands; the message is what the person is told. */
export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'invalid'; message: string }
  | { status: 'error'; message: string };

interface AnswerFormProps {
  value: string;
  saveState: SaveState;
  /** Id of the prompt's heading: the field's description, read after its label. */
  describedBy: string;
  onInput: (text: string) => void;
  onSave: () => void;
  /** Extra actions beside Save (e.g. "Another one"). */
  children?: ComponentChildren;
  /** A line shown under the field that is neither success nor failure (e.g. a restored draft). */
  notice?: string;
  /** "How do you feel?", between the field and Save, in a place kept for it from the first paint. */
  feelings?: ComponentChildren;
}

/** The answer field with Save (button or Ctrl/Cmd+Enter) and a live status line. */
export function AnswerForm({ value, saveState, describedBy, onInput, onSave, children, notice, feelings }: AnswerFormProps) {
  const t = useT();
  const problem = saveState.status === 'invalid' || saveState.status === 'error' ? saveState.message : undefined;
  const hintId = `${describedBy}-hint`;
  return (
    <form
      class="answer-form"
      aria-label={t.answerLabel}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <label for="answer" class="answer-label">
        {t.answerLabel}
      </label>
      <textarea
        id="answer"
        name="answer"
        autocomplete="off"
        rows={4}
        autoFocus
        value={value}
        placeholder={t.answerPlaceholder}
        aria-describedby={`${describedBy} ${hintId}`}
        aria-invalid={problem ? true : undefined}
        aria-errormessage={problem ? 'answer-problem' : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSave();
          }
        }}
      />
      <p id={hintId} class="hint">
        {t.saveHint(saveShortcut())}
      </p>
      {/* Empty until its code loads just after the first paint; its space is kept, so Save stays put. */}
      <div class="feeling-picker-place">{feelings}</div>
      <div class="actions">
        <button type="submit" class="primary" disabled={saveState.status === 'saving'}>
          {saveState.status === 'saving' ? t.saving : t.save}
        </button>
        {children}
      </div>
      {/* Always in the DOM so screen readers announce changes to it. */}
      <p class="status" role="status" aria-live="polite">
        {saveState.status === 'saved' ? t.saved : problem ? '' : (notice ?? '')}
      </p>
      <p id="answer-problem" class="problem" role="alert">
        {problem ?? ''}
      </p>
    </form>
  );
}
