/**
 * The journal's search index: the segments built beside the page (segment.ts; each a half of the
 * store, made in a worker), and the notes saved since they were read, kept as rows and looked
 * through whole (a few, or at most what a sync brings: looking into every text is what the
 * segments spare the 50,000 others). A save or a deletion takes the note's old version out of its
 * segment and puts the new one among the saved: no segment is ever rebuilt for one note.
 */
import type { Note } from '@/utils/model/records';
import { holdsAll, Segment, wordsOf, type Part, type SegmentData } from './segment';
import { newestFirst, normalizeText, tagKey, toIndexRow, type IndexRow, type SearchEntry, type SearchQuery } from './search';
import { TagTally, type TagCount } from './tag-tally';

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

  /** Every tag of the indexed notes, with how many carry it (as tagCounts over every entry would count them). */
  tagCounts(): TagCount[] {
    const tally = new TagTally();
    for (const segment of this.segments) segment.countTags(tally);
    for (const { entry } of this.saved.values()) tally.addEntry(entry);
    return tally.counted();
  }

  /**
   * The entries matching every word of the query (as a substring, case and accents folded) and its
   * filters, newest first: the first `limit` of them, and how many there are. Each part (a segment,
   * the saved rows) finds its own first `limit`; only those of them that are among the first
   * `limit` of all are made into entries.
   */
  search(query: SearchQuery, limit = Infinity): { entries: SearchEntry[]; total: number } {
    const tag = query.tag === undefined ? undefined : tagKey(query.tag);
    const text = queryWords(query.text);
    const words = wordsOf(text);
    let total = 0;
    const parts: Part[] = [];
    for (const segment of this.segments) {
      const found = segment.search(words, query, tag, limit);
      total += found.total;
      parts.push(segment.part(found.positions));
    }
    const saved: IndexRow[] = [];
    for (const row of this.savedRows()) {
      if (!matchesFilters(row.entry, query, tag) || !holdsAll(row.text, text)) continue;
      total++;
      if (saved.length < limit) saved.push(row);
    }
    parts.push(rowsPart(saved));
    return { entries: merged(parts, limit), total };
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

/** Saved rows, newest first, as a part of a search's results. */
function rowsPart(rows: readonly IndexRow[]): Part {
  return {
    length: rows.length,
    createdAt: (i) => rows[i]!.entry.createdAt,
    id: (i) => rows[i]!.entry.id,
    entry: (i) => rows[i]!.entry,
  };
}

/** The first `limit` entries of parts each newest first, newest first (ties by id, as newestFirst orders them). */
function merged(parts: readonly Part[], limit: number): SearchEntry[] {
  const filled = parts.filter((part) => part.length > 0);
  const at = filled.map(() => 0);
  const entries: SearchEntry[] = [];
  while (entries.length < limit) {
    let best = -1;
    for (let i = 0; i < filled.length; i++) {
      const part = filled[i]!;
      if (at[i]! >= part.length) continue;
      if (best === -1 || comesFirst(part, at[i]!, filled[best]!, at[best]!)) best = i;
    }
    if (best === -1) break;
    entries.push(filled[best]!.entry(at[best]!++));
  }
  return entries;
}

/** Whether the i-th of `a` comes before the j-th of `b`, newest first: newestFirst without an entry made. */
function comesFirst(a: Part, i: number, b: Part, j: number): boolean {
  const difference = a.createdAt(i) - b.createdAt(j);
  return difference === 0 ? a.id(i) > b.id(j) : difference > 0;
}
