import type { Note } from '@/utils/notes-db';
import type { Locale, Messages } from '@/utils/i18n';
import { NoteCard } from './NoteCard';

interface NoteListProps {
  notes: readonly Note[];
  locale: Locale;
  t: Messages;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** Saved notes, newest first, with a button to fetch the next page. */
export function NoteList({ notes, locale, t, hasMore, loadingMore, onLoadMore }: NoteListProps) {
  return (
    <>
      <ol class="notes" aria-label={t.journalTitle}>
        {notes.map((note) => (
          <li key={note.id}>
            <NoteCard note={note} locale={locale} t={t} />
          </li>
        ))}
      </ol>
      {hasMore && (
        <button type="button" class="secondary load-more" onClick={onLoadMore} disabled={loadingMore}>
          {loadingMore ? t.loading : t.loadMore}
        </button>
      )}
    </>
  );
}
