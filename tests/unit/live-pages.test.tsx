// Every open page shows the truth: a change made in another context reaches a page without a
// reload. "Elsewhere" is a write through the same verbs another page or the background uses.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as OptionsApp } from '@/entrypoints/options/App';
import { App as PopupApp } from '@/entrypoints/popup/App';
import { decideOpening } from '@/utils/first-paint/opening';
import { addNote, deleteNote, getNotes, listNotesPage, updateNoteAnswer } from '@/utils/db/notes';
import { setPromptHidden } from '@/utils/db/prompts';
import { saveSettings } from '@/utils/storage/settings';
import { saveScheduleState } from '@/utils/storage/schedule-state';
import { parseScheduleState } from '@/utils/model/schedule';
import { HOUR } from '@/utils/time';
import { QUESTIONS } from '@/content/prompts';
import { SAMPLE_NOTE } from './sample-note';

const T0 = new Date(2026, 10, 25, 9, 0).getTime();
/** What nothing stored reads as: no offer planned or open, no history. */
const EMPTY_SCHEDULE = parseScheduleState(undefined);

function openJournal() {
  location.hash = '#journal';
  render(<OptionsApp />);
}

const answers = () => screen.queryAllByRole('article').map((article) => article.querySelector('.note-answer')?.textContent);

describe('the journal follows changes made elsewhere', () => {
  it('shows a note saved in the popup, and counts it', async () => {
    await addNote({ ...SAMPLE_NOTE, answer: 'first' }, T0);
    openJournal();
    await screen.findByText('1 note');
    await addNote({ ...SAMPLE_NOTE, answer: 'from the popup' }, T0 + HOUR);
    await screen.findByText('2 notes');
    expect(answers()).toEqual(['from the popup', 'first']);
  });

  it('shows an edit made in another tab, and drops a note deleted there', async () => {
    const one = await addNote({ ...SAMPLE_NOTE, answer: 'one' }, T0);
    const two = await addNote({ ...SAMPLE_NOTE, answer: 'two' }, T0 + 1);
    openJournal();
    await screen.findByText('2 notes');
    await updateNoteAnswer(one, 'one, edited elsewhere', T0 + 2, one.updatedAt);
    await waitFor(() => expect(answers()).toEqual(['two', 'one, edited elsewhere']));
    await deleteNote(two.id, two.updatedAt);
    await screen.findByText('1 note');
    expect(answers()).toEqual(['one, edited elsewhere']);
  });

  it('keeps search results current', async () => {
    await addNote({ ...SAMPLE_NOTE, answer: 'apple' }, T0);
    openJournal();
    await screen.findByText('1 note');
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search your notes' }), { target: { value: 'apple' } });
    await screen.findByText('1 note found');
    await addNote({ ...SAMPLE_NOTE, answer: 'apple pie' }, T0 + 1);
    await screen.findByText('2 notes found');
    expect(answers()).toEqual(['apple pie', 'apple']);
  });
});

describe('no lost update: an edit over a newer version is refused and the person chooses', () => {
  async function editWhileChangedElsewhere(): Promise<{ id: string }> {
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'original' }, T0);
    openJournal();
    await screen.findByText('1 note');
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Edit your answer' }), { target: { value: 'mine' } });
    await updateNoteAnswer(note, 'theirs', T0 + 1000, note.updatedAt);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This note was changed elsewhere');
    expect(within(alert).getByText('theirs')).toBeTruthy();
    // Nothing was overwritten, and what was typed is still in the editor.
    expect((await getNotes([note.id]))[0]?.answer).toBe('theirs');
    expect(screen.getByRole('textbox', { name: 'Edit your answer' })).toHaveProperty('value', 'mine');
    return note;
  }

  it('keeps theirs', async () => {
    const note = await editWhileChangedElsewhere();
    fireEvent.click(screen.getByRole('button', { name: 'Keep the newer text' }));
    await waitFor(() => expect(answers()).toEqual(['theirs']));
    expect((await getNotes([note.id]))[0]?.answer).toBe('theirs');
  });

  it('keeps mine', async () => {
    const note = await editWhileChangedElsewhere();
    fireEvent.click(screen.getByRole('button', { name: 'Keep my edit' }));
    await waitFor(() => expect(answers()).toEqual(['mine']));
    expect((await getNotes([note.id]))[0]?.answer).toBe('mine');
  });

  it('keeps both', async () => {
    await editWhileChangedElsewhere();
    fireEvent.click(screen.getByRole('button', { name: 'Keep both' }));
    await screen.findByText('2 notes');
    expect(answers().sort()).toEqual(['mine', 'theirs']);
    expect((await listNotesPage({ limit: 5 })).notes.map((note) => note.answer).sort()).toEqual(['mine', 'theirs']);
  });

  for (const choice of ['Keep my edit', 'Leave it deleted'] as const) {
    it(`keeps the editor of a note deleted elsewhere, and on Save offers to put it back or leave it: ${choice}`, async () => {
      const note = await addNote({ ...SAMPLE_NOTE, answer: 'original' }, T0);
      openJournal();
      await screen.findByText('1 note');
      fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
      fireEvent.input(screen.getByRole('textbox', { name: 'Edit your answer' }), { target: { value: 'mine' } });
      await deleteNote(note.id, note.updatedAt);
      await waitFor(() => expect(screen.queryByText('1 note')).toBeNull());
      // What the person was typing is not taken away from under them.
      expect(screen.getByRole('textbox', { name: 'Edit your answer' })).toHaveProperty('value', 'mine');
      fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('This note was deleted elsewhere');
      expect(await getNotes([note.id])).toEqual([]);
      fireEvent.click(within(alert).getByRole('button', { name: choice }));
      if (choice === 'Keep my edit') {
        await screen.findByText('1 note');
        expect(answers()).toEqual(['mine']);
        expect((await getNotes([note.id]))[0]).toMatchObject({ answer: 'mine', createdAt: note.createdAt });
      } else {
        await waitFor(() => expect(screen.queryAllByRole('article')).toHaveLength(0));
        expect(await getNotes([note.id])).toEqual([]);
      }
    });
  }

  it('refuses a delete of a note changed since it was shown, showing the newer text', async () => {
    const note = await addNote({ ...SAMPLE_NOTE, answer: 'original' }, T0);
    openJournal();
    await screen.findByText('1 note');
    // Changed elsewhere in the same moment the person clicks Delete: the card still shows the old version.
    const newer = await updateNoteAnswer(note, 'theirs', T0 + 1000, note.updatedAt);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('was not deleted');
    expect(within(alert).getByText('theirs')).toBeTruthy();
    expect(await getNotes([note.id])).toEqual([newer]);
    fireEvent.click(within(alert).getByRole('button', { name: 'Delete it anyway' }));
    await screen.findByText('Note deleted.');
    expect(await getNotes([note.id])).toEqual([]);
  });
});

describe('settings, prompts and the schedule follow too', () => {
  it('the settings form shows a change saved in another tab', async () => {
    location.hash = '#settings';
    render(<OptionsApp />);
    const perDay = await screen.findByRole('spinbutton', { name: 'At most this many offers a day' });
    expect(perDay).toHaveProperty('value', '4');
    await saveSettings({ maxPerDay: 7 });
    await waitFor(() => expect(perDay).toHaveProperty('value', '7'));
  });

  it('the page switches language when it is chosen in another tab', async () => {
    location.hash = '#settings';
    render(<OptionsApp />);
    await screen.findByRole('heading', { name: 'Settings' });
    await saveSettings({ language: 'nl' });
    await screen.findByRole('heading', { name: 'Instellingen' });
  });

  it('the prompt list shows a prompt hidden in another tab', async () => {
    location.hash = '#prompts';
    render(<OptionsApp />);
    const prompt = QUESTIONS[0];
    const name = prompt.text.en;
    await screen.findByRole('button', { name: `Not for me: ${name}`, pressed: false });
    await setPromptHidden(prompt.id, true, T0);
    await screen.findByRole('button', { name: `Show again: ${name}`, pressed: true });
  });

  it("the popup's pause status follows the schedule the background writes", async () => {
    await fakeBrowser.alarms.create('pause', { when: Date.now() + HOUR });
    await saveScheduleState({ ...EMPTY_SCHEDULE, nextOfferAt: Date.now() + HOUR });
    render(<PopupApp opening={decideOpening('popup')} />);
    await screen.findByText(/^Next pause around/);
    await saveScheduleState({ ...EMPTY_SCHEDULE, quietUntil: Date.now() + 2 * HOUR });
    await screen.findByText(/^Quiet until/);
  });
});
