/** The shapes stored in IndexedDB: notes, pause events, own prompts and prompt preferences. */
import type { Prompt } from '@/content/prompts';
import { LOCALES, type Locale } from '@/utils/i18n/messages';

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

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function toCustomPrompt(row: unknown): CustomPrompt | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.text === 'string' && isFiniteNumber(r.createdAt) && isFiniteNumber(r.updatedAt)
    ? (row as CustomPrompt)
    : undefined;
}

export function toPromptPreference(row: unknown): PromptPreference | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Record<string, unknown>;
  return typeof r.promptId === 'string' && typeof r.hidden === 'boolean' && isFiniteNumber(r.updatedAt)
    ? (row as PromptPreference)
    : undefined;
}
