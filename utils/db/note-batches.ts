/**
 * Reading every note in batches, for building the search index: in the journal's page, or in a
 * worker (utils/search/segment.worker.ts) that is handed the keys, since a worker has no extension APIs to
 * find them. Nothing here reaches beyond IndexedDB and the cipher, so both can load it.
 */
import type { ReadingKeys } from '@/utils/lock/keys';
import type { Note } from '@/utils/model/records';
import { rowsToNotes } from './cipher';
import { openDatabase } from './connection';

/** Part of the notes store by id: from `from` (included) up to `to` (left out); either end open when absent. */
export interface NoteRange {
  readonly from?: string;
  readonly to?: string;
}

/** The rows of `range` after `after` (or from its start), as a key range; null for every row. */
function keyRange({ from, to }: NoteRange, after: string | undefined): IDBKeyRange | null {
  const lower = after ?? from;
  const lowerOpen = after !== undefined;
  if (lower === undefined) return to === undefined ? null : IDBKeyRange.upperBound(to, true);
  return to === undefined ? IDBKeyRange.lowerBound(lower, lowerOpen) : IDBKeyRange.bound(lower, to, lowerOpen, true);
}

/**
 * The id that cuts the notes into two halves as large, so two workers can share them (build-aside.ts);
 * undefined when there are too few notes for sharing to pay (fewer than two batches each).
 */
export async function middleNoteId(batchSize: number): Promise<string | undefined> {
  const store = (await openDatabase()).transaction('notes').store;
  const count = await store.count();
  if (count < 4 * batchSize) return undefined;
  // A cursor over keys alone: no row is read, let alone copied.
  const cursor = await (await store.openKeyCursor())?.advance(Math.floor(count / 2));
  return cursor?.key;
}

/**
 * Calls `onBatch` with every note of `range` (all when absent), `batchSize` at a time, in separate
 * read transactions; `keys` is asked before each batch, so a journal locked meanwhile stops the
 * reading. The notes come in the store's own order (by id, so in no order of time): one `getAll`
 * per batch reads the rows several times faster than a cursor stepping through the date index row
 * by row (0.65 s against 1.3–1.7 s for 50,000 notes in Chromium). The next batch is read while
 * `onBatch` works on one (it may return a promise to be waited for).
 */
export async function forEachNoteBatchWith(
  keys: () => Promise<ReadingKeys>,
  batchSize: number,
  onBatch: (notes: readonly Note[]) => void | Promise<void>,
  range: NoteRange = {},
): Promise<void> {
  const read = async (after: string | undefined) => {
    const opening = await keys();
    const rows = await (await openDatabase()).getAll('notes', keyRange(range, after), batchSize);
    // Opened after the transaction: awaiting WebCrypto inside it would let it end.
    return { notes: await rowsToNotes(rows, opening), last: rows.length === batchSize ? rows.at(-1)?.id : undefined };
  };
  let batch = await read(undefined);
  for (;;) {
    const next = batch.last === undefined ? undefined : read(batch.last);
    // A failed read ahead is reported by the await below, not as an unhandled rejection meanwhile.
    next?.catch(() => undefined);
    await onBatch(batch.notes);
    if (!next) return;
    batch = await next;
  }
}
