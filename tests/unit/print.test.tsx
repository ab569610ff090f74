import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/print/App';
import { addNote } from '@/utils/db/notes';
import { SAMPLE_NOTE } from './sample-note';

const NOTE = SAMPLE_NOTE;

describe('print view', () => {
  it('shows every note, newest first, grouped by day', async () => {
    await addNote({ ...NOTE, answer: 'Monday' }, new Date(2026, 10, 23, 9, 5).getTime());
    await addNote({ ...NOTE, answer: 'Wednesday morning' }, new Date(2026, 10, 25, 9, 20).getTime());
    await addNote({ ...NOTE, answer: 'Wednesday afternoon', promptKind: 'step' }, new Date(2026, 10, 25, 14, 20).getTime());
    render(<App />);
    await screen.findByText('Wednesday afternoon');
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Wednesday, November 25, 2026',
      'Monday, November 23, 2026',
    ]);
    expect([...document.querySelectorAll('.note-answer')].map((answer) => answer.textContent)).toEqual([
      'Wednesday afternoon',
      'Wednesday morning',
      'Monday',
    ]);
    expect(document.querySelector('.print-meta')?.textContent).toBe('Small step · 2:20 PM');
    expect(document.title).toBe('Your journal · Adempauze');
  });

  it('prints when asked', async () => {
    await addNote(NOTE, new Date(2026, 10, 25, 14, 20).getTime());
    // happy-dom has no print dialog.
    const print = vi.fn();
    vi.stubGlobal('print', print);
    render(<App />);
    await screen.findByText('one');
    fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });

  it('renders markup in notes as literal text', async () => {
    await addNote(
      { ...NOTE, promptText: '<b>bold?</b>', answer: '<img src=x onerror=alert(1)><script>alert(2)</script>' },
      Date.UTC(2026, 0, 1),
    );
    render(<App />);
    await screen.findByText('<img src=x onerror=alert(1)><script>alert(2)</script>');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('<b>bold?</b>');
    expect(document.querySelector('.print img, .print script, .print b')).toBeNull();
  });

  it('says there is nothing to print yet, in Dutch for a Dutch browser', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('nl-NL');
    render(<App />);
    await screen.findByText('Er zijn nog geen notities om af te drukken.');
    expect(screen.getByRole('button', { name: 'Afdrukken of opslaan als pdf' })).toBeTruthy();
  });
});
