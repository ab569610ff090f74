/**
 * The search engines side by side on the same 50,000 realistic notes (realistic-notes.ts), in the
 * bench's own Node process (V8, as in Chromium): today's search before issue 22 (every whole text,
 * narrowing while typing), the word index the journal now uses, and FlexSearch (its eval-free
 * "compact" build, `dedupe: false`, a development dependency only for this comparison). Each is
 * built, asked the same searches, and given the same saves; what each finds is compared with
 * today's, which defines the matching.
 */
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import type { Note } from '@/utils/model/records';
import { EMPTY_QUERY, newestFirst, searchText, toIndexRow } from '@/utils/search/search';
import { SegmentBuilder } from '@/utils/search/segment';
import { WordIndex } from '@/utils/search/word-index';
import { referenceRefine, toReferenceEntry, type ReferenceEntry, type ReferenceResult } from '../unit/search-reference';
import { seeded } from '../e2e/seed';
import { WORDS, realisticNotes, zipfWord } from './realistic-notes';

interface Engine {
  readonly name: string;
  /** Indexes every note (given newest first, as the journal reads them). */
  build(notes: readonly Note[]): void;
  /** The ids found for `text`, newest first. */
  search(text: string): readonly { id: string }[];
  /** Puts a saved note in place of its earlier version. */
  save(note: Note): void;
}

/** Today's search: entries with their whole normalised text, narrowed while typing; a save re-sorts every entry. */
function today(): Engine {
  let entries: ReferenceEntry[] = [];
  let previous: ReferenceResult | undefined;
  return {
    name: 'today (every whole text)',
    build: (notes) => {
      entries = notes.map(toReferenceEntry);
    },
    search: (text) => {
      previous = referenceRefine(entries, { ...EMPTY_QUERY, text }, previous);
      return previous.entries;
    },
    save: (note) => {
      entries = [...entries.filter((entry) => entry.id !== note.id), toReferenceEntry(note)].sort(newestFirst);
      previous = undefined;
    },
  };
}

function wordIndex(): Engine {
  const index = new WordIndex();
  return {
    name: 'word index (this issue)',
    // As the journal builds it: two segments, one per half of the notes (in the journal, each in a worker of its own).
    build: (notes) => {
      const middle = Math.ceil(notes.length / 2);
      for (const half of [notes.slice(0, middle), notes.slice(middle)]) {
        const builder = new SegmentBuilder();
        builder.add(half.map(toIndexRow));
        index.addSegment(builder.finish());
      }
    },
    search: (text) => index.search({ ...EMPTY_QUERY, text }).entries,
    save: (note) => index.put([note]),
  };
}

interface FlexIndex {
  add(id: number, text: string): void;
  update(id: number, text: string): void;
  search(text: string, options: { limit: number }): number[];
}

/**
 * FlexSearch's eval-free build (no worker, so no `new Function`), forward tokenizer (prefixes of
 * words: what it offers short of indexing every substring), results ordered newest first as the
 * journal lists them. Undefined when it is not installed.
 */
async function flexSearch(): Promise<Engine | undefined> {
  let main: string;
  try {
    main = createRequire(import.meta.url).resolve('flexsearch');
  } catch {
    return undefined;
  }
  const { Index } = (await import(pathToFileURL(resolve(dirname(main), 'flexsearch.compact.module.min.js')).href)) as {
    Index: new (options: object) => FlexIndex;
  };
  const index = new Index({ tokenize: 'forward', dedupe: false, cache: false });
  let notes: Note[] = [];
  let numbers = new Map<string, number>();
  return {
    name: 'FlexSearch 0.8 (compact, forward, dedupe: false)',
    build: (all) => {
      notes = [...all];
      numbers = new Map(notes.map((note, i) => [note.id, i]));
      notes.forEach((note, i) => index.add(i, searchText(note)));
    },
    search: (text) => {
      if (!text.trim()) return [];
      return index
        .search(text, { limit: notes.length })
        .map((i) => notes[i]!)
        .sort(newestFirst);
    },
    save: (note) => {
      const i = numbers.get(note.id)!;
      notes[i] = note;
      index.update(i, searchText(note));
    },
  };
}

/** The searches: words of every frequency, in both languages; pairs and threes of them; one typed letter by letter. */
function searches(): Record<string, string[]> {
  const random = seeded(2212);
  const word = () => zipfWord(random() < 0.5 ? WORDS.nl : WORDS.en, random);
  const phrase = (length: number) => {
    const words = random() < 0.5 ? WORDS.nl : WORDS.en;
    return Array.from({ length }, () => zipfWord(words, random)).join(' ');
  };
  const typed = (text: string) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
  return {
    'one word': [...Array.from({ length: 14 }, word), 'avond', 'vriend'],
    'two words': Array.from({ length: 12 }, () => phrase(2)),
    'three words': Array.from({ length: 12 }, () => phrase(3)),
    'while typing': [...typed(phrase(3)), ...typed('vrijdagavond')],
  };
}

const gc = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export interface EngineFigures {
  name: string;
  buildSeconds: number;
  heapMB: number;
  search: Record<string, { p50: number; p95: number }>;
  saveMs: { p50: number; p95: number };
  /** Searches whose results differ from today's (ids or order). */
  differing: number;
  searches: number;
}

/** Measures every engine on `count` realistic notes; `quantile(values, q)` as the bench's. */
export async function compareEngines(count: number, quantile: (values: readonly number[], q: number) => number): Promise<EngineFigures[]> {
  const notes = realisticNotes(count, Date.now()).reverse();
  const sets = searches();
  const engines = [today(), wordIndex(), await flexSearch()].filter((engine) => engine !== undefined);
  const expected = new Map<string, string>();
  const figures: EngineFigures[] = [];
  for (const engine of engines) {
    const before = heapUsed();
    const started = performance.now();
    engine.build(notes);
    const buildSeconds = (performance.now() - started) / 1000;
    const heapMB = (heapUsed() - before) / 2 ** 20;
    const search: EngineFigures['search'] = {};
    let differing = 0;
    let total = 0;
    for (const [kind, texts] of Object.entries(sets)) {
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        engine.search(''); // A new round starts from an empty field, as the page's does.
        for (const text of texts) {
          const start = performance.now();
          const found = engine.search(text);
          times.push(performance.now() - start);
          if (round > 0) continue;
          const ids = found.map((entry) => entry.id).join(',');
          if (!expected.has(text)) expected.set(text, ids);
          else if (expected.get(text) !== ids) differing++;
          total++;
        }
      }
      search[kind] = { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
    }
    // A save: one note's answer edited, 50 times, each a different note.
    const saves: number[] = [];
    for (let i = 0; i < 50; i++) {
      const note = notes[(i * 997) % notes.length]!;
      const edited = { ...note, answer: `${note.answer} Later nog iets toegevoegd, ${i}.`, updatedAt: note.updatedAt + 1 };
      const start = performance.now();
      engine.save(edited);
      saves.push(performance.now() - start);
    }
    figures.push({
      name: engine.name,
      buildSeconds,
      heapMB,
      search,
      saveMs: { p50: quantile(saves, 0.5), p95: quantile(saves, 0.95) },
      differing,
      searches: total,
    });
  }
  return figures;
}
