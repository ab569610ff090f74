/**
 * The journal's search index: the segments built beside the page (segment.ts; each a half of the
 * store, made in a worker), and the notes saved since they were read, kept as rows and looked
 * through whole (a few, or at most what a sync brings: looking into every text is what the
 * segments spare the 50,000 others). A save or a deletion takes the note's old version out of its
 * segment and puts the new one among the saved: no segment is ever rebuilt for one note.
 */
import type { Note } from '@/utils/model/records';
import { holdsAll, Segment, wordsOf, type SegmentData } from './segment';
import { newestFirst, normalizeText, tagKey, toIndexRow, type IndexRow, type SearchEntry, type SearchQuery } from './search';

/** The words of a query's text, normalised: a note matches when its text holds every one of them. */
export function queryWords(text: string): string[] {
  return normalizeText(text).split(' ').filter(Boolean);
}

/** Whether an entry passes the query's filters (all but its text); `tag` is the query's tag as tagKey gives it. */
export function matchesFilters(entry: SearchEntry, query: SearchQuery, tag: string | undefined): boolean {
  return (
    (query.kind === 'all' || entry.promptKind === query.kind) &&
    (query.promptId === 'all' || entry.promptId === query.promptId) &&
    (query.feeling === undefined || entry.feeling === query.feeling) &&
    (tag === undefined || entry.tags.some((each) => each.key === tag))
  );
}

export class WordIndex {
  private readonly segments: Segment[] = [];
  /** The notes put since the segments were read, by id. */
  private readonly saved = new Map<string, IndexRow>();
  /** The same, newest first; made again after a change. */
  private savedOrder: IndexRow[] | undefined;
  /** Every id put or removed: a segment arriving later holds an older version of each, or one deleted since. */
  private readonly changed = new Set<string>();

  /** Adds a segment (built beside the page), leaving out the notes changed since it was read. */
  addSegment(data: SegmentData): void {
    const segment = new Segment(data);
    for (const id of this.changed) segment.kill(id);
    this.segments.push(segment);
  }

  /** Adds notes, replacing any with the same id. */
  put(notes: readonly Note[]): void {
    for (const note of notes) {
      this.forget(note.id);
      this.saved.set(note.id, toIndexRow(note));
    }
  }

  /** Removes notes by id; unknown ids are passed over. */
  remove(ids: Iterable<string>): void {
    for (const id of ids) this.forget(id);
  }

  /** How many notes are indexed. */
  get size(): number {
    return this.segments.reduce((sum, segment) => sum + segment.size, this.saved.size);
  }

  /** The entries of every note with a tag, newest first: all tagCounts needs, without an entry made for every note. */
  tagged(): SearchEntry[] {
    const parts = [...this.segments.map((segment) => segment.tagged()), this.savedRows().map(({ entry }) => entry)];
    return mergeNewestFirst(
      parts.map((entries) => entries.filter((entry) => entry.tags.length > 0)),
      Infinity,
    );
  }

  /**
   * The entries matching every word of the query (as a substring, case and accents folded) and its
   * filters, newest first: the first `limit` of them, and how many there are.
   */
  search(query: SearchQuery, limit = Infinity): { entries: SearchEntry[]; total: number } {
    const tag = query.tag === undefined ? undefined : tagKey(query.tag);
    const text = queryWords(query.text);
    const words = wordsOf(text);
    let total = 0;
    const parts: SearchEntry[][] = [];
    for (const segment of this.segments) {
      const found = segment.search(words, query, tag, limit);
      total += found.total;
      parts.push(found.positions.map((p) => segment.entryAt(p)));
    }
    const saved: SearchEntry[] = [];
    for (const { entry, text: haystack } of this.savedRows()) {
      if (!matchesFilters(entry, query, tag) || !holdsAll(haystack, text)) continue;
      total++;
      if (saved.length < limit) saved.push(entry);
    }
    parts.push(saved);
    return { entries: mergeNewestFirst(parts, limit), total };
  }

  private forget(id: string): void {
    this.changed.add(id);
    for (const segment of this.segments) segment.kill(id);
    this.saved.delete(id);
    this.savedOrder = undefined;
  }

  private savedRows(): IndexRow[] {
    this.savedOrder ??= [...this.saved.values()].sort((a, b) => newestFirst(a.entry, b.entry));
    return this.savedOrder;
  }
}

/** The first `limit` entries of lists each newest first, newest first. */
function mergeNewestFirst(lists: readonly (readonly SearchEntry[])[], limit: number): SearchEntry[] {
  const filled = lists.filter((list) => list.length > 0);
  if (filled.length <= 1) return (filled[0] ?? []).slice(0, limit);
  const merged: SearchEntry[] = [];
  const at = filled.map(() => 0);
  while (merged.length < limit) {
    let best = -1;
    for (const [i, list] of filled.entries()) {
      const entry = list[at[i]!];
      if (entry && (best === -1 || newestFirst(entry, filled[best]![at[best]!]!) < 0)) best = i;
    }
    if (best === -1) break;
    merged.push(filled[best]![at[best]!++]!);
  }
  return merged;
}
