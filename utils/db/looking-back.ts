/**
 * The journal's On this day: what the person wrote around this day a week, a month and a year ago.
 * A few small reads of the notes store's `by-created` index (bounded key ranges, cursors that stop
 * at their first hit), never a scan, so it costs the same with 50 notes or 50,000. What was written
 * last time to the same prompt is last-answer.ts's, apart, as the popup loads only that.
 */
import type { IDBPIndex } from 'idb';
import { readingKeys } from '@/utils/lock/keys';
import type { Note, NoteRow } from '@/utils/model/records';
import { addDays, addMonths, daysBetween, startOfDay, startOfNextDay } from '@/utils/time';
import { rowToNote } from './cipher';
import { openDatabase, type AdempauzeSchema } from './connection';

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
