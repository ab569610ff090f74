import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QUESTIONS } from '@/content/prompts';
import { renderInJournal } from './in-language';
import { InsightsSection } from '@/entrypoints/options/InsightsSection';
import { addNote } from '@/utils/db/notes';
import { addPauseEvent } from '@/utils/db/events';
import { putCustomPrompt } from '@/utils/db/prompts';
import type { NewNote } from '@/utils/model/records';
import { uiLocale } from '@/utils/storage/language';

const at = (year: number, month: number, day: number, hour = 12, minute = 0) => new Date(year, month - 1, day, hour, minute).getTime();

/** Wednesday 25 November 2026: the calendar runs from Monday 24 November 2025, 13 months of rows. */
const NOW = at(2026, 11, 25, 14, 20);

const note = (promptId: string, promptKind: NewNote['promptKind'] = 'question'): NewNote => ({
  promptId,
  promptText: promptId,
  promptKind,
  locale: 'en',
  answer: 'a few lines',
  source: 'pause',
});

const BELIEFS = QUESTIONS.find((question) => question.id === 'q-beliefs');
const FEELINGS = QUESTIONS.find((question) => question.id === 'q-where-feelings');

/** Six days with a pause in the window, and older notes that still count for the prompts answered most. */
async function addJournal(): Promise<void> {
  await putCustomPrompt({ id: 'c-smile', text: 'What made me smile today?', createdAt: 1, updatedAt: 1 });
  // Summer time starts this night; both notes belong to 29 March.
  await addNote(note('q-beliefs'), at(2026, 3, 29, 0, 30));
  await addNote(note('q-beliefs'), at(2026, 3, 29, 10));
  await addNote(note('q-beliefs'), at(2026, 6, 10, 9));
  await addNote(note('s-start-small', 'step'), at(2026, 6, 11, 9));
  await addNote(note('c-smile'), at(2026, 11, 24, 20));
  await addNote(note('c-smile'), at(2026, 11, 25, 8));
  await addNote(note('q-where-feelings'), at(2024, 1, 1, 9));

  await addPauseEvent('offered', at(2024, 1, 1, 8));
  await addPauseEvent('offered', at(2026, 6, 10, 8, 50), 'q-beliefs');
  await addPauseEvent('answered', at(2026, 6, 10, 9), 'q-beliefs');
  await addPauseEvent('offered', at(2026, 7, 1, 8, 50), 's-train-mindset');
  // Answered, but the note was deleted later: the day still had a pause.
  await addPauseEvent('answered', at(2026, 7, 1, 9), 's-train-mindset');
  await addPauseEvent('offered', at(2026, 8, 1, 8, 50));
  await addPauseEvent('snoozed', at(2026, 8, 1, 8, 55));
  await addPauseEvent('offered', at(2026, 8, 1, 9, 55));
  await addPauseEvent('skipped', at(2026, 8, 1, 10));
}

function renderSection() {
  const locale = uiLocale();
  return renderInJournal(<InsightsSection />, locale);
}

const texts = (elements: readonly Element[]) => elements.map((element) => element.textContent?.replace(/\s+/g, ' ').trim());

/** A table row as a screen reader reads it, cell by cell. */
const cells = (rows: readonly HTMLElement[]) =>
  rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent).join(' '));

function monthRows(): HTMLElement[] {
  const summary = screen.getByText(/Show as a table|Als tabel tonen/);
  fireEvent.click(summary);
  const details = summary.closest('details');
  if (details && !details.open) details.open = true;
  const table = screen.getByRole('table');
  return within(table).getAllByRole('row').slice(1);
}

beforeEach(() => {
  // Only the clock is fake; IndexedDB and the testing library keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('insights (options page)', () => {
  it('is kind while there is nothing to show yet', async () => {
    renderSection();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Insights');
    await screen.findByText('Your calendar fills in as you take pauses.');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('shows the calendar, the pauses offered and the prompts answered most', async () => {
    await addJournal();
    renderSection();

    const calendar = await screen.findByRole('img', { name: 'Calendar of the last 12 months' });
    const description = document.getElementById(calendar.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe('Pauses on 6 days in the last 12 months');
    const cells = calendar.querySelectorAll('rect');
    expect(cells).toHaveLength(367);
    expect(texts([...cells].map((cell) => cell.querySelector('title')).filter((title) => title !== null))).toContain(
      'Sunday, March 29, 2026: 2 pauses',
    );
    expect(calendar.querySelectorAll('rect.level-0')).toHaveLength(367 - 6);

    const counts = screen.getByRole('list', { name: 'Pauses offered in the last 12 months' });
    expect(texts(within(counts).getAllByRole('listitem'))).toEqual(['Offered 4', 'Taken 2', 'Not now 1', 'Snoozed 1', 'Let pass 0']);

    const top = screen.getByRole('list', { name: 'The prompts you answered most' });
    expect(top.tagName).toBe('OL');
    expect(texts(within(top).getAllByRole('listitem'))).toEqual([
      `${BELIEFS?.text.en} 3 notes`,
      'What made me smile today? 2 notes',
      `${FEELINGS?.text.en} 1 note`,
      'Start small 1 note',
    ]);
  });

  it('offers the calendar as a table with a row per month', async () => {
    await addJournal();
    renderSection();
    await screen.findByRole('img');
    expect(screen.getByRole('table', { name: 'Days with a pause and notes, per month' })).toBeTruthy();
    const headers = screen.getAllByRole('columnheader');
    expect(texts(headers)).toEqual(['Month', 'Days with a pause', 'Notes']);
    expect(headers.every((header) => header.getAttribute('scope') === 'col')).toBe(true);

    const rows = monthRows();
    expect(rows).toHaveLength(13);
    expect(texts(rows.map((row) => row.querySelector('th[scope="row"]') ?? row))).toEqual([
      'November 2025',
      'December 2025',
      'January 2026',
      'February 2026',
      'March 2026',
      'April 2026',
      'May 2026',
      'June 2026',
      'July 2026',
      'August 2026',
      'September 2026',
      'October 2026',
      'November 2026',
    ]);
    expect(cells(rows)).toContain('March 2026 1 2');
    expect(cells(rows)).toContain('June 2026 2 2');
    expect(cells(rows)).toContain('July 2026 1 0');
    expect(cells(rows)).toContain('November 2026 2 2');
  });

  it('speaks Dutch in a Dutch browser', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl');
    await addJournal();
    renderSection();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Inzichten');
    const calendar = await screen.findByRole('img', { name: 'Kalender van de afgelopen 12 maanden' });
    expect(document.getElementById(calendar.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Pauzes op 6 dagen in de afgelopen 12 maanden',
    );
    expect(texts([...calendar.querySelectorAll('.insights-weekday')])).toEqual(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);

    const counts = screen.getByRole('list', { name: 'Aangeboden pauzes in de afgelopen 12 maanden' });
    expect(texts(within(counts).getAllByRole('listitem'))).toEqual([
      'Aangeboden 4',
      'Genomen 2',
      'Nu niet 1',
      'Uitgesteld 1',
      'Voorbijgegaan 0',
    ]);
    const top = screen.getByRole('list', { name: 'Wat je het vaakst beantwoordde' });
    expect(texts(within(top).getAllByRole('listitem'))).toEqual([
      `${BELIEFS?.text.nl} 3 notities`,
      'What made me smile today? 2 notities',
      `${FEELINGS?.text.nl} 1 notitie`,
      'Begin klein 1 notitie',
    ]);

    const rows = monthRows();
    expect(rows).toHaveLength(13);
    expect(cells(rows)).toContain('maart 2026 1 2');
  });

  it('never speaks of streaks, misses or failure', async () => {
    await addJournal();
    const { container } = renderSection();
    await screen.findByRole('img');
    monthRows();
    expect(container.textContent).not.toMatch(/streak|missed|fail|reeks|gemist|mislukt/i);
  });
});
