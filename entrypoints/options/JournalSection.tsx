import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { lazyPart } from '@/components/LazyPart';
import { NoteCard, type ChangeOutcome } from '@/components/NoteCard';
import { VirtualList } from '@/components/VirtualList';
import { PROMPTS } from '@/content/prompts';
import { feelingWord } from '@/utils/i18n/feelings';
import { formatDay } from '@/utils/i18n/format';
import type { Locale } from '@/utils/i18n/locale';
import { changeProblem, readProblem } from '@/utils/i18n/journal';
import { useJournalT, useLocale } from '@/utils/i18n/context';
import type { Feeling, Note } from '@/utils/model/records';
import { FEELINGS } from '@/utils/model/values';
import { promptText } from '@/utils/prompts/pick';
import { startOfDay, startOfNextDay } from '@/utils/time';
import { EMPTY_QUERY, isEmptyQuery, newestFirst, type SearchQuery } from '@/utils/search/search';
import { readHideAnswers, writeHideAnswers } from '@/utils/storage/hide-answers';
import { EmptyAnswerError, NoteConflictError } from '@/utils/errors';
import { useJournalPages, useNoteActions, useNoteBodies, useSearchIndex } from '@/utils/hooks/use-journal';
import { useCustomPrompts } from '@/utils/hooks/use-prompt-library';
import { PageSection } from '@/components/PageSection';

// Their code loads apart from the first screen's: On this day's beside the first screen's read, so
// the row comes with it (see JournalSection); the tags once the search index is built after it; a
// note opened from On this day later still.
const TagFilter = lazyPart(() => import('./TagFilter').then((module) => module.TagFilter));
const OpenNote = lazyPart(() => import('./OpenNote').then((module) => module.OpenNote));

/**
 * Search results laid out at a time. A keystroke may find tens of thousands of notes; laying out
 * rows for all of them on every keystroke is what would make typing slow, so more are laid out
 * as the person scrolls, exactly like pages while browsing.
 */
const RESULT_STEP = 1000;
/** How long "Undo" stays offered after a delete. */
const UNDO_MS = 10_000;

/** A row of the journal's list: a day's heading or a note. */
export type Row = { kind: 'day'; key: string; label: string } | { kind: 'note'; key: string; id: string };
type Listed = Pick<Note, 'id' | 'createdAt'>;

/** A row's height until the list has measured it. */
const estimateHeight = (row: Row) => (row.kind === 'day' ? 56 : 180);

/** Day headings already formatted, by locale and midnight: formatting dates is slow, and a search
 * over tens of thousands of notes crosses thousands of days on every keystroke. */
const dayLabels = new Map<string, string>();

function dayLabel(dayStart: number, locale: Locale): string {
  const key = `${locale}${dayStart}`;
  let label = dayLabels.get(key);
  if (label === undefined) {
    label = formatDay(dayStart, locale);
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

interface JournalSectionProps {
  /** A prompt the page's address names (options.html#journal?prompt=…): its answers are shown. */
  linkedPrompt?: string;
  /** Told when the person shows something else than the linked prompt's answers. */
  onUnlink?: () => void;
}

/**
 * The journal: notes newest first, grouped by day, in a virtual list that reads one page to paint
 * and more as the person scrolls. Searching and filtering use an index of every note, built after
 * the first screen is painted. Everything shown follows changes made anywhere (the popup, a pause,
 * another tab, an import) without a reload.
 */
export function JournalSection({ linkedPrompt, onUnlink }: JournalSectionProps) {
  // On this day's code and first reads start in this first render, beside the list's own first
  // read, rather than in LazyPart's effect a frame later, each of its reads a frame after that.
  const [OnThisDay] = useState(() => {
    const loading = import('./OnThisDay').then((module) => module.withFirstReads());
    // A failed load is shown by the row (LazyPart), unless the row is not shown at all.
    loading.catch(() => undefined);
    return lazyPart(() => loading);
  });
  const t = useJournalT();
  const locale = useLocale();
  const pages = useJournalPages();
  const bodies = useNoteBodies();
  const actions = useNoteActions();
  const ownPrompts = useCustomPrompts();
  const [query, setQuery] = useState<SearchQuery>(() => (linkedPrompt ? { ...EMPTY_QUERY, promptId: linkedPrompt } : EMPTY_QUERY));
  const [hideAnswers, setHideAnswers] = useState(readHideAnswers);
  const [undo, setUndo] = useState<{ note: Note } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const searchField = useRef<HTMLInputElement>(null);
  const listBox = useRef<HTMLDivElement>(null);
  /** A note being opened (On this day): the list scrolls to it, then focus moves to it. */
  const [revealing, setRevealing] = useState<string>();

  // A link to a prompt's answers followed while the page is open (the popup's "Last time"); on
  // the first render the query shows it already.
  useEffect(() => {
    if (linkedPrompt) setQuery((before) => (before.promptId === linkedPrompt ? before : { ...EMPTY_QUERY, promptId: linkedPrompt }));
  }, [linkedPrompt]);

  /** Every change of search and filters the person makes; the address stops naming a prompt no longer shown. */
  function changeQuery(next: SearchQuery) {
    setQuery(next);
    if (linkedPrompt !== undefined && next.promptId !== linkedPrompt) onUnlink?.();
  }

  const filtering = !isEmptyQuery(query);
  const browse = pages.state;
  // Built once the first screen is there: the tags in the filters come from it, as searches do.
  const index = useSearchIndex(filtering || browse.status === 'ready');
  const tags = useMemo(() => (index?.status === 'ready' ? index.value.index.tagCounts() : []), [index]);
  const browsed = browse.status === 'ready' ? browse.value.notes : undefined;
  const pageNotes = useMemo(() => new Map((browsed ?? []).map((note) => [note.id, note])), [browsed]);

  const [resultsShown, setResultsShown] = useState(RESULT_STEP);
  useEffect(() => setResultsShown(RESULT_STEP), [query]);
  // Only the results laid out are taken from the index (and the count of all): a search that finds
  // tens of thousands of notes hands over a thousand.
  const results = useMemo(
    () => (filtering && index?.status === 'ready' ? index.value.index.search(query, resultsShown) : undefined),
    [filtering, index, query, resultsShown],
  );
  // Notes being edited stay listed even when deleted elsewhere meanwhile: what the person is
  // typing is not taken from under them, and Save then offers to put the note back.
  const [held, setHeld] = useState<ReadonlyMap<string, Note>>(new Map());
  const hold = (note: Note, editing: boolean) =>
    setHeld((before) => {
      if (editing === before.has(note.id)) return before;
      const next = new Map(before);
      if (editing) next.set(note.id, note);
      else next.delete(note.id);
      return next;
    });
  const listed: readonly Listed[] = useMemo(() => {
    const shown = filtering ? (results?.entries ?? []) : (browsed ?? []);
    if (held.size === 0) return shown;
    const ids = new Set(shown.map((note) => note.id));
    const gone = [...held.values()].filter((note) => !ids.has(note.id));
    return gone.length === 0 ? shown : [...shown, ...gone].sort(newestFirst);
  }, [filtering, results, browsed, held]);
  const rows = useMemo(() => toRows(listed, locale), [listed, locale]);

  /** Shows a note in the list, with focus on it: the filters are cleared when they hide it, older pages read when it is further down. */
  async function openNote(note: Note) {
    if (!listed.some((each) => each.id === note.id)) {
      if (filtering) changeQuery(EMPTY_QUERY);
      await pages.loadThrough(note);
    }
    setRevealing(note.id);
  }

  useEffect(() => {
    if (!undo && !announcement) return;
    const timer = setTimeout(() => {
      setUndo(null);
      setAnnouncement('');
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo, announcement]);

  function onRange(start: number, end: number) {
    bodies.request(rows.slice(start, end).flatMap((row) => (row.kind === 'note' && !pageNotes.has(row.id) ? [row.id] : [])));
    if (filtering && results && resultsShown < results.total && end >= rows.length - 60) setResultsShown(resultsShown + RESULT_STEP);
    if (!filtering && end >= rows.length - 60) pages.loadMore();
  }

  /** Runs a change; a refusal becomes what the card shows (the typed text stays for another try). */
  async function change(run: () => Promise<unknown>, done: string): Promise<ChangeOutcome> {
    try {
      await run();
    } catch (error) {
      if (error instanceof NoteConflictError) return { kind: 'conflict', current: error.current };
      return { kind: 'problem', message: error instanceof EmptyAnswerError ? t.emptyAnswer : changeProblem(error, t) };
    }
    setAnnouncement(done);
    return { kind: 'saved' };
  }

  async function onDelete(base: Note): Promise<ChangeOutcome> {
    let deleted: Note | undefined;
    const outcome = await change(async () => {
      deleted = await actions.remove(base);
    }, t.noteDeleted);
    if (outcome.kind === 'problem') setAnnouncement(outcome.message);
    if (deleted) setUndo({ note: deleted });
    return outcome;
  }

  async function onFeeling(feeling: Feeling | null, base: Note): Promise<ChangeOutcome> {
    const outcome = await change(() => actions.setFeeling(base, feeling), feeling ? t.feelingSaved : t.feelingRemoved);
    if (outcome.kind === 'conflict' && !outcome.current) setAnnouncement(t.editConflictDeleted);
    return outcome;
  }

  async function onUndo() {
    if (!undo) return;
    const { note } = undo;
    setUndo(null);
    const outcome = await change(() => actions.restore(note), t.noteRestored);
    if (outcome.kind === 'problem') setAnnouncement(outcome.message);
  }

  function toggleHideAnswers(hidden: boolean) {
    setHideAnswers(hidden);
    // If this fails, the switch lasts for this visit only.
    writeHideAnswers(hidden);
  }

  const customPrompts = ownPrompts.status === 'ready' ? ownPrompts.value : [];

  const promptOptions = [
    ...PROMPTS.map((prompt) => ({ id: prompt.id, label: promptText(prompt, locale), own: false })),
    ...customPrompts.map((prompt) => ({ id: prompt.id, label: prompt.text, own: true })),
  ];
  const selectedPrompt = promptOptions.find((option) => option.id === query.promptId);

  return (
    <PageSection name="journal" class="journal" title={t.journalTitle} intro={t.journalIntro}>
      {/* Looking back is an extra: when the notes cannot be read, the list below says so alone. */}
      {browse.status !== 'failed' && (
        <OnThisDay
          onOpen={(note) => void openNote(note)}
          onHidden={(announcement) => {
            searchField.current?.focus();
            setAnnouncement(announcement);
          }}
          answerHidden={hideAnswers}
        />
      )}
      <div role="search" class="journal-tools">
        <label class="field search-field">
          <span>{t.searchLabel}</span>
          <input
            type="search"
            autocomplete="off"
            ref={searchField}
            value={query.text}
            placeholder={t.searchPlaceholder}
            onInput={(event) => changeQuery({ ...query, text: event.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>{t.kindFilterLabel}</span>
          <select
            value={query.kind}
            onChange={(event) => changeQuery({ ...query, kind: event.currentTarget.value as SearchQuery['kind'] })}
          >
            <option value="all">{t.kindAll}</option>
            <option value="question">{t.kindQuestions}</option>
            <option value="step">{t.kindSteps}</option>
          </select>
        </label>
        <label class="field prompt-filter">
          <span>{t.promptFilterLabel}</span>
          <select value={query.promptId} onChange={(event) => changeQuery({ ...query, promptId: event.currentTarget.value })}>
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
        <label class="field">
          <span>{t.feelingFilterLabel}</span>
          <select
            value={query.feeling ?? 'all'}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              changeQuery({ ...query, feeling: FEELINGS.find((feeling) => feeling === chosen) });
            }}
          >
            <option value="all">{t.feelingAll}</option>
            {FEELINGS.map((feeling) => (
              <option key={feeling} value={feeling}>
                {feelingWord(feeling, t)}
              </option>
            ))}
          </select>
        </label>
        {filtering && (
          <button type="button" class="secondary small" onClick={() => changeQuery(EMPTY_QUERY)}>
            {t.clearFilters}
          </button>
        )}
        {tags.length > 0 && <TagFilter tags={tags} active={query.tag} onChange={(tag) => changeQuery({ ...query, tag })} />}
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
            ? index?.status === 'ready'
              ? results && results.total === 0
                ? t.noResults
                : t.resultCount(results?.total ?? 0)
              : index?.status === 'failed'
                ? readProblem(index.error, t)
                : t.preparingSearch
            : browse.status === 'ready' && browse.value.total !== undefined && browse.value.total > 0
              ? t.noteCount(browse.value.total)
              : ''}
      </p>
      {browse.status === 'failed' && (
        <p role="alert" class="problem">
          {readProblem(browse.error, t)}
        </p>
      )}
      {browse.status === 'ready' && browse.value.total === 0 && !filtering && <p class="empty">{t.notesEmpty}</p>}

      {revealing && <OpenNote id={revealing} rows={rows} list={listBox} estimate={estimateHeight} onDone={() => setRevealing(undefined)} />}
      {/* Which search the list shows, set in the render that lays out its results: `npm run bench`
          times a search from the input event to it. */}
      <div ref={listBox} data-results-for={results ? query.text : undefined}>
        <VirtualList
          class={hideAnswers ? 'notes hide-answers' : 'notes'}
          items={rows}
          getKey={(row) => row.key}
          estimateHeight={estimateHeight}
          onRangeChange={onRange}
          renderItem={(row) => {
            if (row.kind === 'day') return <h2 class="day-heading">{row.label}</h2>;
            const note = pageNotes.get(row.id) ?? bodies.get(row.id) ?? held.get(row.id);
            return note ? (
              <NoteCard
                note={note}
                onEdit={(answer, base) => change(() => actions.saveAnswer(note, answer, base.updatedAt), t.noteUpdated)}
                onKeepBoth={(answer) => change(() => actions.keepBoth(note, answer), t.keptBoth)}
                onRestoreWith={(answer) => change(() => actions.restoreWith(note, answer), t.noteRestored)}
                onDelete={onDelete}
                onFeeling={onFeeling}
                onEditing={(editing) => hold(note, editing)}
                answerHidden={hideAnswers}
                onShowPrompt={query.promptId === note.promptId ? undefined : () => changeQuery({ ...EMPTY_QUERY, promptId: note.promptId })}
              />
            ) : (
              <div class="note note-placeholder" aria-hidden="true" />
            );
          }}
        />
      </div>

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
    </PageSection>
  );
}
