import { describe, expect, it } from 'vitest';
import type { Note } from '@/utils/model/records';
import { EMPTY_QUERY, findTags, isEmptyQuery, tagKey, tagsOf, toSearchEntry } from '@/utils/search/search';
import { tagCounts } from '@/utils/search/tag-tally';
import { WordIndex } from '@/utils/search/word-index';

const note = (id: string, answer: string, extra: Partial<Note> = {}): Note => ({
  id,
  promptId: 'q-beliefs',
  promptText: 'Welke overtuigingen over kwetsbaarheid zitten in mij? #niet-mijn-tag',
  promptKind: 'question',
  locale: 'nl',
  answer,
  createdAt: Number(id.replace(/\D/g, '')) || 1,
  updatedAt: 1,
  source: 'popup',
  ...extra,
});

const labels = (text: string) => tagsOf(text).map((tag) => tag.label);
const ids = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id);

describe('what a tag is', () => {
  it.each([
    ['#werk', ['werk']],
    ['Vandaag #Werk en daarna #zus.', ['Werk', 'zus']],
    ['#café, #naïef!', ['café', 'naïef']],
    ['#日本語 en #Ελλάδα en #مرحبا', ['日本語', 'Ελλάδα', 'مرحبا']],
    ['#zelf-zorg en #snake_case en #covid19', ['zelf-zorg', 'snake_case', 'covid19']],
    ['(#haakjes) "#aanhalingstekens" “#krul” ¿#vraag?', ['haakjes', 'aanhalingstekens', 'krul', 'vraag']],
    ['eerste regel\n#tweede\tregel #derde', ['tweede', 'derde']],
    ['#werk’s end', ['werk']],
    ['#werk🌱', ['werk']],
  ])('finds the tags in %j', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it.each([
    ['a link’s part', 'https://example.com/#anchor'],
    ['a page’s fragment', 'zie example.com/page#deel'],
    ['a # inside a word', 'C#sharp en mail#werk'],
    ['a double #', '##dubbel en ###drie'],
    ['a Markdown heading', '# Kop'],
    ['a number', 'issue #3 en #2026 en #1-2'],
    ['an emoji', '#🌱'],
    ['a lone #', 'iets # iets en #'],
    ['after punctuation that is not an opening', 'werk,#thuis'],
  ])('is not %s', (_what, text) => {
    expect(tagsOf(text)).toEqual([]);
  });

  it('compares tags as search compares text, and shows each as first written', () => {
    expect(tagsOf('#Één, #een, #EEN en #e\u0301e\u0301n')).toEqual([{ key: 'een', label: 'Één' }]);
    expect(tagsOf('#ﬁjn #fijn')).toEqual([{ key: 'fijn', label: 'ﬁjn' }]);
    expect(tagKey('#Één')).toBe('een');
    expect(tagKey('Werk')).toBe('werk');
  });

  it('says where every tag is written, repeats included, for marking them in a note', () => {
    const text = 'Een #Werk dag, #zus en weer #werk.';
    expect(findTags(text)).toEqual([
      { key: 'werk', label: 'Werk', start: 4, end: 9 },
      { key: 'zus', label: 'zus', start: 15, end: 19 },
      { key: 'werk', label: 'werk', start: 28, end: 33 },
    ]);
    for (const { start, end, label } of findTags(text)) expect(text.slice(start, end)).toBe(`#${label}`);
  });
});

describe('tags and feelings in the search index', () => {
  const notes = [
    note('n5', 'Weer #werk, en #Zus belde.', { feeling: 'tense' }),
    note('n4', 'Rustige dag, zonder tags.', { feeling: 'calm' }),
    note('n3', 'Een #wérk-dag met #zus.', { promptKind: 'step', promptId: 's-start-small' }),
    note('n2', 'Vandaag #Werk. Nog eens #WERK.', { feeling: 'calm' }),
    note('n1', 'Een link: example.com/#werk', { feeling: 'heavy' }),
  ];
  const entries = notes.map(toSearchEntry);
  const index = new WordIndex();
  index.put(notes);

  it('keeps the tags of the answer only, and the feeling', () => {
    expect(entries[0]).toMatchObject({
      tags: [
        { key: 'werk', label: 'werk' },
        { key: 'zus', label: 'Zus' },
      ],
      feeling: 'tense',
    });
    expect(entries[1]?.tags).toEqual([]);
    expect('feeling' in entries[2]!).toBe(false);
  });

  it('counts the notes of every tag, most used first, each shown as first written in the oldest note', () => {
    expect(tagCounts(entries)).toEqual([
      { key: 'werk', label: 'Werk', count: 2 },
      { key: 'zus', label: 'zus', count: 2 },
      { key: 'werk-dag', label: 'wérk-dag', count: 1 },
    ]);
    expect(tagCounts([])).toEqual([]);
  });

  it('filters by one tag, however it is written', () => {
    const byTag = (tag: string) => ids(index.search({ ...EMPTY_QUERY, tag }).entries);
    expect(byTag('werk')).toEqual(['n5', 'n2']);
    expect(byTag('#WÉRK')).toEqual(['n5', 'n2']);
    expect(byTag('werk-dag')).toEqual(['n3']);
    expect(byTag('niet-mijn-tag')).toEqual([]);
    expect(byTag('nergens')).toEqual([]);
  });

  it('filters by feeling', () => {
    expect(ids(index.search({ ...EMPTY_QUERY, feeling: 'calm' }).entries)).toEqual(['n4', 'n2']);
    expect(ids(index.search({ ...EMPTY_QUERY, feeling: 'light' }).entries)).toEqual([]);
  });

  it('combines a tag, a feeling, the text and the other filters', () => {
    expect(ids(index.search({ ...EMPTY_QUERY, tag: 'werk', feeling: 'calm' }).entries)).toEqual(['n2']);
    expect(ids(index.search({ ...EMPTY_QUERY, tag: 'zus', text: 'BELDE' }).entries)).toEqual(['n5']);
    expect(ids(index.search({ ...EMPTY_QUERY, tag: 'zus', kind: 'step' }).entries)).toEqual(['n3']);
    expect(ids(index.search({ ...EMPTY_QUERY, feeling: 'calm', text: 'rustige' }).entries)).toEqual(['n4']);
  });

  it('knows a query with only a tag or a feeling is not empty', () => {
    expect(isEmptyQuery(EMPTY_QUERY)).toBe(true);
    expect(isEmptyQuery({ ...EMPTY_QUERY, tag: 'werk' })).toBe(false);
    expect(isEmptyQuery({ ...EMPTY_QUERY, feeling: 'heavy' })).toBe(false);
  });
});
