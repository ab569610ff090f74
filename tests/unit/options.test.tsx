import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/options/App';
import { addNote, type NewNote } from '@/utils/notes-db';

const NOTE: NewNote = {
  promptId: 'q-beliefs',
  promptText: 'Which beliefs about vulnerability live in me?',
  promptKind: 'question',
  locale: 'en',
  answer: 'one',
  source: 'popup',
};

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
    expect(screen.getAllByRole('heading', { level: 2 })[0]?.textContent).toBe(NOTE.promptText);
  });

  it('shows dates in Dutch in a Dutch browser', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl-NL');
    await addNote(NOTE, new Date(2026, 10, 25, 14, 20).getTime());
    render(<App />);
    await screen.findByText('1 notitie');
    expect(screen.getByRole('article').querySelector('time')?.textContent).toBe('25 nov 2026, 14:20');
  });

  it('loads older notes a page at a time', async () => {
    for (let i = 0; i < 60; i++) await addNote({ ...NOTE, answer: `note ${i}` }, 1_000 + i);
    render(<App />);
    await screen.findByText('60 notes');
    expect(screen.getAllByRole('article')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Show older notes' }));
    await screen.findByText('note 0');
    expect(screen.getAllByRole('article')).toHaveLength(60);
    expect(screen.queryByRole('button', { name: 'Show older notes' })).toBeNull();
  });

  it('renders markup in answers as literal text', async () => {
    await addNote({ ...NOTE, answer: '<img src=x onerror=alert(1)><b>bold</b>' }, 1);
    render(<App />);
    await screen.findByText('<img src=x onerror=alert(1)><b>bold</b>');
    expect(document.querySelector('.note-answer img, .note-answer b')).toBeNull();
  });
});
