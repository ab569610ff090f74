/**
 * How the journal reaches its notes: pages newest first (useJournalPages), the bodies of notes
 * found by search (useNoteBodies), the search index (useSearchIndex) and the changes a person
 * makes (useNoteActions). Each follows the change signal, so a note saved in the popup, edited in
 * another tab or brought by an import appears here without a reload.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { onDataChange, type DataChange } from '@/utils/db/changes';
import {
  addNoteCopy,
  countNotes,
  deleteNote,
  getNotes,
  listNotesPage,
  restoreNote,
  restoreNoteWith,
  updateNoteAnswer,
  updateNoteFeeling,
} from '@/utils/db/notes';
import type { Feeling, Note, PageCursor } from '@/utils/model/records';
import { newestFirst } from '@/utils/search/search';
import type { WordIndex } from '@/utils/search/word-index';
import { logFailure } from '@/utils/log';
import type { Loadable } from './loadable';

/** The first read: one screen and a bit, so the first paint waits on one small read. */
const PAGE_SIZE = 40;
/** Later reads, while scrolling: larger, so a long scroll needs few of them. */
const NEXT_PAGE_SIZE = 250;
/** Notes read per transaction while the search index is built in the background, or a note far back is opened. */
export const INDEX_BATCH = 2000;

/** The notes a change names, or undefined when it may have touched any note (an import). */
function namedNotes(change: DataChange & { store: 'notes' }): { saved: readonly string[]; deleted: ReadonlySet<string> } | undefined {
  if (!change.saved && !change.deleted) return undefined;
  return { saved: change.saved ?? [], deleted: new Set(change.deleted) };
}

/** Reads the saved notes a change names; none when it names none. */
const readSaved = (saved: readonly string[]): Promise<Note[]> => (saved.length > 0 ? getNotes(saved) : Promise.resolve([]));

export interface JournalPages {
  /** The notes read so far, newest first. */
  readonly notes: readonly Note[];
  /** Present when older notes exist. */
  readonly next?: PageCursor;
  /** Undefined until counted: counting reads the whole store, so the first screen never waits for it. */
  readonly total?: number;
}

export interface JournalPagesHandle {
  readonly state: Loadable<JournalPages>;
  /** Reads the next page, once at a time. */
  readonly loadMore: () => void;
  /**
   * Reads older pages until `note` is among the notes read, for a note opened from far back (On
   * this day); resolves once it is, or once no older notes remain.
   */
  readonly loadThrough: (note: Pick<Note, 'createdAt' | 'id'>) => Promise<void>;
}

/** `notes` with the changed ones replaced, the deleted ones gone and new ones in their place, if they fall among those read. */
function applyChanged(pages: JournalPages, ids: ReadonlySet<string>, found: readonly Note[]): JournalPages {
  const last = pages.notes.at(-1);
  const fits = (note: Note) => !pages.next || !last || newestFirst(note, last) <= 0;
  const notes = [...pages.notes.filter((note) => !ids.has(note.id)), ...found.filter(fits)].sort(newestFirst);
  return { ...pages, notes };
}

export function useJournalPages(): JournalPagesHandle {
  const [state, setState] = useState<Loadable<JournalPages>>({ status: 'loading' });
  const current = useRef(state);
  current.current = state;
  const loadingMore = useRef(false);

  useEffect(() => {
    let live = true;
    const update = (next: (before: Loadable<JournalPages>) => Loadable<JournalPages>) => {
      if (live) setState(next);
    };
    const recount = () =>
      countNotes().then((total) =>
        update((before) => (before.status === 'ready' ? { ...before, value: { ...before.value, total } } : before)),
      );

    /** Reads the newest `limit` notes afresh; the count shown stays until the new one is known. */
    async function readFirst(limit: number) {
      const page = await listNotesPage({ limit });
      update((before) => ({
        status: 'ready',
        value: {
          notes: page.notes,
          next: page.next,
          total: page.next ? (before.status === 'ready' ? before.value.total : undefined) : page.notes.length,
        },
      }));
      if (page.next) await recount();
    }

    readFirst(PAGE_SIZE).catch((error: unknown) => update(() => ({ status: 'failed', error })));

    const stop = onDataChange((change) => {
      if (change.store !== 'notes') return;
      const before = current.current;
      const named = namedNotes(change);
      if (before.status !== 'ready' || !named) {
        readFirst(Math.max(PAGE_SIZE, before.status === 'ready' ? before.value.notes.length : 0)).catch(
          logFailure('journal not refreshed after a change'),
        );
        return;
      }
      const apply = (ids: ReadonlySet<string>, found: readonly Note[]) =>
        update((latest) => (latest.status === 'ready' ? { ...latest, value: applyChanged(latest.value, ids, found) } : latest));
      // A deleted note goes at once, without a read (which could fail and leave it shown).
      if (named.deleted.size > 0) apply(named.deleted, []);
      readSaved(named.saved)
        .then((found) => {
          if (named.saved.length > 0) apply(new Set(named.saved), found);
          return recount();
        })
        .catch(logFailure('journal not refreshed after a change'));
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  function loadMore() {
    const before = current.current;
    if (before.status !== 'ready' || !before.value.next || loadingMore.current) return;
    loadingMore.current = true;
    listNotesPage({ limit: NEXT_PAGE_SIZE, after: before.value.next })
      .then((page) =>
        setState((latest) => {
          if (latest.status !== 'ready') return latest;
          const seen = new Set(latest.value.notes.map((note) => note.id));
          return {
            ...latest,
            value: { ...latest.value, notes: [...latest.value.notes, ...page.notes.filter((note) => !seen.has(note.id))], next: page.next },
          };
        }),
      )
      .catch((error: unknown) => setState({ status: 'failed', error }))
      .finally(() => {
        loadingMore.current = false;
      });
  }

  async function loadThrough(note: Pick<Note, 'createdAt' | 'id'>): Promise<void> {
    // Only On this day opens a note far back: the reading loads with it, not with the first screen.
    const { readThrough } = await import('./use-on-this-day');
    const before = current.current;
    if (before.status !== 'ready') return;
    const add = await readThrough(before.value, note);
    if (add) setState((latest) => (latest.status === 'ready' ? { ...latest, value: add(latest.value) } : latest));
  }

  return { state, loadMore, loadThrough };
}

export interface NoteBodies {
  /** The note, when it has been read. */
  readonly get: (id: string) => Note | undefined;
  /** Reads the notes not read yet; the page re-renders when they arrive. */
  readonly request: (ids: readonly string[]) => void;
}

/** Notes read by id (search results beyond the pages read), kept up to date with every change. */
export function useNoteBodies(): NoteBodies {
  const cache = useRef(new Map<string, Note>());
  const [, setVersion] = useState(0);

  useEffect(
    () =>
      onDataChange((change) => {
        if (change.store !== 'notes') return;
        const named = namedNotes(change);
        for (const id of named?.deleted ?? []) cache.current.delete(id);
        const ids = (named ? named.saved : [...cache.current.keys()]).filter((id) => cache.current.has(id));
        setVersion((n) => n + 1);
        if (ids.length === 0) return;
        getNotes(ids)
          .then((found) => {
            for (const id of ids) cache.current.delete(id);
            for (const note of found) cache.current.set(note.id, note);
            setVersion((n) => n + 1);
          })
          .catch(logFailure('notes not refreshed after a change'));
      }),
    [],
  );

  return {
    get: (id) => cache.current.get(id),
    request(ids) {
      const missing = ids.filter((id) => !cache.current.has(id));
      if (missing.length === 0) return;
      // The rows stay placeholders until then; the next scroll asks again if this fails.
      getNotes(missing)
        .then((found) => {
          for (const note of found) cache.current.set(note.id, note);
          setVersion((n) => n + 1);
        })
        .catch(logFailure('notes not read'));
    },
  };
}

/** Notes read per transaction while the search index is built: in the workers, or in the page where none starts, where each batch is one task. */
const INDEX_READ = 1000;

/** The search index, ready: the same index object after a change, with a new version, so pages re-search. */
export interface SearchIndexState {
  readonly index: WordIndex;
  readonly version: number;
}

/**
 * The search index of every note (utils/search/word-index.ts), built after first paint once
 * `wanted` (the person searches or filters), then kept current: a change's notes are re-read and
 * put in place of the old, an import rebuilds it. It lives in this page's memory only, so under the
 * lock nothing of the opened notes is written anywhere. Undefined until wanted.
 */
export function useSearchIndex(wanted: boolean): Loadable<SearchIndexState> | undefined {
  const [state, setState] = useState<Loadable<SearchIndexState>>();
  // Once built, the index stays and stays current, also while no filter is set.
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (wanted) setAsked(true);
  }, [wanted]);

  useEffect(() => {
    if (!asked) return;
    let live = true;
    let stop = () => undefined as void;
    setState({ status: 'loading' });
    // The index's code, and the reading for it, load when the index is built, after the first screen: not before it.
    Promise.all([import('@/utils/search/word-index'), import('@/utils/search/build-aside')])
      .then(([{ WordIndex }, { buildAside }]) => {
        if (!live) return;
        let index = new WordIndex();
        let version = 0;
        let ready = false;
        const show = () => live && ready && setState({ status: 'ready', value: { index, version: ++version } });
        let stopReading = () => undefined as void;
        const build = () => {
          const building = new WordIndex();
          index = building;
          ready = false;
          // A build started anew (an import) stops the one before: its notes would be thrown away.
          stopReading();
          const reading = buildAside(INDEX_READ, (segment) => building.addSegment(segment));
          stopReading = reading.stop;
          reading.done
            .then(() => {
              if (index !== building) return;
              ready = true;
              show();
            })
            .catch((error: unknown) => live && index === building && setState({ status: 'failed', error }));
        };
        build();
        const stopChanges = onDataChange((change) => {
          if (change.store !== 'notes') return;
          const named = namedNotes(change);
          if (!named) return build();
          // Changes reach the index being built too: a note saved meanwhile is put in place either way.
          const changing = index;
          if (named.deleted.size > 0) {
            changing.remove(named.deleted);
            show();
          }
          readSaved(named.saved)
            .then((found) => {
              if (named.saved.length === 0 || changing !== index) return;
              // A note named but not found was deleted since: it goes too.
              changing.remove(named.saved);
              changing.put(found);
              show();
            })
            .catch(logFailure('search index not refreshed after a change'));
        });
        stop = () => {
          stopChanges();
          stopReading();
        };
      })
      .catch((error: unknown) => live && setState({ status: 'failed', error }));
    return () => {
      live = false;
      stop();
    };
  }, [asked]);

  return state;
}

export interface NoteActions {
  /** Saves an edit begun at `version`; rejects with NoteConflictError when the note changed since. */
  readonly saveAnswer: (note: Note, answer: string, version: number) => Promise<Note>;
  /** Deletes the note as shown; rejects with NoteConflictError when it changed since. */
  readonly remove: (note: Note) => Promise<Note>;
  /** Puts a note back exactly as given (Undo; "keep mine" over a deletion). */
  readonly restore: (note: Note) => Promise<void>;
  /** "Keep my edit" over a deletion made elsewhere: the note comes back with the edited text. */
  readonly restoreWith: (note: Note, answer: string) => Promise<Note>;
  /** "Keep both": the edited text becomes a new note beside the other. */
  readonly keepBoth: (note: Note, answer: string) => Promise<Note>;
  /** Sets or clears (null) how `note` felt, over the version it is; rejects with NoteConflictError when it changed since. */
  readonly setFeeling: (note: Note, feeling: Feeling | null) => Promise<Note>;
}

/** The changes a person makes to notes in the journal; every other page hears of them. */
export function useNoteActions(): NoteActions {
  return {
    saveAnswer: (note, answer, version) => updateNoteAnswer(note, answer, Date.now(), version),
    remove: (note) => deleteNote(note.id, note.updatedAt),
    restore: restoreNote,
    restoreWith: (note, answer) => restoreNoteWith(note, answer, Date.now()),
    keepBoth: (note, answer) => addNoteCopy(note, answer, Date.now()),
    setFeeling: (note, feeling) => updateNoteFeeling(note, feeling, Date.now(), note.updatedAt),
  };
}
