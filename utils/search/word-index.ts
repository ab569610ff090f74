/**
 * The journal's search index: every note's words, so that a search looks at the journal's distinct
 * words instead of the whole text of every note, with today's matching kept exactly.
 *
 * A note's normalised text is cut into tokens: the runs of word characters (`WORD`) between
 * anything else (spaces, punctuation). A search word made only of word characters is a substring
 * of the text exactly when it is a substring of one of its tokens. So the index keeps each distinct
 * token once, with the notes that hold it: a search finds the tokens containing each word in one
 * string of all tokens, then joins those tokens' notes. A word that would match most notes anyway,
 * and a word with other characters ("#werk", "zo'n"), is checked in the text of the notes left, as
 * before: the text stays, so every answer is the old one. Notes are kept newest first, and a save
 * moves one of them, never sorting them all.
 */
import type { Note } from '@/utils/model/records';
import { newestFirst, normalizeText, tagKey, toSearchEntry, type SearchEntry, type SearchQuery } from './search';

/**
 * Word characters, by UTF-16 code unit: ASCII letters and digits and everything beyond ASCII
 * (letters of other scripts). Normalised text has no upper case. Tokens and search words are cut
 * by the same rule, which is all exactness needs.
 */
const NOT_WORD = /[^a-z0-9\u0080-\uffff]+/;

/** What a search looks in: the prompt and the answer, normalised. */
export function searchText(note: Pick<Note, 'promptText' | 'answer'>): string {
  return normalizeText(`${note.promptText}\n${note.answer}`);
}

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

/** A note as the index holds it. */
interface Indexed {
  readonly entry: SearchEntry;
  readonly slot: number;
  /** The prompt and the answer, normalised (searchText): a word is checked in it when joining lists would cost more. */
  readonly text: string;
}

/** The tokens a search word matched, remembered for the next searches (typing extends a word). */
interface Matched {
  /** Token ids, ascending. */
  readonly tokens: number[];
  /** How many tokens the vocabulary had when they were looked for: later ones are looked at next time. */
  readonly vocabulary: number;
}

/** How long indexing may hold the page before it lets a frame, a keystroke or a scroll through. */
const INDEX_SLICE_MS = 8;

/** Lets the page's other work run: a message comes back as a task of its own, with no timer's minimum delay. */
function yieldToPage(): Promise<void> {
  return new Promise((resolveYield) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolveYield();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Words whose matched tokens are remembered: a few searches' worth. */
const MATCHED_KEPT = 64;

export class WordIndex {
  /** Every distinct token of every note, by id. */
  private readonly tokens: string[] = [];
  private readonly tokenIds = new Map<string, number>();
  /** The tokens joined by newlines, for finding a word in all of them at once, up to `joinedCount` tokens. */
  private joined = '';
  private joinedCount = 0;
  /** Where each joined token starts in `joined`; one more entry marks the end. */
  private starts = new Uint32Array(1024);
  /** By token id: the slots of the notes holding it (slots of removed notes stay: no note lists them any more). */
  private readonly postings: number[][] = [];
  /** The slot the next note takes: a note's slot names it in the postings, and a new version takes a new one. */
  private nextSlot = 0;
  private readonly byId = new Map<string, Indexed>();
  /** The notes, newest first (ties by id, as the database orders them). */
  private order: Indexed[] = [];
  /** Per slot, the stamp of the last search step that took it; a new stamp starts a new set. */
  private marks = new Uint32Array(1024);
  private stamp = 0;
  /** Per token, the last note that counted it, so each note lists a token once. */
  private seenIn = new Uint32Array(1024);
  private readonly matched = new Map<string, Matched>();

  /** Adds notes, replacing any with the same id. Notes given newest first are appended without moving others. */
  put(notes: readonly Note[]): void {
    for (const note of notes) {
      this.delete(note.id);
      this.add(note);
    }
  }

  /**
   * Adds notes as put does, in any order, in slices of INDEX_SLICE_MS with the page's other work
   * between them, so that building the index over tens of thousands of notes makes no long task on
   * the page. The notes are sorted among themselves and merged into the others in one pass: put
   * would move the others for each note older than the newest (the notes come in the store's order).
   */
  async putInSlices(notes: readonly Note[]): Promise<void> {
    const added: Indexed[] = [];
    let sliceStart = performance.now();
    for (let i = 0; i < notes.length; i += 50) {
      for (const note of notes.slice(i, i + 50)) {
        this.delete(note.id);
        added.push(this.indexed(note));
      }
      if (performance.now() - sliceStart < INDEX_SLICE_MS) continue;
      await yieldToPage();
      sliceStart = performance.now();
    }
    // A note saved (or deleted) meanwhile was put in place, or taken out, by then: its older version here is left out.
    this.merge(added.filter((indexed) => this.byId.get(indexed.entry.id) === indexed).sort((a, b) => newestFirst(a.entry, b.entry)));
  }

  /** Removes notes by id; unknown ids are passed over. */
  remove(ids: Iterable<string>): void {
    for (const id of ids) this.delete(id);
  }

  /** How many notes are indexed. */
  get size(): number {
    return this.order.length;
  }

  /** Every note's entry, newest first. */
  entries(): SearchEntry[] {
    return this.order.map((indexed) => indexed.entry);
  }

  /**
   * The entries matching every word of the query (as a substring, case and accents folded) and its
   * filters, newest first: the first `limit` of them, and how many there are.
   */
  search(query: SearchQuery, limit = Infinity): { entries: SearchEntry[]; total: number } {
    const tag = query.tag === undefined ? undefined : tagKey(query.tag);
    let candidates: number | 'all' = 'all';
    let stamp = 0;
    /** Words checked in the text of each note left. */
    const checked: string[] = [];
    for (const { word, tokens, postings, exact } of this.plan(queryWords(query.text))) {
      // Joining costs a step for each of a word's postings; checking costs a look into the text of
      // each note left, short for a word most of them hold (found early), a whole text where it is
      // not. So only a word in many tokens of every note ("e") is checked rather than joined.
      const left = candidates === 'all' ? this.order.length : candidates;
      if (!exact) checked.push(word);
      if (tokens === undefined || postings > 16 * left) {
        if (exact) checked.push(word);
        continue;
      }
      const previous = stamp;
      stamp = ++this.stamp;
      let count = 0;
      for (const token of tokens) {
        for (const slot of this.postings[token]!) {
          if (candidates === 'all' ? this.marks[slot] !== stamp : this.marks[slot] === previous) {
            this.marks[slot] = stamp;
            count++;
          }
        }
      }
      candidates = count;
      if (count === 0) return { entries: [], total: 0 };
    }
    const entries: SearchEntry[] = [];
    let total = 0;
    for (const indexed of this.order) {
      if (candidates !== 'all' && this.marks[indexed.slot] !== stamp) continue;
      if (!matchesFilters(indexed.entry, query, tag)) continue;
      if (!holdsAll(indexed.text, checked)) continue;
      if (total++ < limit) entries.push(indexed.entry);
    }
    return { entries, total };
  }

  /**
   * Each word with the tokens that may hold it and their postings, fewest first: the rarest word
   * narrows the most. A word of word characters only is `exact`: its tokens' notes are exactly the
   * notes holding it. Another is looked up by its longest run of word characters (a condition, not
   * the answer: it is checked in the text too), or not at all when it has none.
   */
  private plan(words: readonly string[]): { word: string; tokens?: number[]; postings: number; exact: boolean }[] {
    return words
      .map((word) => {
        const runs = word.split(NOT_WORD).filter(Boolean);
        const exact = runs.length === 1 && runs[0] === word;
        const run = runs.sort((a, b) => b.length - a.length)[0];
        if (run === undefined) return { word, postings: Infinity, exact };
        const tokens = this.tokensMatching(run);
        let postings = 0;
        for (const token of tokens) postings += this.postings[token]!.length;
        return { word, tokens, postings, exact };
      })
      .sort((a, b) => a.postings - b.postings);
  }

  /** The ids of the tokens containing `word`, from what earlier searches found where they can tell. */
  private tokensMatching(word: string): number[] {
    const known = this.matched.get(word);
    if (known?.vocabulary === this.tokens.length) return known.tokens;
    // Tokens containing `word` contain any part of it: a word typed further looks only among the
    // tokens its beginning matched, and in the tokens new since.
    let base: Matched | undefined = known;
    if (!base) {
      for (const [other, matched] of this.matched) {
        if (word.includes(other) && (!base || matched.tokens.length < base.tokens.length)) base = matched;
      }
    }
    const tokens: number[] = [];
    if (base) for (const token of base.tokens) if (this.tokens[token]!.includes(word)) tokens.push(token);
    this.findInJoined(word, base?.vocabulary ?? 0, tokens);
    this.matched.delete(word);
    if (this.matched.size >= MATCHED_KEPT) this.matched.delete(this.matched.keys().next().value!);
    this.matched.set(word, { tokens, vocabulary: this.tokens.length });
    return tokens;
  }

  /** Adds to `found` the ids, from `from` on, of the tokens containing `word`: one pass of indexOf over all tokens joined. */
  private findInJoined(word: string, from: number, found: number[]): void {
    this.join();
    const { starts, joined } = this;
    let at = starts[from]!;
    for (;;) {
      const hit = joined.indexOf(word, at);
      if (hit === -1) return;
      // The token holding the hit: the last that starts at or before it.
      let low = from;
      let high = this.tokens.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= hit) low = middle;
        else high = middle - 1;
      }
      found.push(low);
      at = starts[low + 1]!;
    }
  }

  /** Brings `joined` up to date with the tokens added since it was last joined. */
  private join(): void {
    if (this.joinedCount === this.tokens.length) return;
    if (this.tokens.length + 1 >= this.starts.length) this.starts = grown(this.starts, this.tokens.length + 1);
    const added = this.tokens.slice(this.joinedCount);
    let at = this.joined.length;
    for (const token of added) {
      this.starts[this.joinedCount++] = at;
      at += token.length + 1;
    }
    this.starts[this.joinedCount] = at;
    this.joined = `${this.joined}${added.join('\n')}\n`;
  }

  private add(note: Note): void {
    const indexed = this.indexed(note);
    const last = this.order[this.order.length - 1];
    if (!last || newestFirst(last.entry, indexed.entry) <= 0) this.order.push(indexed);
    else this.order.splice(this.placeOf(indexed.entry), 0, indexed);
  }

  /** Takes in a note's tokens and gives it a slot, without placing it in `order`. */
  private indexed(note: Note): Indexed {
    const slot = this.nextSlot++;
    const text = searchText(note);
    const seen = slot + 1;
    for (const word of text.split(NOT_WORD)) {
      if (word === '') continue;
      let token = this.tokenIds.get(word);
      if (token === undefined) {
        token = this.tokens.length;
        this.tokens.push(word);
        this.tokenIds.set(word, token);
        this.postings.push([]);
        if (token >= this.seenIn.length) this.seenIn = grown(this.seenIn, token);
      }
      if (this.seenIn[token] === seen) continue;
      this.seenIn[token] = seen;
      this.postings[token]!.push(slot);
    }
    const indexed: Indexed = { entry: toSearchEntry(note), slot, text };
    if (slot >= this.marks.length) this.marks = grown(this.marks, slot);
    this.byId.set(note.id, indexed);
    return indexed;
  }

  /** Merges `added`, newest first, into `order`: one pass over both. */
  private merge(added: readonly Indexed[]): void {
    if (added.length === 0) return;
    const before = this.order;
    const merged: Indexed[] = [];
    let i = 0;
    let j = 0;
    while (i < before.length && j < added.length) {
      merged.push(newestFirst(before[i]!.entry, added[j]!.entry) <= 0 ? before[i++]! : added[j++]!);
    }
    while (i < before.length) merged.push(before[i++]!);
    while (j < added.length) merged.push(added[j++]!);
    this.order = merged;
  }

  private delete(id: string): void {
    const indexed = this.byId.get(id);
    if (!indexed) return;
    this.byId.delete(id);
    const place = this.placeOf(indexed.entry);
    if (this.order[place] === indexed) this.order.splice(place, 1);
  }

  /** Where `entry` is or belongs in `order` (binary search, newest first). */
  private placeOf(entry: SearchEntry): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (newestFirst(this.order[middle]!.entry, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Whether `text` holds every one of `words`. */
function holdsAll(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}

/** A copy of `array` with room for index `needed`. */
function grown(array: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(Math.max(needed + 1, array.length * 2));
  bigger.set(array);
  return bigger;
}
