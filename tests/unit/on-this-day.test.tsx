import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OnThisDay, excerpt, withFirstReads } from '@/entrypoints/options/OnThisDay';
import { addNote, deleteNote } from '@/utils/db/notes';
import type { Locale } from '@/utils/i18n/locale';
import type { Note } from '@/utils/model/records';
import { saveSettings } from '@/utils/storage/settings';
import { renderInJournal } from './in-language';
import { SAMPLE_NOTE } from './sample-note';

const at = (year: number, month: number, day: number, hour = 12) => new Date(year, month - 1, day, hour).getTime();

/** Wednesday 25 November 2026, in the afternoon. */
const NOW = at(2026, 11, 25, 14);

const LONG_ANSWER =
  'Vandaag heb ik mijn zus verteld hoe spannend het was om hulp te vragen, en het bleek veel makkelijker dan ik had gedacht toen ik begon.';

/** A week ago exactly, a month ago two days later, a year ago exactly. */
async function addLookBacks(): Promise<{ week: Note; month: Note; year: Note }> {
  const week = await addNote({ ...SAMPLE_NOTE, answer: 'A week ago I asked for help.' }, at(2026, 11, 18, 9));
  const month = await addNote({ ...SAMPLE_NOTE, locale: 'nl', answer: LONG_ANSWER }, at(2026, 10, 27, 20));
  const year = await addNote({ ...SAMPLE_NOTE, answer: 'A year ago:\n\nfirst   lines.' }, at(2025, 11, 25, 8));
  // Today's note is not looked back to.
  await addNote({ ...SAMPLE_NOTE, answer: 'Today' }, at(2026, 11, 25, 10));
  return { week, month, year };
}

function renderRow(locale: Locale = 'en', answerHidden = false) {
  const onOpen = vi.fn<(note: Note) => void>();
  const onHidden = vi.fn<(announcement: string) => void>();
  renderInJournal(<OnThisDay onOpen={onOpen} onHidden={onHidden} answerHidden={answerHidden} />, locale);
  return { onOpen, onHidden };
}

const region = (name = 'On this day') => screen.findByRole('region', { name });
const items = (within: HTMLElement) => [...within.querySelectorAll('li button')].map((button) => button.textContent);

beforeEach(() => {
  // Only the clock is fake; IndexedDB and the testing library keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('On this day', () => {
  it('shows what was written a week, a month (on a near day) and a year ago, each opening its note', async () => {
    const { week, month, year } = await addLookBacks();
    const { onOpen } = renderRow();
    const row = await region();
    expect(within(row).getByRole('heading', { level: 2 }).textContent).toBe('On this day');
    expect(items(row)).toEqual([
      'A week ago A week ago I asked for help.',
      `A month ago (2 days later) ${excerpt(LONG_ANSWER)}`,
      'A year ago A year ago: first lines.',
    ]);
    // The excerpt is in the note's own language.
    expect(within(row).getByText(excerpt(LONG_ANSWER)).getAttribute('lang')).toBe('nl');

    fireEvent.click(within(row).getByRole('button', { name: /^A month ago/ }));
    expect(onOpen).toHaveBeenCalledWith(month);
    fireEvent.click(within(row).getByRole('button', { name: /^A week ago/ }));
    fireEvent.click(within(row).getByRole('button', { name: /^A year ago/ }));
    expect(onOpen.mock.calls).toEqual([[month], [week], [year]]);
  });

  it('is laid out in the render that mounts it when its first reads were made before (the journal starts them with its own)', async () => {
    await addLookBacks();
    const Row = await withFirstReads();
    renderInJournal(<Row onOpen={vi.fn()} onHidden={vi.fn()} answerHidden={false} />, 'en');
    // No waiting: the settings and the notes were read before mounting.
    const row = screen.getByRole('region', { name: 'On this day' });
    expect(items(row)).toHaveLength(3);
    // Read again on mounting all the same: a note saved meanwhile shows.
    await addNote({ ...SAMPLE_NOTE, answer: 'Also a week ago.' }, at(2026, 11, 18, 10));
    await waitFor(() => expect(items(row)[0]).toBe('A week ago Also a week ago.'));
  });

  it('shortens an answer to about a hundred characters, at a word, never through a character', () => {
    expect(excerpt(LONG_ANSWER)).toBe('Vandaag heb ik mijn zus verteld hoe spannend het was om hulp te vragen, en het bleek veel…');
    expect([...excerpt(LONG_ANSWER)].length).toBeLessThanOrEqual(101);
    expect(excerpt('short\n\n  answer ')).toBe('short answer');
    // No space to cut at: cut by characters, and an emoji stays whole.
    const emoji = '🌱'.repeat(150);
    expect(excerpt(emoji)).toBe(`${'🌱'.repeat(100)}…`);
  });

  it('follows changes: a note deleted elsewhere goes, and nothing shows without notes then', async () => {
    const week = await addNote({ ...SAMPLE_NOTE, answer: 'Only a week ago.' }, at(2026, 11, 18, 9));
    renderRow();
    const row = await region();
    expect(items(row)).toEqual(['A week ago Only a week ago.']);
    await addNote({ ...SAMPLE_NOTE, answer: 'And a year ago.' }, at(2025, 11, 24, 9));
    await waitFor(() => expect(items(row)).toEqual(['A week ago Only a week ago.', 'A year ago (1 day earlier) And a year ago.']));

    await deleteNote(week.id, week.updatedAt);
    await waitFor(() => expect(items(row)).toEqual(['A year ago (1 day earlier) And a year ago.']));
  });

  it('shows nothing when nothing was written around those days', async () => {
    const week = await addNote({ ...SAMPLE_NOTE, answer: 'The only one.' }, at(2026, 11, 18, 9));
    renderRow();
    await region();
    await deleteNote(week.id, week.updatedAt);
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    // Four days from the day looked back to is too far; three is near enough.
    await addNote({ ...SAMPLE_NOTE, answer: 'Too far.' }, at(2026, 11, 14, 9));
    await addNote({ ...SAMPLE_NOTE, answer: 'Also too far.' }, at(2025, 11, 29, 9));
    await addNote({ ...SAMPLE_NOTE, answer: 'Near enough.' }, at(2026, 11, 21, 23));
    expect(items(await region())).toEqual(['A week ago (3 days later) Near enough.']);
  });

  it('hides for today, says so to the page, and comes back tomorrow', async () => {
    await addLookBacks();
    const { onHidden } = renderRow();
    const row = await region();
    fireEvent.click(within(row).getByRole('button', { name: 'Hide for today' }));
    expect(screen.queryByRole('region')).toBeNull();
    expect(onHidden).toHaveBeenCalledTimes(1);
    expect(onHidden).toHaveBeenCalledWith('On this day is hidden until tomorrow.');
    expect(localStorage.getItem('adempauze.onThisDayHiddenOn')).toBe('"2026-11-25"');

    // Later the same day, in a new page: still hidden, without reading anything.
    cleanup();
    vi.setSystemTime(at(2026, 11, 25, 23));
    renderRow();
    expect(screen.queryByRole('region')).toBeNull();

    cleanup();
    vi.setSystemTime(at(2026, 11, 26, 7));
    renderRow();
    expect([...(await region()).querySelectorAll('.on-this-day-when')].map((when) => when.textContent)).toEqual([
      'A week ago (1 day earlier)',
      'A month ago (1 day later)',
      'A year ago (1 day earlier)',
    ]);
  });

  it('follows the setting: off hides it, on shows it again', async () => {
    await addLookBacks();
    renderRow();
    await region();
    await saveSettings({ onThisDay: false });
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    await saveSettings({ onThisDay: true });
    expect(items(await region())).toHaveLength(3);
  });

  it('blurs the excerpts while answers are hidden', async () => {
    await addLookBacks();
    renderRow('en', true);
    expect((await region()).classList.contains('hide-excerpts')).toBe(true);
  });

  it('speaks Dutch', async () => {
    await addLookBacks();
    renderRow('nl');
    const row = await region('Op deze dag');
    expect([...row.querySelectorAll('.on-this-day-when')].map((when) => when.textContent)).toEqual([
      'Een week geleden',
      'Een maand geleden (2 dagen later)',
      'Een jaar geleden',
    ]);
    expect(within(row).getByRole('button', { name: 'Verberg voor vandaag' })).toBeTruthy();
  });
});
