/**
 * The journal's On this day: what was written around this day a week, a month and a year ago, and
 * the reading of older pages that opening one of those notes may need. Its own module, so the reads
 * it needs load with the row (after the journal's first screen).
 */
import { onThisDay } from '@/utils/db/looking-back';
import type { OnThisDay } from '@/utils/db/looking-back';
import { listNotesPage } from '@/utils/db/notes';
import type { Note, PageCursor } from '@/utils/model/records';
import type { Settings } from '@/utils/model/settings';
import { newestFirst } from '@/utils/search/search';
import { loadSettings } from '@/utils/storage/settings';
import { dataSignal, useLoadable } from './loadable';
import type { Loadable } from './loadable';
import { INDEX_BATCH, type JournalPages } from './use-journal';

export type { LookBack, OnThisDay } from '@/utils/db/looking-back';

/** Any change to notes may add, change or remove one of the three. */
const NOTES_SIGNAL = dataSignal((change) => change.store === 'notes');

/** The notes of a week, a month and a year ago (see onThisDay), read again whenever notes change anywhere; `initial` as useLoadable's. */
export function useOnThisDay(initial?: Loadable<readonly OnThisDay[]>): Loadable<readonly OnThisDay[]> {
  return useLoadable(() => onThisDay(Date.now()), [NOTES_SIGNAL], initial)[0];
}

/** What a read gives, as a Loadable: a failed read is shown as failed, never thrown. */
const settled = <T>(read: Promise<T>): Promise<Loadable<T>> =>
  read.then(
    (value) => ({ status: 'ready', value }),
    (error: unknown) => ({ status: 'failed', error }),
  );

/** The first reads On this day shows: the settings (whether it shows at all) and its notes. */
export interface FirstReads {
  readonly settings: Loadable<Settings>;
  readonly found: Loadable<readonly OnThisDay[]>;
}

/** Reads what On this day shows first, both at once. */
export async function readFirst(): Promise<FirstReads> {
  const [settings, found] = await Promise.all([settled(loadSettings()), settled(onThisDay(Date.now()))]);
  return { settings, found };
}

/** Where a cursor stands in the newest-first order. */
const atCursor = ([createdAt, id]: PageCursor) => ({ createdAt, id });

/** Whether the pages read up to cursor `a` reach at least as far as those up to `b`; undefined is the end. */
function reaches(a: PageCursor | undefined, b: PageCursor | undefined): boolean {
  return !a || (b !== undefined && newestFirst(atCursor(a), atCursor(b)) >= 0);
}

/**
 * Reads the pages after those in `pages` until `note` is among the notes read, for a note opened
 * from far back (useJournalPages' loadThrough). Gives how to add them to the pages as they stand
 * once read, or nothing when there was nothing to read.
 */
export async function readThrough(
  pages: JournalPages,
  note: Pick<Note, 'createdAt' | 'id'>,
): Promise<((latest: JournalPages) => JournalPages) | undefined> {
  const read: Note[] = [];
  const start = pages.next;
  let next = start;
  // Until the last note read is the note itself or older than it.
  while (next && newestFirst(note, atCursor(next)) > 0) {
    const page = await listNotesPage({ limit: INDEX_BATCH, after: next });
    read.push(...page.notes);
    next = page.next;
  }
  if (read.length === 0) return undefined;
  // Pages read meanwhile (scrolling, a change) are kept: the notes are merged, the cursor is the further one.
  return (latest) => {
    // The list was read afresh meanwhile (an import) and ends before these pages: they would leave a gap.
    if (!reaches(latest.next, start)) return latest;
    const seen = new Set(latest.notes.map((each) => each.id));
    const notes = [...latest.notes, ...read.filter((each) => !seen.has(each.id))].sort(newestFirst);
    return { ...latest, notes, next: reaches(latest.next, next) ? latest.next : next };
  };
}
