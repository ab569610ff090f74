/**
 * A part of the search index, built once and never changed: the notes of one read (a half of the
 * store, in a worker beside the page) with their distinct words, as a few typed arrays and strings.
 * Built in a worker and handed to the page whole, it takes nothing from the page's thread, and the
 * page's heap gains a few dozen objects for 50,000 notes: an index of objects (a list per word, an
 * entry per note) left a major garbage collection of 70–150 ms on the page as it was built.
 *
 * A note's normalised text is cut into tokens: the runs of word characters between anything
 * else (`NOT_WORD`: spaces, punctuation). A search word made only of word characters is a substring
 * of the text exactly when it is a substring of one of its tokens. So a segment keeps each distinct
 * token once, with the notes that hold it: a search finds the tokens containing each word in one
 * string of all tokens, then joins those tokens' notes. A word that would match most notes anyway,
 * and a word with other characters ("#werk", "zo'n"), is checked in the text of the notes left: the
 * text stays, so every answer is the one a look into every text would give.
 */
import { newestFirst, type IndexRow, type SearchEntry, type SearchQuery, type Tag } from './search';
import type { TagTally } from './tag-tally';

/**
 * Word characters, by UTF-16 code unit: ASCII letters and digits and everything beyond ASCII
 * (letters of other scripts). Normalised text has no upper case. Tokens and search words are cut
 * by the same rule, which is all exactness needs.
 */
const NOT_WORD = /[^a-z0-9\u0080-\uffff]+/;

/** Notes per string of texts: one string per 1,024 notes, so no message or copy of them is one long task. */
const TEXT_CHUNK_BITS = 10;
const TEXT_CHUNK = 1 << TEXT_CHUNK_BITS;

/** Marks "no feeling" among the names' indexes. */
const NONE = 0xffffffff;

/** A segment as it travels from the worker to the page: typed arrays (transferred) and strings. Notes are by position, newest first. */
export interface SegmentData {
  readonly count: number;
  readonly ids: readonly string[];
  readonly createdAt: Float64Array<ArrayBuffer>;
  /** Every prompt id, kind, feeling, tag key and tag label, once; the fields below point into it. */
  readonly names: readonly string[];
  readonly promptIds: Uint32Array<ArrayBuffer>;
  readonly kinds: Uint32Array<ArrayBuffer>;
  /** NONE where the note says no feeling. */
  readonly feelings: Uint32Array<ArrayBuffer>;
  /** A note's tags are tagKeys/tagLabels[tagStarts[p] .. tagStarts[p + 1]). */
  readonly tagStarts: Uint32Array<ArrayBuffer>;
  readonly tagKeys: Uint32Array<ArrayBuffer>;
  readonly tagLabels: Uint32Array<ArrayBuffer>;
  /** The texts, TEXT_CHUNK notes to a string, each ending in the chunk at textEnds[p]. */
  readonly texts: readonly string[];
  readonly textEnds: Uint32Array<ArrayBuffer>;
  /** The distinct tokens, each followed by a newline; token t starts at tokenStarts[t], and one more entry marks the end. */
  readonly tokens: string;
  readonly tokenStarts: Uint32Array<ArrayBuffer>;
  /** Token t's notes are postings[postingStarts[t] .. postingStarts[t + 1]), positions ascending (newest first). */
  readonly postingStarts: Uint32Array<ArrayBuffer>;
  readonly postings: Uint32Array<ArrayBuffer>;
  /**
   * Per note, the ASCII letters (bit 0 for "a") and digits (bit 0 for "0") its text holds: a word
   * of one such character (each word typed begins as one) is answered from these, where its
   * tokens would be most of them and its postings most of the index.
   */
  readonly letters: Uint32Array<ArrayBuffer>;
  readonly digits: Uint32Array<ArrayBuffer>;
}

/** The buffers of a segment, for postMessage to transfer rather than copy. */
export function transferablesOf(data: SegmentData): ArrayBuffer[] {
  return [
    data.createdAt,
    data.promptIds,
    data.kinds,
    data.feelings,
    data.tagStarts,
    data.tagKeys,
    data.tagLabels,
    data.textEnds,
    data.tokenStarts,
    data.postingStarts,
    data.postings,
    data.letters,
    data.digits,
  ].map((array) => array.buffer);
}

/** Takes index rows in any order and makes a segment of them; a row for an id already taken replaces it. */
export class SegmentBuilder {
  private readonly rows: IndexRow[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly tokenIds = new Map<string, number>();
  private readonly tokens: string[] = [];
  /** Per token, how many notes hold it. */
  private tokenCounts = new Uint32Array(1024);
  /** Per token, the last slot that counted it, plus one, so each note lists a token once. */
  private seenIn = new Uint32Array(1024);
  /** The distinct tokens of slot s are noteTokens[noteTokenStarts[s] .. noteTokenStarts[s + 1]). */
  private noteTokens = new Uint32Array(1 << 16);
  private noteTokenStarts: number[] = [0];

  add(rows: readonly IndexRow[]): void {
    for (const row of rows) {
      // A note given twice keeps its last row: the earlier slot is left out of the segment, and
      // its tokens no longer count it.
      const replaced = this.slotOf.get(row.entry.id);
      if (replaced !== undefined) {
        for (let i = this.noteTokenStarts[replaced]!; i < this.noteTokenStarts[replaced + 1]!; i++)
          this.tokenCounts[this.noteTokens[i]!]!--;
      }
      const slot = this.rows.length;
      this.slotOf.set(row.entry.id, slot);
      this.rows.push(row);
      let at = this.noteTokenStarts[slot]!;
      for (const word of row.text.split(NOT_WORD)) {
        if (word === '') continue;
        let token = this.tokenIds.get(word);
        if (token === undefined) {
          token = this.tokens.length;
          this.tokens.push(word);
          this.tokenIds.set(word, token);
          if (token >= this.seenIn.length) {
            this.seenIn = grown(this.seenIn, token);
            this.tokenCounts = grown(this.tokenCounts, token);
          }
        }
        if (this.seenIn[token] === slot + 1) continue;
        this.seenIn[token] = slot + 1;
        if (at >= this.noteTokens.length) this.noteTokens = grown(this.noteTokens, at);
        this.noteTokens[at++] = token;
        this.tokenCounts[token]!++;
      }
      this.noteTokenStarts.push(at);
    }
  }

  /** The segment of every row added, newest first. */
  finish(): SegmentData {
    const slots = [...this.slotOf.values()].sort((a, b) => newestFirst(this.rows[a]!.entry, this.rows[b]!.entry));
    const count = slots.length;
    const names = new Names();
    const ids: string[] = [];
    const createdAt = new Float64Array(count);
    const promptIds = new Uint32Array(count);
    const kinds = new Uint32Array(count);
    const feelings = new Uint32Array(count);
    const tagStarts = new Uint32Array(count + 1);
    const tagKeys: number[] = [];
    const tagLabels: number[] = [];
    const texts: string[] = [];
    const textEnds = new Uint32Array(count);
    let chunk: string[] = [];
    let chunkLength = 0;
    for (const [p, slot] of slots.entries()) {
      const { entry, text } = this.rows[slot]!;
      ids.push(entry.id);
      createdAt[p] = entry.createdAt;
      promptIds[p] = names.of(entry.promptId);
      kinds[p] = names.of(entry.promptKind);
      feelings[p] = entry.feeling === undefined ? NONE : names.of(entry.feeling);
      for (const tag of entry.tags) {
        tagKeys.push(names.of(tag.key));
        tagLabels.push(names.of(tag.label));
      }
      tagStarts[p + 1] = tagKeys.length;
      chunk.push(text);
      chunkLength += text.length;
      textEnds[p] = chunkLength;
      if (chunk.length === TEXT_CHUNK || p === count - 1) {
        texts.push(chunk.join(''));
        chunk = [];
        chunkLength = 0;
      }
    }
    // Token t's notes, in the order of the notes: ascending positions, newest first.
    const tokenCount = this.tokens.length;
    const postingStarts = new Uint32Array(tokenCount + 1);
    for (let t = 0; t < tokenCount; t++) postingStarts[t + 1] = postingStarts[t]! + this.tokenCounts[t]!;
    const postings = new Uint32Array(postingStarts[tokenCount]!);
    const next = postingStarts.slice(0, tokenCount);
    for (const [p, slot] of slots.entries()) {
      for (let i = this.noteTokenStarts[slot]!; i < this.noteTokenStarts[slot + 1]!; i++) postings[next[this.noteTokens[i]!]!++] = p;
    }
    // A note's characters are its tokens' (the rest of its text is no letter or digit).
    const tokenLetters = new Uint32Array(tokenCount);
    const tokenDigits = new Uint32Array(tokenCount);
    for (let t = 0; t < tokenCount; t++) {
      for (const character of this.tokens[t]!) {
        const [letter, digit] = characterBits(character);
        tokenLetters[t]! |= letter;
        tokenDigits[t]! |= digit;
      }
    }
    const letters = new Uint32Array(count);
    const digits = new Uint32Array(count);
    for (const [p, slot] of slots.entries()) {
      for (let i = this.noteTokenStarts[slot]!; i < this.noteTokenStarts[slot + 1]!; i++) {
        letters[p]! |= tokenLetters[this.noteTokens[i]!]!;
        digits[p]! |= tokenDigits[this.noteTokens[i]!]!;
      }
    }
    const tokenStarts = new Uint32Array(tokenCount + 1);
    for (let t = 0; t < tokenCount; t++) tokenStarts[t + 1] = tokenStarts[t]! + this.tokens[t]!.length + 1;
    return {
      count,
      ids,
      createdAt,
      names: names.all,
      promptIds,
      kinds,
      feelings,
      tagStarts,
      tagKeys: Uint32Array.from(tagKeys),
      tagLabels: Uint32Array.from(tagLabels),
      texts,
      textEnds,
      tokens: tokenCount === 0 ? '' : `${this.tokens.join('\n')}\n`,
      tokenStarts,
      postingStarts,
      postings,
      letters,
      digits,
    };
  }
}

/** The bit of an ASCII letter in `letters` and of a digit in `digits`, as [letter, digit]; zeros for any other character. */
function characterBits(character: string): [number, number] {
  if (character.length !== 1) return [0, 0];
  const code = character.charCodeAt(0);
  if (code >= 0x61 && code <= 0x7a) return [1 << (code - 0x61), 0];
  if (code >= 0x30 && code <= 0x39) return [0, 1 << (code - 0x30)];
  return [0, 0];
}

/** Strings numbered as first given. */
class Names {
  readonly all: string[] = [];
  private readonly numbers = new Map<string, number>();

  of(name: string): number {
    let number = this.numbers.get(name);
    if (number === undefined) {
      number = this.all.length;
      this.all.push(name);
      this.numbers.set(name, number);
    }
    return number;
  }
}

/** Words whose matching tokens a segment remembers for the next searches (typing extends a word): a few searches' worth. */
const MATCHED_KEPT = 64;

/** What one segment found for a query: the first `limit` positions, newest first, and how many matched. */
export interface SegmentMatches {
  readonly positions: number[];
  readonly total: number;
}

/** Some notes, newest first, as a search's results merge them: their order, and an entry made only for those kept. */
export interface Part {
  readonly length: number;
  createdAt(i: number): number;
  id(i: number): string;
  entry(i: number): SearchEntry;
}

/** A search word, and its longest run of word characters to look up (none: it is only checked in texts). */
interface Word {
  readonly word: string;
  readonly run?: string;
  /** Whether the word is its run: the run's tokens' notes are then exactly the notes holding it. */
  readonly exact: boolean;
}

/** Splits query words for segments: once per search, whatever the number of segments. */
export function wordsOf(words: readonly string[]): Word[] {
  return words.map((word) => {
    const runs = word.split(NOT_WORD).filter(Boolean);
    const run = [...runs].sort((a, b) => b.length - a.length)[0];
    return { word, run, exact: runs.length === 1 && runs[0] === word };
  });
}

/** A segment on the page: its data, and the notes of it since saved anew or deleted (dead: a newer version lives elsewhere, or none). */
export class Segment {
  private readonly dead: Uint8Array;
  private deadCount = 0;
  /** Per position, the stamp of the last search step that took it; a new stamp starts a new set. */
  private readonly marks: Uint32Array;
  private stamp = 0;
  /** By search word, the ids of the tokens containing it (ascending), for up to MATCHED_KEPT words. */
  private readonly matched = new Map<string, number[]>();

  constructor(private readonly data: SegmentData) {
    this.dead = new Uint8Array(data.count);
    this.marks = new Uint32Array(data.count);
  }

  /** How many of its notes are current. */
  get size(): number {
    return this.data.count - this.deadCount;
  }

  /** Takes out the note with this id, if the segment holds it. */
  kill(id: string): void {
    const p = this.data.ids.indexOf(id);
    if (p === -1 || this.dead[p]) return;
    this.dead[p] = 1;
    this.deadCount++;
  }

  /** The entry of the note at `p`, made as toSearchEntry makes it. */
  entryAt(p: number): SearchEntry {
    const { ids, createdAt, names, promptIds, kinds, feelings, tagStarts, tagKeys, tagLabels } = this.data;
    const tags: Tag[] = [];
    for (let i = tagStarts[p]!; i < tagStarts[p + 1]!; i++) tags.push({ key: names[tagKeys[i]!]!, label: names[tagLabels[i]!]! });
    const entry = {
      id: ids[p]!,
      createdAt: createdAt[p]!,
      promptId: names[promptIds[p]!]!,
      promptKind: names[kinds[p]!] as SearchEntry['promptKind'],
      tags,
    };
    return feelings[p] === NONE ? entry : { ...entry, feeling: names[feelings[p]!] as SearchEntry['feeling'] };
  }

  /** Counts the tags of its current notes into `tally`, without an entry made for any note. */
  countTags(tally: TagTally): void {
    const { count, ids, createdAt, names, tagStarts, tagKeys, tagLabels } = this.data;
    for (let p = 0; p < count; p++) {
      if (this.dead[p]) continue;
      for (let i = tagStarts[p]!; i < tagStarts[p + 1]!; i++) tally.add(names[tagKeys[i]!]!, names[tagLabels[i]!]!, createdAt[p]!, ids[p]!);
    }
  }

  /** Notes of this segment by position (ascending: newest first), as a part of a search's results. */
  part(positions: readonly number[]): Part {
    const { createdAt, ids } = this.data;
    return {
      length: positions.length,
      createdAt: (i) => createdAt[positions[i]!]!,
      id: (i) => ids[positions[i]!]!,
      entry: (i) => this.entryAt(positions[i]!),
    };
  }

  /** The current notes matching every word (as a substring) and the query's filters; `tag` is the query's tag as tagKey gives it. */
  search(words: readonly Word[], query: SearchQuery, tag: string | undefined, limit: number): SegmentMatches {
    const { count, names, postingStarts, postings } = this.data;
    // The filters as the names' numbers; a name the segment never saw matches none of its notes.
    const number = (name: string) => names.indexOf(name);
    const kind = query.kind === 'all' ? -1 : number(query.kind);
    const promptId = query.promptId === 'all' ? -1 : number(query.promptId);
    const feeling = query.feeling === undefined ? -1 : number(query.feeling);
    const tagKey = tag === undefined ? -1 : number(tag);
    if (kind === -1 && query.kind !== 'all') return NO_MATCHES;
    if (promptId === -1 && query.promptId !== 'all') return NO_MATCHES;
    if (feeling === -1 && query.feeling !== undefined) return NO_MATCHES;
    if (tagKey === -1 && tag !== undefined) return NO_MATCHES;

    // Words of one letter or digit are answered from each note's characters, not looked up.
    let needLetters = 0;
    let needDigits = 0;
    const looked: Word[] = [];
    for (const word of words) {
      const [letter, digit] = characterBits(word.word);
      needLetters |= letter;
      needDigits |= digit;
      if (letter === 0 && digit === 0) looked.push(word);
    }
    let candidates: number | 'all' = 'all';
    let stamp = 0;
    /** Words checked in the text of each note left. */
    const checked: string[] = [];
    for (const { word, tokens, postings: size, exact } of this.plan(looked)) {
      // Joining costs a step for each of a word's postings; checking costs a look into the text of
      // each note left, short for a word most of them hold (found early), a whole text where it is
      // not. So only a word in many tokens of every note ("e") is checked rather than joined.
      const left = candidates === 'all' ? count : candidates;
      if (!exact) checked.push(word);
      if (tokens === undefined || size > 16 * left) {
        if (exact) checked.push(word);
        continue;
      }
      const previous = stamp;
      stamp = ++this.stamp;
      let found = 0;
      for (const token of tokens) {
        for (let i = postingStarts[token]!; i < postingStarts[token + 1]!; i++) {
          const p = postings[i]!;
          if (candidates === 'all' ? this.marks[p] !== stamp : this.marks[p] === previous) {
            this.marks[p] = stamp;
            found++;
          }
        }
      }
      candidates = found;
      if (found === 0) return NO_MATCHES;
    }
    const { promptIds, kinds, feelings, tagStarts, tagKeys, letters, digits } = this.data;
    const positions: number[] = [];
    let total = 0;
    const finder = new CheckedWords(this.data, checked);
    for (let p = 0; p < count; p++) {
      if (this.dead[p] || (candidates !== 'all' && this.marks[p] !== stamp)) continue;
      if ((letters[p]! & needLetters) !== needLetters || (digits[p]! & needDigits) !== needDigits) continue;
      if ((kind !== -1 && kinds[p] !== kind) || (promptId !== -1 && promptIds[p] !== promptId)) continue;
      if (feeling !== -1 && feelings[p] !== feeling) continue;
      if (tagKey !== -1 && !tagKeys.subarray(tagStarts[p], tagStarts[p + 1]).includes(tagKey)) continue;
      if (checked.length > 0 && !finder.allIn(p)) continue;
      if (total++ < limit) positions.push(p);
    }
    return { positions, total };
  }

  /** Each word with the tokens that may hold it and their postings, fewest first: the rarest word narrows the most. */
  private plan(words: readonly Word[]): { word: string; tokens?: number[]; postings: number; exact: boolean }[] {
    const { postingStarts } = this.data;
    return words
      .map(({ word, run, exact }) => {
        if (run === undefined) return { word, postings: Infinity, exact };
        const tokens = this.tokensMatching(run);
        let size = 0;
        for (const token of tokens) size += postingStarts[token + 1]! - postingStarts[token]!;
        return { word, tokens, postings: size, exact };
      })
      .sort((a, b) => a.postings - b.postings);
  }

  /** The ids of the tokens containing `word`, from what earlier searches found where they can tell. */
  private tokensMatching(word: string): number[] {
    const known = this.matched.get(word);
    if (known) return known;
    // Tokens containing `word` contain any part of it: a word typed further looks only among the
    // tokens its beginning matched.
    let base: number[] | undefined;
    for (const [other, tokens] of this.matched) {
      if (word.includes(other) && (!base || tokens.length < base.length)) base = tokens;
    }
    const { tokens: joined, tokenStarts } = this.data;
    const found = base
      ? base.filter((token) => joined.slice(tokenStarts[token], tokenStarts[token + 1]! - 1).includes(word))
      : this.findInJoined(word);
    if (this.matched.size >= MATCHED_KEPT) this.matched.delete(this.matched.keys().next().value!);
    this.matched.set(word, found);
    return found;
  }

  /** The ids of the tokens containing `word`: one pass of indexOf over all tokens joined. */
  private findInJoined(word: string): number[] {
    const { tokens: joined, tokenStarts } = this.data;
    const found: number[] = [];
    const last = tokenStarts.length - 2;
    let at = 0;
    for (;;) {
      const hit = joined.indexOf(word, at);
      if (hit === -1) return found;
      // The token holding the hit: the last that starts at or before it.
      let low = 0;
      let high = last;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (tokenStarts[middle]! <= hit) low = middle;
        else high = middle - 1;
      }
      found.push(low);
      at = tokenStarts[low + 1]!;
    }
  }
}

const NO_MATCHES: SegmentMatches = { positions: [], total: 0 };

/**
 * Words looked for in the texts of notes asked in ascending positions. Each word's next place in
 * its string of texts is remembered: a note that does not hold it costs no new search up to that
 * place, and no text is copied out of its string. So the texts of a string are searched through
 * once per word, however many of its notes are asked.
 */
class CheckedWords {
  private chunk = -1;
  /** Per word: where it is next found in the chunk (from where it was last looked for), Infinity for nowhere. */
  private readonly next: number[];

  constructor(
    private readonly data: SegmentData,
    private readonly words: readonly string[],
  ) {
    this.next = words.map(() => -1);
  }

  /** Whether the text of the note at `p` holds every word; `p` never smaller than the last one asked. */
  allIn(p: number): boolean {
    const chunk = p >> TEXT_CHUNK_BITS;
    if (chunk !== this.chunk) {
      this.chunk = chunk;
      this.next.fill(-1);
    }
    const texts = this.data.texts[chunk]!;
    const start = (p & (TEXT_CHUNK - 1)) === 0 ? 0 : this.data.textEnds[p - 1]!;
    const end = this.data.textEnds[p]!;
    for (let i = 0; i < this.words.length; i++) {
      const word = this.words[i]!;
      let at = this.next[i]!;
      if (at < start) {
        const found = texts.indexOf(word, start);
        at = found === -1 ? Infinity : found;
        this.next[i] = at;
      }
      if (at + word.length > end) return false;
    }
    return true;
  }
}

/** Whether `text` holds every one of `words`. */
export function holdsAll(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}

/** A copy of `array` with room for index `needed`. */
function grown(array: Uint32Array<ArrayBuffer>, needed: number): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(Math.max(needed + 1, array.length * 2));
  bigger.set(array);
  return bigger;
}
