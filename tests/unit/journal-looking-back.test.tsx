import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useEffect, useRef } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { openDatabase } from '@/utils/db/connection';
import { addNote, getNotes, updateNoteFeeling } from '@/utils/db/notes';
import { useJournalPages } from '@/utils/hooks/use-journal';
import type { JournalPages } from '@/utils/hooks/use-journal';
import type { NewNote, Note } from '@/utils/model/records';
import { SAMPLE_NOTE } from './sample-note';

const at = (year: number, month: number, day: number, hour = 12) => new Date(year, month - 1, day, hour).getTime();
/** Wednesday 25 November 2026, in the afternoon. */
const NOW = at(2026, 11, 25, 14);

const STEP: NewNote = { ...SAMPLE_NOTE, promptId: 's-start-small', promptKind: 'step', promptText: 'Start small' };

const stored = async (note: Note) => (await getNotes([note.id]))[0];
const card = (answer: string) => screen.getByText(answer).closest('article')!;
const toast = () => document.querySelector('.toast')!;

async function openJournal(count: string): Promise<void> {
  render(<App />);
  await screen.findByText(count);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  location.hash = '';
});

describe('feelings in the journal', () => {
  it('shows how a note felt and changes it with toggle buttons, focus going back where it was', async () => {
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'It went well.', feeling: 'calm' }, at(2026, 11, 25, 9));
    await openJournal('1 note');
    expect(within(card('It went well.')).getByText('Felt calm').getAttribute('lang')).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'Change how it felt' }));
    const choices = await screen.findByRole('group', { name: 'How did it feel?' });
    const buttons = within(choices).getAllByRole('button');
    expect(buttons.map((button) => [button.textContent, button.getAttribute('aria-pressed')])).toEqual([
      ['Heavy', 'false'],
      ['Tense', 'false'],
      ['Okay', 'false'],
      ['Calm', 'true'],
      ['Light', 'false'],
      ['No feeling', 'false'],
    ]);
    // Focus starts on the feeling chosen now.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Calm'));

    fireEvent.click(within(choices).getByRole('button', { name: 'Tense' }));
    await screen.findByText('Felt tense');
    expect((await stored(note))?.feeling).toBe('tense');
    expect(toast().textContent).toBe('Feeling saved.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change how it felt' })));

    // Escape closes the choice without storing anything.
    fireEvent.click(screen.getByRole('button', { name: 'Change how it felt' }));
    fireEvent.keyDown(await screen.findByRole('button', { name: 'Light' }), { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change how it felt' })));
    expect((await stored(note))?.feeling).toBe('tense');

    fireEvent.click(screen.getByRole('button', { name: 'Change how it felt' }));
    fireEvent.click(await screen.findByRole('button', { name: 'No feeling' }));
    await screen.findByRole('button', { name: 'Add how it felt' });
    expect(screen.queryByText(/^Felt /)).toBeNull();
    expect(await stored(note)).not.toHaveProperty('feeling');
    expect(toast().textContent).toBe('Feeling removed.');
  });

  it('says so when the note changed elsewhere meanwhile, and keeps the choice the person makes', async () => {
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'Two tabs.' }, at(2026, 11, 25, 9));
    await openJournal('1 note');
    fireEvent.click(screen.getByRole('button', { name: 'Add how it felt' }));
    await screen.findByRole('group', { name: 'How did it feel?' });
    // Another tab says how it felt while this one is choosing.
    const there = await updateNoteFeeling(note, 'light', NOW, note.updatedAt);
    await screen.findByText('Felt light');

    fireEvent.click(screen.getByRole('button', { name: 'Calm' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'This note was changed elsewhere (another tab or an import) while you chose. How it felt there: Light.',
    );
    expect((await stored(note))?.feeling).toBe('light');
    await waitFor(() => expect(document.activeElement).toBe(alert));

    fireEvent.click(within(alert).getByRole('button', { name: 'Use “Calm”' }));
    await screen.findByText('Felt calm');
    const kept = await stored(note);
    expect(kept?.feeling).toBe('calm');
    expect(kept!.updatedAt).toBeGreaterThan(there.updatedAt);

    // The other way: the feeling from elsewhere stays.
    fireEvent.click(screen.getByRole('button', { name: 'Change how it felt' }));
    await screen.findByRole('group', { name: 'How did it feel?' });
    await updateNoteFeeling(kept!, 'heavy', NOW + 1, kept!.updatedAt);
    await screen.findByText('Felt heavy');
    fireEvent.click(screen.getByRole('button', { name: 'Okay' }));
    fireEvent.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Keep that' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change how it felt' })));
    expect((await stored(note))?.feeling).toBe('heavy');
  });

  it('filters by feeling, with the other filters', async () => {
    await addNote({ ...SAMPLE_NOTE, answer: 'Calm question', feeling: 'calm' }, at(2026, 11, 20));
    await addNote({ ...STEP, answer: 'Calm step', feeling: 'calm' }, at(2026, 11, 21));
    await addNote({ ...SAMPLE_NOTE, answer: 'Heavy question', feeling: 'heavy' }, at(2026, 11, 22));
    await addNote({ ...SAMPLE_NOTE, answer: 'Said nothing' }, at(2026, 11, 23));
    await openJournal('4 notes');
    const feeling = screen.getByRole('combobox', { name: 'Feeling' });
    expect([...feeling.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'All feelings',
      'Heavy',
      'Tense',
      'Okay',
      'Calm',
      'Light',
    ]);
    fireEvent.change(feeling, { target: { value: 'calm' } });
    await screen.findByText('2 notes found');
    expect(screen.getAllByRole('article').map((article) => article.querySelector('.note-answer')?.textContent)).toEqual([
      'Calm step',
      'Calm question',
    ]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'question' } });
    await screen.findByText('1 note found');
    // The list's notes: On this day, above it, shows the note of a week ago too.
    expect(screen.getAllByRole('article').map((article) => article.querySelector('.note-answer')?.textContent)).toEqual(['Calm question']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await screen.findByText('4 notes');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Feeling' }).value).toBe('all');
  });
});

describe('tags in the journal', () => {
  const tagGroup = () => screen.findByRole('group', { name: 'Your tags' });
  /** The tags in the order shown, by what is written on them (their names add the count in words). */
  const tagNames = (group: HTMLElement) =>
    within(group)
      .getAllByRole('button', { name: /^#/ })
      .map((button) => button.textContent?.split(' ')[0]);

  it('lists the #tags written in answers with their counts, as search compares them, and filters by one', async () => {
    await addNote({ ...SAMPLE_NOTE, answer: 'First #Werk, then #één' }, at(2026, 11, 20));
    await addNote({ ...SAMPLE_NOTE, answer: 'Again #werk at home #thuis' }, at(2026, 11, 21));
    await addNote({ ...SAMPLE_NOTE, answer: 'About #een thing, not a heading:\n# title, not issue #3' }, at(2026, 11, 22));
    await addNote({ ...SAMPLE_NOTE, answer: 'Nothing tagged at home' }, at(2026, 11, 23));
    await openJournal('4 notes');

    const group = await tagGroup();
    // Most used first, then by name; each as first written.
    expect(tagNames(group)).toEqual(['#één', '#Werk', '#thuis']);
    expect(within(group).getByRole('button', { name: '#één 2 notes' })).toBeTruthy();
    expect(within(group).getByRole('button', { name: '#thuis 1 note' })).toBeTruthy();
    const werk = within(group).getByRole('button', { name: '#Werk 2 notes' });
    expect(werk.getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(werk);
    await screen.findByText('2 notes found');
    expect(werk.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getAllByRole('article').map((article) => article.querySelector('.note-answer')?.textContent)).toEqual([
      'Again #werk at home #thuis',
      'First #Werk, then #één',
    ]);

    // Combined with the text search.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your notes' }), { target: { value: 'HOME' } });
    await screen.findByText('1 note found');
    expect(screen.getByText('Again #werk at home #thuis')).toBeTruthy();

    // Pressed again, the tag filter goes; the search stays.
    fireEvent.click(within(group).getByRole('button', { name: '#Werk 2 notes' }));
    await screen.findByText('2 notes found');
    expect(within(group).getByRole('button', { name: '#Werk 2 notes' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('follows new tags, and shows the first twelve with the rest on request', async () => {
    for (let i = 0; i < 14; i++) await addNote({ ...SAMPLE_NOTE, answer: `#tag${String.fromCharCode(97 + i)}` }, at(2026, 11, 1 + i));
    await addNote({ ...SAMPLE_NOTE, answer: '#tagn again' }, at(2026, 11, 20));
    await openJournal('15 notes');
    const group = await tagGroup();
    const more = within(group).getByRole('button', { name: '2 more tags' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(tagNames(group)).toEqual(['#tagn', ...'abcdefghijk'.split('').map((letter) => `#tag${letter}`)]);
    expect(within(group).getByRole('button', { name: '#tagn 2 notes' })).toBeTruthy();

    // The tag filtered by stays shown when the list is folded.
    fireEvent.click(more);
    const fewer = within(group).getByRole('button', { name: 'Fewer tags' });
    expect(fewer.getAttribute('aria-expanded')).toBe('true');
    expect(tagNames(group)).toHaveLength(14);
    fireEvent.click(within(group).getByRole('button', { name: '#tagm 1 note' }));
    await screen.findByText('1 note found');
    fireEvent.click(fewer);
    expect(tagNames(group)).toHaveLength(13);
    expect(within(group).getByRole('button', { name: '#tagm 1 note' }).getAttribute('aria-pressed')).toBe('true');

    await addNote({ ...SAMPLE_NOTE, answer: 'A new #TagX' }, at(2026, 11, 24));
    await waitFor(() => expect(within(group).getByRole('button', { name: '3 more tags' })).toBeTruthy());
  });
});

describe('links to a prompt (options.html#journal?prompt=…)', () => {
  it('opens the journal filtered to the prompt, clears like any filter, and follows the address while open', async () => {
    await addNote({ ...SAMPLE_NOTE, answer: 'A question answered' }, at(2026, 11, 20));
    await addNote({ ...STEP, answer: 'A step taken' }, at(2026, 11, 21));
    location.hash = '#journal?prompt=s-start-small';
    render(<App />);
    await screen.findByText('1 note found');
    expect(screen.getByText('A step taken')).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Prompt' }).value).toBe('s-start-small');
    expect(screen.getByRole('heading', { name: 'Every answer to this prompt, over time' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Journal' }).getAttribute('aria-current')).toBe('page');

    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await screen.findByText('2 notes');
    expect(location.hash).toBe('#journal');

    location.hash = `#journal?prompt=${SAMPLE_NOTE.promptId}`;
    dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByText('1 note found');
    expect(screen.getByText('A question answered')).toBeTruthy();
    // Searching within the prompt's answers keeps the address; choosing another prompt does not.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your notes' }), { target: { value: 'question' } });
    await waitFor(() => expect(location.hash).toBe(`#journal?prompt=${SAMPLE_NOTE.promptId}`));
    fireEvent.change(screen.getByRole('combobox', { name: 'Prompt' }), { target: { value: 'all' } });
    await screen.findByText('1 note found');
    expect(location.hash).toBe('#journal');
  });
});

describe('On this day in the journal', () => {
  it('opens a note: a filter hiding it is cleared, and focus moves to it', async () => {
    const yearAgo = await addNote({ ...SAMPLE_NOTE, answer: 'A year ago today.' }, at(2025, 11, 25, 9));
    await addNote({ ...SAMPLE_NOTE, answer: 'Calm now.', feeling: 'calm' }, at(2026, 11, 25, 9));
    await openJournal('2 notes');
    fireEvent.change(screen.getByRole('combobox', { name: 'Feeling' }), { target: { value: 'calm' } });
    await screen.findByText('1 note found');

    const row = await screen.findByRole('region', { name: 'On this day' });
    fireEvent.click(within(row).getByRole('button', { name: 'A year ago A year ago today.' }));
    await waitFor(() => expect(document.activeElement?.id).toBe(`note-${yearAgo.id}`));
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Feeling' }).value).toBe('all');
    expect(screen.getByText('2 notes')).toBeTruthy();
  });

  it('is hidden for today with focus on the search, and said so', async () => {
    await addNote({ ...SAMPLE_NOTE, answer: 'A week ago.' }, at(2026, 11, 18, 9));
    await openJournal('1 note');
    const row = await screen.findByRole('region', { name: 'On this day' });
    fireEvent.click(within(row).getByRole('button', { name: 'Hide for today' }));
    expect(screen.queryByRole('region', { name: 'On this day' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search your notes' }));
    expect(toast().textContent).toBe('On this day is hidden until tomorrow.');
  });

  it('speaks Dutch', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl-NL');
    await addNote({ ...SAMPLE_NOTE, answer: 'Een jaar geleden. #Werk', feeling: 'okay' }, at(2025, 11, 25, 9));
    await openJournal('1 notitie');
    const row = await screen.findByRole('region', { name: 'Op deze dag' });
    expect(within(row).getByRole('button', { name: 'Een jaar geleden Een jaar geleden. #Werk' })).toBeTruthy();
    expect(screen.getByText('Voelde oké')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Wijzig hoe het voelde' })).toBeTruthy();
    expect(within(await screen.findByRole('group', { name: 'Je tags' })).getByRole('button', { name: '#Werk 1 notitie' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Gevoel' }).querySelector('option')?.textContent).toBe('Alle gevoelens');
  });
});

describe('reading the journal through to a note far back', () => {
  function Pages({ through, onPages }: { through?: Pick<Note, 'createdAt' | 'id'>; onPages: (pages: JournalPages) => void }) {
    const pages = useJournalPages();
    const asked = useRef(false);
    // Once, when the first page is there.
    useEffect(() => {
      if (pages.state.status !== 'ready' || !through || asked.current) return;
      asked.current = true;
      void pages.loadThrough(through);
    });
    if (pages.state.status === 'ready') onPages(pages.state.value);
    return null;
  }

  it('reads the pages down to the note, and no further', async () => {
    // Stored in one transaction: thousands of notes one by one would take the test's time.
    const notes: Note[] = Array.from({ length: 2500 }, (_, i) => {
      const createdAt = 1_000_000 + i * 60_000;
      return { ...SAMPLE_NOTE, id: `note-${String(i).padStart(4, '0')}`, answer: `note ${i}`, createdAt, updatedAt: createdAt };
    });
    const tx = (await openDatabase()).transaction('notes', 'readwrite');
    await Promise.all([...notes.map((note) => tx.store.put(note)), tx.done]);
    // A thousand notes down: past the first page, within the first read after it.
    const target = notes[1500]!;
    const seen: JournalPages[] = [];
    render(<Pages through={target} onPages={(pages) => seen.push(pages)} />);
    // Some seconds of fake IndexedDB work when the machine is busy: the wait may take up to the test's own ceiling.
    await waitFor(() => expect(seen.at(-1)?.notes.some((note) => note.id === target.id)).toBe(true), { timeout: 55_000 });
    const last = seen.at(-1)!;
    expect(seen[0]?.notes).toHaveLength(40);
    // Newest first, each once, ending in the batch that holds the note.
    expect(last.notes.map((note) => note.answer)).toEqual(
      notes
        .slice(-last.notes.length)
        .reverse()
        .map((note) => note.answer),
    );
    expect(last.notes).toHaveLength(40 + 2000);
    expect(last.next).toBeDefined();
  });
});
