import type { Note } from '@/utils/notes-db';
import { formatDateTime, type Locale, type Messages } from '@/utils/i18n';

interface NoteCardProps {
  note: Note;
  locale: Locale;
  t: Messages;
}

/** One saved answer with its prompt and when it was written. Text is rendered as text, never as markup. */
export function NoteCard({ note, locale, t }: NoteCardProps) {
  return (
    <article class="note" lang={note.locale}>
      <header class="note-header">
        <span class="note-kind">{note.promptKind === 'step' ? t.kindStep : t.kindQuestion}</span>
        <time dateTime={new Date(note.createdAt).toISOString()} lang={locale}>
          {formatDateTime(note.createdAt, locale)}
        </time>
      </header>
      <h2 class="note-prompt">{note.promptText}</h2>
      <p class="note-answer">{note.answer}</p>
    </article>
  );
}
