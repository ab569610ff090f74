import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NoteCard } from '@/components/NoteCard';
import { VirtualList } from '@/components/VirtualList';
import { PROMPTS } from '@/content/prompts';
import type { Locale } from '@/utils/i18n/messages';
import { changeProblem, readProblem, type JournalMessages } from '@/utils/i18n/journal';
import { countNotes, deleteNote, forEachNoteBatch, getNotes, listNotesPage, restoreNote, updateNoteAnswer } from '@/utils/db/notes';
import { listCustomPrompts } from '@/utils/db/prompts';
import type { CustomPrompt, Note, PageCursor } from '@/utils/model/records';
import { promptText } from '@/utils/prompts/pick';
import { startOfDay, startOfNextDay } from '@/utils/time';
import {
  EMPTY_QUERY,
  isEmptyQuery,
  newestFirst,
  refineSearch,
  toSearchEntry,
  type SearchEntry,
  type SearchQuery,
  type SearchResult,
} from '@/utils/search/search';
import { readPageJson, writePageJson } from '@/utils/storage/page-storage';
import { EmptyAnswerError } from '@/utils/errors';
import { logFailure } from '@/utils/log';

/** The first read: one screen and a bit, so the first paint waits on one small read. */
const PAGE_SIZE = 40;
/** Later reads, while scrolling: larger, so a long scroll needs few of them. */
const NEXT_PAGE_SIZE = 250;
/**
 * Search results laid out at a time. A keystroke may find tens of thousands of notes; laying out
 * rows for all of them on every keystroke is what would make typing slow, so more are laid out
 * as the person scrolls, exactly like pages while browsing.
 */
const RESULT_STEP = 1000;
/** Notes read per transaction while the search index is built in the background. */
const INDEX_BATCH = 2000;
/** How long "Undo" stays offered after a delete. */
const UNDO_MS = 10_000;
const HIDE_ANSWERS_KEY = 'adempauze.hideAnswers';

type Row = { kind: 'day'; key: string; label: string } | { kind: 'note'; key: string; id: string };
type Listed = Pick<Note, 'id' | 'createdAt'>;

/** `total` is undefined until counted: counting reads the whole store, so the first screen never waits for it. */
type Browse = { status: 'loading' } | { status: 'ready'; next?: PageCursor; total?: number } | { status: 'error'; error: unknown };
type Index = { status: 'idle' } | { status: 'building' } | { status: 'ready'; entries: SearchEntry[] } | { status: 'error'; error: unknown };

/** Day headings already formatted, by locale and midnight: formatting dates is slow, and a search
 * over tens of thousands of notes crosses thousands of days on every keystroke. */
const dayLabels = new Map<string, string>();

function dayLabel(dayStart: number, locale: Locale): string {
  const key = `${locale}${dayStart}`;
  let label = dayLabels.get(key);
  if (label === undefined) {
    label = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(dayStart);
    dayLabels.set(key, label);
  }
  return label;
}

/**
 * Day headings between notes of different local days. Runs over every search result (up to tens
 * of thousands), so a day is compared by its midnight and its label formatted once.
 */
function toRows(listed: readonly Listed[], locale: Locale): Row[] {
  const rows: Row[] = [];
  let dayEnd = Infinity;
  let dayStart = Infinity;
  for (const note of listed) {
    if (note.createdAt < dayStart || note.createdAt >= dayEnd) {
      dayStart = startOfDay(note.createdAt);
      dayEnd = startOfNextDay(note.createdAt);
      rows.push({ kind: 'day', key: `day-${dayStart}-${note.id}`, label: dayLabel(dayStart, locale) });
    }
    rows.push({ kind: 'note', key: note.id, id: note.id });
  }
  return rows;
}

function readHideAnswers(): boolean {
  return readPageJson(HIDE_ANSWERS_KEY) === true;
}

interface JournalSectionProps {
  locale: Locale;
  t: JournalMessages;
}

/**
 * The journal: notes newest first, grouped by day, in a virtual list that reads one page to paint
 * and more as the person scrolls. Searching and filtering use an index of every note, built after
 * the first screen is painted.
 */
export function JournalSection({ locale, t }: JournalSectionProps) {
  const [browse, setBrowse] = useState<Browse>({ status: 'loading' });
  const [browsed, setBrowsed] = useState<readonly Listed[]>([]);
  const [index, setIndex] = useState<Index>({ status: 'idle' });
  const [query, setQuery] = useState<SearchQuery>(EMPTY_QUERY);
  const [customPrompts, setCustomPrompts] = useState<readonly CustomPrompt[]>([]);
  const [hideAnswers, setHideAnswers] = useState(readHideAnswers);
  const [undo, setUndo] = useState<{ note: Note } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const bodies = useRef(new Map<string, Note>());
  const [, setBodiesVersion] = useState(0);
  const loadingMore = useRef(false);

  const remember = (notes: readonly Note[]) => {
    for (const note of notes) bodies.current.set(note.id, note);
    setBodiesVersion((n) => n + 1);
  };

  useEffect(() => {
    listNotesPage({ limit: PAGE_SIZE })
      .then((page) => {
        remember(page.notes);
        setBrowsed(page.notes);
        setBrowse((before) => ({ ...before, status: 'ready', next: page.next, total: page.next ? undefined : page.notes.length }));
        return page.next ? countNotes() : undefined;
      })
      .then((total) => {
        if (total !== undefined) setBrowse((before) => (before.status === 'ready' ? { ...before, total } : before));
      })
      .catch((error: unknown) => setBrowse({ status: 'error', error }));
    listCustomPrompts()
      .then(setCustomPrompts)
      .catch(logFailure('own prompts not read'));
  }, []);

  const filtering = !isEmptyQuery(query);

  useEffect(() => {
    if (!filtering || index.status !== 'idle') return;
    setIndex({ status: 'building' });
    const entries: SearchEntry[] = [];
    forEachNoteBatch(INDEX_BATCH, (notes) => entries.push(...notes.map(toSearchEntry)))
      .then(() => setIndex({ status: 'ready', entries }))
      .catch((error: unknown) => setIndex({ status: 'error', error }));
  }, [filtering, index.status]);

  // The last result, valid for one index: the next keystroke searches within it when it narrows.
  const lastResult = useRef<{ index: Index; result: SearchResult } | undefined>(undefined);
  const results = useMemo(() => {
    if (!filtering || index.status !== 'ready') return undefined;
    const previous = lastResult.current?.index === index ? lastResult.current.result : undefined;
    const result = refineSearch(index.entries, query, previous);
    lastResult.current = { index, result };
    return result.entries;
  }, [filtering, index, query]);
  const [resultsShown, setResultsShown] = useState(RESULT_STEP);
  useEffect(() => setResultsShown(RESULT_STEP), [query]);
  const listed: readonly Listed[] = useMemo(
    () => (filtering ? (results ?? []).slice(0, resultsShown) : browsed),
    [filtering, results, resultsShown, browsed],
  );
  const rows = useMemo(() => toRows(listed, locale), [listed, locale]);

  useEffect(() => {
    if (!undo && !announcement) return;
    const timer = setTimeout(() => {
      setUndo(null);
      setAnnouncement('');
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo, announcement]);

  function onRange(start: number, end: number) {
    const missing = rows
      .slice(start, end)
      .flatMap((row) => (row.kind === 'note' && !bodies.current.has(row.id) ? [row.id] : []));
    if (missing.length > 0) {
      // The rows stay placeholders; the next scroll asks again.
      getNotes(missing)
        .then(remember)
        .catch(logFailure('notes not read'));
    }
    if (filtering && results && resultsShown < results.length && end >= rows.length - 60) {
      setResultsShown(resultsShown + RESULT_STEP);
    }
    if (!filtering && browse.status === 'ready' && browse.next && end >= rows.length - 60 && !loadingMore.current) {
      loadingMore.current = true;
      listNotesPage({ limit: NEXT_PAGE_SIZE, after: browse.next })
        .then((page) => {
          remember(page.notes);
          setBrowsed((before) => [...before, ...page.notes]);
          setBrowse((before) => (before.status === 'ready' ? { ...before, next: page.next } : before));
        })
        .catch((error: unknown) => setBrowse({ status: 'error', error }))
        .finally(() => {
          loadingMore.current = false;
        });
    }
  }

  /** Applies a change to every list that holds the note: browsed pages, search index, bodies. */
  function replaceEverywhere(note: Note) {
    bodies.current.set(note.id, note);
    setBodiesVersion((n) => n + 1);
    if (index.status === 'ready') {
      setIndex({ status: 'ready', entries: index.entries.map((entry) => (entry.id === note.id ? toSearchEntry(note) : entry)) });
    }
  }

  async function onEdit(note: Note, answer: string): Promise<string | undefined> {
    try {
      replaceEverywhere(await updateNoteAnswer(note.id, answer, Date.now()));
      setAnnouncement(t.noteUpdated);
      return undefined;
    } catch (error) {
      // The edited text stays in the editor, for another try.
      return error instanceof EmptyAnswerError ? t.emptyAnswer : changeProblem(error, t);
    }
  }

  async function onDelete(note: Note) {
    try {
      const deleted = await deleteNote(note.id);
      if (!deleted) return;
      setBrowsed((before) => before.filter((listedNote) => listedNote.id !== note.id));
      if (index.status === 'ready') setIndex({ status: 'ready', entries: index.entries.filter((entry) => entry.id !== note.id) });
      if (browse.status === 'ready' && browse.total !== undefined) setBrowse({ ...browse, total: browse.total - 1 });
      setUndo({ note: deleted });
      setAnnouncement(t.noteDeleted);
    } catch (error) {
      setAnnouncement(changeProblem(error, t));
    }
  }

  async function onUndo() {
    if (!undo) return;
    const { note } = undo;
    setUndo(null);
    try {
      await restoreNote(note);
    } catch (error) {
      setAnnouncement(changeProblem(error, t));
      return;
    }
    bodies.current.set(note.id, note);
    // Back in its place: within the pages read so far, or it comes with a later page.
    setBrowsed((before) => {
      const last = before.at(-1);
      const fits = !last || browse.status !== 'ready' || !browse.next || newestFirst(note, last) <= 0;
      return fits ? [...before, note].sort(newestFirst) : before;
    });
    if (index.status === 'ready') setIndex({ status: 'ready', entries: [...index.entries, toSearchEntry(note)].sort(newestFirst) });
    if (browse.status === 'ready' && browse.total !== undefined) setBrowse({ ...browse, total: browse.total + 1 });
    setAnnouncement(t.noteRestored);
  }

  function toggleHideAnswers(hidden: boolean) {
    setHideAnswers(hidden);
    // If this fails, the switch lasts for this visit only.
    writePageJson(HIDE_ANSWERS_KEY, hidden);
  }

  const promptOptions = [
    ...PROMPTS.map((prompt) => ({ id: prompt.id, label: promptText(prompt, locale), own: false })),
    ...customPrompts.map((prompt) => ({ id: prompt.id, label: prompt.text, own: true })),
  ];
  const selectedPrompt = promptOptions.find((option) => option.id === query.promptId);

  return (
    <section class="journal" aria-labelledby="journal-heading">
      <h1 id="journal-heading">{t.journalTitle}</h1>
      <p class="journal-intro">{t.journalIntro}</p>

      <div role="search" class="journal-tools">
        <label class="field search-field">
          <span>{t.searchLabel}</span>
          <input
            type="search"
            value={query.text}
            placeholder={t.searchPlaceholder}
            onInput={(event) => setQuery({ ...query, text: event.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>{t.kindFilterLabel}</span>
          <select
            value={query.kind}
            onChange={(event) => setQuery({ ...query, kind: event.currentTarget.value as SearchQuery['kind'] })}
          >
            <option value="all">{t.kindAll}</option>
            <option value="question">{t.kindQuestions}</option>
            <option value="step">{t.kindSteps}</option>
          </select>
        </label>
        <label class="field prompt-filter">
          <span>{t.promptFilterLabel}</span>
          <select value={query.promptId} onChange={(event) => setQuery({ ...query, promptId: event.currentTarget.value })}>
            <option value="all">{t.promptAll}</option>
            {promptOptions
              .filter((option) => !option.own)
              .map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            {customPrompts.length > 0 && (
              <optgroup label={t.ownPromptsGroup}>
                {promptOptions
                  .filter((option) => option.own)
                  .map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.label}
                    </option>
                  ))}
              </optgroup>
            )}
          </select>
        </label>
        {filtering && (
          <button type="button" class="secondary small" onClick={() => setQuery(EMPTY_QUERY)}>
            {t.clearFilters}
          </button>
        )}
        <label class="check hide-answers-switch">
          <input
            type="checkbox"
            role="switch"
            checked={hideAnswers}
            aria-describedby="hide-answers-hint"
            onChange={(event) => toggleHideAnswers(event.currentTarget.checked)}
          />
          {t.hideAnswers}
        </label>
        <p id="hide-answers-hint" class="hint">
          {t.hideAnswersHint}
        </p>
      </div>

      {selectedPrompt && (
        <header class="prompt-view">
          <h2>{t.promptViewHeading}</h2>
          <p class="prompt-view-text">{selectedPrompt.label}</p>
        </header>
      )}

      <p class="muted note-count" role="status">
        {browse.status === 'loading'
          ? t.notesLoading
          : filtering
            ? index.status === 'ready'
              ? results && results.length === 0
                ? t.noResults
                : t.resultCount(results?.length ?? 0)
              : index.status === 'error'
                ? readProblem(index.error, t)
                : t.preparingSearch
            : browse.status === 'ready' && browse.total !== undefined && browse.total > 0
              ? t.noteCount(browse.total)
              : ''}
      </p>
      {browse.status === 'error' && (
        <p role="alert" class="problem">
          {readProblem(browse.error, t)}
        </p>
      )}
      {browse.status === 'ready' && browse.total === 0 && !filtering && <p class="empty">{t.notesEmpty}</p>}

      <VirtualList
        class={hideAnswers ? 'notes hide-answers' : 'notes'}
        items={rows}
        getKey={(row) => row.key}
        estimateHeight={(row) => (row.kind === 'day' ? 56 : 180)}
        onRangeChange={onRange}
        renderItem={(row) => {
          if (row.kind === 'day') return <h2 class="day-heading">{row.label}</h2>;
          const note = bodies.current.get(row.id);
          return note ? (
            <NoteCard
              note={note}
              locale={locale}
              t={t}
              onEdit={(answer) => onEdit(note, answer)}
              onDelete={() => void onDelete(note)}
              answerHidden={hideAnswers}
              onShowPrompt={query.promptId === note.promptId ? undefined : () => setQuery({ ...EMPTY_QUERY, promptId: note.promptId })}
            />
          ) : (
            <div class="note note-placeholder" aria-hidden="true" />
          );
        }}
      />

      <div class="toast" role="status" aria-live="polite">
        {undo ? (
          <>
            <span>{t.noteDeleted}</span>
            <button type="button" class="secondary small" onClick={() => void onUndo()}>
              {t.undo}
            </button>
          </>
        ) : (
          announcement
        )}
      </div>
    </section>
  );
}
