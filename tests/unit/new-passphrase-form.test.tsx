import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { NewPassphraseForm } from '@/components/NewPassphraseForm';
import { inJournal } from './lock-fake';

// The estimator's chunk cannot be fetched (an extension updated under an open page, say).
vi.mock('@/utils/lock/strength', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('a new passphrase without the estimator', () => {
  it('is not taken: nothing could say it is hard to guess', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(
      inJournal(
        <NewPassphraseForm label="Passphrase" submitLabel="Save" busyLabel="Saving…" failed={(detail) => detail} onSubmit={onSubmit} />,
      ),
    );
    const field = screen.getByLabelText('Passphrase');
    fireEvent.input(field, { target: { value: 'heron over the quiet lake' } });
    // Live: the verdict says it cannot check, rather than nothing or "hard to guess".
    const unavailable = 'The passphrase could not be checked. Reload the page and try again.';
    expect(await screen.findByText(unavailable)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('The same passphrase again'), { target: { value: 'heron over the quiet lake' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(unavailable));
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
