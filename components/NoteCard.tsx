import { useEffect, useRef, useState } from 'preact/hooks';
import { EditActions } from './EditActions';
import type { Note } from '@/utils/model/records';
import { formatDateTime, type Locale } from '@/utils/i18n/messages';
import { type JournalMessages } from '@/utils/i18n/journal';

interface NoteCardProps {
  note: Note;
  locale: Locale;
  t: JournalMessages;
  /** Stores a changed answer; resolves to an error message to show, or undefined when saved. */
  onEdit?: (answer: string) => Promise<string | undefined>;
  onDelete?: () => void;
  /** Shows every answer to this note's prompt. */
  onShowPrompt?: () => void;
  /** Answers are blurred for screen sharing: each becomes focusable, to read one at a time. */
  answerHidden?: boolean;
}

/** One saved answer with its prompt and when it was written. Text is rendered as text, never as markup. */
export function NoteCard({ note, locale, t, onEdit, onDelete, onShowPrompt, answerHidden = false }: NoteCardProps) {
  const [editing, setEditing] = useState<{ text: string; problem?: string } | null>(null);
  const answerId = `answer-${note.id}`;
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // The field a keyboard was in disappears with the edit; without this, focus would fall to the
  // top of the page and the person would have to find their way back to this note.
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);

  function stopEditing() {
    returnFocus.current = true;
    setEditing(null);
  }

  async function save() {
    if (!editing || !onEdit) return;
    const problem = await onEdit(editing.text);
    if (problem) setEditing({ ...editing, problem });
    else stopEditing();
  }

  return (
    <article class="note" id={`note-${note.id}`} lang={note.locale} aria-labelledby={`prompt-${note.id}`}>
      <header class="note-header" lang={locale}>
        <span class="note-kind">{note.promptKind === 'step' ? t.kindStep : t.kindQuestion}</span>
        <time dateTime={new Date(note.createdAt).toISOString()}>{formatDateTime(note.createdAt, locale)}</time>
      </header>
      <h3 class="note-prompt" id={`prompt-${note.id}`}>
        {note.promptText}
      </h3>
      {editing ? (
        <div class="note-edit" lang={locale}>
          <label for={`edit-${note.id}`} class="visually-hidden">
            {t.editAnswerLabel}
          </label>
          <textarea
            id={`edit-${note.id}`}
            rows={Math.min(12, Math.max(3, editing.text.split('\n').length + 1))}
            value={editing.text}
            autoFocus
            aria-invalid={editing.problem ? true : undefined}
            aria-describedby={editing.problem ? `edit-problem-${note.id}` : undefined}
            onInput={(event) => setEditing({ text: event.currentTarget.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
              if (event.key === 'Escape') stopEditing();
            }}
          />
          {editing.problem && (
            <p id={`edit-problem-${note.id}`} class="problem" role="alert">
              {editing.problem}
            </p>
          )}
          <EditActions t={t} onSave={() => void save()} onCancel={stopEditing} />
        </div>
      ) : (
        <p class="note-answer" id={answerId} tabIndex={answerHidden ? 0 : undefined}>
          {note.answer}
        </p>
      )}
      {!editing && (onEdit || onDelete || onShowPrompt) && (
        <footer class="note-actions" lang={locale}>
          {onEdit && (
            <button
              type="button"
              class="link-button"
              ref={editButton}
              aria-describedby={`prompt-${note.id}`}
              onClick={() => setEditing({ text: note.answer })}
            >
              {t.editNote}
            </button>
          )}
          {onDelete && (
            <button type="button" class="link-button" aria-describedby={`prompt-${note.id}`} onClick={onDelete}>
              {t.deleteNote}
            </button>
          )}
          {onShowPrompt && (
            <button type="button" class="link-button" onClick={onShowPrompt}>
              {t.allAnswersToPrompt}
            </button>
          )}
        </footer>
      )}
    </article>
  );
}
