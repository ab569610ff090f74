/**
 * The journal's tag counts (its tag filter): how many notes carry each tag, and the tag as first
 * written. A module of its own, loaded with the search index rather than with the journal's first
 * screen, which search.ts is part of.
 */
import type { SearchEntry, Tag } from './search';

/** A tag and how many notes carry it. */
export interface TagCount extends Tag {
  readonly count: number;
}

/**
 * Tags counted note by note, in any order: how many notes carry each, and the tag as first
 * written, in the oldest note that has it (of notes as old, the one newestFirst puts first).
 */
export class TagTally {
  private readonly counts = new Map<string, { label: string; since: number; sinceId: string; count: number }>();

  /** Counts one tag of one note; a note counts each of its tags once (tagsOf). */
  add(key: string, label: string, createdAt: number, id: string): void {
    const seen = this.counts.get(key);
    if (!seen) {
      this.counts.set(key, { label, since: createdAt, sinceId: id, count: 1 });
      return;
    }
    seen.count++;
    if (createdAt < seen.since || (createdAt === seen.since && id > seen.sinceId)) {
      seen.label = label;
      seen.since = createdAt;
      seen.sinceId = id;
    }
  }

  /** Counts every tag of one note's entry. */
  addEntry({ tags, createdAt, id }: SearchEntry): void {
    for (const { key, label } of tags) this.add(key, label, createdAt, id);
  }

  /** Every tag counted, most used first, then in key order. */
  counted(): TagCount[] {
    return [...this.counts]
      .map(([key, { label, count }]) => ({ key, label, count }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/** Every tag of `entries`, with how many of them carry it, as TagTally counts them. */
export function tagCounts(entries: readonly SearchEntry[]): TagCount[] {
  const tally = new TagTally();
  for (const entry of entries) tally.addEntry(entry);
  return tally.counted();
}
