import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { addNote, getNotes } from '@/utils/db/notes';
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
