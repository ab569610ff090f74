import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { formatDay, formatTime, groupNotesByDay, loadAllNotes, type NotesDay } from '@/utils/backup/readable';
import { formatDateTime } from '@/utils/i18n/messages';
import { journalMessages, leftOutMessage, readProblem } from '@/utils/i18n/journal';
import { uiLocale } from '@/utils/storage/language';

type PrintState =
  | { status: 'loading' }
  | { status: 'ready'; days: readonly NotesDay[]; total: number; skipped: number; loadedAt: number }
  | { status: 'error'; error: unknown };

/**
 * Every note on one page, newest first and grouped by day, laid out for paper: the browser's own
 * print dialog turns it into paper or a PDF. All notes are rendered at once, which printing needs.
 */
export function App() {
  const [locale] = useState(uiLocale);
  const t = journalMessages(locale);
  const [state, setState] = useState<PrintState>({ status: 'loading' });

  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    // The title is the suggested file name when saving as PDF.
    document.title = `${t.journalTitle} · ${t.appName}`;
  }, [locale]);

  useEffect(() => {
    loadAllNotes()
      .then(({ notes, skipped }) =>
        setState({ status: 'ready', days: groupNotesByDay(notes), total: notes.length, skipped, loadedAt: Date.now() }),
      )
      .catch((error: unknown) => setState({ status: 'error', error }));
  }, []);

  return (
    <main class="print">
      <header class="print-header">
        <p class="brand-name">{t.appName}</p>
        <h1>{t.journalTitle}</h1>
        {state.status === 'ready' && (
          <p class="muted">
            {t.noteCount(state.total)} · {t.printAsOf(formatDateTime(state.loadedAt, locale))}
          </p>
        )}
        <button type="button" class="primary print-button" disabled={state.status !== 'ready'} onClick={() => window.print()}>
          {t.backupPrint}
        </button>
      </header>
      {state.status === 'loading' && (
        <p role="status" class="muted">
          {t.notesLoading}
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" class="problem">
          {readProblem(state.error, t)}
        </p>
      )}
      {state.status === 'ready' && state.skipped > 0 && <p role="status">{leftOutMessage({ notes: state.skipped }, t)}</p>}
      {state.status === 'ready' && state.total === 0 && <p>{t.printEmpty}</p>}
      {state.status === 'ready' &&
        state.days.map(({ day, notes }) => (
          <section key={day} class="print-day" aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`}>{formatDay(day, locale)}</h2>
            {notes.map((note) => (
              <article key={note.id} class="print-note" lang={note.locale}>
                {/* Text is rendered as text, never as markup: whatever a note holds is shown literally. */}
                <h3 class="print-prompt">{note.promptText}</h3>
                <p class="print-meta" lang={locale}>
                  {note.promptKind === 'step' ? t.kindStep : t.kindQuestion} ·{' '}
                  <time dateTime={new Date(note.createdAt).toISOString()}>{formatTime(note.createdAt, locale)}</time>
                </p>
                <p class="note-answer">{note.answer}</p>
              </article>
            ))}
          </section>
        ))}
    </main>
  );
}
