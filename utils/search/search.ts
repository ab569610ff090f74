/**
 * Searching the journal: text normalised so that case and accents never matter ("een" finds
 * "één"), and a small in-memory index of every note built after the first screen is painted.
 */
import type { Note } from '@/utils/model/records';

/** Lower case, accents removed (NFKD, combining marks dropped), whitespace collapsed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What the index keeps of a note: enough to filter, sort and find its body again. */
export interface SearchEntry {
  readonly id: string;
  readonly createdAt: number;
  readonly promptId: string;
  readonly promptKind: Note['promptKind'];
  /** The prompt and the answer, normalised. */
  readonly haystack: string;
}

export function toSearchEntry(note: Note): SearchEntry {
  return {
    id: note.id,
    createdAt: note.createdAt,
    promptId: note.promptId,
    promptKind: note.promptKind,
    haystack: normalizeText(`${note.promptText}\n${note.answer}`),
  };
}

export interface SearchQuery {
  readonly text: string;
  readonly kind: Note['promptKind'] | 'all';
  /** A prompt's id, or 'all'. */
  readonly promptId: string;
}

export const EMPTY_QUERY: SearchQuery = { text: '', kind: 'all', promptId: 'all' };

export function isEmptyQuery(query: SearchQuery): boolean {
  return normalizeText(query.text) === '' && query.kind === 'all' && query.promptId === 'all';
}

/**
 * The entries matching every word of the query and its filters, in the order given (the index
 * is kept newest first).
 */
export function searchEntries(entries: readonly SearchEntry[], query: SearchQuery): SearchEntry[] {
  const words = normalizeText(query.text).split(' ').filter(Boolean);
  return entries.filter(
    (entry) =>
      (query.kind === 'all' || entry.promptKind === query.kind) &&
      (query.promptId === 'all' || entry.promptId === query.promptId) &&
      words.every((word) => entry.haystack.includes(word)),
  );
}

/** Where an entry belongs in a newest-first list (ties by id, as the database orders them). */
export function newestFirst(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** A search and what it found, kept so the next keystroke can search within it. */
export interface SearchResult {
  readonly query: SearchQuery;
  readonly entries: readonly SearchEntry[];
}

/**
 * Searches, within the previous result when the new query only narrows it (same filters, text that
 * extends the previous text, as while typing a word); else over every entry. Same answer as
 * `searchEntries(entries, query)`, in a fraction of the time while typing.
 */
export function refineSearch(all: readonly SearchEntry[], query: SearchQuery, previous?: SearchResult): SearchResult {
  const narrows =
    previous !== undefined &&
    previous.query.kind === query.kind &&
    previous.query.promptId === query.promptId &&
    normalizeText(query.text).startsWith(normalizeText(previous.query.text));
  return { query, entries: searchEntries(narrows ? previous.entries : all, query) };
}
