/**
 * Searching the journal: text normalised so that case and accents never matter ("een" finds
 * "één"), the `#tags` a person writes in their answers, the queries and their filters. The index
 * that answers them is word-index.ts.
 */
import type { Feeling, Note } from '@/utils/model/records';

/** Lower case, accents removed (NFKD, combining marks dropped), whitespace collapsed. */
export function normalizeText(text: string): string {
  // ASCII text has no accents and nothing NFKD changes: building the search index over tens of
  // thousands of notes, most of them, is then half the work.
  const folded = ASCII.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return folded.toLowerCase().replace(SPACES, ' ').trim();
}

const ASCII = /^[\0-\x7f]*$/;
/**
 * Whitespace that is not already a single space: runs of two or more, and any one other space
 * character. The same result as replacing every run (`/\s+/`), without replacing each single space
 * between words by itself: a third of building the search index went to that.
 */
const SPACES = /\s{2,}|[^\S ]/g;

/** A tag of a note: a word written `#like-this` in its answer. Nothing stores tags; they are read from the text. */
export interface Tag {
  /** What tags are compared by, as search compares text: `#Één` and `#een` are one tag, `een`. */
  readonly key: string;
  /** The tag as written, without its `#`. */
  readonly label: string;
}

/** Where a tag is written in a text: from its `#` (`start`) up to `end`, for a page that marks tags in an answer. */
export interface TagMatch extends Tag {
  readonly start: number;
  readonly end: number;
}

/**
 * A `#` at the start of a word (the text's start, after a space or an opening bracket or quote),
 * then letters and digits of any script with their accents, `_` and `-`. So a link's `/#part`, a
 * `word#part` and a `##` are not tags, and neither is a Markdown heading's `# `.
 */
const TAG = /(?<=^|[\s([{"'“‘«¿¡])#([\p{L}\p{M}\p{N}_-]+)/gu;
/** A tag has a letter: `#3` (a number, "issue #3") is not one. */
const LETTER = /\p{L}/u;

/** Every tag written in `text`, in order, repeats included. */
export function findTags(text: string): TagMatch[] {
  // Most answers have no `#` at all: they are passed over without running the pattern.
  if (!text.includes('#')) return [];
  const found: TagMatch[] = [];
  for (const match of text.matchAll(TAG)) {
    const label = match[1] ?? '';
    if (LETTER.test(label)) found.push({ key: normalizeText(label), label, start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** The tags of `text`, each once, as first written in it. */
export function tagsOf(text: string): Tag[] {
  const tags = new Map<string, Tag>();
  for (const { key, label } of findTags(text)) if (!tags.has(key)) tags.set(key, { key, label });
  return [...tags.values()];
}

/** The key of a tag as a person may name it (`#Één`, `een`): what tagsOf gives as `key`. */
export function tagKey(tag: string): string {
  return normalizeText(tag.replace(/^#/, ''));
}

const NO_TAGS: readonly Tag[] = Object.freeze([]);

/** What the index keeps of a note: enough to filter, sort and find its body again. */
export interface SearchEntry {
  readonly id: string;
  readonly createdAt: number;
  readonly promptId: string;
  readonly promptKind: Note['promptKind'];
  readonly feeling?: Feeling;
  /** The tags of the answer, each once. */
  readonly tags: readonly Tag[];
}

/** What a search looks in: the prompt and the answer, normalised. */
export function searchText(note: Pick<Note, 'promptText' | 'answer'>): string {
  return normalizeText(`${note.promptText}\n${note.answer}`);
}

/**
 * A note as the search index takes it in: its entry and its search text. A segment is built from
 * these where the notes are read (segment.worker.ts); the notes saved since are kept as these
 * (word-index.ts).
 */
export interface IndexRow {
  readonly entry: SearchEntry;
  readonly text: string;
}

export function toIndexRow(note: Note): IndexRow {
  return { entry: toSearchEntry(note), text: searchText(note) };
}

export function toSearchEntry(note: Note): SearchEntry {
  const tags = tagsOf(note.answer);
  const entry = {
    id: note.id,
    createdAt: note.createdAt,
    promptId: note.promptId,
    promptKind: note.promptKind,
    tags: tags.length > 0 ? tags : NO_TAGS,
  };
  return note.feeling === undefined ? entry : { ...entry, feeling: note.feeling };
}

export interface SearchQuery {
  readonly text: string;
  readonly kind: Note['promptKind'] | 'all';
  /** A prompt's id, or 'all'. */
  readonly promptId: string;
  /** Only notes with this tag (compared as tagKey compares it); absent: with or without tags. */
  readonly tag?: string;
  /** Only notes that felt like this; absent: whatever they felt, or nothing said. */
  readonly feeling?: Feeling;
}

export const EMPTY_QUERY: SearchQuery = { text: '', kind: 'all', promptId: 'all' };

export function isEmptyQuery(query: SearchQuery): boolean {
  return (
    normalizeText(query.text) === '' &&
    query.kind === 'all' &&
    query.promptId === 'all' &&
    query.tag === undefined &&
    query.feeling === undefined
  );
}

/** Where an entry belongs in a newest-first list (ties by id, as the database orders them). */
export function newestFirst(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
