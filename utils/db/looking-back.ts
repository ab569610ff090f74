/**
 * Looking back: what the person wrote last time to the same prompt, and on this day a week, a month
 * and a year ago. Each is a few small reads of the notes store's indexes (bounded key ranges, a
 * cursor that stops at its first hit), never a scan, so they cost the same with 50 notes or 50,000.
 */
import type { IDBPIndex } from 'idb';
import { readingKeys } from '@/utils/lock/keys';
import type { Note, NoteRow } from '@/utils/model/records';
import { addDays, addMonths, daysBetween, startOfDay, startOfNextDay } from '@/utils/time';
import { isNoteRow, rowToNote } from './cipher';
import { openDatabase, type AdempauzeSchema } from './connection';

/**
 * The latest answer to a prompt before a moment: the note itself; or, while the journal is locked,
 * only when it was written (its text is not read), so the page can say that unlocking shows it.
 * A note whose ciphertext does not open comes back `unreadable` (utils/model/records.ts).
 */
export type LastAnswer =
  { readonly kind: 'note'; readonly note: Note } | { readonly kind: 'locked'; readonly id: string; readonly createdAt: number };

/**
 * The most recent note to `promptId` written before `before` (epoch ms, exclusive), or null when the
 * prompt was never answered before then. One read of `by-prompt`, newest first, that stops at the
 * first note; while the journal is locked it reads the index's keys only, never a note.
 */
export async function lastAnswerBefore(promptId: string, before: number): Promise<LastAnswer | null> {
  const keys = await readingKeys();
  const index = (await openDatabase()).transaction('notes').store.index('by-prompt');
  const range = IDBKeyRange.bound([promptId, -Infinity], [promptId, before], false, true);
  if (keys === 'locked') {
    const cursor = await index.openKeyCursor(range, 'prev');
    return cursor ? { kind: 'locked', id: cursor.primaryKey, createdAt: cursor.key[1] } : null;
  }
  // A row that is no note at all (damaged on disk) is passed over for the one before it.
  let cursor = await index.openCursor(range, 'prev');
  while (cursor && !isNoteRow(cursor.value)) cursor = await cursor.continue();
  // Opened after the read: awaiting WebCrypto inside the transaction would end it.
  const note = cursor ? await rowToNote(cursor.value, keys) : undefined;
  return note ? { kind: 'note', note } : null;
}

/** How far "On this day" looks back. */
export const LOOK_BACKS = ['week', 'month', 'year'] as const;
export type LookBack = (typeof LOOK_BACKS)[number];

/** How many days either side of the day looked back to a note may be, and still be shown. */
export const ON_THIS_DAY_NEAR = 3;

/** Local midnight of the day a week, a month or a year before the day containing `now`. */
export function dayAgo(now: number, ago: LookBack): number {
  switch (ago) {
    case 'week':
      return addDays(now, -7);
    case 'month':
      return addMonths(now, -1);
    case 'year':
      return addMonths(now, -12);
    default: {
      const unknown: never = ago;
      throw new Error(`Unknown look back ${String(unknown)}`);
    }
  }
}

/** A note written around the day a week, a month or a year ago. */
export interface OnThisDay {
  readonly ago: LookBack;
  /** Local midnight of the day exactly a week, a month or a year before today. */
  readonly day: number;
  /** Calendar days from `day` to the note's day: 0 on it, up to ±ON_THIS_DAY_NEAR. */
  readonly offset: number;
  readonly note: Note;
}

type CreatedIndex = IDBPIndex<AdempauzeSchema, ['notes'], 'notes', 'by-created'>;

/** The `by-created` range of every note from local midnight `from` up to (not including) local midnight `to`. */
const daysRange = (from: number, to: number) => IDBKeyRange.bound([from, ''], [to, ''], false, true);

/** The newest note's key in a range of `by-created`, keys only. */
async function newestIn(index: CreatedIndex, range: IDBKeyRange): Promise<readonly [number, string] | undefined> {
  return (await index.openKeyCursor(range, 'prev'))?.key;
}

/**
 * The key of the note nearest to the local day `day` within ON_THIS_DAY_NEAR days: on the day
 * itself, else on the nearest day (the earlier of two as near), and of that day the latest. At
 * most three keys-only reads, each stopping at its first hit.
 */
async function nearestTo(index: CreatedIndex, day: number): Promise<readonly [number, string] | undefined> {
  const dayEnd = startOfNextDay(day);
  // The latest note on the day or the days before it: if it is not on the day, its day is the nearest before.
  const before = await newestIn(index, daysRange(addDays(day, -ON_THIS_DAY_NEAR), dayEnd));
  if (before && startOfDay(before[0]) === day) return before;
  const after = (await index.openKeyCursor(daysRange(dayEnd, addDays(day, ON_THIS_DAY_NEAR + 1)), 'next'))?.key;
  if (!after || (before && daysBetween(day, after[0]) >= daysBetween(before[0], day))) return before;
  // The first note after the day tells the nearest day after it; of that day, the latest note.
  return newestIn(index, daysRange(startOfDay(after[0]), startOfNextDay(after[0])));
}

/**
 * What was written around this day a week, a month and a year before `now`, in that order: for
 * each, the note nearest to that local day within ON_THIS_DAY_NEAR days (see nearestTo); a period
 * without one is left out. Index keys are read first and only the three notes chosen are read, all
 * in one transaction. Notes are read as the journal reads them: JournalLockedError while an
 * encrypted note would have to be opened in a locked journal.
 */
export async function onThisDay(now: number): Promise<OnThisDay[]> {
  const keys = await readingKeys();
  const store = (await openDatabase()).transaction('notes').store;
  const index = store.index('by-created');
  const found = await Promise.all(
    LOOK_BACKS.map(async (ago) => {
      const day = dayAgo(now, ago);
      const key = await nearestTo(index, day);
      const row: NoteRow | undefined = key && (await store.get(key[1]));
      return { ago, day, row };
    }),
  );
  // Opened after the transaction: awaiting WebCrypto inside it would end it.
  const notes = await Promise.all(found.map(({ row }) => rowToNote(row, keys)));
  return found.flatMap(({ ago, day }, i) => {
    const note = notes[i];
    return note ? [{ ago, day, offset: daysBetween(day, note.createdAt), note }] : [];
  });
}
