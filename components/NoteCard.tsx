import { useEffect, useRef, useState } from 'preact/hooks';
import { EditActions } from './EditActions';
import { lazyPart } from './LazyPart';
import type { Feeling, Note } from '@/utils/model/records';
import { formatDateTime } from '@/utils/i18n/format';
import { useJournalT, useLocale } from '@/utils/i18n/context';
import { feltWords } from '@/utils/i18n/feelings';

// Most visits change no feeling: the choice loads its code when first opened.
const FeelingEdit = lazyPart(() => import('./FeelingEdit').then((module) => module.FeelingEdit));

/**
 * What became of a change: stored, refused with a message (the text stays for another try), or
 * refused because the note changed elsewhere since the change began (`current` is the note as
 * stored now, undefined when it was deleted).
 */
export type ChangeOutcome = { kind: 'saved' } | { kind: 'problem'; message: string } | { kind: 'conflict'; current: Note | undefined };

interface NoteCardProps {
  note: Note;
  /** Stores an edit that began from `base`, the version it replaces. */
  onEdit?: (answer: string, base: Note) => Promise<ChangeOutcome>;
  /** "Keep both": the edited text becomes a note of its own beside this one. */
  onKeepBoth?: (answer: string) => Promise<ChangeOutcome>;
  /** "Keep my edit" over a deletion made elsewhere: the note comes back with the edited text. */
  onRestoreWith?: (answer: string) => Promise<ChangeOutcome>;
  /** Deletes the note as it is shown (`base`). */
  onDelete?: (base: Note) => Promise<ChangeOutcome>;
  /** Stores how the note felt (null: no feeling) over `base`, the version it replaces. */
  onFeeling?: (feeling: Feeling | null, base: Note) => Promise<ChangeOutcome>;
  /** Shows every answer to this note's prompt. */
  onShowPrompt?: () => void;
  /** Answers are blurred for screen sharing: each becomes focusable, to read one at a time. */
  answerHidden?: boolean;
  /** Told when an edit begins and ends: the list keeps a card being edited, even if its note goes. */
  onEditing?: (editing: boolean) => void;
}

interface Editing {
  readonly text: string;
  /** The version the edit began from: saving over any other is refused. */
  readonly base: Note;
  readonly problem?: string;
  /** The note changed elsewhere: the person chooses what to keep. */
  readonly conflict?: { current: Note | undefined };
}

/** One saved answer with its prompt and when it was written. Text is rendered as text, never as markup. */
export function NoteCard({
  note,
  onEdit,
  onKeepBoth,
  onRestoreWith,
  onDelete,
  onFeeling,
  onShowPrompt,
  answerHidden = false,
  onEditing,
}: NoteCardProps) {
  const t = useJournalT();
  const locale = useLocale();
  const [editing, setEditing] = useState<Editing | null>(null);
  /** A delete refused because the note changed since it was shown: the newer version. */
  const [deleteConflict, setDeleteConflict] = useState<Note | null>(null);
  const [choosingFeeling, setChoosingFeeling] = useState(false);
  const answerId = `answer-${note.id}`;
  const editButton = useRef<HTMLButtonElement>(null);
  const feelingButton = useRef<HTMLButtonElement>(null);
  /** The button focus goes back to once what it opened is closed. */
  const returnFocus = useRef<'edit' | 'feeling' | null>(null);

  // The field a keyboard was in disappears with the edit; without this, focus would fall to the
  // top of the page and the person would have to find their way back to this note.
  useEffect(() => {
    const to = returnFocus.current;
    if (editing || deleteConflict || choosingFeeling || !to) return;
    returnFocus.current = null;
    (to === 'feeling' ? feelingButton : editButton).current?.focus();
  }, [editing, deleteConflict, choosingFeeling]);

  const isEditing = editing !== null;
  const editingListener = useRef(onEditing);
  editingListener.current = onEditing;
  useEffect(() => editingListener.current?.(isEditing), [isEditing]);

  function stopEditing() {
    returnFocus.current = 'edit';
    setEditing(null);
  }

  function stopChoosingFeeling() {
    returnFocus.current = 'feeling';
    setChoosingFeeling(false);
  }

  /** Shows what a change came to; ends the edit once stored. */
  function settle(edit: Editing, outcome: ChangeOutcome) {
    if (outcome.kind === 'saved') stopEditing();
    else if (outcome.kind === 'problem') setEditing({ ...edit, problem: outcome.message });
    else setEditing({ ...edit, problem: undefined, conflict: { current: outcome.current } });
  }

  async function save(edit: Editing, base: Note) {
    if (onEdit) settle(edit, await onEdit(edit.text, base));
  }

  async function keepBoth(edit: Editing) {
    if (onKeepBoth) settle(edit, await onKeepBoth(edit.text));
  }

  async function restoreWith(edit: Editing) {
    if (onRestoreWith) settle(edit, await onRestoreWith(edit.text));
  }

  async function remove(base: Note) {
    if (!onDelete) return;
    const outcome = await onDelete(base);
    setDeleteConflict(outcome.kind === 'conflict' && outcome.current ? outcome.current : null);
  }

  const conflict = editing?.conflict;
  // The button pressed (Save, Delete) is gone when the choice appears: focus goes to the choice,
  // whose first words say what happened, so a keyboard is not left at the top of the page.
  const conflictPanel = useRef<HTMLDivElement>(null);
  const choosing = conflict !== undefined || deleteConflict !== null;
  useEffect(() => {
    if (choosing) conflictPanel.current?.focus();
  }, [choosing]);
  return (
    // Focusable by script only: On this day opens a note by moving focus to it.
    <article class="note" id={`note-${note.id}`} lang={note.locale} aria-labelledby={`prompt-${note.id}`} tabIndex={-1}>
      <header class="note-header" lang={locale}>
        <span class="note-kind">{note.promptKind === 'step' ? t.kindStep : t.kindQuestion}</span>
        <time dateTime={new Date(note.createdAt).toISOString()}>{formatDateTime(note.createdAt, locale)}</time>
      </header>
      <h3
        class={note.unreadable ? 'note-prompt note-unreadable' : 'note-prompt'}
        id={`prompt-${note.id}`}
        lang={note.unreadable ? locale : undefined}
      >
        {note.unreadable ? t.noteUnreadable : note.promptText}
      </h3>
      {note.suspect && (
        // Part of the note's description, so a screen reader hears it with the note.
        <p class="note-suspect problem" lang={locale}>
          {note.suspect === 'plain' ? t.noteSuspectPlain : t.noteSuspectWrongKey}
        </p>
      )}
      {note.conflictOf !== undefined && (
        // Sync kept this text beside the note it was written over (utils/sync/merge.ts).
        <p class="note-conflict" lang={locale}>
          {t.noteConflictCopy}
        </p>
      )}
      {note.unreadable ? null : editing ? (
        <div class="note-edit" lang={locale}>
          <label for={`edit-${note.id}`} class="visually-hidden">
            {t.editAnswerLabel}
          </label>
          <textarea
            id={`edit-${note.id}`}
            rows={Math.min(12, Math.max(3, editing.text.split('\n').length + 1))}
            value={editing.text}
            autocomplete="off"
            autoFocus
            aria-invalid={editing.problem ? true : undefined}
            aria-describedby={editing.problem ? `edit-problem-${note.id}` : undefined}
            onInput={(event) => setEditing({ ...editing, text: event.currentTarget.value, problem: undefined })}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !conflict) void save(editing, editing.base);
              if (event.key === 'Escape') stopEditing();
            }}
          />
          {editing.problem && (
            <p id={`edit-problem-${note.id}`} class="problem" role="alert">
              {editing.problem}
            </p>
          )}
          {conflict ? (
            <div class="conflict" role="alert" tabIndex={-1} ref={conflictPanel}>
              {conflict.current ? (
                <>
                  <p>{t.editConflict}</p>
                  <blockquote class="conflict-text" lang={conflict.current.locale} tabIndex={answerHidden ? 0 : undefined}>
                    {conflict.current.answer}
                  </blockquote>
                  <div class="actions">
                    <button type="button" class="secondary small" onClick={stopEditing}>
                      {t.keepTheirs}
                    </button>
                    <button type="button" class="primary small" onClick={() => conflict.current && void save(editing, conflict.current)}>
                      {t.keepMine}
                    </button>
                    <button type="button" class="secondary small" onClick={() => void keepBoth(editing)}>
                      {t.keepBoth}
                    </button>
                  </div>
                </>
              ) : (
                <>
                  <p>{t.editConflictDeleted}</p>
                  <div class="actions">
                    <button type="button" class="secondary small" onClick={stopEditing}>
                      {t.leaveDeleted}
                    </button>
                    <button type="button" class="primary small" onClick={() => void restoreWith(editing)}>
                      {t.keepMine}
                    </button>
                  </div>
                </>
              )}
            </div>
          ) : (
            <EditActions onSave={() => void save(editing, editing.base)} onCancel={stopEditing} />
          )}
        </div>
      ) : (
        <p class="note-answer" id={answerId} tabIndex={answerHidden ? 0 : undefined}>
          {note.answer}
        </p>
      )}
      {note.feeling && !note.unreadable && (
        <p class="note-feeling" lang={locale}>
          {feltWords(note.feeling, t)}
        </p>
      )}
      {choosingFeeling && onFeeling && !editing && (
        <div lang={locale}>
          <FeelingEdit note={note} onChoose={onFeeling} onDone={stopChoosingFeeling} />
        </div>
      )}
      {deleteConflict && !editing && (
        <div class="conflict" role="alert" lang={locale} tabIndex={-1} ref={conflictPanel}>
          <p>{t.deleteConflict}</p>
          <blockquote class="conflict-text" lang={deleteConflict.locale} tabIndex={answerHidden ? 0 : undefined}>
            {deleteConflict.answer}
          </blockquote>
          <div class="actions">
            <button type="button" class="secondary small" onClick={() => void remove(deleteConflict)}>
              {t.deleteAnyway}
            </button>
            <button
              type="button"
              class="primary small"
              onClick={() => {
                returnFocus.current = 'edit';
                setDeleteConflict(null);
              }}
            >
              {t.keepNote}
            </button>
          </div>
        </div>
      )}
      {!editing && !deleteConflict && !choosingFeeling && (onEdit || onDelete || onFeeling || onShowPrompt) && (
        <footer class="note-actions" lang={locale}>
          {/* A note that could not be read has no text to edit; it can still be deleted. */}
          {onEdit && !note.unreadable && (
            <button
              type="button"
              class="link-button"
              ref={editButton}
              aria-describedby={`prompt-${note.id}`}
              onClick={() => setEditing({ text: note.answer, base: note })}
            >
              {t.editNote}
            </button>
          )}
          {onFeeling && !note.unreadable && (
            <button
              type="button"
              class="link-button"
              ref={feelingButton}
              aria-describedby={`prompt-${note.id}`}
              onClick={() => setChoosingFeeling(true)}
            >
              {note.feeling ? t.changeFeeling : t.addFeeling}
            </button>
          )}
          {onDelete && (
            <button type="button" class="link-button" aria-describedby={`prompt-${note.id}`} onClick={() => void remove(note)}>
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
