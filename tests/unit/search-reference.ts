/**
 * The journal's search as it was before the word index (issue 22): every note's whole normalised
 * text, tested with `includes` for each word of the query, narrowing within the last result while
 * typing. It is the definition the index must keep (search.test.ts compares them on randomised
 * notes) and the "today" the bench measures the index against.
 */
import type { Note } from '@/utils/model/records';
import { normalizeText, searchText, tagKey, toSearchEntry, type SearchEntry, type SearchQuery } from '@/utils/search/search';
import { matchesFilters, queryWords } from '@/utils/search/word-index';

/** An entry with the text it is searched in. */
export interface ReferenceEntry extends SearchEntry {
  readonly haystack: string;
}

export const toReferenceEntry = (note: Note): ReferenceEntry => ({ ...toSearchEntry(note), haystack: searchText(note) });

/** The entries matching every word of the query and its filters, in the order given. */
export function referenceSearch(entries: readonly ReferenceEntry[], query: SearchQuery): ReferenceEntry[] {
  const words = queryWords(query.text);
  const tag = query.tag === undefined ? undefined : tagKey(query.tag);
  return entries.filter((entry) => matchesFilters(entry, query, tag) && words.every((word) => entry.haystack.includes(word)));
}

/** A search and what it found, kept so the next keystroke can search within it. */
export interface ReferenceResult {
  readonly query: SearchQuery;
  readonly entries: readonly ReferenceEntry[];
}

/** Searches within the previous result when the query only narrows it (same filters, text extended), else over every entry. */
export function referenceRefine(all: readonly ReferenceEntry[], query: SearchQuery, previous?: ReferenceResult): ReferenceResult {
  const narrows =
    previous !== undefined &&
    previous.query.kind === query.kind &&
    previous.query.promptId === query.promptId &&
    previous.query.tag === query.tag &&
    previous.query.feeling === query.feeling &&
    normalizeText(query.text).startsWith(normalizeText(previous.query.text));
  return { query, entries: referenceSearch(narrows ? previous.entries : all, query) };
}
