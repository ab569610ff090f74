import { describe, expect, it } from 'vitest';
import type { Note } from '@/utils/model/records';
import { FEELINGS } from '@/utils/model/values';
import { isEmptyQuery, newestFirst, normalizeText, toIndexRow, type SearchQuery } from '@/utils/search/search';
import { tagCounts } from '@/utils/search/tag-tally';
import { SegmentBuilder } from '@/utils/search/segment';
import { WordIndex } from '@/utils/search/word-index';
import { seeded } from '../e2e/seed';
import { referenceRefine, referenceSearch, toReferenceEntry, type ReferenceResult } from './search-reference';

const note = (id: string, answer: string, extra: Partial<Note> = {}): Note => ({
  id,
  promptId: 'q-beliefs',
  promptText: 'Welke overtuigingen over kwetsbaarheid zitten in mij?',
  promptKind: 'question',
  locale: 'nl',
  answer,
  createdAt: 1,
  updatedAt: 1,
  source: 'popup',
  ...extra,
});

describe('search', () => {
  it.each([
    ['Één', 'een'],
    ['ÉÉN', 'een'],
    ['café  crème', 'cafe creme'],
    ['İstanbul', 'istanbul'],
    ['naïef\ngeïnteresseerd', 'naief geinteresseerd'],
    ['  spaties\t ', 'spaties'],
    ['ﬁjn', 'fijn'],
    ['een\u00a0zus \u2003 en\r\nik', 'een zus en ik'],
    ['één  keer\tzo', 'een keer zo'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('folds every run of whitespace of any kind into one space, as /\\s+/ does', () => {
    const random = seeded(3);
    const pieces = ['a', 'é', 'B', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', ' \n '];
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: Math.floor(random() * 10) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      expect(normalizeText(text), JSON.stringify(text)).toBe(folded.replace(/\s+/g, ' ').trim());
    }
  });

  it('finds "één" with "een", in the answer or the prompt, every word required, inside longer words too', () => {
    const index = indexOf([note('a', 'Één keer zei ik het.'), note('b', 'Niets'), note('c', 'Keer op keer, vrijdagavond')]);
    expect(ids(index.search({ text: 'een', kind: 'all', promptId: 'all' }).entries)).toEqual(['a']);
    expect(ids(index.search({ text: 'KEER een', kind: 'all', promptId: 'all' }).entries)).toEqual(['a']);
    expect(ids(index.search({ text: 'avond', kind: 'all', promptId: 'all' }).entries)).toEqual(['c']);
    expect(index.search({ text: 'overtuigingen', kind: 'all', promptId: 'all' }).total).toBe(3);
  });

  it('filters by kind and by prompt', () => {
    const index = indexOf([
      note('a', 'x', { promptKind: 'step', promptId: 's-start-small' }),
      note('b', 'x'),
      note('c', 'x', { promptId: 'q-open-today' }),
    ]);
    expect(ids(index.search({ text: '', kind: 'step', promptId: 'all' }).entries)).toEqual(['a']);
    expect(ids(index.search({ text: '', kind: 'all', promptId: 'q-open-today' }).entries)).toEqual(['c']);
  });

  it('knows an empty query and orders newest first with ties by id', () => {
    expect(isEmptyQuery({ text: '  ', kind: 'all', promptId: 'all' })).toBe(true);
    expect(isEmptyQuery({ text: '', kind: 'question', promptId: 'all' })).toBe(false);
    const sorted = [
      { id: 'a', createdAt: 1 },
      { id: 'b', createdAt: 2 },
      { id: 'c', createdAt: 2 },
    ].sort(newestFirst);
    expect(sorted.map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('the word index', () => {
  it('keeps notes newest first as they are saved, replaced and removed', () => {
    const index = indexOf([note('b', 'twee', { createdAt: 2 }), note('a', 'een', { createdAt: 1 })]);
    index.put([note('c', 'drie', { createdAt: 3 }), note('m', 'midden', { createdAt: 2 })]);
    expect(ids(everything(index))).toEqual(['c', 'm', 'b', 'a']);
    index.put([note('b', 'twee, anders', { createdAt: 2 })]);
    expect(ids(index.search({ text: 'anders', kind: 'all', promptId: 'all' }).entries)).toEqual(['b']);
    expect(ids(index.search({ text: 'twee', kind: 'all', promptId: 'all' }).entries)).toEqual(['b']);
    index.remove(['m', 'onbekend']);
    expect(ids(everything(index))).toEqual(['c', 'b', 'a']);
    expect(index.search({ text: 'midden', kind: 'all', promptId: 'all' })).toEqual({ entries: [], total: 0 });
    expect(index.size).toBe(3);
  });

  it('finds exactly what the old search over every whole text finds, on randomised notes and queries', () => {
    const random = seeded(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const words = [
      'Één',
      'een',
      'keer',
      'vrijdagavond',
      'avond',
      'café',
      'CRÈME',
      'zus',
      'Zussen',
      '#werk',
      '#Wérk-dag',
      'ﬁjn',
      'naïef',
      'a',
      'e',
      'open',
      'opening',
    ];
    const makeNote = (i: number): Note =>
      note(`n${i}`, Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(words)).join(pick([' ', '  ', '\n', ', '])), {
        createdAt: Math.floor(random() * 50),
        promptKind: pick(['question', 'step'] as const),
        promptId: pick(['q-beliefs', 'q-open-today', 's-start-small']),
        promptText: pick(['Welke overtuigingen?', 'Wat opende je vandaag?', 'Één kleine stap']),
        ...(random() < 0.5 ? { feeling: pick(FEELINGS) } : {}),
      });
    const notes = Array.from({ length: 300 }, (_, i) => makeNote(i));
    const index = indexOf(notes);
    let reference = notes.map(toReferenceEntry).sort(newestFirst);
    const queryAt = (): SearchQuery => ({
      text: Array.from({ length: Math.floor(random() * 4) }, () => pick([...words, 'ee', 'vond', 'ssen', 'x', 'ïef', 'e a'])).join(' '),
      kind: pick(['all', 'all', 'question', 'step'] as const),
      promptId: pick(['all', 'all', 'all', 'q-open-today']),
      ...(random() < 0.2 ? { tag: pick(['werk', '#WERK-dag', 'zus']) } : {}),
      ...(random() < 0.2 ? { feeling: pick(FEELINGS) } : {}),
    });
    for (let round = 0; round < 400; round++) {
      const query = queryAt();
      const expected = ids(referenceSearch(reference, query));
      expect(ids(index.search(query).entries), JSON.stringify(query)).toEqual(expected);
      // The page asks for the first results it lays out, and the count of all.
      const limit = Math.floor(random() * 20);
      const first = index.search(query, limit);
      expect(first.total, JSON.stringify(query)).toBe(expected.length);
      expect(ids(first.entries)).toEqual(expected.slice(0, limit));
      if (round % 20 === 0) expect(index.tagCounts()).toEqual(tagCounts(reference));
      // Between searches, notes are saved, edited and deleted, as in a journal in use.
      const changed = makeNote(Math.floor(random() * 400));
      if (random() < 0.2) {
        index.remove([changed.id]);
        reference = reference.filter((entry) => entry.id !== changed.id);
      } else {
        index.put([changed]);
        reference = [...reference.filter((entry) => entry.id !== changed.id), toReferenceEntry(changed)].sort(newestFirst);
      }
    }
  });

  it('builds segments from notes in any order, leaving out what was saved or deleted while they were built', () => {
    const random = seeded(11);
    const words = ['Één', 'keer', 'vrijdagavond', 'zus', '#werk', 'open', 'naïef'];
    const makeNote = (i: number, extra: Partial<Note> = {}) =>
      note(
        `n${String(i).padStart(3, '0')}`,
        Array.from({ length: 1 + Math.floor(random() * 6) }, () => words[Math.floor(random() * words.length)]).join(' '),
        {
          createdAt: Math.floor(random() * 40),
          ...extra,
        },
      );
    // In the store's order (by id), which is no order of time, and each half in a segment of its own.
    const notes = Array.from({ length: 240 }, (_, i) => makeNote(i));
    const halves = [notes.slice(0, 120), notes.slice(120)].map((half) => {
      const builder = new SegmentBuilder();
      builder.add(half.slice(0, 70).map(toIndexRow));
      builder.add(half.slice(70).map(toIndexRow));
      return builder;
    });
    const index = new WordIndex();
    index.addSegment(halves[0]!.finish());
    // While the second half is built, a note of each half is saved anew and another deleted.
    const edited = [
      { ...notes[10]!, answer: 'anders', createdAt: 45 },
      { ...notes[200]!, answer: 'zus anders', createdAt: 3 },
    ];
    index.put(edited);
    index.remove([notes[20]!.id, notes[130]!.id]);
    index.addSegment(halves[1]!.finish());
    const gone = new Set([notes[10]!.id, notes[200]!.id, notes[20]!.id, notes[130]!.id]);
    const reference = [...notes.filter((each) => !gone.has(each.id)), ...edited].map(toReferenceEntry).sort(newestFirst);
    expect(ids(everything(index))).toEqual(ids(reference));
    expect(index.size).toBe(reference.length);
    for (const text of ['een', 'avond', 'anders', '#werk zus', 'keer open', 'x']) {
      const query = { text, kind: 'all' as const, promptId: 'all' };
      expect(ids(index.search(query).entries), text).toEqual(ids(referenceSearch(reference, query)));
      const first = index.search(query, 5);
      expect(ids(first.entries), text).toEqual(ids(referenceSearch(reference, query)).slice(0, 5));
    }
  });

  it('checks words in the texts across the strings a segment keeps them in (1,024 notes each), as a look into every text would', () => {
    const random = seeded(5);
    const words = ['zo', "zo'n", '#werk', 'werk', 'e', 'avond', 'vrijdagavond', 'een'];
    // A segment's texts follow each other in its strings with nothing between them: a text ending in
    // "werk" and the next beginning with "#werk" must not make "k#w" found in the first.
    const notes = Array.from({ length: 2600 }, (_, i) =>
      note(
        `n${String(i).padStart(4, '0')}`,
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => words[Math.floor(random() * words.length)]).join(' '),
        {
          createdAt: Math.floor(random() * 3000),
          promptText: ['Zo', '#Werk', 'Een'][Math.floor(random() * 3)],
        },
      ),
    );
    const builder = new SegmentBuilder();
    builder.add(notes.map(toIndexRow));
    const index = new WordIndex();
    index.addSegment(builder.finish());
    const reference = notes.map(toReferenceEntry).sort(newestFirst);
    for (const text of ["zo'n", '#werk', 'e', 'k#w', "werk zo'n", 'n#we', 'd#', 'avond #werk', 'een e', "o'n #w"]) {
      const query = { text, kind: 'all' as const, promptId: 'all' };
      expect(ids(index.search(query).entries), text).toEqual(ids(referenceSearch(reference, query)));
    }
  });

  it('answers a word of one letter or digit from the characters of each text', () => {
    const index = indexOf([
      note('a', 'In 2026, twee keer', { createdAt: 1 }),
      note('b', 'x1 en q', { createdAt: 2 }),
      note('c', 'niets', { createdAt: 3 }),
    ]);
    const found = (text: string) => ids(index.search({ text, kind: 'all', promptId: 'all' }).entries);
    expect(found('2')).toEqual(['a']);
    expect(found('1 x')).toEqual(['b']);
    expect(found('7')).toEqual([]);
    expect(found('q')).toEqual(['b']);
    expect(found('y')).toEqual([]);
    // The prompt's text is searched too: "zitten".
    expect(found('z')).toEqual(['c', 'b', 'a']);
  });

  it('counts the tags of segments and saved notes as tagCounts over every entry would', () => {
    const index = indexOf([
      note('a', '#Werk', { createdAt: 1 }),
      note('b', 'geen', { createdAt: 2 }),
      note('c', '#Zus en #werk', { createdAt: 3 }),
      note('e', '#WERK', { createdAt: 1 }),
    ]);
    index.put([note('d', '#werk', { createdAt: 2 })]);
    index.remove(['c']);
    // Of the two oldest (a and e, as old), the label of the one listed first: e, the greater id.
    expect(index.tagCounts()).toEqual([{ key: 'werk', label: 'WERK', count: 3 }]);
    expect(index.tagCounts()).toEqual(tagCounts(everything(index)));
    index.put([note('f', '#zus #Moed', { createdAt: 0 })]);
    expect(index.tagCounts()).toEqual([
      { key: 'werk', label: 'WERK', count: 3 },
      { key: 'moed', label: 'Moed', count: 1 },
      { key: 'zus', label: 'zus', count: 1 },
    ]);
    expect(index.tagCounts()).toEqual(tagCounts(everything(index)));
  });

  it('keeps one version of a note given twice to a segment: the last', () => {
    const builder = new SegmentBuilder();
    builder.add([toIndexRow(note('a', 'eerst', { createdAt: 1 })), toIndexRow(note('b', 'eerst', { createdAt: 2 }))]);
    builder.add([toIndexRow(note('a', 'later', { createdAt: 3 }))]);
    const index = new WordIndex();
    index.addSegment(builder.finish());
    expect(ids(everything(index))).toEqual(['a', 'b']);
    expect(index.search({ text: 'eerst', kind: 'all', promptId: 'all' })).toMatchObject({ total: 1, entries: [{ id: 'b' }] });
    expect(ids(index.search({ text: 'later', kind: 'all', promptId: 'all' }).entries)).toEqual(['a']);
  });

  it('finds what the old search finds while a word is typed and extended', () => {
    const notes = ['vandaag open', 'van alles', 'vaak', 'niets', 'vanavond open'].map((answer, i) =>
      note(String(i), answer, { createdAt: i }),
    );
    const index = indexOf(notes);
    const reference = notes.map(toReferenceEntry).sort(newestFirst);
    let previous: ReferenceResult | undefined;
    for (const text of ['v', 'va', 'van', 'vand', 'vandaag', 'vandaag o', 'vandaag op', 'x', '', 'open', 'open va']) {
      const query = { text, kind: 'all' as const, promptId: 'all' };
      previous = referenceRefine(reference, query, previous);
      expect(ids(index.search(query).entries), text).toEqual(ids(previous.entries));
    }
  });
});

const ids = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id);

/** An index of `notes` as the journal builds one: each half in a segment of its own. */
function indexOf(notes: readonly Note[]): WordIndex {
  const index = new WordIndex();
  const middle = Math.ceil(notes.length / 2);
  for (const half of [notes.slice(0, middle), notes.slice(middle)]) {
    const builder = new SegmentBuilder();
    builder.add(half.map(toIndexRow));
    index.addSegment(builder.finish());
  }
  return index;
}

/** Every entry of the index, newest first. */
const everything = (index: WordIndex) => index.search({ text: '', kind: 'all', promptId: 'all' }).entries;
