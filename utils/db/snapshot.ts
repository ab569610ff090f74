/** Every store at once: the snapshot a backup is made of, and the merge an import does. */
import * as v from 'valibot';
import {
  CustomPromptSchema,
  NoteSchema,
  PauseEventSchema,
  PromptPreferenceSchema,
  type CustomPrompt,
  type Note,
  type PauseEvent,
  type PromptPreference,
} from '@/utils/model/records';
import { readingKeys, whileWriting, type Writer } from '@/utils/lock/keys';
import { announceChange } from './changes';
import { noteToRow, promptToRow, rowToPrompt, rowsToNotes } from './cipher';
import { abortQuietly, openDatabase } from './connection';

/** Everything the database holds, for a backup. */
export interface DatabaseSnapshot {
  readonly notes: readonly Note[];
  readonly events: readonly PauseEvent[];
  readonly prompts: readonly CustomPrompt[];
  readonly promptPrefs: readonly PromptPreference[];
}

/** What the rows of each store must be to be read: a schema of the model per store. */
export type SnapshotRules = { readonly [Store in keyof DatabaseSnapshot]: v.GenericSchema<unknown, DatabaseSnapshot[Store][number]> };

/** Rows as the database holds them (utils/model/records.ts): read as long as they can be shown. */
const STORED_ROWS: SnapshotRules = {
  notes: NoteSchema,
  events: PauseEventSchema,
  prompts: CustomPromptSchema,
  promptPrefs: PromptPreferenceSchema,
};

/** How many rows of each store could not be read and were left out. */
export type SkippedRows = { readonly [Store in keyof DatabaseSnapshot]: number };

/**
 * Reads every row of every store in one transaction, so the backup is one consistent moment.
 * Each row is checked with `rules` (a backup passes the file's own, so what it writes imports
 * again); a damaged row is left out and counted, and never makes the whole snapshot unusable.
 */
export async function readSnapshot(rules: SnapshotRules = STORED_ROWS): Promise<DatabaseSnapshot & { readonly skipped: SkippedRows }> {
  const keys = await readingKeys();
  const stored = await readStoredRows();
  // Encrypted rows are opened (JournalLockedError while locked); one that does not open is left out and counted.
  const [opened, openedPrompts] = await Promise.all([
    rowsToNotes(stored.notes, keys),
    Promise.all(stored.prompts.map((row) => rowToPrompt(row, keys))),
  ]);
  // A note the lock does not trust as the owner's (utils/db/cipher.ts) is left out like one that does not open.
  const notes = opened.filter((note) => !note.unreadable && !note.suspect);
  const prompts = openedPrompts.filter((prompt) => prompt !== undefined);
  const skippedUnread = { notes: stored.notes.length - notes.length, prompts: stored.prompts.length - prompts.length };
  const { events, promptPrefs } = stored;
  // A row is kept as it is, not copied: the model's row schemas check, they do not transform.
  const valid = <Row>(rows: readonly unknown[], schema: v.GenericSchema<unknown, Row>): Row[] =>
    rows.filter((row): row is Row => v.is(schema, row));
  const snapshot = {
    notes: valid(notes, rules.notes),
    events: valid(events, rules.events),
    prompts: valid(prompts, rules.prompts),
    promptPrefs: valid(promptPrefs, rules.promptPrefs),
  };
  const skipped: SkippedRows = {
    notes: skippedUnread.notes + notes.length - snapshot.notes.length,
    events: events.length - snapshot.events.length,
    prompts: skippedUnread.prompts + prompts.length - snapshot.prompts.length,
    promptPrefs: promptPrefs.length - snapshot.promptPrefs.length,
  };
  return { ...snapshot, skipped };
}

/** Every row of every store exactly as stored, ciphertext included, in one transaction: what a locked backup holds. */
export async function readStoredRows(): Promise<{ readonly [Store in keyof DatabaseSnapshot]: readonly unknown[] }> {
  const tx = (await openDatabase()).transaction(['notes', 'events', 'prompts', 'promptPrefs']);
  const [notes, events, prompts, promptPrefs] = await Promise.all([
    tx.objectStore('notes').index('by-created').getAll(),
    tx.objectStore('events').index('by-at').getAll(),
    tx.objectStore('prompts').getAll(),
    tx.objectStore('promptPrefs').getAll(),
  ]);
  return { notes, events, prompts, promptPrefs };
}

export interface MergeResult {
  /** Rows that were not stored before. */
  readonly added: number;
  /** Rows stored before in an older version, replaced by the newer one. */
  readonly updated: number;
  /** Rows already stored as they are (or newer). */
  readonly unchanged: number;
}

/** Events never change, so they have no updatedAt: a stored one is always as new as an imported one. */
const versionOf = (row: object): number => ('updatedAt' in row && typeof row.updatedAt === 'number' ? row.updatedAt : 0);

/**
 * Merges a validated snapshot into the database by id, in one transaction: all of it is written,
 * or nothing is. A row already stored is replaced only by a newer version (updatedAt), so merging
 * the same snapshot twice changes nothing. `onProgress` gets the rows done and the total.
 */
export function mergeSnapshot(snapshot: DatabaseSnapshot, onProgress?: (done: number, total: number) => void): Promise<MergeResult> {
  // The lock cannot change while the rows are written as it asks (whileWriting).
  return whileWriting((writer) => mergeWith(snapshot, writer, onProgress));
}

async function mergeWith(
  snapshot: DatabaseSnapshot,
  writer: Writer,
  onProgress?: (done: number, total: number) => void,
): Promise<MergeResult> {
  // Encrypted (or sealed) as the lock wants before the transaction opens: WebCrypto's awaits would end it.
  const [notes, prompts] = await Promise.all([
    Promise.all(snapshot.notes.map((note) => noteToRow(note, writer))),
    Promise.all(snapshot.prompts.map((prompt) => promptToRow(prompt, writer))),
  ]);
  const tx = (await openDatabase()).transaction(['notes', 'events', 'prompts', 'promptPrefs'], 'readwrite');
  const total = snapshot.notes.length + snapshot.events.length + snapshot.prompts.length + snapshot.promptPrefs.length;
  let done = 0;
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const step = Math.max(1, Math.floor(total / 100));

  // Which ids are stored already is read once, keys only; only rows stored before are read again to
  // compare versions, a batch at a time. Writes are not awaited one by one (the transaction keeps
  // their order), so 50,000 new rows take seconds, not minutes.
  const BATCH = 1000;
  async function merge<Row extends object>(
    store: {
      get(key: string): Promise<Row | undefined>;
      put(row: Row): Promise<unknown>;
      getAllKeys(): Promise<IDBValidKey[]>;
    },
    rows: readonly Row[],
    keyOf: (row: Row) => string,
  ): Promise<void> {
    if (rows.length === 0) return;
    // A write refused on the spot (a full disk) becomes a rejection like one refused later, so
    // the writes queued before it are still awaited and nothing is left unhandled.
    const put = (row: Row): Promise<unknown> => {
      try {
        return store.put(row);
      } catch (error) {
        return Promise.reject(error);
      }
    };
    const stored = new Set(await store.getAllKeys());
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const existing = await Promise.all(batch.map((row) => (stored.has(keyOf(row)) ? store.get(keyOf(row)) : Promise.resolve(undefined))));
      const writes: Promise<unknown>[] = [];
      batch.forEach((row, i) => {
        const before = existing[i];
        if (!before) {
          writes.push(put(row));
          added++;
        } else if (versionOf(row) > versionOf(before)) {
          writes.push(put(row));
          updated++;
        } else {
          unchanged++;
        }
      });
      await Promise.all(writes);
      done += batch.length;
      if (onProgress && (done % step < batch.length || done === total)) onProgress(done, total);
    }
  }

  try {
    await merge(tx.objectStore('notes'), notes, (row) => row.id);
    await merge(tx.objectStore('events'), snapshot.events, (row) => row.id);
    await merge(tx.objectStore('prompts'), prompts, (row) => row.id);
    await merge(tx.objectStore('promptPrefs'), snapshot.promptPrefs, (row) => row.promptId);
    await tx.done;
  } catch (error) {
    // Left alone, the transaction would commit the writes that went before the failing one:
    // all of the backup is written, or none of it.
    abortQuietly(tx);
    throw error;
  }
  // An import may touch any row: every page re-reads what it shows.
  if (added + updated > 0) for (const store of ['notes', 'events', 'prompts'] as const) announceChange({ store });
  return { added, updated, unchanged };
}
