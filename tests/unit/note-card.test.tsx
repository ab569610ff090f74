import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { NoteCard } from '@/components/NoteCard';
import type { Note } from '@/utils/model/records';
import { renderInJournal } from './in-language';
import { SAMPLE_ROW } from './sample-note';

/** An encrypted note whose ciphertext did not open: its dates are known, its texts are empty. */
const UNREADABLE: Note = { ...SAMPLE_ROW, promptText: '', answer: '', unreadable: true };

describe('note card', () => {
  it('shows a note that could not be read by its date, with Delete but no Edit', () => {
    const onDelete = vi.fn(() => Promise.resolve({ kind: 'saved' as const }));
    renderInJournal(<NoteCard note={UNREADABLE} onEdit={vi.fn()} onDelete={onDelete} />);
    const card = screen.getByRole('article', { name: 'This note could not be read.' });
    expect(card.querySelector('time')?.textContent).toBe('Nov 25, 2026, 2:20 PM');
    expect(card.querySelector('.note-answer')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onDelete).toHaveBeenCalledWith(UNREADABLE);
  });

  it('says so in Dutch', () => {
    renderInJournal(<NoteCard note={UNREADABLE} />, 'nl');
    expect(screen.getByRole('heading', { name: 'Deze notitie kon niet worden gelezen.' }).getAttribute('lang')).toBe('nl');
  });

  it('marks a note the lock does not trust as the owner’s, in both languages', () => {
    const { unmount } = renderInJournal(<NoteCard note={{ ...SAMPLE_ROW, suspect: 'plain' }} />);
    expect(screen.getByRole('article').textContent).toContain(
      'This note was stored unencrypted while the lock was on: Adempauze never does that, so it may not be yours.',
    );
    unmount();
    renderInJournal(<NoteCard note={{ ...UNREADABLE, suspect: 'wrong-key' }} />, 'nl');
    expect(screen.getByRole('article').textContent).toContain(
      'Deze notitie is verzegeld met een sleutel die niet van je slot is, en is daarom niet te lezen.',
    );
  });
});
