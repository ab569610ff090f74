import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QUESTIONS } from '@/content/prompts';
import { renderInJournal } from './in-language';
import { InsightsSection } from '@/entrypoints/options/InsightsSection';
import { addNote, updateNoteFeeling } from '@/utils/db/notes';
import { addPauseEvent } from '@/utils/db/events';
import { putCustomPrompt } from '@/utils/db/prompts';
import type { Feeling, NewNote } from '@/utils/model/records';
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

describe('insights: how days felt', () => {
  const felt = (feeling: Feeling): NewNote => ({ ...note('q-beliefs'), feeling });

  /** Three days with feelings: mostly calm, heavy and light as often (mixed), okay; and an old one outside the year. */
  async function addFeelings(): Promise<void> {
    await addJournal();
    await addNote(felt('calm'), at(2026, 6, 10, 10));
    await addNote(felt('calm'), at(2026, 6, 10, 11));
    await addNote(felt('tense'), at(2026, 6, 10, 12));
    await addNote(felt('heavy'), at(2026, 6, 11, 10));
    await addNote(felt('light'), at(2026, 6, 11, 11));
    await addNote(felt('okay'), at(2026, 11, 24, 21));
    await addNote(felt('heavy'), at(2024, 6, 1, 9));
  }

  async function showFeelings(name = 'How days felt'): Promise<void> {
    await screen.findByRole('img');
    fireEvent.click(screen.getByRole('radio', { name }));
  }

  const feelingsCalendar = () => screen.findByRole('img', { name: /^(How days felt|Hoe dagen voelden) in/ });

  const titles = (calendar: HTMLElement) => texts([...calendar.querySelectorAll('rect > title')]);

  it('shows each day in the shade of the feeling chosen most, with its counts in words, a legend and tables', async () => {
    await addFeelings();
    renderSection();
    await screen.findByRole('img', { name: 'Calendar of the last 12 months' });
    const answers = screen.getByRole('radio', { name: 'Answers per day' });
    expect(answers).toHaveProperty('checked', true);
    expect(screen.getByRole('group', { name: 'Calendar view' })).toBeTruthy();

    await showFeelings();
    const calendar = await feelingsCalendar();
    expect(screen.getByRole('heading', { level: 2, name: 'How days felt' })).toBeTruthy();
    expect(document.getElementById(calendar.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Feelings chosen on 3 days in the last 12 months',
    );
    expect(calendar.querySelectorAll('rect')).toHaveLength(367);
    expect(calendar.querySelectorAll('rect.feeling-calm')).toHaveLength(1);
    expect(calendar.querySelectorAll('rect.feeling-mixed')).toHaveLength(1);
    expect(calendar.querySelectorAll('rect.feeling-okay')).toHaveLength(1);
    expect(calendar.querySelectorAll('rect.feeling-none')).toHaveLength(367 - 3);
    expect(titles(calendar)).toEqual(
      expect.arrayContaining([
        'Wednesday, June 10, 2026: Tense 1, Calm 2',
        'Thursday, June 11, 2026: Heavy 1, Light 1',
        'Tuesday, November 24, 2026: Okay 1',
        'Sunday, March 29, 2026: no feeling chosen',
      ]),
    );
    expect(calendar.querySelector('rect.feeling-calm > title')?.textContent).toBe('Wednesday, June 10, 2026: Tense 1, Calm 2');

    expect(texts([...document.querySelectorAll('.feelings-legend li')])).toEqual(['Heavy', 'Tense', 'Okay', 'Calm', 'Light', 'Mixed']);
    expect(screen.getByText('Each colour is one feeling; a day shows the one chosen most.')).toBeTruthy();

    fireEvent.click(screen.getByText('Show as a table'));
    const totals = screen.getByRole('table', { name: 'How often each feeling was chosen in the last 12 months' });
    expect(cells(within(totals).getAllByRole('row'))).toEqual(['Feeling Notes', 'Heavy 1', 'Tense 1', 'Okay 1', 'Calm 2', 'Light 1']);
    const perDay = screen.getByRole('table', { name: 'Feelings per day' });
    expect(cells(within(perDay).getAllByRole('row'))).toEqual([
      'Day Heavy Tense Okay Calm Light',
      'Wednesday, June 10, 2026 0 1 0 2 0',
      'Thursday, June 11, 2026 1 0 0 0 1',
      'Tuesday, November 24, 2026 0 0 1 0 0',
    ]);
    expect(
      within(perDay)
        .getAllByRole('rowheader')
        .every((header) => header.getAttribute('scope') === 'row'),
    ).toBe(true);

    fireEvent.click(answers);
    expect(await screen.findByRole('img', { name: 'Calendar of the last 12 months' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Days with a pause' })).toBeTruthy();
  });

  it('follows a feeling chosen elsewhere', async () => {
    await addJournal();
    const later = await addNote(note('q-beliefs'), at(2026, 11, 25, 9));
    renderSection();
    await showFeelings();
    await screen.findByText('Say how a moment felt when you write, or later in the journal, and the days fill in here.');
    expect(screen.queryByRole('img', { name: 'How days felt in the last 12 months' })).toBeNull();

    await updateNoteFeeling(later, 'light', NOW, later.updatedAt);
    const calendar = await screen.findByRole('img', { name: 'How days felt in the last 12 months' });
    expect(calendar.querySelector('rect.feeling-light > title')?.textContent).toBe('Wednesday, November 25, 2026: Light 1');
    expect(calendar.querySelector('rect.feeling-light')?.classList.contains('today')).toBe(true);
  });

  it('speaks Dutch', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl');
    await addFeelings();
    renderSection();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Inzichten');
    await screen.findByRole('img');
    expect(screen.getByRole('radio', { name: 'Antwoorden per dag' })).toHaveProperty('checked', true);
    await showFeelings('Hoe dagen voelden');
    const calendar = await feelingsCalendar();
    expect(calendar.querySelector('title')?.textContent).toBe('Hoe dagen voelden in de afgelopen 12 maanden');
    expect(calendar.querySelector('rect.feeling-calm > title')?.textContent).toBe('woensdag 10 juni 2026: Gespannen 1, Rustig 2');
    expect(texts([...document.querySelectorAll('.feelings-legend li')])).toEqual([
      'Zwaar',
      'Gespannen',
      'Oké',
      'Rustig',
      'Licht',
      'Gemengd',
    ]);
  });

  it('has no colour or word for good or bad', async () => {
    await addFeelings();
    const { container } = renderSection();
    await showFeelings();
    await feelingsCalendar();
    fireEvent.click(screen.getByText('Show as a table'));
    expect(container.textContent).not.toMatch(/good|bad|better|worse|score|average|goed|slecht|beter|slechter|gemiddeld/i);
    const css = readFileSync(resolve(import.meta.dirname, '../../entrypoints/options/insights.css'), 'utf8');
    const shades = [...css.matchAll(/--feeling-[a-z]+:\s*(#[0-9a-f]{6})/g)].map((match) => match[1]!);
    expect(shades).toHaveLength(10);
    for (const shade of shades) {
      const [r, g, b] = [1, 3, 5].map((at) => parseInt(shade.slice(at, at + 2), 16));
      // Not red: red is not the strongest channel by far.
      expect(r! - Math.max(g!, b!), shade).toBeLessThan(40);
    }
  });
});
