import { useLayoutEffect, useMemo } from 'preact/hooks';
import { LockGate } from '@/components/LockGate';
import { Status } from '@/components/Status';
import { groupNotesByDay } from '@/utils/backup/readable';
import { useAllNotes } from '@/utils/hooks/use-backup';
import { useKeepUnlocked, useLock } from '@/utils/hooks/use-lock';
import { useUiLocale } from '@/utils/hooks/use-settings';
import { LanguageProvider, useJournalT, useLocale } from '@/utils/i18n/context';
import { formatDateTime, formatDay, formatTime } from '@/utils/i18n/format';
import { journalMessages, leftOutMessage, readProblem } from '@/utils/i18n/journal';

/** The print view in the language of the settings, following a change made elsewhere as the journal does. */
export function App() {
  const locale = useUiLocale();
  const t = journalMessages(locale);
  // A document of its own, so a lock handle of its own.
  const lock = useLock();
  useKeepUnlocked(lock.state.status === 'ready' && lock.state.value.kind === 'unlocked');

  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    // The title is the suggested file name when saving as PDF.
    document.title = `${t.journalTitle} · ${t.appName}`;
  }, [locale, t]);

  return (
    <LanguageProvider locale={locale} t={t} journal={t}>
      <main class="print">
        <LockGate lock={lock}>
          <PrintedJournal />
        </LockGate>
      </main>
    </LanguageProvider>
  );
}

/**
 * Every note on one page, newest first and grouped by day, laid out for paper: the browser's own
 * print dialog turns it into paper or a PDF. All notes are rendered at once, which printing needs.
 */
function PrintedJournal() {
  const t = useJournalT();
  const locale = useLocale();
  const all = useAllNotes();
  const days = useMemo(() => (all.status === 'ready' ? groupNotesByDay(all.value.notes) : []), [all]);

  const ready = all.status === 'ready' ? all.value : undefined;
  return (
    <div class="print-journal">
      <header class="print-header">
        <p class="brand-name">{t.appName}</p>
        <h1>{t.journalTitle}</h1>
        {ready && (
          <p class="muted">
            {t.noteCount(ready.notes.length)} · {t.printAsOf(formatDateTime(ready.readAt, locale))}
          </p>
        )}
        <button type="button" class="primary print-button" disabled={!ready} onClick={() => window.print()}>
          {t.backupPrint}
        </button>
      </header>
      <Status state={all} loading={t.notesLoading} failed={(error) => readProblem(error, t)}>
        {({ notes, skipped }) => (
          <>
            {skipped > 0 && <p role="status">{leftOutMessage({ notes: skipped }, t)}</p>}
            {notes.length === 0 && <p>{t.printEmpty}</p>}
          </>
        )}
      </Status>
      {days.map(({ day, notes }) => (
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
    </div>
  );
}
