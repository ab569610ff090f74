import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { addNote, getNotes } from '@/utils/db/notes';
import { DEFAULT_SETTINGS } from '@/utils/model/settings';
import { loadSettings, saveSettings } from '@/utils/storage/settings';
import { SAMPLE_NOTE } from './sample-note';

const NOTE = SAMPLE_NOTE;

describe('journal (options page)', () => {
  it('invites a first note when there is none', async () => {
    render(<App />);
    await screen.findByText(/No notes yet/);
  });

  it('lists notes newest first with prompt, answer and date', async () => {
    await addNote({ ...NOTE, answer: 'older' }, new Date(2026, 0, 5, 9, 30).getTime());
    await addNote({ ...NOTE, answer: 'newer\nsecond line' }, new Date(2026, 10, 25, 14, 20).getTime());
    render(<App />);
    await screen.findByText('2 notes');
    const items = screen.getAllByRole('article');
    expect(items.map((item) => item.querySelector('.note-answer')?.textContent)).toEqual(['newer\nsecond line', 'older']);
    expect(items[0]?.querySelector('time')?.textContent).toBe('Nov 25, 2026, 2:20 PM');
    expect(screen.getAllByRole('heading', { level: 3 })[0]?.textContent).toBe(NOTE.promptText);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Wednesday, November 25, 2026',
      'Monday, January 5, 2026',
    ]);
  });

  it('shows dates in Dutch in a Dutch browser', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl-NL');
    await addNote(NOTE, new Date(2026, 10, 25, 14, 20).getTime());
    render(<App />);
    await screen.findByText('1 notitie');
    expect(screen.getByRole('article').querySelector('time')?.textContent).toBe('25 nov 2026, 14:20');
  });

  it('renders only the notes near the window of a long journal', async () => {
    for (let i = 0; i < 300; i++) await addNote({ ...NOTE, answer: `note ${i}` }, 1_000_000 + i * 60_000);
    render(<App />);
    await screen.findByText('300 notes');
    const shown = screen.getAllByRole('article').length;
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(60);
    expect(screen.getByText('note 299')).toBeTruthy();
  });

  it('searches case- and accent-insensitively and filters by kind', async () => {
    await addNote({ ...NOTE, answer: 'Één keer durfde ik het' }, 1);
    await addNote({ ...NOTE, answer: 'Nothing about that', promptKind: 'step', promptId: 's-start-small', promptText: 'Start small' }, 2);
    render(<App />);
    await screen.findByText('2 notes');
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your notes' }), { target: { value: 'een KEER' } });
    await screen.findByText('1 note found');
    expect(screen.getByText('Één keer durfde ik het')).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your notes' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'step' } });
    await screen.findByText('1 note found');
    expect(screen.getByText('Nothing about that')).toBeTruthy();
  });

  it('edits an answer in place: updatedAt moves, createdAt stays', async () => {
    const note = await addNote(NOTE, 5_000);
    render(<App />);
    await screen.findByText('1 note');
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Edit your answer' }), { target: { value: 'changed my mind' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('changed my mind');
    const [stored] = await getNotes([note.id]);
    expect(stored).toMatchObject({ answer: 'changed my mind', createdAt: 5_000 });
    expect(stored!.updatedAt).toBeGreaterThan(5_000);
  });

  it('gives focus back to Edit when an edit is saved or cancelled', async () => {
    await addNote(NOTE, 5_000);
    render(<App />);
    await screen.findByText('1 note');
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const field = screen.getByRole('textbox', { name: 'Edit your answer' });
    fireEvent.keyDown(field, { key: 'Escape' });
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit' })));

    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Edit your answer' }), { target: { value: 'said kindly' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('said kindly');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit' })));
  });

  it('deletes with an Undo that restores the note exactly', async () => {
    const note = await addNote(NOTE, 5_000);
    render(<App />);
    await screen.findByText('1 note');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByText('Note deleted.');
    expect(await getNotes([note.id])).toEqual([]);
    expect(screen.queryByRole('article')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(NOTE.answer);
    expect(await getNotes([note.id])).toEqual([note]);
  });

  it('hides answers for screen sharing, each readable by focus, and remembers the choice', async () => {
    await addNote(NOTE, 1);
    render(<App />);
    await screen.findByText('1 note');
    const answer = () => document.querySelector('.note-answer')!;
    expect(answer().getAttribute('tabindex')).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: 'Hide answers (for screen sharing)' }));
    expect(document.querySelector('.hide-answers .note-answer')).toBe(answer());
    expect(answer().getAttribute('tabindex')).toBe('0');
    cleanup();
    render(<App />);
    await screen.findByText('1 note');
    expect(screen.getByRole('switch', { name: 'Hide answers (for screen sharing)' })).toHaveProperty('checked', true);
  });

  it('renders markup in answers as literal text', async () => {
    await addNote({ ...NOTE, answer: '<img src=x onerror=alert(1)><b>bold</b>' }, 1);
    render(<App />);
    await screen.findByText('<img src=x onerror=alert(1)><b>bold</b>');
    expect(document.querySelector('.note-answer img, .note-answer b')).toBeNull();
  });
});

describe('settings (options page)', () => {
  afterEach(() => {
    location.hash = '';
  });

  async function openSettings(): Promise<void> {
    location.hash = '#settings';
    render(<App />);
    await screen.findByRole('button', { name: 'Save settings' });
  }

  const range = (place: number) => screen.getByRole('group', { name: `Range ${place}` });
  const ranges = () => screen.queryAllByRole('group', { name: /^Range \d$/ });
  const from = (place: number) => within(range(place)).getByLabelText<HTMLInputElement>('From');
  const until = (place: number) => within(range(place)).getByLabelText<HTMLInputElement>('Until');
  const type = (input: HTMLInputElement, value: string) => fireEvent.input(input, { target: { value } });
  const addButton = () => screen.getByRole('button', { name: 'Add a range' });
  /** The words an element's aria-describedby points at. */
  const description = (element: Element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');

  async function save(outcome: 'Settings saved.' | 'Please look at the marked fields; nothing was changed.'): Promise<void> {
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(outcome);
  }

  it('shows the stored range, without Remove while it is the only one', async () => {
    await openSettings();
    expect(ranges()).toHaveLength(1);
    expect(from(1).value).toBe('09:00');
    expect(until(1).value).toBe('18:00');
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(addButton().getAttribute('aria-disabled')).toBeNull();
  });

  it('adds a range, with focus on its From, and saves both', async () => {
    await openSettings();
    type(until(1), '12:00');
    fireEvent.click(addButton());
    expect(ranges()).toHaveLength(2);
    await waitFor(() => expect(document.activeElement).toBe(from(2)));
    type(from(2), '13:00');
    type(until(2), '17:30');
    await save('Settings saved.');
    expect((await loadSettings()).activeRanges).toEqual([
      { startMinutes: 540, endMinutes: 720 },
      { startMinutes: 780, endMinutes: 1050 },
    ]);
  });

  it('stops at three ranges and says why, to screen readers too', async () => {
    await openSettings();
    fireEvent.click(addButton());
    fireEvent.click(addButton());
    expect(ranges()).toHaveLength(3);
    expect(addButton().getAttribute('aria-disabled')).toBe('true');
    expect(description(addButton())).toBe('At most 3 ranges a day.');
    fireEvent.click(addButton());
    expect(ranges()).toHaveLength(3);
  });

  it('removes a range, with focus on Add a range, and saves the rest', async () => {
    await saveSettings({
      activeRanges: [
        { startMinutes: 540, endMinutes: 720 },
        { startMinutes: 780, endMinutes: 1080 },
      ],
    });
    await openSettings();
    expect(ranges()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Remove range 1' }));
    expect(ranges()).toHaveLength(1);
    expect(from(1).value).toBe('13:00');
    await waitFor(() => expect(document.activeElement).toBe(addButton()));
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    await save('Settings saved.');
    expect((await loadSettings()).activeRanges).toEqual([{ startMinutes: 780, endMinutes: 1080 }]);
  });

  it('says in words when a range runs into the next day, and saves it', async () => {
    await openSettings();
    type(from(1), '22:00');
    // Until midnight is the end of the same day, not the next one.
    type(until(1), '00:00');
    expect(screen.queryByText(/the next day/)).toBeNull();
    type(until(1), '02:00');
    expect(screen.getByText('until 2:00 AM the next day')).toBeTruthy();
    expect(description(until(1))).toBe('until 2:00 AM the next day');
    await save('Settings saved.');
    expect((await loadSettings()).activeRanges).toEqual([{ startMinutes: 1320, endMinutes: 120 }]);
  });

  it('says it in Dutch in a Dutch browser', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl-NL');
    await saveSettings({ activeRanges: [{ startMinutes: 1320, endMinutes: 120 }] });
    location.hash = '#settings';
    render(<App />);
    await screen.findByText('tot 02:00 de volgende dag');
    expect(screen.getByRole('group', { name: 'Tijdvak 1' })).toBeTruthy();
  });

  it('names an overlap under the range that overlaps, ties it to its times, and stores nothing', async () => {
    await openSettings();
    type(until(1), '12:00');
    fireEvent.click(addButton());
    type(from(2), '11:00');
    type(until(2), '14:00');
    await save('Please look at the marked fields; nothing was changed.');
    expect(within(range(2)).getByText('This overlaps 9:00 AM–12:00 PM.')).toBeTruthy();
    for (const input of [from(2), until(2)]) {
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(description(input)).toBe('This overlaps 9:00 AM–12:00 PM.');
    }
    expect(from(1).getAttribute('aria-invalid')).toBeNull();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('names equal times and an empty time, each under its own range', async () => {
    await openSettings();
    type(from(1), '18:00');
    fireEvent.click(addButton());
    type(until(2), '20:00');
    await save('Please look at the marked fields; nothing was changed.');
    expect(description(until(1))).toBe('Choose an end that differs from the start.');
    expect(from(1).getAttribute('aria-invalid')).toBeNull();
    expect(description(from(2))).toBe('Choose a time.');
    expect(until(2).getAttribute('aria-invalid')).toBeNull();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('orders the ranges by start on Save; a problem stays with its range, and an overlap goes with the range it overlapped', async () => {
    await openSettings();
    type(from(1), '13:00');
    fireEvent.click(addButton());
    type(from(2), '09:00');
    type(until(2), '12:00');
    fireEvent.click(addButton());
    type(from(3), '11:00');
    type(until(3), '12:30');
    await save('Please look at the marked fields; nothing was changed.');
    // Sorted: 09:00–12:00, 11:00–12:30 (overlapping the first), 13:00–18:00.
    expect(ranges().map((group) => within(group).getByLabelText<HTMLInputElement>('From').value)).toEqual(['09:00', '11:00', '13:00']);
    expect(within(range(2)).getByText('This overlaps 9:00 AM–12:00 PM.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove range 3' }));
    expect(within(range(2)).getByText('This overlaps 9:00 AM–12:00 PM.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove range 1' }));
    expect(from(1).value).toBe('11:00');
    expect(from(1).getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/This overlaps/)).toBeNull();
    await save('Settings saved.');
    expect((await loadSettings()).activeRanges).toEqual([{ startMinutes: 660, endMinutes: 750 }]);
  });

  it('saves discreet offers, described for screen readers, and leaves on this day as it was', async () => {
    await saveSettings({ onThisDay: false });
    await openSettings();
    const discreet = screen.getByRole('checkbox', { name: 'Discreet offers' });
    expect(discreet).toHaveProperty('checked', false);
    expect(description(discreet)).toBe('Only “Time for a breathing space?”, never a prompt or an answer: for sharing your screen.');
    fireEvent.click(discreet);
    await save('Settings saved.');
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, discreet: true, onThisDay: false });
  });

  it('turns On this day off and on, described for screen readers, also while pauses are off', async () => {
    await saveSettings({ pausesEnabled: false });
    await openSettings();
    const onThisDay = screen.getByRole('checkbox', { name: 'Show “On this day” in the journal' });
    expect(onThisDay).toHaveProperty('checked', true);
    expect(onThisDay).toHaveProperty('disabled', false);
    expect(onThisDay.closest('fieldset')?.disabled).toBe(false);
    expect(description(onThisDay)).toBe('What you wrote a week, a month and a year ago, at the top of your journal.');
    fireEvent.click(onThisDay);
    await save('Settings saved.');
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, pausesEnabled: false, onThisDay: false });

    // Changed elsewhere (another tab, an import): the box follows.
    await saveSettings({ onThisDay: true });
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Show “On this day” in the journal' })).toHaveProperty('checked', true),
    );
  });
});
