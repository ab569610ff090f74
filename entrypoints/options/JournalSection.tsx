import { useEffect, useState } from 'preact/hooks';
import { NoteList } from '@/components/NoteList';
import type { Locale, Messages } from '@/utils/i18n';
import { countNotes, listNotesPage, type Note, type PageCursor } from '@/utils/notes-db';

/** Notes fetched per page: enough to fill a tall screen, small enough to paint at once. */
const PAGE_SIZE = 50;

type JournalState =
  | { status: 'loading' }
  | { status: 'ready'; notes: readonly Note[]; next?: PageCursor; total: number; loadingMore: boolean }
  | { status: 'error'; error: string };

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface JournalSectionProps {
  locale: Locale;
  t: Messages;
}

/** The saved notes, newest first, a page at a time. */
export function JournalSection({ locale, t }: JournalSectionProps) {
  const [state, setState] = useState<JournalState>({ status: 'loading' });

  useEffect(() => {
    Promise.all([listNotesPage({ limit: PAGE_SIZE }), countNotes()])
      .then(([page, total]) => setState({ status: 'ready', ...page, total, loadingMore: false }))
      .catch((error: unknown) => setState({ status: 'error', error: describeError(error) }));
  }, []);

  async function loadMore() {
    if (state.status !== 'ready' || !state.next || state.loadingMore) return;
    setState({ ...state, loadingMore: true });
    try {
      const page = await listNotesPage({ limit: PAGE_SIZE, after: state.next });
      setState({ ...state, notes: [...state.notes, ...page.notes], next: page.next, loadingMore: false });
    } catch (error) {
      setState({ status: 'error', error: describeError(error) });
    }
  }

  return (
    <section class="journal" aria-labelledby="journal-heading">
      <h1 id="journal-heading">{t.journalTitle}</h1>
      <p class="journal-intro">{t.journalIntro}</p>
      {state.status === 'loading' && (
        <p role="status" class="muted">
          {t.notesLoading}
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" class="problem">
          {t.notesError(state.error)}
        </p>
      )}
      {state.status === 'ready' &&
        (state.total === 0 ? (
          <p class="empty">{t.notesEmpty}</p>
        ) : (
          <>
            <p class="muted note-count" role="status">
              {t.noteCount(state.total)}
            </p>
            <NoteList
              notes={state.notes}
              locale={locale}
              t={t}
              hasMore={state.next !== undefined}
              loadingMore={state.loadingMore}
              onLoadMore={() => void loadMore()}
            />
          </>
        ))}
    </section>
  );
}
