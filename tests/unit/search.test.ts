import { describe, expect, it } from 'vitest';
import type { Note } from '@/utils/model/records';
import { FEELINGS } from '@/utils/model/values';
import { isEmptyQuery, newestFirst, normalizeText, type SearchQuery } from '@/utils/search/search';
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
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
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
    expect(ids(index.entries())).toEqual(['c', 'm', 'b', 'a']);
    index.put([note('b', 'twee, anders', { createdAt: 2 })]);
    expect(ids(index.search({ text: 'anders', kind: 'all', promptId: 'all' }).entries)).toEqual(['b']);
    expect(ids(index.search({ text: 'twee', kind: 'all', promptId: 'all' }).entries)).toEqual(['b']);
    index.remove(['m', 'onbekend']);
    expect(ids(index.entries())).toEqual(['c', 'b', 'a']);
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

function indexOf(notes: readonly Note[]): WordIndex {
  const index = new WordIndex();
  index.put(notes);
  return index;
}
