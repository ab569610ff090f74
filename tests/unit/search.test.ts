import { describe, expect, it } from 'vitest';
import type { Note } from '@/utils/model/records';
import { isEmptyQuery, newestFirst, normalizeText, refineSearch, searchEntries, toSearchEntry } from '@/utils/search/search';

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

  it('finds "één" with "een", in the answer or the prompt, every word required', () => {
    const entries = [note('a', 'Één keer zei ik het.'), note('b', 'Niets'), note('c', 'Keer op keer')].map(toSearchEntry);
    expect(searchEntries(entries, { text: 'een', kind: 'all', promptId: 'all' }).map((e) => e.id)).toEqual(['a']);
    expect(searchEntries(entries, { text: 'KEER een', kind: 'all', promptId: 'all' }).map((e) => e.id)).toEqual(['a']);
    expect(searchEntries(entries, { text: 'overtuigingen', kind: 'all', promptId: 'all' })).toHaveLength(3);
  });

  it('filters by kind and by prompt', () => {
    const entries = [
      note('a', 'x', { promptKind: 'step', promptId: 's-start-small' }),
      note('b', 'x'),
      note('c', 'x', { promptId: 'q-open-today' }),
    ].map(toSearchEntry);
    expect(searchEntries(entries, { text: '', kind: 'step', promptId: 'all' }).map((e) => e.id)).toEqual(['a']);
    expect(searchEntries(entries, { text: '', kind: 'all', promptId: 'q-open-today' }).map((e) => e.id)).toEqual(['c']);
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

describe('refineSearch', () => {
  const entries = ['vandaag open', 'van alles', 'vaak', 'niets'].map((answer, i) => toSearchEntry(note(String(i), answer)));
  const query = (text: string, kind: 'all' | 'step' = 'all') => ({ text, kind, promptId: 'all' as const });

  it('finds what a full search finds, keystroke after keystroke', () => {
    let previous;
    for (const text of ['v', 'va', 'van', 'vand', 'vandaag', 'vandaag o', 'x', '']) {
      previous = refineSearch(entries, query(text), previous);
      expect(previous.entries).toEqual(searchEntries(entries, query(text)));
    }
  });

  it('searches everything again when the filters change or the text is shortened', () => {
    const narrow = refineSearch(entries, query('vandaag'));
    expect(refineSearch(entries, query('va'), narrow).entries.map((e) => e.id)).toEqual(['0', '1', '2']);
    expect(refineSearch(entries, query('vandaag', 'step'), narrow).entries).toEqual([]);
  });
});
