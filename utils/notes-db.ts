/**
 * The one module that owns IndexedDB. Pages call its verbs; nothing else opens the database.
 *
 * Schema changes go in a new `if (oldVersion < N)` block with DB_VERSION raised to N. Blocks that
 * have shipped are never edited: a person's database may be upgraded from any earlier version.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Prompt } from '@/content/prompts';
import { LOCALES, type Locale } from './i18n';

export const DB_NAME = 'adempauze';
export const DB_VERSION = 2;

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
}

/** An answer that is empty or only whitespace; never stored. */
export class EmptyAnswerError extends Error {
  constructor() {
    super('The answer is empty.');
    this.name = 'EmptyAnswerError';
  }
}

/** IndexedDB could not be opened (blocked by the browser, private mode, disk full). */
export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'StorageUnavailableError';
  }
}

let connection: Promise<IDBPDatabase<AdempauzeSchema>> | undefined;

function open(): Promise<IDBPDatabase<AdempauzeSchema>> {
  connection ??= openDB<AdempauzeSchema>(DB_NAME, DB_VERSION, {
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
    },
    // A newer version of the extension (another tab after an update) wants to upgrade: step aside.
    blocking() {
      void closeNotesDb();
    },
    terminated() {
      connection = undefined;
    },
  }).catch((error: unknown) => {
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
