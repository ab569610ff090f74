import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { LockGate } from '@/components/LockGate';
import { UnlockForm } from '@/components/UnlockForm';
import { LockDamagedError } from '@/utils/errors';
import type { Secret, UnlockResult } from '@/utils/hooks/use-lock';
import { fakeLock, inJournal, LOCKED, OFF, UNLOCKED, UNLOCKED_ON } from './lock-fake';

function renderForm(unlock: (secret: Secret) => Promise<UnlockResult>, locale: 'en' | 'nl' = 'en') {
  const changePassphrase = vi.fn(() => Promise.resolve());
  const onRenewing = vi.fn();
  render(inJournal(<UnlockForm unlock={unlock} changePassphrase={changePassphrase} onRenewing={onRenewing} />, locale));
  return { changePassphrase, onRenewing };
}

const wrong = (retryAt = Date.now()): Promise<UnlockResult> => Promise.resolve({ ok: false, reason: 'wrong', retryAt });

/**
 * Lets the try finish and Preact run the effects it brings (the countdown's interval starts in one),
 * for tests whose clock is faked: the library's waiting polls with a faked interval there.
 */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

function typeAndUnlock(text: string, label = 'Passphrase') {
  fireEvent.input(screen.getByLabelText(label), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
}

describe('unlock form', () => {
  it('puts the focus in the passphrase field, which a password manager can fill', () => {
    renderForm(vi.fn(() => wrong()));
    const field = screen.getByLabelText('Passphrase');
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('type')).toBe('password');
    expect(field.getAttribute('autocomplete')).toBe('current-password');
  });

  it('unlocks with the passphrase as typed', async () => {
    const unlock = vi.fn(() => Promise.resolve(UNLOCKED));
    const { onRenewing } = renderForm(unlock);
    typeAndUnlock(' my passphrase ');
    await waitFor(() => expect(unlock).toHaveBeenCalledWith({ passphrase: ' my passphrase ' }));
    expect(onRenewing).not.toHaveBeenCalled();
  });

  it('shows that it is working while the passphrase is checked', async () => {
    let answer!: (result: UnlockResult) => void;
    renderForm(() => new Promise((resolve) => (answer = resolve)));
    typeAndUnlock('my passphrase');
    expect((await screen.findByRole('button', { name: 'Unlocking…' })).hasAttribute('disabled')).toBe(true);
    answer(UNLOCKED);
    await screen.findByRole('button', { name: 'Unlock' });
  });

  it('asks for the passphrase before trying', async () => {
    const unlock = vi.fn(() => wrong());
    renderForm(unlock);
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Type your passphrase first.');
    expect(unlock).not.toHaveBeenCalled();
  });

  it('says calmly when the passphrase is wrong, marks the field and keeps the focus there', async () => {
    renderForm(vi.fn(() => wrong()));
    typeAndUnlock('not it at all');
    const alert = await screen.findByText('That passphrase does not open the journal. Check Caps Lock and try again.');
    expect(alert.getAttribute('role')).toBe('alert');
    const field = screen.getByLabelText('Passphrase');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(alert.id);
    expect(document.activeElement).toBe(field);
    // No wait after the first wrong tries.
    expect(screen.getByRole('button', { name: 'Unlock' }).hasAttribute('disabled')).toBe(false);
    expect(screen.queryByText(/You can try again in/)).toBeNull();
  });

  it('counts down to the next try, with Unlock disabled until then', async () => {
    // Only the clock and the countdown's interval are faked: the library's waiting keeps real timeouts.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      renderForm(vi.fn(() => wrong(Date.now() + 3000)));
      typeAndUnlock('not it either');
      await settle();
      expect(screen.getByText('You can try again in 3 seconds.')).toBeTruthy();
      const button = screen.getByRole('button', { name: 'Unlock' });
      expect(button.hasAttribute('disabled')).toBe(true);
      await act(() => void vi.advanceTimersByTime(1000));
      expect(screen.getByText('You can try again in 2 seconds.')).toBeTruthy();
      await act(() => void vi.advanceTimersByTime(1000));
      expect(screen.getByText('You can try again in 1 second.')).toBeTruthy();
      await act(() => void vi.advanceTimersByTime(1000));
      expect(screen.queryByText(/You can try again in/)).toBeNull();
      expect(button.hasAttribute('disabled')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the wait when a try came too early, without calling it wrong', async () => {
    renderForm(vi.fn(() => Promise.resolve<UnlockResult>({ ok: false, reason: 'wait', retryAt: Date.now() + 10_000 })));
    typeAndUnlock('my passphrase');
    await screen.findByText(/You can try again in (9|10) seconds\./);
    expect(screen.queryByText(/does not open/)).toBeNull();
  });

  it('says so when unlocking failed for another reason', async () => {
    renderForm(() => Promise.reject(new Error('storage is gone')));
    typeAndUnlock('my passphrase');
    await screen.findByText('The journal could not be unlocked (storage is gone). Try again.');
  });

  it('switches to the recovery key and back', async () => {
    const unlock = vi.fn(() => wrong());
    renderForm(unlock);
    fireEvent.click(screen.getByRole('button', { name: 'Use the recovery key instead' }));
    const field = screen.getByLabelText('Recovery key');
    expect(field.getAttribute('type')).toBe('text');
    expect(document.activeElement).toBe(field);
    typeAndUnlock(' 7kq2-m9xd ', 'Recovery key');
    await screen.findByText('That recovery key does not open the journal. Check each group of four characters and try again.');
    expect(unlock).toHaveBeenCalledWith({ recoveryKey: '7kq2-m9xd' });
    fireEvent.click(screen.getByRole('button', { name: 'Use the passphrase instead' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Passphrase'));
    expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
  });

  it('offers a new passphrase after the recovery key opened the journal, and checks it', async () => {
    const { changePassphrase, onRenewing } = renderForm(vi.fn(() => Promise.resolve(UNLOCKED)));
    fireEvent.click(screen.getByRole('button', { name: 'Use the recovery key instead' }));
    typeAndUnlock('7KQ2-M9XD-AB3C-DEFG-HJ4K-MNPQ-RSTV-WXYZ', 'Recovery key');
    await screen.findByText(/Your recovery key opened the journal/);
    expect(onRenewing).toHaveBeenLastCalledWith(true);
    const first = screen.getByLabelText('New passphrase');
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(first.getAttribute('autocomplete')).toBe('new-password');

    fireEvent.input(first, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
    expect(first.getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(first, { target: { value: 'a long new passphrase' } });
    fireEvent.input(screen.getByLabelText('The same passphrase again'), { target: { value: 'a long new passfrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    const repeat = screen.getByLabelText('The same passphrase again');
    expect((await screen.findByText('This is not the same as the passphrase above.')).id).toBe(repeat.getAttribute('aria-describedby'));
    expect(document.activeElement).toBe(repeat);
    expect(changePassphrase).not.toHaveBeenCalled();

    fireEvent.input(repeat, { target: { value: 'a long new passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    await waitFor(() => expect(onRenewing).toHaveBeenLastCalledWith(false));
    // With the recovery key that opened it: the lock checks it again.
    expect(changePassphrase).toHaveBeenCalledWith({ recoveryKey: expect.any(String) as string }, 'a long new passphrase');
  });

  it('lets the new passphrase be skipped', async () => {
    const { changePassphrase, onRenewing } = renderForm(vi.fn(() => Promise.resolve(UNLOCKED)));
    fireEvent.click(screen.getByRole('button', { name: 'Use the recovery key instead' }));
    typeAndUnlock('7KQ2-M9XD-AB3C-DEFG-HJ4K-MNPQ-RSTV-WXYZ', 'Recovery key');
    fireEvent.click(await screen.findByRole('button', { name: 'Skip' }));
    expect(onRenewing).toHaveBeenLastCalledWith(false);
    expect(changePassphrase).not.toHaveBeenCalled();
  });

  it('speaks Dutch', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      renderForm(
        vi.fn(() => wrong(Date.now() + 2000)),
        'nl',
      );
      fireEvent.input(screen.getByLabelText('Wachtwoordzin'), { target: { value: 'niet deze' } });
      fireEvent.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
      await settle();
      expect(
        screen.getByText('Met die wachtwoordzin gaat het dagboek niet open. Kijk of Caps Lock aanstaat en probeer het opnieuw.'),
      ).toBeTruthy();
      expect(screen.getByText('Je kunt het over 2 seconden opnieuw proberen.')).toBeTruthy();
      await act(() => void vi.advanceTimersByTime(1000));
      expect(screen.getByText('Je kunt het over 1 seconde opnieuw proberen.')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'De herstelsleutel gebruiken' })).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('lock gate', () => {
  const journal = <h1>The journal itself</h1>;

  it('shows what it guards when the lock is off or the journal unlocked', () => {
    render(inJournal(<LockGate lock={fakeLock(OFF)}>{journal}</LockGate>));
    expect(screen.getByRole('heading', { name: 'The journal itself' })).toBeTruthy();
    render(inJournal(<LockGate lock={fakeLock(UNLOCKED_ON)}>{journal}</LockGate>));
    expect(screen.getAllByRole('heading', { name: 'The journal itself' })).toHaveLength(2);
  });

  it('shows nothing while it reads the lock', () => {
    const { container } = render(inJournal(<LockGate lock={{ ...fakeLock(OFF), state: { status: 'loading' } }}>{journal}</LockGate>));
    expect(container.textContent).toBe('');
  });

  it('shows the unlock form in place of the journal while it is locked', async () => {
    render(inJournal(<LockGate lock={fakeLock(LOCKED)}>{journal}</LockGate>));
    expect(screen.getByRole('heading', { level: 1, name: 'Your journal is locked' })).toBeTruthy();
    expect(screen.queryByText('The journal itself')).toBeNull();
    const field = await screen.findByLabelText('Passphrase');
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it('keeps the new-passphrase offer on screen after a recovery-key unlock, then shows the journal', async () => {
    const lock = fakeLock(LOCKED);
    const { rerender } = render(inJournal(<LockGate lock={lock}>{journal}</LockGate>));
    fireEvent.click(await screen.findByRole('button', { name: 'Use the recovery key instead' }));
    typeAndUnlock('7KQ2-M9XD-AB3C-DEFG-HJ4K-MNPQ-RSTV-WXYZ', 'Recovery key');
    await screen.findByLabelText('New passphrase');
    // The journal is unlocked now (the hook re-read the lock); the offer stays.
    rerender(inJournal(<LockGate lock={{ ...lock, state: { status: 'ready', value: UNLOCKED_ON } }}>{journal}</LockGate>));
    expect(screen.getByRole('heading', { level: 1, name: 'Your journal is unlocked' })).toBeTruthy();
    expect(screen.getByLabelText('New passphrase')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(screen.getByRole('heading', { name: 'The journal itself' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'The journal itself' }));
  });

  it('says calmly that a damaged lock leaves the notes untouched', () => {
    render(
      inJournal(<LockGate lock={{ ...fakeLock(OFF), state: { status: 'failed', error: new LockDamagedError() } }}>{journal}</LockGate>),
    );
    expect(screen.getByRole('alert').textContent).toMatch(/could not be read.*Your notes are untouched/);
    expect(screen.queryByText('The journal itself')).toBeNull();
  });
});
