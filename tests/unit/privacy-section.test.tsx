import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { PrivacySection } from '@/entrypoints/options/PrivacySection';
import { addNote } from '@/utils/db/notes';
import { LockDamagedError } from '@/utils/errors';
import { WrongSecretError } from '@/utils/lock/wrong-secret';
import { createLock, lockNow, resume } from '@/utils/lock/lock';
import type { LockHandle, LockView } from '@/utils/hooks/use-lock';
import { fakeLock, inJournal, LOCKED, OFF, UNLOCKED_ON } from './lock-fake';
import { SAMPLE_NOTE } from './sample-note';

const KEY = '7KQ2-M9XD-AB3C-DEFG-HJ4K-MNPQ-RSTV-WXYZ';

function renderSection(lock: LockHandle, locale: 'en' | 'nl' = 'en') {
  const result = render(inJournal(<PrivacySection lock={lock} />, locale));
  return { ...result, rerender: (next: LockHandle) => result.rerender(inJournal(<PrivacySection lock={next} />, locale)) };
}

const showing = (lock: LockHandle, view: LockView, settling?: LockHandle['settling']): LockHandle => ({
  ...lock,
  state: { status: 'ready', value: view },
  settling,
});

interface TurnOnInput {
  passphrase?: string;
  repeat?: string;
  acknowledge?: boolean;
}

function fillTurnOn({ passphrase = 'correct horse battery', repeat = passphrase, acknowledge = true }: TurnOnInput = {}) {
  fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: passphrase } });
  fireEvent.input(screen.getByLabelText('The same passphrase again'), { target: { value: repeat } });
  if (acknowledge) fireEvent.click(screen.getByRole('checkbox', { name: /nobody can read my notes again/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Turn on the lock' }));
}

describe('privacy section (options page)', () => {
  it('says what the lock does before it is turned on', () => {
    renderSection(fakeLock(OFF));
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy' })).toBeTruthy();
    expect(screen.getByText(/notes and your own prompts are stored encrypted/)).toBeTruthy();
    expect(screen.getByText(/dates of your notes stay readable/)).toBeTruthy();
    expect(screen.getByText(/popup never asks for the passphrase/)).toBeTruthy();
    const field = screen.getByLabelText('Passphrase');
    expect(field.getAttribute('type')).toBe('password');
    expect(field.getAttribute('autocomplete')).toBe('new-password');
  });

  it('refuses a short passphrase, a repeat that differs and an unticked box, each at its field', async () => {
    const lock = fakeLock(OFF);
    renderSection(lock);
    fillTurnOn({ passphrase: 'short', acknowledge: false });
    const passphrase = screen.getByLabelText('Passphrase');
    expect(passphrase.getAttribute('aria-invalid')).toBe('true');
    expect(passphrase.getAttribute('aria-describedby')).toContain(screen.getByText('Use at least 8 characters.').id);
    expect(document.activeElement).toBe(passphrase);
    expect(screen.getByText('Tick this box to go on.')).toBeTruthy();

    fillTurnOn({ passphrase: 'correct horse battery', repeat: 'correct horse batery', acknowledge: true });
    const repeat = screen.getByLabelText('The same passphrase again');
    // The passphrase's strength is checked first (utils/lock/strength.ts, loaded on demand), then the repeat.
    await waitFor(() => expect(repeat.getAttribute('aria-invalid')).toBe('true'));
    expect(repeat.getAttribute('aria-describedby')).toBe(screen.getByText('This is not the same as the passphrase above.').id);
    expect(screen.queryByText('Use at least 8 characters.')).toBeNull();
    expect(screen.queryByText('Tick this box to go on.')).toBeNull();
    expect(lock.turnOn).not.toHaveBeenCalled();
  });

  it('counts characters, not code units: eight emoji are eight characters', async () => {
    const lock = fakeLock(OFF);
    renderSection(lock);
    fillTurnOn({ passphrase: '🌿🦉🌊🍐🪁🧭🐚' });
    expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
    fillTurnOn({ passphrase: '🌿🦉🌊🍐🪁🧭🐚🌙', acknowledge: false });
    await waitFor(() => expect(lock.turnOn).toHaveBeenCalledWith('🌿🦉🌊🍐🪁🧭🐚🌙'));
  });

  it('refuses a guessable passphrase with its reason in plain words, shown live and on submit', async () => {
    const lock = fakeLock(OFF);
    renderSection(lock);
    const field = screen.getByLabelText('Passphrase');
    fireEvent.input(field, { target: { value: 'password' } });
    // Live, once typing pauses: a polite live region that also describes the field.
    const reason = 'Easy to guess: it is one of the most used passwords in the world. Add a few more words that do not belong together.';
    const live = await screen.findByText(reason);
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(field.getAttribute('aria-describedby')).toContain(live.id);

    fillTurnOn({ passphrase: 'password' });
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(field);
    expect(screen.getByText(reason).classList.contains('field-problem')).toBe(true);
    expect(lock.turnOn).not.toHaveBeenCalled();

    fireEvent.input(field, { target: { value: 'wolk fiets lamp regen' } });
    expect(await screen.findByText('Hard to guess. This passphrase will do.')).toBeTruthy();
    fillTurnOn({ passphrase: 'wolk fiets lamp regen', acknowledge: false });
    await waitFor(() => expect(lock.turnOn).toHaveBeenCalledWith('wolk fiets lamp regen'));
  });

  it('gives the reason in Dutch, in its own words', async () => {
    renderSection(fakeLock(OFF), 'nl');
    fireEvent.input(screen.getByLabelText('Wachtwoordzin'), { target: { value: 'adempauze2026' } });
    expect(
      await screen.findByText(
        'Makkelijk te raden: er staan woorden over Adempauze zelf in, en die probeert iedereen als eerste. Voeg nog een paar woorden toe die niet bij elkaar horen.',
      ),
    ).toBeTruthy();
  });

  it('shows the recovery key once, to copy and print, until it is put away', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const lock = fakeLock(OFF);
    const { rerender } = renderSection(lock);
    fillTurnOn();
    await waitFor(() => expect(lock.turnOn).toHaveBeenCalledWith('correct horse battery'));
    const key = await screen.findByText(KEY);
    expect(key.tagName).toBe('OUTPUT');
    expect(screen.getByRole('heading', { name: 'Your recovery key' })).toBeTruthy();
    // The journal is unlocked and being encrypted meanwhile; the key stays on screen.
    rerender(
      showing(
        lock,
        { kind: 'unlocked', state: 'turning-on', lockAfterMinutes: 15, warning: [], replacing: false },
        { direction: 'on', done: 0, total: 10 },
      ),
    );
    expect(screen.getByText(KEY)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lock now' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByText('Copied.');
    expect(writeText).toHaveBeenCalledWith(KEY);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();

    fireEvent.click(screen.getByRole('button', { name: 'I have kept it somewhere safe' }));
    expect(screen.queryByText(KEY)).toBeNull();
    rerender(showing(lock, UNLOCKED_ON));
    expect(screen.queryByText(KEY)).toBeNull();
    expect(screen.getByRole('button', { name: 'Lock now' })).toBeTruthy();
    expect(document.body.textContent).not.toContain(KEY);
    vi.unstubAllGlobals();
  });

  it('says to copy by hand when the clipboard refuses', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    renderSection(fakeLock(OFF));
    fillTurnOn();
    fireEvent.click(await screen.findByRole('button', { name: 'Copy' }));
    await screen.findByText('Copying did not work here. Select the key and copy it by hand.');
    vi.unstubAllGlobals();
  });

  it('says so when the lock could not be turned on, keeping what was typed', async () => {
    renderSection(fakeLock(OFF, { turnOn: () => Promise.reject(new Error('no room')) }));
    fillTurnOn();
    await screen.findByText('The lock could not be turned on (no room). Your notes are as they were; try again.');
    expect(screen.getByLabelText<HTMLInputElement>('Passphrase').value).toBe('correct horse battery');
  });

  it('shows the progress of encrypting, with the count on the bar, and says it carries on later', () => {
    renderSection(
      showing(
        fakeLock(OFF),
        { kind: 'unlocked', state: 'turning-on', lockAfterMinutes: 15, warning: [], replacing: false },
        { direction: 'on', done: 1234, total: 50_000 },
      ),
    );
    expect(screen.getByText('Encrypting your journal: 1,234 of 50,000…')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Encrypting your journal' });
    expect(bar.getAttribute('value')).toBe('1234');
    expect(bar.getAttribute('max')).toBe('50000');
    expect(screen.getByText(/If you close this tab, nothing is lost/)).toBeTruthy();
    // Read out by quarters, not per batch.
    expect(screen.getByText('Encrypting your journal: 0% done.').getAttribute('role')).toBe('status');
  });

  it('shows the progress of decrypting in Dutch', () => {
    renderSection(
      showing(
        fakeLock(OFF),
        { kind: 'unlocked', state: 'turning-off', lockAfterMinutes: 15, warning: [], replacing: false },
        { direction: 'off', done: 30_000, total: 50_000 },
      ),
      'nl',
    );
    expect(screen.getByText('Je dagboek wordt ontsleuteld: 30.000 van 50.000…')).toBeTruthy();
    expect(screen.getByText('Je dagboek wordt ontsleuteld: 50% klaar.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Nu op slot doen' })).toBeNull();
  });

  it('says when encrypting has finished', () => {
    const lock = showing(
      fakeLock(OFF),
      { kind: 'unlocked', state: 'turning-on', lockAfterMinutes: 15, warning: [], replacing: false },
      { direction: 'on', done: 9, total: 10 },
    );
    const { rerender } = renderSection(lock);
    rerender(showing(lock, UNLOCKED_ON));
    expect(screen.getByText('The lock is on: your journal is encrypted.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says when the key has been renewed, even when a read of the lock failed in between', () => {
    const lock = showing(fakeLock(OFF), { kind: 'unlocked', state: 'on', lockAfterMinutes: 15, warning: [], replacing: true });
    const { rerender } = renderSection(lock);
    rerender({ ...lock, state: { status: 'failed', error: new Error('storage busy') } });
    rerender(showing(lock, UNLOCKED_ON));
    expect(screen.getByText('Every note is now encrypted with the new key.')).toBeTruthy();
  });

  it('locks now, and sets how long the journal stays unlocked', async () => {
    const lock = fakeLock(UNLOCKED_ON);
    renderSection(lock);
    fireEvent.click(screen.getByRole('button', { name: 'Lock now' }));
    expect(lock.lockNow).toHaveBeenCalledOnce();
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Lock again after this long without use' });
    expect([...select.options].map((option) => option.textContent)).toEqual(['5 minutes', '15 minutes', '30 minutes', '1 hour', '4 hours']);
    expect(select.value).toBe('15');
    fireEvent.change(select, { target: { value: '60' } });
    await screen.findByText('Saved.');
    expect(lock.setLockAfter).toHaveBeenCalledWith(60);
  });

  it('names the choices in Dutch', () => {
    renderSection(fakeLock(UNLOCKED_ON), 'nl');
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Weer op slot na zo lang zonder gebruik' });
    expect([...select.options].map((option) => option.textContent)).toEqual(['5 minuten', '15 minuten', '30 minuten', '1 uur', '4 uur']);
  });

  it('changes the passphrase, checked like a new one, only with the current one typed again', async () => {
    const lock = fakeLock(UNLOCKED_ON);
    renderSection(lock);
    fireEvent.input(screen.getByLabelText('New passphrase'), { target: { value: 'another long one' } });
    fireEvent.input(screen.getByLabelText('The same passphrase again'), { target: { value: 'another long one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(await screen.findAllByText('Type your current passphrase or recovery key first.')).not.toHaveLength(0);
    expect(lock.changePassphrase).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Your current passphrase'), { target: { value: 'the old one' } });
    fireEvent.input(screen.getByLabelText('The same passphrase again'), { target: { value: 'another' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(await screen.findByText('This is not the same as the passphrase above.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('The same passphrase again'), { target: { value: 'another long one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await screen.findByText('Your passphrase is changed. Use the new one from now on.');
    expect(lock.changePassphrase).toHaveBeenCalledWith({ passphrase: 'the old one' }, 'another long one', false);
    expect(screen.getByLabelText<HTMLInputElement>('New passphrase').value).toBe('');
  });

  it('removes the lock only after asking once more, with the passphrase', async () => {
    const lock = fakeLock(UNLOCKED_ON);
    renderSection(lock);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the lock…' }));
    expect(screen.getByText('After this, anyone who uses this browser can read your notes. Remove the lock?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep the lock' }));
    expect(lock.turnOff).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Remove the lock…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove the lock' }));
    expect(screen.getAllByText('Type your current passphrase or recovery key first.')).not.toHaveLength(0);
    expect(lock.turnOff).not.toHaveBeenCalled();
    const field = within(screen.getByRole('group', { name: /Remove the lock\?/ })).getByLabelText('Your current passphrase');
    fireEvent.input(field, { target: { value: 'the passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove the lock' }));
    await waitFor(() => expect(lock.turnOff).toHaveBeenCalledWith({ passphrase: 'the passphrase' }));
  });

  it('says so when the passphrase typed to remove the lock does not open it, and keeps the question', async () => {
    const lock = fakeLock(UNLOCKED_ON, { turnOff: vi.fn(() => Promise.reject(new WrongSecretError())) });
    renderSection(lock);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the lock…' }));
    const group = screen.getByRole('group', { name: /Remove the lock\?/ });
    fireEvent.input(within(group).getByLabelText('Your current passphrase'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove the lock' }));
    await screen.findByText('That passphrase or recovery key does not open the journal, so nothing was changed.');
    expect(screen.getByRole('button', { name: 'Yes, remove the lock' })).toBeTruthy();
  });

  it('says when the lock has been removed', () => {
    const lock = showing(fakeLock(OFF), { kind: 'unlocked', state: 'turning-off', lockAfterMinutes: 15, warning: [], replacing: false });
    const { rerender } = renderSection(lock);
    expect(screen.getByText(/The lock is being removed/)).toBeTruthy();
    rerender(showing(lock, OFF));
    expect(screen.getByText('The lock is removed: your notes are stored without a passphrase again.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Turn on the lock' })).toBeTruthy();
  });

  it('asks to unlock before anything can be changed', () => {
    renderSection(fakeLock(LOCKED));
    expect(screen.getByText('Your journal is locked. Unlock it to change these settings.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove the lock…' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('says calmly that a damaged lock leaves the notes untouched', () => {
    renderSection({ ...fakeLock(OFF), state: { status: 'failed', error: new LockDamagedError() } });
    expect(screen.getByRole('alert').textContent).toMatch(/Your notes are untouched: they stay encrypted/);
    expect(screen.queryByRole('button', { name: 'Turn on the lock' })).toBeNull();
  });

  it('speaks Dutch', () => {
    renderSection(fakeLock(OFF), 'nl');
    expect(screen.getByLabelText('Wachtwoordzin')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /ook de makers van Adempauze niet/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Slot aanzetten' })).toBeTruthy();
  });
});

describe('privacy section on the options page', () => {
  it('is reached from the navigation and loads when opened', async () => {
    location.hash = '#privacy';
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Privacy' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Privacy' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('button', { name: 'Turn on the lock' })).toBeTruthy();
    location.hash = '';
  });
});

describe('the journal behind the lock (options page)', () => {
  it('shows the unlock form in place of the notes while locked, and the notes once unlocked', async () => {
    const passphrase = 'a long walk along the Amstel';
    await addNote({ ...SAMPLE_NOTE, answer: 'Only for me' }, Date.now() - 60_000);
    await createLock(passphrase, Date.now());
    await resume(() => undefined);
    await lockNow();
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your journal is locked' })).toBeTruthy();
    expect(screen.queryByText('Only for me')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lock now' })).toBeNull();
    fireEvent.input(await screen.findByLabelText('Passphrase'), { target: { value: passphrase } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    // A real key derivation: a moment, not an instant, and seconds on a busy machine.
    expect(await screen.findByText('Only for me', {}, { timeout: 55_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lock now' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your journal is locked' })).toBeTruthy();
    expect(screen.queryByText('Only for me')).toBeNull();
  });
});
