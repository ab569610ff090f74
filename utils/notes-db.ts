/**
 * The one module that owns IndexedDB. Pages call its verbs; nothing else opens the database.
 *
 * Schema changes go in a new `if (oldVersion < N)` block with DB_VERSION raised to N. Blocks that
 * have shipped are never edited: a person's database may be upgraded from any earlier version.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Prompt } from '@/content/prompts';
import { EmptyAnswerError, StorageUnavailableError } from './errors';
import { LOCALES, type Locale } from './i18n';

export const DB_NAME = 'adempauze';
export const DB_VERSION = 3;

/** Where a note was written. */
export type NoteSource = 'popup' | 'pause';

/** One answer, kept with the prompt exactly as it was shown, so it still reads right if the library changes. */
export interface Note {
  readonly id: string;
  readonly promptId: string;
  readonly promptText: string;
  readonly promptKind: Prompt['kind'];
  readonly locale: Locale;
  readonly answer: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly source: NoteSource;
}

/** What a caller provides for a new note; the store assigns id and times. */
export type NewNote = Omit<Note, 'id' | 'createdAt' | 'updatedAt'>;

/** Where the next page of the newest-first list starts: the index key of the last note shown. */
export type PageCursor = readonly [createdAt: number, id: string];

export interface NotesPage {
  readonly notes: readonly Note[];
  /** Present when older notes exist. */
  readonly next?: PageCursor;
}

/** Something that happened to a pause: the history behind the schedule and, later, insights. */
export type PauseEventType = 'offered' | 'answered' | 'skipped' | 'snoozed' | 'expired';

export interface PauseEvent {
  readonly id: string;
  readonly type: PauseEventType;
  readonly at: number;
  /** The prompt the pause offered, when there was one. */
  readonly promptId?: string;
}

/** A question the person wrote themselves; it joins the random choice. */
export interface CustomPrompt {
  readonly id: string;
  readonly text: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** How the person feels about one prompt of the library or their own. */
export interface PromptPreference {
  readonly promptId: string;
  /** "Not for me": the popup and pauses skip it. */
  readonly hidden: boolean;
  readonly updatedAt: number;
}

interface AdempauzeSchema extends DBSchema {
  notes: {
    key: string;
    value: Note;
    indexes: {
      /** Newest-first paging; the id breaks ties between notes saved in the same millisecond. */
      'by-created': [number, string];
      /** Every answer to one prompt over time. */
      'by-prompt': [string, number];
    };
  };
  events: {
    key: string;
    value: PauseEvent;
    indexes: { 'by-at': number };
  };
  prompts: {
    key: string;
    value: CustomPrompt;
  };
  promptPrefs: {
    key: string;
    value: PromptPreference;
  };
}

let connection: Promise<IDBPDatabase<AdempauzeSchema>> | undefined;

/**
 * The cached connection, opened on first use. Every way opening can fail becomes a rejected
 * StorageUnavailableError, and the next verb tries again: `indexedDB` missing, `open` throwing at
 * once (Firefox's private mode, "never remember history"), or the request failing later.
 */
function open(): Promise<IDBPDatabase<AdempauzeSchema>> {
  // The executor turns a synchronous throw from indexedDB.open into a rejection.
  connection ??= new Promise<IDBPDatabase<AdempauzeSchema>>((resolve) => resolve(openDB<AdempauzeSchema>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const notes = db.createObjectStore('notes', { keyPath: 'id' });
        notes.createIndex('by-created', ['createdAt', 'id']);
        notes.createIndex('by-prompt', ['promptId', 'createdAt']);
      }
      if (oldVersion < 2) {
        const events = db.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('by-at', 'at');
      }
      if (oldVersion < 3) {
        db.createObjectStore('prompts', { keyPath: 'id' });
        db.createObjectStore('promptPrefs', { keyPath: 'promptId' });
      }
    },
    // A newer version of the extension (another tab after an update) wants to upgrade: step aside.
    blocking() {
      void closeNotesDb();
    },
    // The browser closed the connection (storage cleared, disk failing): the next verb opens anew.
    terminated() {
      connection = undefined;
    },
  }))).catch((error: unknown) => {
    connection = undefined;
    throw new StorageUnavailableError(error);
  });
  return connection;
}

/** Closes the cached connection; the next verb opens a new one. */
export async function closeNotesDb(): Promise<void> {
  const pending = connection;
  connection = undefined;
  if (pending) (await pending.catch(() => undefined))?.close();
}

/** Rolls back a transaction that may already have finished (aborted by the browser, or committed). */
function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already finished: there is nothing left to roll back.
  }
}

const NOTE_KINDS: readonly string[] = ['question', 'step'] satisfies Prompt['kind'][];
const NOTE_SOURCES: readonly string[] = ['popup', 'pause'] satisfies NoteSource[];

/** Narrows a stored row: rows written by older versions or damaged on disk are never trusted blindly. */
export function toNote(row: unknown): Note | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Record<string, unknown>;
  const ok =
    typeof r.id === 'string' &&
    typeof r.promptId === 'string' &&
    typeof r.promptText === 'string' &&
    typeof r.promptKind === 'string' &&
    NOTE_KINDS.includes(r.promptKind) &&
    typeof r.locale === 'string' &&
    (LOCALES as readonly string[]).includes(r.locale) &&
    typeof r.answer === 'string' &&
    Number.isFinite(r.createdAt) &&
    Number.isFinite(r.updatedAt) &&
    typeof r.source === 'string' &&
    NOTE_SOURCES.includes(r.source);
  return ok ? (row as Note) : undefined;
}

/**
 * Stores a new answer and resolves only once the transaction has completed, so a confirmation
 * shown after it is true. Refuses an empty or whitespace-only answer with EmptyAnswerError.
 */
export async function addNote(input: NewNote, now: number): Promise<Note> {
  if (input.answer.trim() === '') throw new EmptyAnswerError();
  const note: Note = { ...input, id: crypto.randomUUID(), createdAt: now, updatedAt: now };
  const db = await open();
  const tx = db.transaction('notes', 'readwrite');
  await Promise.all([tx.store.add(note), tx.done]);
  return note;
}

/** Notes newest first, `limit` at a time; pass the previous page's `next` to continue. */
export async function listNotesPage(options: { limit: number; after?: PageCursor }): Promise<NotesPage> {
  const db = await open();
  const index = db.transaction('notes').store.index('by-created');
  const range = options.after ? IDBKeyRange.upperBound([...options.after], true) : null;
  const notes: Note[] = [];
  let last: PageCursor | undefined;
  let cursor = await index.openCursor(range, 'prev');
  while (cursor && notes.length < options.limit) {
    last = cursor.key;
    const note = toNote(cursor.value);
    // A damaged row is passed over rather than breaking the whole journal.
    if (note) notes.push(note);
    cursor = await cursor.continue();
  }
  return cursor && last ? { notes, next: last } : { notes };
}

/** How many notes are stored. */
export async function countNotes(): Promise<number> {
  return (await open()).count('notes');
}

const EVENT_TYPES: readonly string[] = ['offered', 'answered', 'skipped', 'snoozed', 'expired'] satisfies PauseEventType[];

/** Narrows a stored event row. */
export function toPauseEvent(row: unknown): PauseEvent | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Record<string, unknown>;
  const ok =
    typeof r.id === 'string' &&
    typeof r.type === 'string' &&
    EVENT_TYPES.includes(r.type) &&
    Number.isFinite(r.at) &&
    (r.promptId === undefined || typeof r.promptId === 'string');
  return ok ? (row as PauseEvent) : undefined;
}

/** Records what happened to a pause; resolves once it is stored. */
export async function addPauseEvent(type: PauseEventType, at: number, promptId?: string): Promise<PauseEvent> {
  const event: PauseEvent = promptId === undefined ? { id: crypto.randomUUID(), type, at } : { id: crypto.randomUUID(), type, at, promptId };
  const db = await open();
  const tx = db.transaction('events', 'readwrite');
  await Promise.all([tx.store.add(event), tx.done]);
  return event;
}

/** Pause events at or after `since`, oldest first. */
export async function listPauseEvents(since = 0): Promise<PauseEvent[]> {
  const rows = await (await open()).getAllFromIndex('events', 'by-at', IDBKeyRange.lowerBound(since));
  return rows.flatMap((row) => toPauseEvent(row) ?? []);
}

/** The notes with these ids, in the same order; ids no longer stored are left out. */
export async function getNotes(ids: readonly string[]): Promise<Note[]> {
  const store = (await open()).transaction('notes').store;
  const rows = await Promise.all(ids.map((id) => store.get(id)));
  return rows.flatMap((row) => toNote(row) ?? []);
}

/** Changes the answer of a note; createdAt stays, updatedAt moves. Refuses an empty answer. */
export async function updateNoteAnswer(id: string, answer: string, now: number): Promise<Note> {
  if (answer.trim() === '') throw new EmptyAnswerError();
  const tx = (await open()).transaction('notes', 'readwrite');
  const note = toNote(await tx.store.get(id));
  if (!note) {
    abortQuietly(tx);
    throw new Error(`No note ${id}`);
  }
  const updated: Note = { ...note, answer, updatedAt: Math.max(now, note.updatedAt) };
  await Promise.all([tx.store.put(updated), tx.done]);
  return updated;
}

/** Deletes a note and returns it exactly as it was, so an Undo can put it back. */
export async function deleteNote(id: string): Promise<Note | undefined> {
  const tx = (await open()).transaction('notes', 'readwrite');
  const note = toNote(await tx.store.get(id));
  await Promise.all([tx.store.delete(id), tx.done]);
  return note;
}

/** Puts a note back exactly as it was (Undo after delete). */
export async function restoreNote(note: Note): Promise<void> {
  const tx = (await open()).transaction('notes', 'readwrite');
  await Promise.all([tx.store.put(note), tx.done]);
}

/**
 * Calls `onBatch` with every note, newest first, `batchSize` at a time, in separate read
 * transactions so the page stays responsive; for building a search index after first paint.
 */
export async function forEachNoteBatch(batchSize: number, onBatch: (notes: readonly Note[]) => void): Promise<void> {
  let after: PageCursor | undefined;
  do {
    const page = await listNotesPage({ limit: batchSize, after });
    onBatch(page.notes);
    after = page.next;
  } while (after);
}

/** When notes were written, from `since` on, newest first: index keys only, no note bodies read. */
export async function listNoteTimes(since: number): Promise<number[]> {
  const index = (await open()).transaction('notes').store.index('by-created');
  // A key cursor reads the index's own keys ([createdAt, id]) without touching note bodies.
  const times: number[] = [];
  let cursor = await index.openKeyCursor(IDBKeyRange.lowerBound([since, '']), 'prev');
  while (cursor) {
    times.push(cursor.key[0]);
    cursor = await cursor.continue();
  }
  return times;
}

/** How many notes answer each prompt, read from the index without loading notes. */
export async function countNotesByPrompt(promptIds: readonly string[]): Promise<Map<string, number>> {
  const index = (await open()).transaction('notes').store.index('by-prompt');
  const counts = await Promise.all(
    promptIds.map((id) => index.count(IDBKeyRange.bound([id, -Infinity], [id, Infinity]))),
  );
  return new Map(promptIds.map((id, i) => [id, counts[i] ?? 0]));
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function toCustomPrompt(row: unknown): CustomPrompt | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.text === 'string' && isFiniteNumber(r.createdAt) && isFiniteNumber(r.updatedAt)
    ? (row as CustomPrompt)
    : undefined;
}

function toPromptPreference(row: unknown): PromptPreference | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Record<string, unknown>;
  return typeof r.promptId === 'string' && typeof r.hidden === 'boolean' && isFiniteNumber(r.updatedAt)
    ? (row as PromptPreference)
    : undefined;
}

/** The person's own prompts, oldest first. */
export async function listCustomPrompts(): Promise<CustomPrompt[]> {
  const rows = await (await open()).getAll('prompts');
  return rows.flatMap((row) => toCustomPrompt(row) ?? []).sort((a, b) => a.createdAt - b.createdAt);
}

/** Adds or changes one of the person's own prompts. */
export async function putCustomPrompt(prompt: CustomPrompt): Promise<void> {
  if (prompt.text.trim() === '') throw new EmptyAnswerError();
  const tx = (await open()).transaction('prompts', 'readwrite');
  await Promise.all([tx.store.put(prompt), tx.done]);
}

/** Removes one of the person's own prompts; answers to it stay in the journal. */
export async function deleteCustomPrompt(id: string): Promise<void> {
  const tx = (await open()).transaction(['prompts', 'promptPrefs'], 'readwrite');
  await Promise.all([tx.objectStore('prompts').delete(id), tx.objectStore('promptPrefs').delete(id), tx.done]);
}

export async function listPromptPreferences(): Promise<PromptPreference[]> {
  const rows = await (await open()).getAll('promptPrefs');
  return rows.flatMap((row) => toPromptPreference(row) ?? []);
}

/** Hides a prompt ("not for me") or shows it again. */
export async function setPromptHidden(promptId: string, hidden: boolean, now: number): Promise<void> {
  const tx = (await open()).transaction('promptPrefs', 'readwrite');
  await Promise.all([tx.store.put({ promptId, hidden, updatedAt: now }), tx.done]);
}

/** Everything the database holds, for a backup. */
export interface DatabaseSnapshot {
  readonly notes: readonly Note[];
  readonly events: readonly PauseEvent[];
  readonly prompts: readonly CustomPrompt[];
  readonly promptPrefs: readonly PromptPreference[];
}

/** Reads every row of every store in one transaction, so the backup is one consistent moment. */
export async function readSnapshot(): Promise<DatabaseSnapshot> {
  const tx = (await open()).transaction(['notes', 'events', 'prompts', 'promptPrefs']);
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
export async function mergeSnapshot(
  snapshot: DatabaseSnapshot,
  onProgress?: (done: number, total: number) => void,
): Promise<MergeResult> {
  const tx = (await open()).transaction(['notes', 'events', 'prompts', 'promptPrefs'], 'readwrite');
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
      const existing = await Promise.all(batch.map((row) => (stored.has(keyOf(row)) ? store.get(keyOf(row)) : undefined)));
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
    await merge(tx.objectStore('notes'), snapshot.notes, (row) => row.id);
    await merge(tx.objectStore('events'), snapshot.events, (row) => row.id);
    await merge(tx.objectStore('prompts'), snapshot.prompts, (row) => row.id);
    await merge(tx.objectStore('promptPrefs'), snapshot.promptPrefs, (row) => row.promptId);
    await tx.done;
  } catch (error) {
    // Left alone, the transaction would commit the writes that went before the failing one:
    // all of the backup is written, or none of it.
    abortQuietly(tx);
    throw error;
  }
  return { added, updated, unchanged };
}
